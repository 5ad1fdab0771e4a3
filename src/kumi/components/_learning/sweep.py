"""Hyperparameter sweeps: candidate parameter sets and how they are ranked."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np

from kumi.components._learning.metrics import LOWER_IS_BETTER
from kumi.core import InvalidParameterError, ModelKind

SweepMode = Literal["entire_grid", "random_sweep"]
ClassificationMetric = Literal[
    "accuracy", "precision", "recall", "f_score", "auc", "average_log_loss"
]
RegressionMetric = Literal[
    "mean_absolute_error",
    "root_mean_squared_error",
    "relative_absolute_error",
    "relative_squared_error",
    "coefficient_of_determination",
]
MAX_GRID = 1000

_BINARY = {"f_score": "f1_score", "average_log_loss": "log_loss"}
_MULTICLASS = {"accuracy": "accuracy", "precision": "macro_precision", "recall": "macro_recall"}


def candidates(
    space: Mapping[str, tuple[Any, ...]], mode: SweepMode, runs: int, seed: int
) -> list[dict[str, Any]]:
    """Parameter sets to try: every combination, or ``runs`` distinct random ones."""
    names = list(space)
    sizes = [len(space[n]) for n in names]
    total = math.prod(sizes)
    if mode == "entire_grid" and total > MAX_GRID:
        raise InvalidParameterError(
            f"The entire grid has {total} parameter combinations (limit {MAX_GRID}); use "
            "random_sweep or give the learner fewer range values.",
            details={"parameter": "specify_parameter_sweeping_mode", "combinations": total},
        )
    if mode == "entire_grid" or total <= runs:
        picks = np.arange(total)
    else:
        picks = np.random.default_rng(seed).choice(total, size=runs, replace=False)
    return [_combination(int(i), names, sizes, space) for i in picks]


def _combination(
    index: int, names: list[str], sizes: list[int], space: Mapping[str, tuple[Any, ...]]
) -> dict[str, Any]:
    chosen: dict[str, Any] = {}
    for name, size in zip(reversed(names), reversed(sizes), strict=True):
        index, position = divmod(index, size)
        chosen[name] = space[name][position]
    return {name: chosen[name] for name in names}


def ranking_metric(kind: ModelKind, classification: str, regression: str) -> str:
    """The report metric name that ranks the runs of a learner of ``kind``."""
    if kind == ModelKind.BINARY_CLASSIFIER:
        return _BINARY.get(classification, classification)
    if kind == ModelKind.MULTICLASS_CLASSIFIER:
        if classification not in _MULTICLASS:
            raise InvalidParameterError(
                f"Multiclass runs are ranked by accuracy, precision or recall, not "
                f"'{classification}'; change metric_for_measuring_performance_for_classification.",
                details={"parameter": "metric_for_measuring_performance_for_classification"},
            )
        return _MULTICLASS[classification]
    return regression


def sort_key(metric: str, value: float) -> float:
    """Ascending sort key putting the best value first (NaN last)."""
    if math.isnan(value):
        return math.inf
    return value if metric in LOWER_IS_BETTER else -value
