"""What random forests and extra trees share: bagged deep trees with sqrt/fraction features."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from kumi.automl.settings import Task

if TYPE_CHECKING:
    import optuna

N_TREES = 300


class ForestFamily:
    """A forest family; subclasses name the sklearn classifier and regressor."""

    name: str
    display_name: str
    encoding = "trees"
    tasks: frozenset[Task] = frozenset({"classification", "regression"})
    classifier: type
    regressor: type

    def portfolio(self, task: Task, n_rows: int, n_features: int) -> list[dict[str, Any]]:
        trees = N_TREES if n_rows <= 20_000 else N_TREES // 2
        root = round(max(n_features, 1) ** -0.5, 4)  # sqrt(n) features, as a fraction
        first, second = (root, 0.5) if task == "classification" else (1.0, max(root, 0.33))
        return [
            {"n_estimators": trees, "max_features": first, "min_samples_leaf": 1},
            {"n_estimators": trees, "max_features": second, "min_samples_leaf": 2},
        ]

    def suggest(self, trial: optuna.Trial, task: Task, n_rows: int) -> dict[str, Any]:
        return {
            "n_estimators": trial.suggest_int("n_estimators", 50, N_TREES, log=True),
            "max_features": trial.suggest_float("max_features", 0.01, 1.0),
            "min_samples_leaf": trial.suggest_int("min_samples_leaf", 1, 20, log=True),
        }

    def build(
        self,
        params: dict[str, Any],
        task: Task,
        seed: int,
        n_threads: int,
        categorical: Sequence[int],
    ) -> Any:
        model = self.classifier if task == "classification" else self.regressor
        return model(random_state=seed, n_jobs=n_threads, **params)

    def fit(
        self, estimator: Any, x: np.ndarray, y: np.ndarray, x_valid: np.ndarray, y_valid: np.ndarray
    ) -> Any:
        return estimator.fit(x, y)
