"""One trial: fit a family's estimator on every fold, score the validation rows, save models."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cloudpickle
import numpy as np

from kumi.automl.families._base import Family
from kumi.automl.featurize import Encoding
from kumi.automl.search.data import SearchData
from kumi.automl.trials import TrialResult


@dataclass(frozen=True)
class TrialSpec:
    """What a worker is asked to run. ``prune_above[j]`` is the loss that the mean of the
    first ``j + 1`` fold losses may not exceed, else the trial stops as "pruned"."""

    number: int
    family: str
    params: dict[str, Any]
    encoding: Encoding
    seed: int
    n_threads: int
    started_s: float = 0.0
    prune_above: tuple[float, ...] = field(default_factory=tuple)


def evaluate(spec: TrialSpec, family: Family, data: SearchData, work_dir: Path) -> TrialResult:
    """Run ``spec`` over the plan's folds; the result holds the validation predictions (row
    order of :meth:`SearchData.scored_target`) and the fitted fold models' file."""
    result = TrialResult(
        spec.number, spec.family, dict(spec.params), spec.encoding, "completed",
        started_s=spec.started_s,
    )  # fmt: skip
    models: list[Any] = []
    parts: list[np.ndarray] = []
    losses: list[float] = []
    folds = data.plan.folds
    for index, fold in enumerate(folds):
        x, y, x_valid, y_valid = data.fold_rows(fold, spec.encoding)
        start = time.perf_counter()
        categorical = data.categorical if spec.encoding == "trees" else ()
        estimator = family.build(
            spec.params, data.metric.task, spec.seed, spec.n_threads, categorical
        )
        estimator = family.fit(estimator, x, y, x_valid, y_valid)
        fitted = time.perf_counter()
        predicted = predictions(estimator, x_valid, data.n_classes)
        result.fit_s += fitted - start
        result.predict_s += time.perf_counter() - fitted
        models.append(estimator)
        parts.append(predicted)
        value = _fold_value(data, y_valid, predicted)
        result.fold_values.append(value)
        losses.append(data.metric.loss(value))
        if index < len(folds) - 1 and _pruned(losses, spec.prune_above):
            result.status = "pruned"
            return result
    result.predictions = _assemble(parts, data)
    result.metric_value = data.metric(data.scored_target(), result.predictions)
    result.loss = data.metric.loss(result.metric_value)
    result.model_path = work_dir / f"trial-{spec.number}.pkl"
    result.model_path.write_bytes(cloudpickle.dumps(models))
    return result


def predictions(estimator: Any, x: np.ndarray, n_classes: int) -> np.ndarray:
    """Class probabilities ``(rows, n_classes)`` (columns by class index, a class the fold
    did not see gets 0) or regression values ``(rows,)``."""
    if not n_classes:
        return np.asarray(estimator.predict(x), dtype="float64").reshape(-1)
    probabilities = np.asarray(estimator.predict_proba(x), dtype="float64")
    seen = np.asarray(estimator.classes_, dtype="int64")
    if len(seen) == n_classes:
        return probabilities
    full = np.zeros((len(x), n_classes))
    full[:, seen] = probabilities
    return full


def _fold_value(data: SearchData, y: np.ndarray, predicted: np.ndarray) -> float:
    try:
        return data.metric(y, predicted)
    except ValueError:  # e.g. AUC on a fold holding one class
        return float("nan")


def _pruned(losses: list[float], prune_above: tuple[float, ...]) -> bool:
    step = len(losses) - 1
    if step >= len(prune_above):
        return False
    mean = float(np.nanmean(losses)) if not np.all(np.isnan(losses)) else float("nan")
    return bool(mean > prune_above[step])


def _assemble(parts: list[np.ndarray], data: SearchData) -> np.ndarray:
    """Out-of-fold predictions in row order (k-fold) or the one fold's predictions."""
    if not data.plan.out_of_fold:
        return parts[0]
    shape = (data.n_rows, data.n_classes) if data.n_classes else (data.n_rows,)
    assembled = np.zeros(shape)
    for fold, part in zip(data.plan.folds, parts, strict=True):
        assembled[fold.valid] = part
    return assembled
