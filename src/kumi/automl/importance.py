"""Permutation importance of the raw input columns of a fitted AutoML model.

A column's importance is how much the primary metric worsens when its values are shuffled
among the rows (the model sees the raw table, so featurization is included). The work is
bounded: at most ``MAX_ROWS`` rows, and as many shuffling rounds as fit in a time budget
(at least one round over every column, on fewer rows when the model predicts slowly).
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pandas as pd

from kumi.automl.metrics import Metric

MAX_ROWS = 2_000
MIN_ROWS = 100
MAX_REPEATS = 5


def permutation_importance(
    model: Any,
    features: pd.DataFrame,
    y: np.ndarray,
    metric: Metric,
    *,
    budget_s: float,
    seed: int = 0,
) -> list[dict[str, Any]]:
    """``[{"feature", "importance", "std"}]`` for every column of ``features``, most important
    first; importance = mean increase of the metric's loss over the shuffling rounds."""
    started = time.monotonic()
    rng = np.random.default_rng(seed)
    rows = _sample(len(features), MAX_ROWS, rng)
    sample, truth = features.iloc[rows].reset_index(drop=True), np.asarray(y)[rows]
    baseline = metric.loss(metric(truth, predictions_of(model, sample, metric)))
    per_call = max(time.monotonic() - started, 1e-4)
    columns = list(features.columns)
    affordable_rows = int(len(sample) * budget_s / (per_call * max(len(columns), 1)))
    if affordable_rows < len(sample):
        keep = np.sort(rng.permutation(len(sample))[: max(affordable_rows, MIN_ROWS)])
        sample, truth = sample.iloc[keep].reset_index(drop=True), truth[keep]
    drops: dict[str, list[float]] = {c: [] for c in columns}
    deadline = started + budget_s
    for repeat in range(MAX_REPEATS):
        if repeat > 0 and time.monotonic() + (time.monotonic() - started) / repeat > deadline:
            break
        for column in columns:
            shuffled = sample.copy()
            shuffled[column] = sample[column].to_numpy()[rng.permutation(len(sample))]
            loss = metric.loss(metric(truth, predictions_of(model, shuffled, metric)))
            drops[column].append(loss - baseline)
    ranked = [
        {
            "feature": str(c),
            "importance": _finite(float(np.mean(v))),
            "std": _finite(float(np.std(v))),
        }
        for c, v in drops.items()
    ]
    return sorted(ranked, key=lambda row: -row["importance"])


def predictions_of(model: Any, features: pd.DataFrame, metric: Metric) -> np.ndarray:
    """The model's predictions in the metric's form (probabilities or values)."""
    if metric.task == "classification":
        return np.asarray(model.predict_proba(features), dtype="float64")
    return np.asarray(model.predict(features), dtype="float64").reshape(-1)


def _sample(length: int, size: int, rng: np.random.Generator) -> np.ndarray:
    if length <= size:
        return np.arange(length)
    return np.sort(rng.choice(length, size=size, replace=False))


def _finite(value: float) -> float:
    return float(value) if np.isfinite(value) else 0.0
