"""What a run reports: per-step results and the run's result."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from kumi.core.contracts import OutputRef
from kumi.core.errors import NotFoundError


class StepStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELED = "canceled"
    REUSED = "reused"

    @property
    def finished(self) -> bool:
        return self not in (StepStatus.QUEUED, StepStatus.RUNNING)

    @property
    def succeeded(self) -> bool:
        return self in (StepStatus.COMPLETED, StepStatus.REUSED)


class RunStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELED = "canceled"


@dataclass(frozen=True)
class StepResult:
    """One step's state or outcome. ``reason`` says why it ran, was reused or canceled."""

    node_id: str
    component_id: str
    status: StepStatus = StepStatus.QUEUED
    cached: bool = False
    reason: str = ""
    seconds: float = 0.0
    outputs: dict[str, OutputRef] = field(default_factory=dict)
    error: dict[str, Any] | None = None
    log_path: Path | None = None
    cache_key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "node_id": self.node_id,
            "component_id": self.component_id,
            "status": self.status.value,
            "cached": self.cached,
            "reason": self.reason,
            "seconds": round(self.seconds, 4),
            "outputs": {port: ref.to_dict() for port, ref in self.outputs.items()},
            "error": self.error,
            "log_path": str(self.log_path) if self.log_path else None,
            "cache_key": self.cache_key,
        }


@dataclass(frozen=True)
class RunResult:
    """A run's outcome (or, from ``RunHandle.status()``, its progress so far)."""

    run_id: str
    status: RunStatus
    steps: dict[str, StepResult]
    seconds: float

    @property
    def ok(self) -> bool:
        return self.status == RunStatus.COMPLETED

    def output(self, node_id: str, port: str) -> OutputRef:
        """The stored output ``node_id.port``; NotFoundError if the step has none."""
        step = self.steps.get(node_id)
        if step is None or port not in step.outputs:
            raise NotFoundError(
                f"Run '{self.run_id}' has no output '{node_id}.{port}'"
                + (f" (step {step.status.value})" if step else " (no such step)")
                + "; check the node id and port name.",
                details={"run_id": self.run_id, "node": node_id, "port": port},
            )
        return step.outputs[port]

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "status": self.status.value,
            "seconds": round(self.seconds, 4),
            "steps": {node: step.to_dict() for node, step in self.steps.items()},
        }
