"""The featurized matrices the search learns from, per encoding, for the job's plan.

k-fold: the featurizers are fitted on every training row (target encoding is cross-fitted
inside ``fit_transform``); holdout: on the training part only, the validation rows are
transformed; user table: fitted on the training table, the user table transformed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kumi.automl.data import TaskData
from kumi.automl.featurize import ColumnSpec, Encoding, Featurizer
from kumi.automl.metrics import Metric
from kumi.automl.search import SearchData
from kumi.automl.validation import ValidationPlan


@dataclass(frozen=True)
class PreparedData:
    search: SearchData
    featurizers: dict[Encoding, Featurizer]
    validation_features: pd.DataFrame
    """The raw rows the trials' predictions are made for (in their order)."""


def featurize_for_search(  # noqa: PLR0917 (the job's pieces)
    data: TaskData,
    valid: TaskData | None,
    columns: Sequence[ColumnSpec],
    encodings: Sequence[Encoding],
    plan: ValidationPlan,
    metric: Metric,
    seed: int,
) -> PreparedData:
    featurizers = {encoding: Featurizer(columns, encoding, seed) for encoding in encodings}
    X_valid: dict[Encoding, np.ndarray] | None = None  # noqa: N806 (matrix names)
    if plan.kind == "holdout":
        X = {e: _holdout_matrix(f, data, plan) for e, f in featurizers.items()}  # noqa: N806
        validation = data.features.iloc[plan.folds[0].valid].reset_index(drop=True)
    else:
        X = {e: f.fit_transform(data.features, data.y) for e, f in featurizers.items()}  # noqa: N806
        validation = data.features
    if valid is not None:
        X_valid = {e: f.transform(valid.features) for e, f in featurizers.items()}  # noqa: N806
        validation = valid.features
    trees = featurizers.get("trees")
    search = SearchData(
        X,
        data.y,
        plan,
        metric,
        n_classes=data.n_classes,
        categorical=list(trees.categorical_features_) if trees is not None else [],
        X_valid=X_valid,
        y_valid=valid.y if valid is not None else None,
    )
    return PreparedData(search, featurizers, validation)


def _holdout_matrix(featurizer: Featurizer, data: TaskData, plan: ValidationPlan) -> np.ndarray:
    """Training rows fitted (and cross-fitted), validation rows only transformed."""
    fold = plan.folds[0]
    fitted = featurizer.fit_transform(data.features.iloc[fold.train], data.y[fold.train])
    matrix = np.empty((data.n_rows, fitted.shape[1]), dtype=np.float64)
    matrix[fold.train] = fitted
    matrix[fold.valid] = featurizer.transform(data.features.iloc[fold.valid])
    return matrix
