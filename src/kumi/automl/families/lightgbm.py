"""LightGBM gradient-boosted trees, early-stopped on the validation rows, native categoricals."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import lightgbm as lgb
import numpy as np

from kumi.automl.families._base import CATEGORICAL_ATTRIBUTE, categorical_of, min_leaf
from kumi.automl.settings import Task

if TYPE_CHECKING:
    import optuna

MAX_ROUNDS = 3000
EARLY_STOPPING_ROUNDS = 50


class LightGBMFamily:
    name = "lightgbm"
    display_name = "LightGBM"
    encoding = "trees"
    tasks: frozenset[Task] = frozenset({"classification", "regression"})

    def portfolio(self, task: Task, n_rows: int, n_features: int) -> list[dict[str, Any]]:
        leaf = min_leaf(n_rows, 20)
        return [
            {"learning_rate": 0.05, "num_leaves": 31, "min_child_samples": leaf,
             "colsample_bytree": 0.9, "subsample": 0.8, "reg_lambda": 0.001, "extra_trees": False},
            {"learning_rate": 0.05, "num_leaves": 31, "min_child_samples": leaf,
             "colsample_bytree": 0.9, "subsample": 1.0, "reg_lambda": 0.001, "extra_trees": True},
            {"learning_rate": 0.03, "num_leaves": 128, "min_child_samples": min_leaf(n_rows, 5),
             "colsample_bytree": 0.9, "subsample": 1.0, "reg_lambda": 0.001, "extra_trees": False},
            {"learning_rate": 0.05, "num_leaves": 15, "min_child_samples": min_leaf(n_rows, 50),
             "colsample_bytree": 0.6, "subsample": 0.8, "reg_lambda": 5.0, "extra_trees": False},
            {"learning_rate": 0.1, "num_leaves": 63, "min_child_samples": min_leaf(n_rows, 10),
             "colsample_bytree": 0.5, "subsample": 0.8, "reg_lambda": 1.0, "extra_trees": False},
        ]  # fmt: skip

    def suggest(self, trial: optuna.Trial, task: Task, n_rows: int) -> dict[str, Any]:
        return {
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
            "num_leaves": trial.suggest_int("num_leaves", 4, 256, log=True),
            "min_child_samples": trial.suggest_int("min_child_samples", 1, 100, log=True),
            "colsample_bytree": trial.suggest_float("colsample_bytree", 0.3, 1.0),
            "subsample": trial.suggest_float("subsample", 0.5, 1.0),
            "reg_lambda": trial.suggest_float("reg_lambda", 1e-3, 30.0, log=True),
            "extra_trees": trial.suggest_categorical("extra_trees", [False, True]),
        }

    def build(
        self,
        params: dict[str, Any],
        task: Task,
        seed: int,
        n_threads: int,
        categorical: Sequence[int],
    ) -> Any:
        model = lgb.LGBMClassifier if task == "classification" else lgb.LGBMRegressor
        estimator = model(
            n_estimators=MAX_ROUNDS,
            subsample_freq=1,
            random_state=seed,
            n_jobs=n_threads,
            deterministic=True,
            force_row_wise=True,
            verbose=-1,
            **params,
        )
        setattr(estimator, CATEGORICAL_ATTRIBUTE, list(categorical))
        return estimator

    def fit(
        self, estimator: Any, x: np.ndarray, y: np.ndarray, x_valid: np.ndarray, y_valid: np.ndarray
    ) -> Any:
        """Fit, keeping the trees up to the best validation round."""
        estimator.fit(
            x,
            y,
            eval_X=(x_valid,),
            eval_y=(y_valid,),
            categorical_feature=categorical_of(estimator) or "auto",
            callbacks=[lgb.early_stopping(EARLY_STOPPING_ROUNDS, verbose=False)],
        )
        return estimator


FAMILY = LightGBMFamily()
