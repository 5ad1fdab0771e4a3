"""A live AutoML job display for `kumi automl`: phase, trials, best so far, time vs budget."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console, Group
from rich.live import Live
from rich.progress_bar import ProgressBar
from rich.table import Table as RichTable
from rich.text import Text

from kumi.automl.metrics import CLASSIFICATION, REGRESSION

RECENT_TRIALS = 5


@dataclass
class AutoMLProgress:
    """Follows a job's progress events (``{"phase", "elapsed_s", ...}``, a finished trial
    adding ``"trial"``: its leaderboard row) and shows them on ``console``."""

    console: Console
    budget_s: float
    metric: str | None = None
    phase: str = "queued"
    elapsed_s: float = 0.0
    trials_done: int = 0
    best_metric: float | None = None
    best_estimator: str = ""
    recent: list[dict[str, Any]] = field(default_factory=list)
    _live: Live | None = None
    _started: float = field(default_factory=time.monotonic)

    def start(self) -> None:
        self._live = Live(self._render(), console=self.console, refresh_per_second=4)
        self._live.start()

    def stop(self) -> None:
        if self._live is not None:
            self._live.update(self._render())
            self._live.stop()
            self._live = None
            if not self.console.is_terminal:  # Live leaves its last line open there
                self.console.line()

    def __call__(self, event: dict[str, Any]) -> None:
        """Take one progress event."""
        self.phase = str(event.get("phase", self.phase))
        self.elapsed_s = float(event.get("elapsed_s", time.monotonic() - self._started))
        trial = event.get("trial")
        if isinstance(trial, dict):
            self._take_trial(trial)
        if "trials_done" in event:
            self.trials_done = int(event["trials_done"])
        if event.get("best_metric") is not None:
            self.best_metric = float(event["best_metric"])
            self.best_estimator = str(event.get("best_estimator") or event.get("best") or "")
        if self._live is not None:
            self._live.update(self._render())

    def _take_trial(self, trial: dict[str, Any]) -> None:
        self.trials_done += 1
        self.recent = [*self.recent, trial][-RECENT_TRIALS:]
        value = trial.get("metric")
        if trial.get("status") != "completed" or value is None:
            return
        if self.best_metric is None or _better(float(value), self.best_metric, self.metric):
            self.best_metric, self.best_estimator = float(value), str(trial.get("family", ""))

    def _render(self) -> Group:
        summary = RichTable.grid(padding=(0, 2))
        summary.add_row(
            Text(f"phase {self.phase}", style="bold"),
            f"trials {self.trials_done}",
            f"best {_best_text(self)}",
            f"{self.elapsed_s:.0f} s / {self.budget_s:.0f} s",
        )
        bar = ProgressBar(total=self.budget_s, completed=min(self.elapsed_s, self.budget_s))
        return Group(summary, bar, _trials_table(self.recent))


def _better(value: float, best: float, metric: str | None) -> bool:
    known = {**CLASSIFICATION, **REGRESSION}.get(metric or "")
    greater = True if known is None else known.greater_is_better
    return value > best if greater else value < best


def _best_text(progress: AutoMLProgress) -> str:
    if progress.best_metric is None:
        return "-"
    name = f" {progress.metric}" if progress.metric else ""
    return f"{progress.best_estimator}{name} {progress.best_metric:.4f}"


def _trials_table(trials: list[dict[str, Any]]) -> RichTable:
    table = RichTable(show_header=True, header_style="bold", expand=False, box=None)
    for column in ("trial", "family", "status", "metric", "seconds"):
        table.add_column(column)
    for row in trials:
        value = row.get("metric")
        seconds = float(row.get("fit_s") or 0.0) + float(row.get("predict_s") or 0.0)
        table.add_row(
            str(row.get("trial", "")),
            str(row.get("family", "")),
            str(row.get("status", "")),
            "" if value is None else f"{float(value):.4f}",
            f"{seconds:.2f}",
        )
    return table
