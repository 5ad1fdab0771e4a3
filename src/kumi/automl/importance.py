"""Permutation importance of the raw input columns of a fitted AutoML model.

A column's importance is how much the primary metric worsens when its values are shuffled
among the rows (the model sees the raw table, so featurization is included). One round
scores every column at once: the sample is repeated once per column, each copy with that
column shuffled, and the model predicts all copies in one call (a call's fixed cost, e.g. a
large ensemble's, is paid once per round, not once per column). The work is bounded: at
most ``MAX_ROWS`` rows, fewer when a round would not fit the time budget, and as many
rounds (up to ``MAX_REPEATS``) as fit.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pandas as pd

from kumi.automl.metrics import Metric

MAX_ROWS = 2_000
MIN_ROWS = 50
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
    per_row = max(time.monotonic() - started, 1e-4) / max(len(sample), 1)
    columns = list(features.columns)
    affordable = int(budget_s / (2 * per_row * max(len(columns), 1)))
    if affordable < len(sample):
        keep = np.sort(rng.permutation(len(sample))[: max(affordable, MIN_ROWS)])
        sample, truth = sample.iloc[keep].reset_index(drop=True), truth[keep]
    drops: dict[str, list[float]] = {c: [] for c in columns}
    deadline = started + budget_s
    for repeat in range(MAX_REPEATS):
        if repeat > 0 and time.monotonic() + (time.monotonic() - started) / repeat > deadline:
            break
        for column, loss in _shuffled_losses(model, sample, truth, metric, rng).items():
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


def _shuffled_losses(
    model: Any, sample: pd.DataFrame, truth: np.ndarray, metric: Metric, rng: np.random.Generator
) -> dict[str, float]:
    """The loss with each column shuffled, all columns predicted in one call."""
    size = len(sample)
    blocks = []
    for column in sample.columns:
        block = sample.copy()
        block[column] = sample[column].to_numpy()[rng.permutation(size)]
        blocks.append(block)
    predicted = predictions_of(model, pd.concat(blocks, ignore_index=True), metric)
    return {
        str(column): metric.loss(metric(truth, predicted[i * size : (i + 1) * size]))
        for i, column in enumerate(sample.columns)
    }


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
