"""Multi-layer perceptrons (scikit-learn, Adam, early stopping on an inner split)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.neural_network import MLPClassifier, MLPRegressor

from kumi.automl.settings import Task

if TYPE_CHECKING:
    import optuna


class MLPFamily:
    """``width`` units in each of ``layers`` hidden layers. A regressor learns the target
    standardised, then its output layer is rescaled, so one learning rate suits every scale."""

    name = "mlp"
    display_name = "Multi-layer perceptron"
    encoding = "linear"
    tasks: frozenset[Task] = frozenset({"classification", "regression"})

    def portfolio(self, task: Task, n_rows: int, n_features: int) -> list[dict[str, Any]]:
        return [
            {"width": 128, "layers": 2, "alpha": 1e-4, "learning_rate_init": 1e-3},
            {"width": 256, "layers": 1, "alpha": 1e-2, "learning_rate_init": 3e-3},
        ]

    def suggest(self, trial: optuna.Trial, task: Task, n_rows: int) -> dict[str, Any]:
        return {
            "width": trial.suggest_int("width", 16, 256, log=True),
            "layers": trial.suggest_int("layers", 1, 3),
            "alpha": trial.suggest_float("alpha", 1e-6, 1e-1, log=True),
            "learning_rate_init": trial.suggest_float("learning_rate_init", 1e-4, 1e-2, log=True),
        }

    def build(
        self,
        params: dict[str, Any],
        task: Task,
        seed: int,
        n_threads: int,
        categorical: Sequence[int],
    ) -> Any:
        model = MLPClassifier if task == "classification" else MLPRegressor
        return model(
            hidden_layer_sizes=(int(params["width"]),) * int(params["layers"]),
            alpha=params["alpha"],
            learning_rate_init=params["learning_rate_init"],
            early_stopping=True,
            n_iter_no_change=10,
            max_iter=200,
            random_state=seed,
        )

    def fit(
        self, estimator: Any, x: np.ndarray, y: np.ndarray, x_valid: np.ndarray, y_valid: np.ndarray
    ) -> Any:
        if not isinstance(estimator, MLPRegressor):
            return estimator.fit(x, y)
        center, spread = float(np.mean(y)), max(float(np.std(y)), 1e-12)
        estimator.fit(x, (y - center) / spread)
        estimator.coefs_[-1] = estimator.coefs_[-1] * spread
        estimator.intercepts_[-1] = estimator.intercepts_[-1] * spread + center
        return estimator


FAMILY = MLPFamily()
