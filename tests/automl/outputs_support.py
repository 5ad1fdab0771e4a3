"""Small fitted models and trial lists for the AutoML output tests.

``StandInModel`` has the methods and attributes of :class:`kumi.automl.model.AutoMLModel`
that the outputs use (task, classes_, input_columns, predict, predict_proba, to_onnx,
onnx_feed, members, featurizers): a scikit-learn pipeline over numeric raw columns, exported
to ONNX with skl2onnx (one [N, 1] double input per raw column).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace
from typing import Any

import numpy as np
import onnx
import pandas as pd
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import DoubleTensorType
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from kumi.automl.metrics import Metric, get_metric
from kumi.automl.settings import AutoMLSettings
from kumi.automl.trials import TrialResult
from kumi.tracking.onnx.builder import TARGET_OPSET


@dataclass
class StandInModel:
    task: str
    pipeline: Pipeline
    input_columns: list[str]
    members: list[Any] = field(default_factory=list)
    featurizers: dict[str, Any] = field(default_factory=dict)

    @property
    def classes_(self) -> np.ndarray:
        return np.asarray(self.pipeline.classes_)

    def predict(self, frame: pd.DataFrame) -> np.ndarray:
        return np.asarray(self.pipeline.predict(self._matrix(frame)))

    def predict_proba(self, frame: pd.DataFrame) -> np.ndarray:
        return np.asarray(self.pipeline.predict_proba(self._matrix(frame)))

    def to_onnx(self) -> onnx.ModelProto:
        inputs = [(c, DoubleTensorType([None, 1])) for c in self.input_columns]
        options = {id(self.pipeline.steps[-1][1]): {"zipmap": False}}
        if self.task == "regression":
            options = {}
        return convert_sklearn(  # type: ignore[no-any-return]
            self.pipeline, initial_types=inputs, target_opset=TARGET_OPSET, options=options
        )

    def onnx_feed(self, frame: pd.DataFrame) -> dict[str, np.ndarray]:
        return {c: frame[[c]].to_numpy(dtype="float64") for c in self.input_columns}

    def _matrix(self, frame: pd.DataFrame) -> np.ndarray:
        return frame[self.input_columns].astype("float64").fillna(0.0).to_numpy()


@dataclass(frozen=True)
class GuardrailStandIn:
    """The shape of :class:`kumi.automl.guardrails.Guardrail`."""

    name: str
    status: str
    description: str
    details: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Case:
    """A fitted stand-in with its validation rows, targets (encoded) and predictions."""

    model: StandInModel
    features: pd.DataFrame
    y: np.ndarray
    predictions: np.ndarray
    metric: Metric
    settings: AutoMLSettings
    target: str


def _spec(name: str) -> SimpleNamespace:
    return SimpleNamespace(
        name=name, kind="numeric", reason="detected", missing=0, unique=10, impute=None
    )


def _stand_in(task: str, estimator: Any, frame: pd.DataFrame, target: Any) -> StandInModel:
    columns = list(frame.columns)
    pipeline = make_pipeline(StandardScaler(), estimator).fit(frame.to_numpy(), target)
    family = "elastic_net"
    member = SimpleNamespace(family=family, params={"C": np.float64(0.5)}, weight=1.0)
    featurizer = SimpleNamespace(columns=[_spec(c) for c in columns])
    return StandInModel(task, pipeline, columns, [member], {"linear": featurizer})


@cache
def binary_case() -> Case:
    """Breast cancer, six columns, labels 'benign' / 'malignant'."""
    data = load_breast_cancer(as_frame=True)
    features = data.frame.iloc[:, :6].copy()
    features.columns = [c.replace(" ", "_") for c in features.columns]
    labels = np.where(data.target == 1, "benign", "malignant")
    model = _stand_in("classification", LogisticRegression(max_iter=500), features, labels)
    y = np.searchsorted(model.classes_, labels)
    settings = AutoMLSettings(target="diagnosis", task="classification", time_budget_s=20)
    metric = get_metric("auc", "classification")
    return Case(model, features, y, model.predict_proba(features), metric, settings, "diagnosis")


@cache
def multiclass_case() -> Case:
    """Wine, 13 columns, classes 0, 1, 2."""
    data = load_wine(as_frame=True)
    features = data.frame.drop(columns=["target"])
    features.columns = [c.replace("/", "_") for c in features.columns]
    model = _stand_in("classification", LogisticRegression(max_iter=500), features, data.target)
    y = data.target.to_numpy()
    settings = AutoMLSettings(target="target", task="classification", time_budget_s=20)
    metric = get_metric("log_loss", "classification", 3)
    return Case(model, features, y, model.predict_proba(features), metric, settings, "target")


@cache
def regression_case() -> Case:
    """Diabetes, ten columns."""
    data = load_diabetes(as_frame=True)
    features = data.frame.drop(columns=["target"])
    model = _stand_in("regression", Ridge(alpha=1.0), features, data.target)
    y = data.target.to_numpy(dtype="float64")
    settings = AutoMLSettings(target="target", task="regression", time_budget_s=20)
    metric = get_metric("r2", "regression")
    return Case(model, features, y, model.predict(features), metric, settings, "target")


def trial_list(metric: Metric, count: int = 6) -> list[TrialResult]:
    """Completed trials of rising loss plus a failed, a pruned and a timed-out one."""
    families = ["lightgbm", "xgboost", "random_forest", "extra_trees", "knn", "mlp"]
    trials = []
    for number in range(count):
        value = 0.9 - 0.01 * ((number * 7) % count)
        trials.append(
            TrialResult(
                number=number,
                family=families[number % len(families)],
                params={"n_estimators": np.int64(100 + number), "rate": np.float64(0.1)},
                encoding="trees",
                status="completed",
                metric_value=value,
                loss=metric.loss(value),
                fit_s=0.5 + number,
                predict_s=0.01,
            )
        )
    trials.append(TrialResult(count, "mlp", {}, "linear", "failed", error="ValueError: boom"))
    trials.append(TrialResult(count + 1, "knn", {"k": 3}, "linear", "pruned", 0.5, -0.5))
    trials.append(TrialResult(count + 2, "xgboost", {}, "trees", "timeout", fit_s=7.0))
    return trials


def ensemble_entry(metric: Metric) -> TrialResult:
    """The ensemble's entry, better than every trial of :func:`trial_list`."""
    value = 0.95 if metric.greater_is_better else 0.05
    return TrialResult(
        number=-1,
        family="ensemble (voting)",
        params={"weights": {0: 0.6, 1: 0.4}},
        encoding="trees",
        status="completed",
        metric_value=value,
        loss=metric.loss(value),
        fit_s=0.0,
        predict_s=0.02,
    )
