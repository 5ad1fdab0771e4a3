"""What derivation produces and the facts it works from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from kumi.core import NotDerivableError, OutputRef
from kumi.graph import PipelineDocument
from kumi.storage.records import Pipeline

Kind = Literal["realtime", "batch"]
KINDS: tuple[str, ...] = ("realtime", "batch")


@dataclass(frozen=True)
class DerivedPipeline:
    """An inference pipeline derived from a training run, with what changed on the way."""

    document: PipelineDocument
    kind: Kind
    training_run_id: str
    dropped: list[dict[str, str]]
    """``{"node", "component", "reason"}`` per training node left out."""
    frozen: list[dict[str, str]]
    """``{"node", "component", "as"}`` per stored output frozen into the pipeline
    (``as`` is the id of the node that loads it)."""
    input_schema: list[dict[str, Any]]
    """``{"name", "type", "categorical"}`` per column requests must carry."""
    saved: Pipeline | None = None
    """The saved pipeline version (when saved)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "pipeline": self.saved.to_dict() if self.saved else self.document.to_dict(),
            "kind": self.kind,
            "training_run_id": self.training_run_id,
            "dropped": self.dropped,
            "frozen": self.frozen,
            "input_schema": self.input_schema,
        }


@dataclass
class Problems:
    """Steps that cannot be carried into inference, gathered before failing once."""

    items: list[dict[str, str]] = field(default_factory=list)

    def add(self, node: str, component: str, reason: str) -> None:
        self.items.append({"node": node, "component": component, "reason": reason})

    def raise_if_any(self, run_id: str) -> None:
        if not self.items:
            return
        listed = "; ".join(f"{p['node']} ({p['component']}): {p['reason']}" for p in self.items)
        raise NotDerivableError(
            f"Run {run_id} cannot be turned into an inference pipeline: {listed}. Change "
            "those steps in the training pipeline and run it again.",
            details={"run_id": run_id, "problems": self.items},
        )


@dataclass(frozen=True)
class RunFacts:
    """A completed run's parameter-resolved document and each step's stored outputs."""

    run_id: str
    pipeline_name: str
    document: PipelineDocument
    outputs: dict[str, dict[str, OutputRef]]
