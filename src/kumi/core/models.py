"""Values that flow through model and transformation ports.

Concrete learners, trained models and transformations live in the components package;
these abstract bases are the contract every layer relies on (the engine pickles them,
scoring and tracking call them). They follow the scikit-learn estimator contract: an
untrained model stores parameters only, ``fit`` returns a separate fitted object, and
fitted state lives in attributes ending in ``_``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from kumi.core.table import Table
from kumi.core.types import ModelKind


class UntrainedModel(ABC):
    """A configured, unfitted learner: what a learner component outputs."""

    kind: ModelKind
    learner_id: str

    @abstractmethod
    def fit(self, table: Table, label_column: str | None) -> TrainedModel:
        """Fit on ``table`` (``label_column`` is None for unsupervised learners)."""

    @abstractmethod
    def describe(self) -> dict[str, Any]:
        """Learner id, kind and parameters, for display and tracking."""


class TrainedModel(ABC):
    """A fitted model: what Train Model outputs and Score Model consumes."""

    kind: ModelKind
    learner_id: str
    label_column: str | None
    feature_columns_: list[str]
    classes_: list[Any] | None

    @abstractmethod
    def score(self, table: Table) -> Table:
        """``table`` with score columns appended (``Scored Labels``, ``Scored
        Probabilities`` or ``Scored Probabilities_<class>`` ...)."""

    @abstractmethod
    def describe(self) -> dict[str, Any]:
        """Learner id, kind, parameters, label, features and classes."""


class Transformation(ABC):
    """A fitted, re-appliable data transformation (Azure's ``TD-`` nodes)."""

    source_component: str

    @abstractmethod
    def apply(self, table: Table) -> Table:
        """Apply the learned transformation to a table with the same schema."""


@dataclass
class EvaluationReport:
    """Evaluate Model's output: metrics plus chart data, optionally compared with a second."""

    task: str
    metrics: dict[str, float]
    charts: dict[str, Any] = field(default_factory=dict)
    compared: EvaluationReport | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "metrics": self.metrics,
            "charts": self.charts,
            "compared": self.compared.to_dict() if self.compared else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EvaluationReport:
        compared = data.get("compared")
        return cls(
            task=data["task"],
            metrics=dict(data["metrics"]),
            charts=dict(data.get("charts") or {}),
            compared=cls.from_dict(compared) if compared else None,
        )


@dataclass(frozen=True)
class FileArtifact:
    """A file produced by a step (e.g. Convert to CSV)."""

    filename: str
    content: bytes
    media_type: str = "application/octet-stream"
