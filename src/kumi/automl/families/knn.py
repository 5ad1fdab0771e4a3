"""k-nearest neighbours on the standardised (linear) encoding."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

from kumi.automl.settings import Task

if TYPE_CHECKING:
    import optuna


class KNNFamily:
    name = "knn"
    display_name = "k-nearest neighbours"
    encoding = "linear"
    tasks: frozenset[Task] = frozenset({"classification", "regression"})

    def portfolio(self, task: Task, n_rows: int, n_features: int) -> list[dict[str, Any]]:
        return [
            {"n_neighbors": 15, "weights": "distance"},
            {"n_neighbors": 5, "weights": "uniform"},
        ]

    def suggest(self, trial: optuna.Trial, task: Task, n_rows: int) -> dict[str, Any]:
        most = max(2, min(100, n_rows // 4))
        return {
            "n_neighbors": trial.suggest_int("n_neighbors", 1, most, log=True),
            "weights": trial.suggest_categorical("weights", ["uniform", "distance"]),
        }

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
        return estimator.fit(x, y)


FAMILY = KNNFamily()
