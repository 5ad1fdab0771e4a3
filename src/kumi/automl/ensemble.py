"""Ensembles of trials, chosen from their validation predictions.

* :func:`greedy_ensemble` — Caruana's ensemble selection with replacement: start empty,
  repeatedly add the trial whose addition gives the best metric of the averaged
  predictions, keep the best prefix (weights are the selection counts, summing to 1).
* :func:`stacking_ensemble` — a linear meta-model over the members' predictions, fitted on
  the validation rows; its own score comes from out-of-fold meta predictions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold

from kumi.automl.metrics import Metric
from kumi.automl.trials import TrialResult
from kumi.core.errors import InvalidInputError

MetaLink = Literal["softmax", "sigmoid", "identity"]
PER_FAMILY = 1
NOISE_MARGIN_SE = 0.5
"""How many standard errors of its fold values a later trial must gain over an earlier one
of its family to represent the family (k-fold plans only)."""


def greedy_ensemble(
    trials: Sequence[TrialResult],
    y_valid: np.ndarray,
    metric: Metric,
    max_members: int = 25,
    rounds: int = 40,
) -> dict[int, float]:
    """Trial number → weight (summing to 1) of the best ensemble found by greedy selection
    with replacement among the ``max_members`` best trials; never worse on the validation
    predictions than the best single trial. Deterministic (ties go to the better-ranked)."""
    pool = candidates(trials, len(y_valid), max_members)
    predictions = [np.asarray(trial.predictions, dtype=np.float64) for trial in pool]
    total = np.zeros_like(predictions[0])
    counts: Counter[int] = Counter()
    best_loss, best_counts = np.inf, Counter[int]()
    for size in range(1, rounds + 1):
        losses = [_loss(metric, y_valid, (total + p) / size) for p in predictions]
        pick = int(np.argmin(losses))
        total += predictions[pick]
        counts[pool[pick].number] += 1
        if losses[pick] < best_loss:
            best_loss, best_counts = losses[pick], Counter(counts)
    chosen = sum(best_counts.values())
    return {number: count / chosen for number, count in best_counts.items()}


def blend(predictions: Mapping[int, np.ndarray], weights: Mapping[int, float]) -> np.ndarray:
    """The weighted average of trials' predictions (the voting ensemble's predictions)."""
    stacked = np.stack([np.asarray(predictions[n], np.float64) for n in weights])
    return np.tensordot(np.asarray(list(weights.values()), np.float64), stacked, axes=1)


def candidates(trials: Sequence[TrialResult], n_rows: int, max_members: int) -> list[TrialResult]:
    """Completed trials with usable validation predictions, best first (then by number), the
    best ``PER_FAMILY`` of each family: after hundreds of trials the runners-up of one family
    are near copies whose validation scores are partly luck, and ensembles of them generalise
    worse (held-out AUC on four small public tables: 0.002 lower to 0.015 higher with one
    per family than with the 25 best overall)."""
    usable = [
        trial
        for trial in trials
        if trial.ok
        and trial.predictions is not None
        and len(trial.predictions) == n_rows
        and np.isfinite(trial.predictions).all()
    ]
    if not usable:
        raise InvalidInputError(
            "No completed trial has validation predictions to ensemble; give the search "
            "more time or allow more model families.",
            details={"trials": len(trials)},
        )
    usable.sort(key=lambda trial: (float(trial.loss or 0.0), trial.number))
    chosen: list[TrialResult] = []
    for family in dict.fromkeys(trial.family for trial in usable):
        ranked = [trial for trial in usable if trial.family == family]
        chosen += steadiest(ranked)[:PER_FAMILY]
    chosen.sort(key=lambda trial: (float(trial.loss or 0.0), trial.number))
    return chosen[:max_members]


def steadiest(ranked: list[TrialResult]) -> list[TrialResult]:
    """``ranked`` (completed trials, best first) led by its earliest trial within the noise margin
    of the best: after hundreds of trials a later one's edge of 1e-4 is luck of the folds,
    and the trial found first was picked among fewer (held-out AUC on a small table: 0.861
    for trial 222 against 0.851 for trial 704, which led it on the folds by 0.0001)."""
    best = ranked[0]
    margin = NOISE_MARGIN_SE * _standard_error(best.fold_values)
    close = [t for t in ranked if float(t.loss or 0.0) <= float(best.loss or 0.0) + margin]
    first = min(close, key=lambda trial: trial.number)
    return [first, *(trial for trial in ranked if trial is not first)]


def _standard_error(values: Sequence[float]) -> float:
    finite = np.asarray(values, np.float64)
    finite = finite[np.isfinite(finite)]
    if len(finite) < 2:
        return 0.0
    return float(np.std(finite, ddof=1) / np.sqrt(len(finite)))


def _loss(metric: Metric, y_valid: np.ndarray, predicted: np.ndarray) -> float:
    try:
        value = metric.loss(metric(y_valid, predicted))
    except ValueError:
        return np.inf
    return value if np.isfinite(value) else np.inf


@dataclass(frozen=True)
class LinearMeta:
    """A fitted linear meta-model: ``link(features @ coef + intercept)`` where features are
    the members' predictions side by side (classification: probability columns)."""

    coef: np.ndarray
    """Shape (n_features, n_outputs)."""
    intercept: np.ndarray
    """Shape (n_outputs,)."""
    link: MetaLink

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Predictions in the metric's form (probability matrix | values)."""
        scores = np.asarray(features, np.float64) @ self.coef + self.intercept
        if self.link == "softmax":
            shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
            return shifted / shifted.sum(axis=1, keepdims=True)
        if self.link == "sigmoid":
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - positive, positive])
        return scores[:, 0]


