"""A fitted scikit-learn pipeline that scores tables with the Azure designer's columns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from kumi.components._learning.columns import (
    ASSIGNMENTS,
    SCORED_LABELS,
    SCORED_PROBABILITIES,
    append_scores,
    distance_column,
    probability_column,
    quantile_column,
)
from kumi.components._learning.frame import FeatureSchema
from kumi.core import DataFormatError, ModelKind, Table, TrainedModel


@dataclass(eq=False)
class SklearnTrainedModel(TrainedModel):
    """What a :class:`SklearnLearner` fit returns. ``pipeline_`` is a plain scikit-learn
    Pipeline (featurizer + estimator) over the frame built by ``schema_.model_frame``."""

    learner_id: str
    kind: ModelKind
    label_column: str | None
    schema_: FeatureSchema
    pipeline_: Pipeline
    classes_: list[Any] | None = None
    label_dtype_: Any = None
    parameters: Mapping[str, Any] = field(default_factory=dict)
    quantiles_: tuple[float, ...] = ()

    @property
    def feature_columns_(self) -> list[str]:  # type: ignore[override]
        return list(self.schema_.columns)

    def describe(self) -> dict[str, Any]:
        return {
            "learner_id": self.learner_id,
            "kind": self.kind.value,
            "parameters": dict(self.parameters),
            "label_column": self.label_column,
            "feature_columns": self.feature_columns_,
            "classes": self.classes_,
        }

    def score(self, table: Table) -> Table:
        """``table`` with the score columns of this model's task appended."""
        features = self.schema_.model_frame(table)
        try:
            if features.empty:  # estimators refuse 0 rows: score one blank row, keep none
                blank = self._scores(pd.DataFrame(np.nan, index=[0], columns=features.columns))
                scores = {name: values[:0] for name, values in blank.items()}
            else:
                scores = self._scores(features)
        except ValueError as error:
            raise DataFormatError(
                f"Scoring with '{self.learner_id}' failed: {str(error).rstrip('.')}. Check that "
                "the dataset has the same kind of values as the training data.",
                details={"learner": self.learner_id},
            ) from error
        index = table.frame.index
        series = {name: pd.Series(values, index=index) for name, values in scores.items()}
        return append_scores(table, series, label_column=self.label_column)

    def _scores(self, features: pd.DataFrame) -> dict[str, Any]:
        if self.kind in (ModelKind.BINARY_CLASSIFIER, ModelKind.MULTICLASS_CLASSIFIER):
            return self._class_scores(features)
        if self.kind == ModelKind.QUANTILE_REGRESSOR:
            predicted = np.asarray(self.pipeline_.predict(features), dtype="float64")
            return {quantile_column(q): predicted[:, i] for i, q in enumerate(self.quantiles_)}
        if self.kind == ModelKind.CLUSTERER:
            distances = self.pipeline_.transform(features)
            scores: dict[str, Any] = {ASSIGNMENTS: np.argmin(distances, axis=1).astype("int64")}
            scores.update({distance_column(k): distances[:, k] for k in range(distances.shape[1])})
            return scores
        if self.kind == ModelKind.ANOMALY_DETECTOR:
            probability = self.pipeline_.predict_proba(features)[:, 1]
            return {
                SCORED_LABELS: (probability > 0.5).astype("int64"),
                SCORED_PROBABILITIES: probability,
            }
        return {SCORED_LABELS: np.asarray(self.pipeline_.predict(features), dtype="float64")}

    def _class_scores(self, features: pd.DataFrame) -> dict[str, Any]:
        classes = np.asarray(self.classes_, dtype=object)
        if not hasattr(self.pipeline_, "predict_proba"):
            return {SCORED_LABELS: self._labels(self.pipeline_.predict(features))}
        probabilities = np.asarray(self.pipeline_.predict_proba(features), dtype="float64")
        scores: dict[str, Any] = {SCORED_LABELS: self._labels(classes[probabilities.argmax(1)])}
        if self.kind == ModelKind.BINARY_CLASSIFIER:
            scores[SCORED_PROBABILITIES] = probabilities[:, 1]
        else:
            for i, label_class in enumerate(self.classes_ or []):
                scores[probability_column(label_class)] = probabilities[:, i]
        return scores

    def _labels(self, values: Any) -> np.ndarray:
        array = np.asarray(values)
        if self.label_dtype_ is None:
            return array
        return np.asarray(pd.Series(array).astype(self.label_dtype_))
