"""Elastic-net linear models: logistic regression (classification), ElasticNet (regression)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.linear_model import ElasticNet, LogisticRegression

from kumi.automl.settings import Task

if TYPE_CHECKING:
    import optuna


class ElasticNetFamily:
    """``C`` (classification) is the inverse penalty; ``alpha`` (regression) is the penalty
    of a fit on the standardised target (the fitted coefficients are scaled back), so one
    range suits every target scale."""

    name = "elastic_net"
    display_name = "Elastic net"
    encoding = "linear"
    tasks: frozenset[Task] = frozenset({"classification", "regression"})

    def portfolio(self, task: Task, n_rows: int, n_features: int) -> list[dict[str, Any]]:
        if task == "classification":
            return [{"C": 1.0, "l1_ratio": 0.0}, {"C": 0.05, "l1_ratio": 0.0},
                    {"C": 0.3, "l1_ratio": 0.5}]  # fmt: skip
        return [{"alpha": 1e-4, "l1_ratio": 0.5}, {"alpha": 3e-3, "l1_ratio": 0.5}]

    def suggest(self, trial: optuna.Trial, task: Task, n_rows: int) -> dict[str, Any]:
        ratio = trial.suggest_float("l1_ratio", 0.0, 1.0)
        if task == "classification":
            return {"C": trial.suggest_float("C", 1e-3, 100.0, log=True), "l1_ratio": ratio}
        return {"alpha": trial.suggest_float("alpha", 1e-5, 1.0, log=True), "l1_ratio": ratio}

    def build(
        self,
        params: dict[str, Any],
        task: Task,
        seed: int,
        n_threads: int,
        categorical: Sequence[int],
    ) -> Any:
        if task == "classification":
            solver = "lbfgs" if params["l1_ratio"] == 0 else "saga"
            return LogisticRegression(
                C=params["C"], l1_ratio=params["l1_ratio"], solver=solver, max_iter=300,
                tol=1e-3, random_state=seed,
            )  # fmt: skip
        return ElasticNet(
            alpha=params["alpha"], l1_ratio=params["l1_ratio"], max_iter=3000, tol=1e-3,
            random_state=seed, selection="cyclic",
        )  # fmt: skip

    def fit(
        self, estimator: Any, x: np.ndarray, y: np.ndarray, x_valid: np.ndarray, y_valid: np.ndarray
    ) -> Any:
        if not isinstance(estimator, ElasticNet):
            return estimator.fit(x, y)
        center, scale = float(np.mean(y)), max(float(np.std(y)), 1e-12)
        estimator.fit(x, (y - center) / scale)
        estimator.coef_ = estimator.coef_ * scale
        estimator.intercept_ = estimator.intercept_ * scale + center
        return estimator


FAMILY = ElasticNetFamily()
