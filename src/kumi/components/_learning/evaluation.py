"""Evaluate a scored table: find the task from its score columns, compute metrics and charts."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from kumi.components._learning import charts
from kumi.components._learning.binary_curves import BinaryCurves
from kumi.components._learning.columns import (
    ASSIGNMENTS,
    DISTANCE_PREFIX,
    PROBABILITY_PREFIX,
    QUANTILE_PREFIX,
    SCORED_LABELS,
    SCORED_PROBABILITIES,
)
from kumi.components._learning.labels import plain_values, sorted_classes
from kumi.components._learning.metrics import (
    binary_metrics,
    clustering_metrics,
    multiclass_metrics,
    quantile_metrics,
    regression_metrics,
)
from kumi.core import EvaluationReport, InvalidInputError, Table

BINARY = "binary_classification"
MULTICLASS = "multiclass_classification"
REGRESSION = "regression"
QUANTILE = "quantile_regression"
CLUSTERING = "clustering"
MAX_CLASS_LIKE_VALUES = 20
"""An integer label with at most this many distinct values scored only with labels is a
classification; with more, a regression."""


def evaluate(table: Table, port: str = "scored_dataset") -> EvaluationReport:
    """Metrics and charts of one scored table."""
    task = detect_task(table, port)
    try:
        return _evaluate(task, table, port)
    except ValueError as error:
        raise InvalidInputError(
            f"The scores on '{port}' cannot be evaluated as {task.replace('_', ' ')}: "
            f"{str(error).rstrip('.')}. Check the score columns (no missing values, "
            "probabilities between 0 and 1).",
            details={"port": port, "task": task},
        ) from error


def _evaluate(task: str, table: Table, port: str) -> EvaluationReport:
    if task == CLUSTERING:
        return _clustering(table)
    label = _label(table, port)
    if task == BINARY:
        return _binary(label, table)
    if task == MULTICLASS:
        return _multiclass(label, table)
    if task == QUANTILE:
        return _quantile(label, table)
    return _regression(label, table)


def detect_task(table: Table, port: str = "scored_dataset") -> str:
    """The task whose score columns ``table`` carries."""
    columns = table.columns
    if ASSIGNMENTS in columns:
        return CLUSTERING
    if any(c.startswith(QUANTILE_PREFIX) for c in columns):
        return QUANTILE
    if any(c.startswith(PROBABILITY_PREFIX) for c in columns):
        return MULTICLASS
    if SCORED_PROBABILITIES in columns and SCORED_LABELS in columns:
        return BINARY
    if SCORED_LABELS not in columns:
        raise InvalidInputError(
            f"The table on '{port}' has no score columns ('{SCORED_LABELS}', "
            f"'{ASSIGNMENTS}' ...). Connect the output of Score Model, Assign Data to "
            "Clusters or Cross Validate Model.",
            details={"port": port, "columns": columns[:50]},
        )
    return MULTICLASS if _looks_categorical(table) else REGRESSION


def _looks_categorical(table: Table) -> bool:
    values = table.frame[SCORED_LABELS]
    if not ptypes.is_numeric_dtype(values.dtype) or ptypes.is_bool_dtype(values.dtype):
        return True
    if ptypes.is_float_dtype(values.dtype) and not np.all(np.mod(values.dropna(), 1) == 0):
        return False
    return bool(values.nunique() <= MAX_CLASS_LIKE_VALUES)


def _label(table: Table, port: str) -> str:
    label = table.label
    if label is None:
        raise InvalidInputError(
            f"The table on '{port}' has no column marked as the label, so the scores cannot "
            "be compared with true values. Mark the label column with Edit Metadata (or keep "
            "it through Select Columns so Score Model passes it on).",
            details={"port": port, "columns": table.columns[:50]},
        )
    return label


def _rows_with_label(table: Table, label: str) -> pd.DataFrame:
    frame = table.frame[table.frame[label].notna()]
    if frame.empty:
        raise InvalidInputError(
            f"Label column '{label}' has no values in the scored table; evaluate data with "
            "known labels.",
            details={"column": label},
        )
    return frame


def _binary(label: str, table: Table) -> EvaluationReport:
    frame = _rows_with_label(table, label)
    actual, predicted = plain_values(frame[label]), plain_values(frame[SCORED_LABELS])
    classes = sorted_classes(pd.concat([actual, predicted], ignore_index=True), label)
    if len(classes) > 2:
        raise InvalidInputError(
            f"The scores are two-class but label column '{label}' has {len(classes)} classes; "
            "train a multiclass learner for this label.",
            details={"column": label, "classes": classes[:20]},
        )
    positive = classes[-1]
    truth, hits = (actual == positive).to_numpy(), (predicted == positive).to_numpy()
    probability = frame[SCORED_PROBABILITIES].to_numpy(dtype="float64")
    if not np.isfinite(probability).all():
        raise ValueError(f"column '{SCORED_PROBABILITIES}' has missing or infinite values")
    both_classes = 0 < np.count_nonzero(truth) < len(truth)
    curves = BinaryCurves.of(truth, probability) if both_classes else None
    metrics = binary_metrics(truth, hits, probability, curves)
    matrix = charts.binary_confusion(truth, hits, classes)
    plot: dict[str, Any] = {"confusion_matrix": {**matrix, "threshold": 0.5}}
    if curves is not None:
        plot.update(charts.binary_charts(curves))
    return _report(BINARY, metrics, plot)


def _multiclass(label: str, table: Table) -> EvaluationReport:
    frame = _rows_with_label(table, label)
    actual, predicted = plain_values(frame[label]), plain_values(frame[SCORED_LABELS])
    classes = sorted_classes(pd.concat([actual, predicted], ignore_index=True), label)
    truth, guess = actual.to_numpy(), predicted.to_numpy()
    plot = {"confusion_matrix": charts.confusion(truth, guess, classes)}
    return _report(MULTICLASS, multiclass_metrics(truth, guess), plot)


def _regression(label: str, table: Table) -> EvaluationReport:
    frame = _rows_with_label(table, label)
    actual = _numbers(frame[label], label)
    predicted = _numbers(frame[SCORED_LABELS], SCORED_LABELS)
    plot = charts.regression_charts(actual, predicted)
    return _report(REGRESSION, regression_metrics(actual, predicted), plot)


def _quantile(label: str, table: Table) -> EvaluationReport:
    frame = _rows_with_label(table, label)
    columns = [c for c in table.columns if c.startswith(QUANTILE_PREFIX)]
    quantiles = [float(c.removeprefix(QUANTILE_PREFIX)) for c in columns]
    predicted = [_numbers(frame[c], c) for c in columns]
    return _report(
        QUANTILE, quantile_metrics(_numbers(frame[label], label), quantiles, predicted), {}
    )


def _clustering(table: Table) -> EvaluationReport:
    distance_columns = [c for c in table.columns if c.startswith(DISTANCE_PREFIX)]
    distance_columns.sort(key=lambda c: int(c.removeprefix(DISTANCE_PREFIX)))
    assignments = table.frame[ASSIGNMENTS].to_numpy(dtype="int64")
    distances = table.frame[distance_columns].to_numpy(dtype="float64")
    result = clustering_metrics(assignments, distances)
    clusters = result.pop("clusters")
    return _report(CLUSTERING, result, {"clusters": clusters})


def _numbers(series: pd.Series, name: str) -> np.ndarray:
    if not ptypes.is_numeric_dtype(series.dtype) or ptypes.is_bool_dtype(series.dtype):
        raise InvalidInputError(
            f"Column '{name}' must hold numbers to evaluate a regression; it holds "
            f"{series.dtype} values.",
            details={"column": name},
        )
    return series.to_numpy(dtype="float64")


def _report(task: str, metrics: dict[str, float], plot: dict[str, Any]) -> EvaluationReport:
    defined = {k: v for k, v in metrics.items() if not math.isnan(v)}
    return EvaluationReport(task=task, metrics=defined, charts=plot)
