"""AutoML Train: the designer module that searches models for a labelled dataset with
:func:`kumi.automl.fit` and outputs the best one as a trained model plus the leaderboard."""

from __future__ import annotations

import json
from typing import Any, Literal

import pandas as pd
from pydantic import Field, field_validator, model_validator

from kumi.automl.families import families
from kumi.automl.fit import fit
from kumi.automl.metrics import CLASSIFICATION, REGRESSION
from kumi.automl.result import AutoMLResult, json_ready
from kumi.automl.settings import Task
from kumi.automl.trained import AutoMLTrainedModel
from kumi.components._learning.training import label_column_of
from kumi.core import (
    Category,
    ColumnName,
    Component,
    InputPort,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    Table,
)

MetricName = Literal[
    "auc", "accuracy", "log_loss", "f1", "precision", "recall", "r2", "rmse", "mae"
]
LEADERBOARD_COLUMNS = ["rank", "trial", "family", "status", "metric", "params", "error"]
"""The leaderboard table (durations are left out: the table stays the same on a rerun)."""


class AutoMLTrainParams(Params):
    label_column: ColumnName | None = Field(
        None, description="Column to predict (unset: the column marked as label)."
    )
    task: Task = Field("classification", description="classification or regression.")
    metric: MetricName | None = Field(
        None,
        description="Primary metric to optimise (unset: auc for two classes, log_loss for "
        "more, r2 for regression).",
    )
    time_budget_s: float = Field(
        60.0, ge=1, le=86_400, description="Seconds the whole search may take."
    )
    max_trials: int | None = Field(
        None, ge=1, le=10_000, description="Stop after this many trials (unset: the budget)."
    )
    blocked_models: list[str] = Field(
        default_factory=list,
        description="Model families to leave out: lightgbm, xgboost, random_forest, "
        "extra_trees, elastic_net, knn, mlp.",
    )
    validation: str = Field(
        "auto",
        description="auto, a number of folds (e.g. 5) or a holdout fraction (e.g. 0.2).",
    )
    n_jobs: int | None = Field(
        None, ge=1, le=64, description="Trials run at the same time (unset: one per core)."
    )
    seed: int = Field(0, description="Random seed.")

    @field_validator("blocked_models")
    @classmethod
    def _known_families(cls, value: list[str]) -> list[str]:
        unknown = [name for name in value if name not in families()]
        if unknown:
            raise ValueError(f"unknown model families {unknown}; choose from {list(families())}")
        return value

    @field_validator("validation", mode="before")
    @classmethod
    def _validation_text(cls, value: Any) -> str:
        text = str(value).strip().lower()
        parsed_ok = text == "auto" or _parse_validation(text) is not None
        if isinstance(value, bool) or not parsed_ok:
            raise ValueError("use 'auto', a number of folds ≥ 2 (e.g. 5) or a fraction (e.g. 0.2)")
        return text

    @model_validator(mode="after")
    def _metric_fits_task(self) -> AutoMLTrainParams:
        names = REGRESSION if self.task == "regression" else CLASSIFICATION
        if self.metric is not None and self.metric not in names:
            raise ValueError(f"metric '{self.metric}' is not for {self.task}; use {list(names)}")
        return self

    def validation_value(self) -> str | int | float:
        """``validation`` as :func:`kumi.automl.fit` takes it."""
        parsed = _parse_validation(self.validation)
        return "auto" if parsed is None else parsed


def _parse_validation(text: str) -> int | float | None:
    """Folds (an integer ≥ 2) or a holdout fraction in (0, 1); None otherwise."""
    try:
        number = float(text)
    except ValueError:
        return None
    if number.is_integer() and number >= 2:
        return int(number)
    return number if 0 < number < 1 else None


class AutoMLTrain(Component[AutoMLTrainParams]):
    id = "automl"
    name = "AutoML Train"
    category = Category.MODEL_TRAINING
    description = (
        "Searches model families and their settings within a time budget and outputs the "
        "best model (or an ensemble) with the leaderboard of every trial."
    )
    Params = AutoMLTrainParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (
        OutputPort("trained_model", PortType.TRAINED_MODEL),
        OutputPort("leaderboard", PortType.TABLE),
    )
    example_params = {"label_column": "label", "time_budget_s": 30, "max_trials": 2}

    def run(self, params: AutoMLTrainParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        label = label_column_of(table, params.label_column, self.name)
        features = [c for c in table.feature_columns() if c != label]
        ctx.log(f"AutoML on {len(table)} rows, label '{label}', budget {params.time_budget_s} s.")
        result = _fit(table.frame[[*features, label]], label, params, ctx)
        ctx.log(f"Best model: {result.best_estimator} ({result.metric} {result.best_metric}).")
        model = AutoMLTrainedModel(result.best_model, label, result.best_estimator)
        return {"trained_model": model, "leaderboard": _leaderboard(result.leaderboard)}


def _fit(
    frame: pd.DataFrame, label: str, params: AutoMLTrainParams, ctx: RunContext
) -> AutoMLResult:
    return fit(
        frame,
        label,
        task=params.task,
        time_budget_s=params.time_budget_s,
        metric=params.metric,
        n_jobs=params.n_jobs,
        seed=params.seed,
        validation=params.validation_value(),
        blocked_models=params.blocked_models,
        max_trials=params.max_trials,
        on_progress=_reporter(ctx, params.time_budget_s),
    )


def _reporter(ctx: RunContext, budget_s: float) -> Any:
    """Turns fit's progress events into the step's progress and log."""
    trials = 0

    def report(event: dict[str, Any]) -> None:
        nonlocal trials
        phase, elapsed = event["phase"], float(event.get("elapsed_s", 0.0))
        trial = event.get("trial")
        if trial is not None:
            trials += 1
            ctx.log(
                f"trial {trial['trial']} {trial['family']}: {trial['status']} {trial['metric']}"
            )
        fraction = 1.0 if phase == "completed" else min(elapsed / budget_s, 0.99)
        ctx.progress(fraction, f"{phase}: {trials} trials, {elapsed:.0f}/{budget_s:.0f} s")

    return report


def _leaderboard(board: pd.DataFrame) -> Table:
    frame = board.reindex(columns=LEADERBOARD_COLUMNS).copy()
    frame["params"] = [json.dumps(json_ready(p), sort_keys=True) for p in frame["params"]]
    frame["error"] = frame["error"].fillna("").astype(str)
    return Table.of(frame.reset_index(drop=True))
