"""Records a run's progress in the workspace's metadata database (an engine hook)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kumi.engine import ExecutionPlan, RunHooks, RunResult, StepResult
from kumi.storage.runs import RunRepository


@dataclass
class RunRecorder(RunHooks):
    """Keeps the run row and one row per step up to date while the engine runs. The
    run's final status is left to the caller, which records it with the run's metrics
    (see :func:`run_outcome`), so a finished run is never seen without them."""

    runs: RunRepository
    workspace_path: Path

    def before_pipeline_run(self, *, run_id: str, plan: ExecutionPlan) -> None:
        self.runs.set_status(run_id, "running")
        for node_id, step in plan.steps.items():
            self.runs.upsert_step(run_id, node_id, component_id=step.component_id, status="queued")

    def before_step(self, *, run_id: str, node_id: str, component_id: str) -> None:
        self.runs.upsert_step(run_id, node_id, component_id=component_id, status="running")

    def after_step(self, *, run_id: str, step: StepResult) -> None:
        self.runs.upsert_step(
            run_id,
            step.node_id,
            component_id=step.component_id,
            status=step.status.value,
            cached=step.cached,
            reason=step.reason,
            seconds=step.seconds,
            cache_key=step.cache_key,
            outputs=step.outputs,
            error=step.error,
            log_key=self._log_key(step.log_path),
        )

    def after_pipeline_run(self, *, run_id: str, plan: ExecutionPlan, result: RunResult) -> None:
        for node_id, step in result.steps.items():
            if not step.status.finished or step.status.value == "canceled":
                self.runs.upsert_step(
                    run_id,
                    node_id,
                    component_id=step.component_id,
                    status=step.status.value,
                    reason=step.reason,
                )

    def _log_key(self, log_path: Path | None) -> str | None:
        if log_path is None:
            return None
        try:
            return log_path.resolve().relative_to(self.workspace_path).as_posix()
        except ValueError:
            return str(log_path)


def run_outcome(result: RunResult) -> tuple[str, dict[str, Any] | None]:
    """A finished run's status and the error of its first failed step."""
    failed = next((s for s in result.steps.values() if s.error), None)
    return result.status.value, failed.error if failed else None
