"""What an AutoML job is asked to do (the REST body), checked against the dataset's schema
before anything is queued."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kumi.automl.families import select_families
from kumi.automl.metrics import get_metric
from kumi.automl.settings import AutoMLSettings, ColumnOverride, override_map
from kumi.core.errors import ColumnNotFoundError, ColumnTypeError, InvalidParameterError
from kumi.core.table import TableSchema
from kumi.core.types import ColumnType
from kumi.storage.records import DatasetVersion
from kumi.storage.workspace import Workspace

NUMERIC_TYPES = (ColumnType.INTEGER, ColumnType.DOUBLE)
FIT_ARGUMENTS = (
    "task",
    "metric",
    "time_budget_s",
    "n_jobs",
    "seed",
    "validation",
    "featurization",
    "allowed_models",
    "blocked_models",
    "trial_timeout_s",
    "max_trials",
    "exit_score",
    "ensembling",
)
"""Request fields passed to :func:`kumi.automl.fit` as they are."""


class AutoMLJobRequest(BaseModel):
    """A new AutoML job: the dataset, its target column, the task and the search settings
    (the names of :func:`kumi.automl.fit`)."""

    model_config = ConfigDict(extra="forbid")

    dataset: str = Field(min_length=1, description="Registered dataset to train on.")
    dataset_version: int | None = Field(None, description="Its version (None: the latest).")
    target: str = Field(min_length=1, description="The column to predict.")
    task: Literal["classification", "regression"] = "classification"
    metric: str | None = Field(None, description="Primary metric (None: the task's default).")
    time_budget_s: float = 60.0
    n_jobs: int | None = Field(None, description="Trials at once (None: one per core).")
    validation: Literal["auto"] | int | float = "auto"
    validation_dataset: str | None = Field(None, description="A registered validation set.")
    allowed_models: list[str] | None = None
    blocked_models: list[str] = Field(default_factory=list)
    featurization: Literal["auto", "off"] | dict[str, ColumnOverride] = "auto"
    ensembling: Literal["voting", "stacking", "none"] = "voting"
    trial_timeout_s: float | None = None
    max_trials: int | None = None
    exit_score: float | None = None
    seed: int = 0
    name: str | None = Field(None, description="Job name (None: automl-<dataset>-<n>).")
    experiment: str | None = Field(None, description="MLflow experiment (None: the job's).")
    register_model: str | None = Field(None, description="Register the best model so.")

    def fit_arguments(self) -> dict[str, Any]:
        """The keyword arguments of :func:`kumi.automl.fit` this request gives (JSON-ready)."""
        values = self.model_dump(mode="json", include=set(FIT_ARGUMENTS))
        return {"target": self.target, **values}


def check_request(workspace: Workspace, request: AutoMLJobRequest) -> DatasetVersion:
    """The dataset version the job trains on, once every setting is known to be usable:
    the dataset and column names exist, the metric fits the task, the model families are
    known, the budget and validation are valid. Raises the 4xx error naming the problem."""
    dataset = workspace.datasets.get(request.dataset, request.dataset_version)
    settings = AutoMLSettings.of(
        **{k: v for k, v in request.fit_arguments().items() if v is not None}
    )
    get_metric(settings.metric, settings.task)
    select_families(settings.task, settings.allowed_models, settings.blocked_models)
    _check_target(dataset, settings)
    _check_overrides(dataset, settings)
    if request.validation_dataset is not None:
        valid = workspace.datasets.get(request.validation_dataset)
        _check_target(valid, settings)
    if request.register_model is not None and not request.register_model.strip():
        raise InvalidParameterError(
            "register_model is empty; give the model name to register, or leave it out.",
            details={"register_model": request.register_model},
        )
    return dataset


def _check_target(dataset: DatasetVersion, settings: AutoMLSettings) -> None:
    column = dataset.schema.get(settings.target)
    if column is None:
        raise _missing(dataset, settings.target, "target")
    if settings.task == "regression" and column.type not in NUMERIC_TYPES:
        raise ColumnTypeError(
            f"Target column '{settings.target}' of dataset '{dataset.name}' holds "
            f"{column.type.value} values; regression predicts numbers. Choose a numeric "
            "target or the classification task.",
            details={"column": settings.target, "type": column.type.value, "task": "regression"},
        )


def _check_overrides(dataset: DatasetVersion, settings: AutoMLSettings) -> None:
    for name in override_map(settings):
        if dataset.schema.get(name) is None:
            raise _missing(dataset, name, "featurization")
        if name == settings.target:
            raise InvalidParameterError(
                f"featurization names the target column '{name}'; only feature columns can be "
                "featurized — remove it from featurization.",
                details={"column": name},
            )


def _missing(dataset: DatasetVersion, column: str, field: str) -> ColumnNotFoundError:
    return ColumnNotFoundError(
        f"Column '{column}' ({field}) is not in dataset '{dataset.name}' version "
        f"{dataset.version}; its columns: {', '.join(_names(dataset.schema))}.",
        details={"column": column, "dataset": dataset.name, "columns": _names(dataset.schema)},
    )


def _names(schema: TableSchema) -> list[str]:
    return schema.names
