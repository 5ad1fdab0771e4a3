"""A live step table for `kumi run`, fed by engine hooks."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.table import Table as RichTable

from kumi.engine import ExecutionPlan, RunHooks, RunResult, StepResult

STATUS_STYLE = {
    "queued": "dim",
    "running": "yellow",
    "completed": "green",
    "reused": "cyan",
    "failed": "bold red",
    "canceled": "magenta",
}


@dataclass
class _Row:
    component: str
    status: str = "queued"
    seconds: float | None = None
    started: float | None = None
    note: str = ""


@dataclass
class LiveProgress(RunHooks):
    """Shows every step's status, duration and reuse while a pipeline runs."""

    console: Console
    rows: dict[str, _Row] = field(default_factory=dict)
    _live: Live | None = None

    def before_pipeline_run(self, *, run_id: str, plan: ExecutionPlan) -> None:
        """The plan is valid: show every step as queued."""
        self.rows = {node: _Row(plan.steps[node].component_id) for node in plan.order}
        self._live = Live(self._render(), console=self.console, refresh_per_second=8)
        self._live.start()

    def after_pipeline_run(self, *, run_id: str, plan: ExecutionPlan, result: RunResult) -> None:
        self.stop()

    def stop(self) -> None:
        if self._live is not None:
            self._live.update(self._render())
            self._live.stop()
            self._live = None
            if not self.console.is_terminal:  # Live leaves its last line open there
                self.console.line()

    def before_step(self, *, run_id: str, node_id: str, component_id: str) -> None:
        row = self.rows.setdefault(node_id, _Row(component_id))
        row.status, row.started = "running", time.monotonic()
        self._refresh()

    def after_step(self, *, run_id: str, step: StepResult) -> None:
        row = self.rows.setdefault(step.node_id, _Row(step.component_id))
        row.status, row.seconds = str(step.status), step.seconds
        row.note = (step.error or {}).get("message", "") if step.error else step.reason
        self._refresh()

    def _refresh(self) -> None:
        if self._live is not None:
            self._live.update(self._render())

    def _render(self) -> RichTable:
        table = RichTable(show_header=True, header_style="bold", expand=False)
        for column in ("step", "component", "status", "seconds", "note"):
            table.add_column(column, overflow="fold")
        now = time.monotonic()
        for node_id, row in self.rows.items():
            seconds = row.seconds
            if seconds is None and row.started is not None:
                seconds = now - row.started
            shown = "" if seconds is None else f"{seconds:.2f}"
            style = STATUS_STYLE.get(row.status, "")
            table.add_row(node_id, row.component, f"[{style}]{row.status}[/]", shown, _short(row))
        return table


def _short(row: _Row) -> Any:
    return row.note if len(row.note) <= 90 else row.note[:87] + "..."
