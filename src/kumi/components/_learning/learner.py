"""A configured scikit-learn-compatible learner: the value on an UNTRAINED_MODEL port."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd
from lightgbm.basic import LightGBMError
from sklearn.exceptions import ConvergenceWarning
from sklearn.pipeline import Pipeline

from kumi.components._learning.featurizer import FeaturizerOptions, build_featurizer
from kumi.components._learning.frame import FeatureSchema
from kumi.components._learning.labels import (
    CLASSIFIERS,
    SUPERVISED,
    sorted_classes,
    training_label,
)
from kumi.components._learning.trained import SklearnTrainedModel
from kumi.core import ColumnRole, InvalidInputError, ModelKind, Table, UntrainedModel


@dataclass(frozen=True)
class Estimator:
    """An unfitted estimator and how its features must be prepared."""

    model: Any
    featurizer: FeaturizerOptions = field(default_factory=FeaturizerOptions)


EstimatorFactory = Callable[[Mapping[str, Any]], Estimator]
"""Builds the estimator from the learner's parameter values (a module-level function, so
that learners pickle by reference)."""


@dataclass(frozen=True)
class SklearnLearner(UntrainedModel):
    """Learner id, task, parameter values and the factory of the estimator they configure.

    ``parameter_space`` holds the values Tune Model Hyperparameters sweeps, per parameter.
    """

    learner_id: str
    kind: ModelKind
    parameters: Mapping[str, Any]
    factory: EstimatorFactory
    parameter_space: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    trainer_mode: str = "single_parameter"
    non_negative_label: bool = False
    wraps: SklearnLearner | None = None

    def with_parameters(self, values: Mapping[str, Any]) -> SklearnLearner:
        """The same learner with some parameter values replaced."""
        return replace(self, parameters={**self.parameters, **values})

    def describe(self) -> dict[str, Any]:
        return {
            "learner_id": self.learner_id,
            "kind": self.kind.value,
            "trainer_mode": self.trainer_mode,
            "parameters": dict(self.parameters),
            "parameter_space": {k: list(v) for k, v in self.parameter_space.items()},
            "wraps": self.wraps.describe() if self.wraps else None,
        }

    def fit(self, table: Table, label_column: str | None) -> SklearnTrainedModel:
        """Fit featurizer + estimator on the feature columns of ``table``."""
        rows, label = self._rows_and_label(table, label_column)
        schema = FeatureSchema.of(rows, _feature_columns(rows, self.learner_id))
        estimator = self.factory(self.parameters)
        steps = build_featurizer(schema, estimator.featurizer)
        pipeline = Pipeline([*steps, ("model", estimator.model)])
        _fit(pipeline, schema.model_frame(rows), label, self.learner_id)
        classes = None
        if label is not None and self.kind in CLASSIFIERS:
            classes = sorted_classes(label, str(label_column))
        return SklearnTrainedModel(
            learner_id=self.learner_id,
            kind=self.kind,
            label_column=label_column,
            schema_=schema,
            pipeline_=pipeline,
            classes_=classes,
            label_dtype_=label.dtype if classes is not None and label is not None else None,
            parameters=dict(self.parameters),
            quantiles_=tuple(getattr(estimator.model, "quantiles", ()) or ()),
        )

    def _rows_and_label(
        self, table: Table, label_column: str | None
    ) -> tuple[Table, pd.Series | None]:
        """The training rows (those with a label, for supervised learners) and the label."""
        if label_column is None:
            if self.kind in SUPERVISED:
                raise InvalidInputError(
                    f"'{self.learner_id}' needs a label column; set label_column on the trainer.",
                    details={"learner": self.learner_id},
                )
            return table, None
        table = table.with_label(label_column)
        if self.kind not in SUPERVISED:
            return table, None
        known = table.frame[label_column].notna().to_numpy()
        rows = table.derive(table.frame[known])
        label = training_label(
            rows, label_column, self.kind, self.learner_id, non_negative=self.non_negative_label
        )
        return rows, label


def _feature_columns(table: Table, learner_id: str) -> list[str]:
    columns = [c for c in table.columns if table.role(c) == ColumnRole.FEATURE]
    if not columns:
        raise InvalidInputError(
            f"The dataset has no feature columns to train '{learner_id}' on (every column is "
            "the label, a score or ignored). Add feature columns or change their roles with "
            "Edit Metadata.",
            details={"learner": learner_id, "columns": table.columns},
        )
    if len(table) == 0:
        raise InvalidInputError(
            f"The dataset to train '{learner_id}' on has no rows with a label value.",
            details={"learner": learner_id},
        )
    return columns


def _fit(pipeline: Pipeline, features: Any, label: Any, learner_id: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            pipeline.fit(features, None if label is None else label.to_numpy())
    except (ValueError, TypeError, LightGBMError) as error:
        raise InvalidInputError(
            f"Training '{learner_id}' failed: {str(error).rstrip('.')}. Check the dataset "
            "(enough rows, at least one usable feature) and the learner's parameters.",
            details={"learner": learner_id},
        ) from error
