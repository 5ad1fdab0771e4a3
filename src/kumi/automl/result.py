"""What an AutoML job returns: the best model, the leaderboard, guardrails, charts, importance.

:func:`build_result` assembles an :class:`AutoMLResult` from the search's trials, the ensemble
and the best model's validation predictions; the result saves and registers the best model
as an MLflow model, writes a retraining script and answers a JSON-ready summary.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kumi.automl.charts import validation_charts
from kumi.automl.importance import permutation_importance
from kumi.automl.metrics import Metric
from kumi.automl.packaging import register_automl_model, save_automl_model
from kumi.automl.script import retraining_script
from kumi.automl.settings import AutoMLSettings, Task
from kumi.automl.trials import TrialResult
from kumi.storage.workspace import Workspace

LEADERBOARD_COLUMNS = [
    "rank",
    "trial",
    "family",
    "params",
    "status",
    "metric",
    "fit_s",
    "predict_s",
    "error",
]
ENSEMBLE_TRIAL = -1
"""The leaderboard's trial number of the ensemble."""
_STATUS_ORDER = {"completed": 0, "pruned": 1, "timeout": 2, "failed": 3}
IMPORTANCE_SHARE = 0.05
"""Share of the time budget that permutation importance may use."""
EXAMPLE_ROWS = 5


@dataclass
class AutoMLResult:
    """The outcome of :func:`kumi.automl.fit`."""

    best_model: Any
    best_estimator: str
    leaderboard: pd.DataFrame
    guardrails: list[Any]
    featurization: list[dict[str, Any]]
    metric: str
    task: Task
    settings: AutoMLSettings
    charts: dict[str, Any] = field(default_factory=dict)
    feature_importance: list[dict[str, Any]] = field(default_factory=list)
    mlflow_run_id: str | None = None
    input_example: pd.DataFrame | None = None
    """A few raw rows (no target): the saved model's input example and signature."""

    @property
    def best_metric(self) -> float | None:
        """The best model's validation value of the primary metric."""
        ranked = self.leaderboard[self.leaderboard["status"] == "completed"]
        return None if ranked.empty else _number(ranked["metric"].iloc[0])

    def save(self, path: Path | str) -> Path:
        """Write the best model as an MLflow model directory (pyfunc + onnx flavors, signature,
        input example) at ``path``, which must not exist yet."""
        return save_automl_model(path, self.best_model, self._example())

    def register(self, name: str, workspace: Workspace | Path | str | None = None) -> int:
        """Register the best model as a new version of ``name`` in the workspace's MLflow
        registry (None: ``$KUMI_WORKSPACE`` or ``./kumi-workspace``); the version number."""
        return register_automl_model(self.best_model, self._example(), name, workspace)

    def script(self) -> str:
        """Python source that retrains the best model on a CSV or Parquet file."""
        return retraining_script(
            self.best_model,
            target=self.settings.target,
            task=self.task,
            metric=self.metric,
            seed=self.settings.seed,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (``json.dumps`` works: plain types, no NaN)."""
        summary = {
            "task": self.task,
            "metric": self.metric,
            "best_estimator": self.best_estimator,
            "best_metric": self.best_metric,
            "settings": self.settings.model_dump(mode="json"),
            "leaderboard": leaderboard_records(self.leaderboard),
            "guardrails": [_record(g) for g in self.guardrails],
            "featurization": self.featurization,
            "charts": self.charts,
            "feature_importance": self.feature_importance,
            "mlflow_run_id": self.mlflow_run_id,
        }
        return dict(json_ready(summary))

    def _example(self) -> pd.DataFrame:
        if self.input_example is not None:
            return self.input_example
        columns = list(self.best_model.input_columns)
        return pd.DataFrame({c: [np.nan] for c in columns})


def build_result(
    *,
    best_model: Any,
    best_estimator: str,
    trials: Sequence[TrialResult],
    ensemble: TrialResult | None,
    metric: Metric,
    settings: AutoMLSettings,
    guardrails: Sequence[Any],
    featurization: Sequence[dict[str, Any]],
    validation_features: pd.DataFrame,
    validation_y: np.ndarray,
    validation_predictions: np.ndarray,
) -> AutoMLResult:
    """The result of a finished search. ``validation_*``: the raw rows the best model was
    validated on (out-of-fold rows for k-fold), their encoded targets and the best model's
    predictions of them in the metric's form; ``ensemble``: its leaderboard entry (trial -1)."""
    classes = getattr(best_model, "classes_", None)
    charts = validation_charts(metric.task, validation_y, validation_predictions, classes)
    importance = permutation_importance(
        best_model,
        validation_features,
        validation_y,
        metric,
        budget_s=IMPORTANCE_SHARE * settings.time_budget_s,
        seed=settings.seed,
    )
    return AutoMLResult(
        best_model=best_model,
        best_estimator=best_estimator,
        leaderboard=make_leaderboard(trials, ensemble, metric),
        guardrails=list(guardrails),
        featurization=[dict(row) for row in featurization],
        metric=metric.name,
        task=metric.task,
        settings=settings,
        charts=charts,
        feature_importance=importance,
        input_example=validation_features.head(EXAMPLE_ROWS).reset_index(drop=True),
    )


def make_leaderboard(
    trials: Sequence[TrialResult], ensemble: TrialResult | None, metric: Metric
) -> pd.DataFrame:
    """One row per trial (and the ensemble), best first: completed trials by their loss, then
    pruned, timed-out and failed ones. The metric's name is in ``attrs["metric"]``."""
    entries = [*trials, *([ensemble] if ensemble is not None else [])]

    def order(trial: TrialResult) -> tuple[int, float, int]:
        loss = trial.loss if trial.ok and trial.loss is not None else math.inf
        return (_STATUS_ORDER.get(trial.status, 4), loss, trial.number)

    rows = [trial.row() for trial in sorted(entries, key=order)]
    board = pd.DataFrame(rows, columns=LEADERBOARD_COLUMNS[1:])
    board.insert(0, "rank", np.arange(1, len(board) + 1))
    board["metric"] = board["metric"].astype("float64")
    board.attrs["metric"] = metric.name
    return board


def leaderboard_records(board: pd.DataFrame) -> list[dict[str, Any]]:
    """The leaderboard's rows as JSON-ready dictionaries."""
    return list(json_ready(board.to_dict(orient="records")))


def leaderboard_csv(board: pd.DataFrame) -> str:
    """The leaderboard as CSV text (parameters as JSON)."""
    frame = board.copy()
    frame["params"] = [json.dumps(json_ready(p), sort_keys=True) for p in frame["params"]]
    return str(frame.to_csv(index=False))


def json_ready(value: Any) -> Any:
    """``value`` with numpy types as Python ones, non-finite floats as None, tuples as lists
    and dataclasses as dictionaries (recursively)."""
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [json_ready(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return json_ready(dataclasses.asdict(value))
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _record(item: Any) -> dict[str, Any]:
    if isinstance(item, Mapping):
        return dict(item)
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return dict(dataclasses.asdict(item))
    return dict(vars(item)) if hasattr(item, "__dict__") else {"value": item}


def _number(value: Any) -> float | None:
    return float(value) if value is not None and np.isfinite(value) else None
