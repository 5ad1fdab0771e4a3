"""Stand-ins for the model tests: a numeric featurizer with the Featurizer's interface,
data sets and fitted estimators of every family (built directly, as the families do)."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier, LGBMRegressor
from sklearn.datasets import make_classification, make_regression
from sklearn.ensemble import (
    ExtraTreesClassifier,
    ExtraTreesRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.linear_model import ElasticNet, LogisticRegression
from sklearn.model_selection import KFold
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.neural_network import MLPClassifier, MLPRegressor
from xgboost import XGBClassifier, XGBRegressor

from kumi.automl.model import Member
from kumi.tracking.onnx.builder import DOUBLE, GraphBuilder

FAMILIES = ("lightgbm", "xgboost", "random_forest", "extra_trees", "elastic_net", "knn", "mlp")
LINEAR = {"elastic_net", "knn", "mlp"}


class NumericFeaturizer:
    """Numeric columns: missing → training median; ``linear`` also standardises."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding

    def fit(self, frame: pd.DataFrame) -> NumericFeaturizer:
        self.input_columns_ = [str(c) for c in frame.columns]
        values = frame.to_numpy(np.float64)
        self.medians_ = np.nanmedian(values, axis=0)
        filled = np.where(np.isnan(values), self.medians_, values)
        self.means_ = filled.mean(axis=0)
        self.stds_ = np.where(filled.std(axis=0) > 0, filled.std(axis=0), 1.0)
        return self

    def transform(self, frame: pd.DataFrame) -> np.ndarray:
        values = frame[self.input_columns_].to_numpy(np.float64)
        filled = np.where(np.isnan(values), self.medians_, values)
        return (filled - self.means_) / self.stds_ if self.encoding == "linear" else filled

    def onnx_inputs(self) -> list[tuple[str, int]]:
        return [(c, DOUBLE) for c in self.input_columns_]

    def onnx_feed(self, frame: pd.DataFrame) -> dict[str, np.ndarray]:
        return {c: frame[[c]].to_numpy(np.float64) for c in self.input_columns_}

    def to_onnx(self, builder: GraphBuilder, inputs: Mapping[str, str]) -> str:
        joined = builder.node("Concat", [inputs[c] for c in self.input_columns_], axis=1)
        medians = builder.constant(self.medians_.reshape(1, -1), np.float64)
        filled = builder.where(builder.node("IsNaN", [joined]), medians, joined)
        if self.encoding != "linear":
            return filled
        centred = builder.node("Sub", [filled, builder.constant(self.means_, np.float64)])
        return builder.node("Div", [centred, builder.constant(self.stds_, np.float64)])


def table(task: str, rows: int = 1200, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray]:
    """Features (ties from rounding, a few missing values, an integer code column) and the
    target: binary / multiclass class indices, or regression values."""
    if task == "regression":
        values, y = make_regression(rows, 6, n_informative=4, noise=5.0, random_state=seed)
        y = y + 300.0
    else:
        classes = 3 if task == "multiclass" else 2
        values, y = make_classification(
            rows, 6, n_informative=4, n_classes=classes, n_clusters_per_class=1, random_state=seed
        )
    values[:, 1] = np.round(values[:, 1], 1)
    values[:, 5] = np.floor(np.abs(values[:, 5]) * 2).clip(0, 5)
    values[::17, 0] = np.nan
    return pd.DataFrame(values, columns=[f"x{i}" for i in range(6)]), y


def build(family: str, task: str, seed: int = 0) -> Any:
    """A small unfitted estimator of ``family`` for ``task``."""
    regression = task == "regression"
    if family == "lightgbm":
        cls = LGBMRegressor if regression else LGBMClassifier
        return cls(n_estimators=60, num_leaves=15, random_state=seed, verbose=-1)
    if family == "xgboost":
        cls = XGBRegressor if regression else XGBClassifier
        return cls(n_estimators=60, max_depth=4, tree_method="hist", random_state=seed)
    if family in ("random_forest", "extra_trees"):
        if family == "random_forest":
            cls = RandomForestRegressor if regression else RandomForestClassifier
        else:
            cls = ExtraTreesRegressor if regression else ExtraTreesClassifier
        return cls(n_estimators=25, min_samples_leaf=2, random_state=seed)
    if family == "elastic_net":
        if regression:
            return ElasticNet(alpha=0.05, l1_ratio=0.5)
        return LogisticRegression(l1_ratio=0.5, solver="saga", C=1.0, max_iter=300)
    if family == "knn":
        return (KNeighborsRegressor if regression else KNeighborsClassifier)(n_neighbors=7)
    cls = MLPRegressor if regression else MLPClassifier
    return cls(hidden_layer_sizes=(16,), max_iter=150, random_state=seed)


def fit_folds(family: str, task: str, matrix: np.ndarray, y: np.ndarray, folds: int) -> list[Any]:
    """One fitted estimator per fold (all rows when ``folds`` is 1)."""
    parts = [np.arange(len(y))] if folds == 1 else [t for t, _ in KFold(folds).split(matrix)]
    fitted = []
    for train in parts:
        estimator = build(family, task)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fitted.append(estimator.fit(matrix[train], y[train]))
    return fitted


def member(
    family: str,
    task: str,
    frame: pd.DataFrame,
    y: np.ndarray,
    featurizers: Mapping[str, NumericFeaturizer],
    folds: int = 2,
    weight: float = 1.0,
    trial: int = 0,
) -> Member:
    encoding = "linear" if family in LINEAR else "trees"
    matrix = featurizers[encoding].transform(frame)
    estimators = fit_folds(family, task, matrix, y, folds)
    return Member(trial, family, {}, encoding, weight, estimators)  # type: ignore[arg-type]


def featurizers(frame: pd.DataFrame) -> dict[str, NumericFeaturizer]:
    return {e: NumericFeaturizer(e).fit(frame) for e in ("trees", "linear")}
