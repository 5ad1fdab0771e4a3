"""XGBoost histogram trees, early-stopped on the validation rows (category codes as numbers)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import xgboost as xgb

from kumi.automl.settings import Task

if TYPE_CHECKING:
    import optuna

MAX_ROUNDS = 2000
EARLY_STOPPING_ROUNDS = 50


class XGBoostFamily:
    name = "xgboost"
    display_name = "XGBoost"
    encoding = "trees"
    tasks: frozenset[Task] = frozenset({"classification", "regression"})

    def portfolio(self, task: Task, n_rows: int, n_features: int) -> list[dict[str, Any]]:
        return [
            {"learning_rate": 0.08, "max_depth": 6, "min_child_weight": 1.0,
             "subsample": 0.8, "colsample_bytree": 0.8, "reg_lambda": 1.0},
            {"learning_rate": 0.05, "max_depth": 3, "min_child_weight": 1.0,
             "subsample": 0.9, "colsample_bytree": 0.7, "reg_lambda": 1.0},
            {"learning_rate": 0.03, "max_depth": 9, "min_child_weight": 3.0,
             "subsample": 0.7, "colsample_bytree": 0.6, "reg_lambda": 5.0},
        ]  # fmt: skip

    def suggest(self, trial: optuna.Trial, task: Task, n_rows: int) -> dict[str, Any]:
        return {
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
            "max_depth": trial.suggest_int("max_depth", 2, 12),
            "min_child_weight": trial.suggest_float("min_child_weight", 0.5, 30.0, log=True),
            "subsample": trial.suggest_float("subsample", 0.5, 1.0),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.3, 1.0),
            "reg_lambda": trial.suggest_float("reg_lambda", 1e-2, 30.0, log=True),
        }

    def build(
        self,
        params: dict[str, Any],
        task: Task,
        seed: int,
        n_threads: int,
        categorical: Sequence[int],
    ) -> Any:
        model = xgb.XGBClassifier if task == "classification" else xgb.XGBRegressor
        return model(
            n_estimators=MAX_ROUNDS,
            tree_method="hist",
            early_stopping_rounds=EARLY_STOPPING_ROUNDS,
            random_state=seed,
            n_jobs=n_threads,
            **params,
        )

    def fit(
        self, estimator: Any, x: np.ndarray, y: np.ndarray, x_valid: np.ndarray, y_valid: np.ndarray
    ) -> Any:
        """Fit, then keep only the trees up to the best validation round."""
        estimator.fit(x, y, eval_set=[(x_valid, y_valid)], verbose=False)
        best = getattr(estimator, "best_iteration", None)
        if best is not None:
            estimator._Booster = estimator.get_booster()[: best + 1]
        estimator.set_params(early_stopping_rounds=None)
        return estimator


FAMILY = XGBoostFamily()
