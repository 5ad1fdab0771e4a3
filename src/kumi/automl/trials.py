"""What the search hands on: one record per trial (the leaderboard's rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from kumi.automl.featurize import Encoding

TrialStatus = Literal["completed", "failed", "pruned", "timeout"]


@dataclass
class TrialResult:
    """One trial: a model family with its parameters, validated by the job's plan.

    ``predictions`` are the validation predictions in the metric's form (classification:
    probabilities ``(rows, n_classes)``; regression: values ``(rows,)``): out-of-fold over
    all training rows for k-fold, over the validation rows for a holdout or user table.
    ``model_path`` is a cloudpickle file of the fitted estimators, one per fold (the same
    order as the plan's folds; they are averaged to predict).
    """

    number: int
    family: str
    params: dict[str, Any]
    encoding: Encoding
    status: TrialStatus
    metric_value: float | None = None
    loss: float | None = None
    fold_values: list[float] = field(default_factory=list)
    fit_s: float = 0.0
    predict_s: float = 0.0
    """Seconds to predict the validation rows (all folds)."""
    predictions: np.ndarray | None = None
    model_path: Path | None = None
    error: str | None = None
    started_s: float = 0.0
    """Seconds since the job started when the trial started."""

    @property
    def ok(self) -> bool:
        return self.status == "completed" and self.loss is not None

    def row(self) -> dict[str, Any]:
        """The trial's leaderboard row."""
        return {
            "trial": self.number,
            "family": self.family,
            "params": dict(self.params),
            "status": self.status,
            "metric": self.metric_value,
            "fit_s": round(self.fit_s, 3),
            "predict_s": round(self.predict_s, 3),
            "error": self.error,
        }
