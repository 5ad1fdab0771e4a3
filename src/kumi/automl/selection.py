"""The job's best model: the best single trial, or the ensemble when it validates better."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from kumi.automl.data import TaskData
from kumi.automl.ensemble import (
    LinearMeta,
    blend,
    greedy_ensemble,
    stacking_ensemble,
    steadiest,
)
from kumi.automl.metrics import Metric
from kumi.automl.model import AutoMLModel, build_model
from kumi.automl.preparation import PreparedData
from kumi.automl.result import ENSEMBLE_TRIAL
from kumi.automl.settings import AutoMLSettings
from kumi.automl.trials import TrialResult
from kumi.automl.validation import ValidationPlan
from kumi.core.errors import InvalidInputError, InvalidParameterError


@dataclass(frozen=True)
class Best:
    name: str
    """A family name, or ``ensemble (voting)`` / ``ensemble (stacking)``."""
    model: AutoMLModel
    predictions: np.ndarray
    """Its validation predictions (the metric's form)."""
    ensemble: TrialResult | None
    """The ensemble's leaderboard entry (whether or not it won)."""


@dataclass(frozen=True)
class _Ensemble:
    entry: TrialResult
    weights: dict[int, float]
    meta: LinearMeta | None


def choose_best(  # noqa: PLR0917 (the job's pieces)
    trials: list[TrialResult],
    prepared: PreparedData,
    data: TaskData,
    plan: ValidationPlan,
    settings: AutoMLSettings,
    metric: Metric,
) -> Best:
    """The best model among the completed trials and their ensemble."""
    completed = [trial for trial in trials if trial.ok]
    if not completed:
        raise _nothing_finished(trials, settings)
    ranked = sorted(completed, key=lambda t: (float(t.loss or 0.0), t.number))
    single = steadiest(ranked)[0]
    y_valid = prepared.search.scored_target()
    ensemble = _ensemble(completed, y_valid, metric, settings) if len(completed) > 1 else None
    by_number = {trial.number: trial for trial in completed}
    featurizers = prepared.featurizers
    if ensemble is not None and float(ensemble.entry.loss or 0.0) < float(single.loss or 0.0):
        model = build_model(
            by_number, ensemble.weights, featurizers, data, plan, meta=ensemble.meta
        )
        predictions = np.asarray(ensemble.entry.predictions)
        return Best(ensemble.entry.family, model, predictions, ensemble.entry)
    model = build_model(by_number, {single.number: 1.0}, featurizers, data, plan)
    entry = ensemble.entry if ensemble is not None else None
    return Best(single.family, model, np.asarray(single.predictions), entry)


def _ensemble(
    trials: list[TrialResult], y_valid: np.ndarray, metric: Metric, settings: AutoMLSettings
) -> _Ensemble | None:
    try:
        if settings.ensembling == "voting":
            weights = greedy_ensemble(trials, y_valid, metric)
            if len(weights) < 2:
                return None
            members = {t.number: np.asarray(t.predictions) for t in trials if t.number in weights}
            predictions = blend(members, weights)
            entry = _entry(
                "ensemble (voting)", weights, metric, metric(y_valid, predictions), predictions
            )
            return _Ensemble(entry, weights, None)
        if settings.ensembling == "stacking":
            stack = stacking_ensemble(trials, y_valid, metric, seed=settings.seed)
            entry = _entry(
                "ensemble (stacking)", stack.weights, metric, stack.metric_value, stack.predictions
            )
            return _Ensemble(entry, stack.weights, stack.meta)
    except InvalidInputError:
        return None
    return None


def _entry(
    name: str, weights: dict[int, float], metric: Metric, value: float, predictions: np.ndarray
) -> TrialResult:
    params: dict[str, Any] = {"members": {str(n): round(w, 4) for n, w in weights.items()}}
    return TrialResult(
        number=ENSEMBLE_TRIAL,
        family=name,
        params=params,
        encoding="trees",
        status="completed",
        metric_value=value,
        loss=metric.loss(value),
        predictions=predictions,
    )


def _nothing_finished(trials: list[TrialResult], settings: AutoMLSettings) -> InvalidParameterError:
    statuses = Counter(trial.status for trial in trials)
    seen = ", ".join(f"{count} {status}" for status, count in statuses.items()) or "none started"
    errors = [trial.error for trial in trials if trial.error][:3]
    budget = settings.time_budget_s
    return InvalidParameterError(
        f"No trial finished within the time budget of {budget:g} s (trials: {seen}). Raise "
        f"time_budget_s (e.g. to {max(2 * budget, 30):g}) or allow faster model families"
        + (f"; trial errors: {'; '.join(errors)}" if errors else "")
        + ".",
        details={"time_budget_s": budget, "statuses": dict(statuses), "errors": errors},
    )