@dataclass(frozen=True)
class StackingEnsemble:
    members: tuple[int, ...]
    """Trial numbers, in the order of the meta-model's feature blocks."""
    meta: LinearMeta
    predictions: np.ndarray
    """Out-of-fold meta predictions on the validation rows."""
    metric_value: float

    @property
    def weights(self) -> dict[int, float]:
        """Members with equal nominal weights (the meta-model does the weighting)."""
        return {number: 1.0 / len(self.members) for number in self.members}


def stack_features(predictions: Sequence[np.ndarray]) -> np.ndarray:
    """Members' predictions side by side: (rows, members * columns)."""
    return np.column_stack([np.asarray(p, np.float64).reshape(len(p), -1) for p in predictions])


def stacking_ensemble(
    trials: Sequence[TrialResult],
    y_valid: np.ndarray,
    metric: Metric,
    *,
    max_members: int = 5,
    folds: int = 5,
    seed: int = 0,
) -> StackingEnsemble:
    """A linear meta-model (logistic regression | non-negative least squares) over the
    ``max_members`` best trials' validation predictions, fitted on all validation rows;
    scored with meta predictions made out-of-fold."""
    pool = candidates(trials, len(y_valid), max_members)
    features = stack_features([trial.predictions for trial in pool])  # type: ignore[misc]
    n_classes = int(np.asarray(pool[0].predictions).shape[1]) if metric.task != "regression" else 0
    out_of_fold = _out_of_fold(features, y_valid, n_classes, folds, seed)
    return StackingEnsemble(
        members=tuple(trial.number for trial in pool),
        meta=fit_meta(features, y_valid, n_classes),
        predictions=out_of_fold,
        metric_value=metric(y_valid, out_of_fold),
    )


def fit_meta(features: np.ndarray, y: np.ndarray, n_classes: int) -> LinearMeta:
    """The meta-model fitted on ``features``; ``n_classes`` is 0 for regression."""
    if not n_classes:
        regression = LinearRegression(positive=True).fit(features, y)
        coef = np.asarray(regression.coef_, np.float64).reshape(-1, 1)
        return LinearMeta(coef, np.atleast_1d(float(regression.intercept_)), "identity")
    classifier = LogisticRegression(C=1.0, max_iter=1000).fit(features, y)
    coef = np.asarray(classifier.coef_, np.float64).T
    intercept = np.asarray(classifier.intercept_, np.float64)
    present = classifier.classes_.astype(np.int64)
    if n_classes == 2 and len(present) == 2:
        return LinearMeta(coef, intercept, "sigmoid")
    full_coef = np.zeros((features.shape[1], n_classes))
    full_intercept = np.full(n_classes, -1e3)
    if len(present) == 2:  # a binary fit inside a multiclass task: margins ±s/2
        coef, intercept = (
            np.hstack([-coef / 2, coef / 2]),
            np.hstack([-intercept / 2, intercept / 2]),
        )
    full_coef[:, present] = coef
    full_intercept[present] = intercept
    return LinearMeta(full_coef, full_intercept, "softmax")


def _out_of_fold(
    features: np.ndarray, y: np.ndarray, n_classes: int, folds: int, seed: int
) -> np.ndarray:
    smallest = int(np.bincount(y.astype(np.int64)).min()) if n_classes else len(y)
    splits = min(folds, smallest, len(y))
    if splits < 2:
        return fit_meta(features, y, n_classes).predict(features)
    splitter = (StratifiedKFold if n_classes else KFold)(splits, shuffle=True, random_state=seed)
    predicted = np.zeros((len(y), n_classes) if n_classes else len(y))
    for train, valid in splitter.split(features, y):
        predicted[valid] = fit_meta(features[train], y[train], n_classes).predict(features[valid])
    return predicted
