"""Immutable records returned by the repositories (never live ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kumi.core.contracts import OutputRef
from kumi.core.table import TableSchema


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class DatasetVersion:
    """One immutable version of a registered dataset."""

    name: str
    version: int
    description: str
    source: str
    artifact_key: str
    content_hash: str
    schema: TableSchema
    row_count: int
    created_at: datetime

    @property
    def label(self) -> str | None:
        return next((c.name for c in self.schema.columns if c.role.value == "label"), None)

    @property
    def version_token(self) -> str:
        """Changes whenever ``name`` resolves to other data (for cache keys)."""
        return f"{self.name}:{self.version}:{self.content_hash}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "source": self.source,
            "content_hash": self.content_hash,
            "schema": self.schema.to_list(),
            "row_count": self.row_count,
            "created_at": _iso(self.created_at),
        }


@dataclass(frozen=True)
class Experiment:
    """A named group of runs."""

    name: str
    description: str
    mlflow_experiment_id: str | None
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "mlflow_experiment_id": self.mlflow_experiment_id,
            "created_at": _iso(self.created_at),
        }


@dataclass(frozen=True)
class Pipeline:
    """One saved version of a pipeline document."""

    name: str
    version: int
    description: str
    document: dict[str, Any]
    created_at: datetime
    updated_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "document": self.document,
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
        }


@dataclass(frozen=True)
class RunStep:
    """The recorded state of one node of a run."""

    run_id: str
    node_id: str
    component_id: str
    status: str
    cached: bool
    reason: str | None
    seconds: float | None
    cache_key: str | None
    outputs: dict[str, OutputRef]
    error: dict[str, Any] | None
    log_key: str | None
    started_at: datetime | None
    finished_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "node_id": self.node_id,
            "component_id": self.component_id,
            "status": self.status,
            "cached": self.cached,
            "reason": self.reason,
            "seconds": self.seconds,
            "cache_key": self.cache_key,
            "outputs": {port: ref.to_dict() for port, ref in self.outputs.items()},
            "error": self.error,
            "log_key": self.log_key,
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at),
        }


@dataclass(frozen=True)
class Run:
    """A pipeline run: what was run, with which parameters, and how it ended."""

    id: str
    experiment: str
    pipeline_name: str | None
    document: dict[str, Any]
    parameters: dict[str, Any]
    status: str
    error: dict[str, Any] | None
    metrics: dict[str, Any]
    mlflow_run_id: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    regenerate: bool | list[str] = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "experiment": self.experiment,
            "pipeline_name": self.pipeline_name,
            "document": self.document,
            "parameters": self.parameters,
            "status": self.status,
            "error": self.error,
            "metrics": self.metrics,
            "mlflow_run_id": self.mlflow_run_id,
            "regenerate": self.regenerate,
            "created_at": _iso(self.created_at),
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at),
        }


@dataclass(frozen=True)
class RunBrief:
    """A run in lists: its state without its document and parameters."""

    id: str
    experiment: str
    pipeline_name: str | None
    status: str
    error: dict[str, Any] | None
    metrics: dict[str, Any]
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "experiment": self.experiment,
            "pipeline_name": self.pipeline_name,
            "status": self.status,
            "error": self.error,
            "metrics": self.metrics,
            "created_at": _iso(self.created_at),
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at),
        }
