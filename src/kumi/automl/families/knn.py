"""k-nearest neighbours on the standardised (linear) encoding.

The training points are moved by a fixed, tiny amount (``JITTER``, in standard deviations)
before fitting: duplicated rows and rows at exactly equal distances would otherwise be ties
that scikit-learn and the ONNX graph break differently (different neighbours, different
probabilities). Weights are uniform: distance weights of points that coincide with a query
depend on rounding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

from kumi.automl.settings import Task

if TYPE_CHECKING:
    import optuna


JITTER = 1e-6


class KNNFamily:
    name = "knn"
    display_name = "k-nearest neighbours"
    encoding = "linear"
    tasks: frozenset[Task] = frozenset({"classification", "regression"})

    def portfolio(self, task: Task, n_rows: int, n_features: int) -> list[dict[str, Any]]:
        return [{"n_neighbors": 15}, {"n_neighbors": 5}]

    def suggest(self, trial: optuna.Trial, task: Task, n_rows: int) -> dict[str, Any]:
        most = max(2, min(100, n_rows // 4))
        return {"n_neighbors": trial.suggest_int("n_neighbors", 1, most, log=True)}

    def build(
        self,
        params: dict[str, Any],
        task: Task,
        seed: int,
        n_threads: int,
        categorical: Sequence[int],
    ) -> Any:
        model = KNeighborsClassifier if task == "classification" else KNeighborsRegressor
        return model(n_jobs=n_threads, **params)

    def fit(
        self, estimator: Any, x: np.ndarray, y: np.ndarray, x_valid: np.ndarray, y_valid: np.ndarray
    ) -> Any:
        estimator.set_params(n_neighbors=min(estimator.n_neighbors, len(y)))
        moved = x + np.random.default_rng(0).uniform(-JITTER, JITTER, size=x.shape)
        return estimator.fit(moved, y)


FAMILY = KNNFamily()
