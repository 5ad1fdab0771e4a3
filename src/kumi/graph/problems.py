"""Validation problems: one finding about a pipeline document, with a stable code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from kumi.core.errors import PipelineValidationError

Severity = Literal["error", "warning"]

PROBLEM_CODES = (
    "invalid_document",
    "duplicate_node_id",
    "invalid_node_id",
    "unknown_component",
    "version_mismatch",
    "invalid_parameter",
    "undefined_parameter",
    "unknown_pipeline_parameter",
    "invalid_edge_endpoint",
    "unknown_node",
    "unknown_port",
    "port_type_mismatch",
    "input_already_connected",
    "missing_input",
    "cycle",
    "unknown_dataset",
    "unknown_column",
)
"""Every code a :class:`Problem` may carry (clients match on them)."""


@dataclass(frozen=True)
class Problem:
    """A finding about a pipeline. ``severity="warning"`` does not block a run."""

    code: str
    message: str
    node: str | None = None
    port: str | None = None
    parameter: str | None = None
    edge: str | None = None
    column: str | None = None
    severity: Severity = "error"
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; absent locations are left out."""
        data: dict[str, Any] = {"code": self.code, "message": self.message}
        for key in ("node", "port", "parameter", "edge", "column"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        data["severity"] = self.severity
        if self.details:
            data["details"] = self.details
        return data


def validation_error(problems: Iterable[Problem]) -> PipelineValidationError:
    """One :class:`PipelineValidationError` listing ``problems`` (errors first) in
    ``details["problems"]`` as dictionaries."""
    listed = sorted(problems, key=lambda p: not p.is_error)
    errors = [p for p in listed if p.is_error]
    shown = " ".join(p.message for p in errors[:3])
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    count = len(errors)
    return PipelineValidationError(
        f"The pipeline is not valid: {count} problem{'s' if count != 1 else ''}: {shown}{more}",
        details={"problems": [p.to_dict() for p in listed]},
    )
