"""What a model family is: its encoding, default configurations, search space and estimator."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from kumi.automl.featurize import Encoding
from kumi.automl.settings import Task

if TYPE_CHECKING:
    import optuna

CATEGORICAL_ATTRIBUTE = "kumi_categorical_features"
"""Estimator attribute holding the matrix columns to split on as categories (trees encoding)."""


@runtime_checkable
class Family(Protocol):
    """A kind of model the search tries, with strong defaults first and then a search space.

    ``portfolio`` lists configurations known to do well, best first; ``suggest`` draws one
    from the family's search space; ``build`` makes the unfitted estimator and ``fit`` fits
    it, with early stopping on the validation rows where the family supports it.
    """

    name: str
    display_name: str
    encoding: Encoding
    tasks: frozenset[Task]

    def portfolio(self, task: Task, n_rows: int, n_features: int) -> list[dict[str, Any]]: ...

    def suggest(self, trial: optuna.Trial, task: Task, n_rows: int) -> dict[str, Any]: ...

    def build(
        self,
        params: dict[str, Any],
        task: Task,
        seed: int,
        n_threads: int,
        categorical: Sequence[int],
    ) -> Any: ...

    def fit(
        self, estimator: Any, x: np.ndarray, y: np.ndarray, x_valid: np.ndarray, y_valid: np.ndarray
    ) -> Any: ...


def categorical_of(estimator: Any) -> list[int]:
    """The categorical columns ``build`` recorded on ``estimator`` (empty when none)."""
    return list(getattr(estimator, CATEGORICAL_ATTRIBUTE, ()))


def min_leaf(n_rows: int, wanted: int) -> int:
    """A minimum leaf size of ``wanted`` rows, smaller for tiny tables (at least 1)."""
    return max(1, min(wanted, n_rows // 50))
