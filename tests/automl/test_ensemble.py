"""Greedy ensemble selection and stacking over validation predictions."""

from __future__ import annotations

import numpy as np
import pytest

from kumi.automl.ensemble import (
    LinearMeta,
    blend,
    candidates,
    greedy_ensemble,
    stacking_ensemble,
    steadiest,
)
from kumi.automl.metrics import get_metric
from kumi.automl.trials import TrialResult
from kumi.core.errors import InvalidInputError

RNG = np.random.default_rng(0)
Y = RNG.integers(0, 2, 600)


def noisy_trial(number: int, noise: float, seed: int, y=Y, status="completed") -> TrialResult:
    rng = np.random.default_rng(seed)
    score = np.clip(y + rng.normal(0, noise, len(y)), -3, 4)
    positive = 1 / (1 + np.exp(-3 * (score - 0.5)))
    predictions = np.column_stack([1 - positive, positive])
    metric = get_metric("auc", "classification")
    value = metric(y, predictions)
    family = f"family{number}"
    return TrialResult(
        number, family, {}, "trees", status, value, metric.loss(value), predictions=predictions
    )


def test_greedy_weights_sum_to_one_and_beat_the_best_single_member() -> None:
    trials = [noisy_trial(n, 0.9, seed=n) for n in range(6)]
    metric = get_metric("auc", "classification")
    weights = greedy_ensemble(trials, Y, metric)
    assert abs(sum(weights.values()) - 1) < 1e-12
    assert len(weights) > 1
    by_number = {t.number: t.predictions for t in trials}
    best_single = max(t.metric_value for t in trials)
    assert metric(Y, blend(by_number, weights)) > best_single + 0.01


def test_greedy_is_deterministic_and_ignores_unusable_trials() -> None:
    trials = [noisy_trial(n, 0.8 + 0.1 * n, seed=n) for n in range(5)]
    failed = TrialResult(9, "f", {}, "trees", "failed", error="boom")
    short = noisy_trial(10, 0.1, seed=10, y=Y[:50])
    metric = get_metric("log_loss", "classification")
    first = greedy_ensemble([*trials, failed, short], Y, metric)
    assert first == greedy_ensemble([*trials, failed, short], Y, metric)
    assert 9 not in first and 10 not in first


def test_only_the_best_trial_of_each_family_is_a_candidate() -> None:
    trials = [noisy_trial(n, 0.9, seed=n) for n in range(4)]
    trials[1].family = trials[0].family
    metric = get_metric("auc", "classification")
    worse_twin = max(trials[:2], key=lambda t: t.loss or 0.0)
    assert worse_twin.number not in greedy_ensemble(trials, Y, metric)


def test_greedy_keeps_a_dominant_member_alone() -> None:
    trials = [noisy_trial(0, 0.05, seed=1), noisy_trial(1, 3.0, seed=2)]
    weights = greedy_ensemble(trials, Y, get_metric("auc", "classification"))
    assert weights == {0: 1.0}


def test_greedy_limits_the_pool_and_rounds() -> None:
    trials = [noisy_trial(n, 1.0, seed=n) for n in range(8)]
    weights = greedy_ensemble(
        trials, Y, get_metric("auc", "classification"), max_members=3, rounds=4
    )
    best_three = sorted(trials, key=lambda t: t.loss)[:3]
    assert set(weights) <= {t.number for t in best_three}
    sizes = [
        k for k in range(1, 5) if all(abs(w * k - round(w * k)) < 1e-9 for w in weights.values())
    ]
    assert sizes, "weights are selection counts over at most 4 rounds"


def test_greedy_regression_never_worse_than_best() -> None:
    y = RNG.normal(10, 3, 400)
    metric = get_metric("rmse", "regression")
    trials = []
    for n in range(4):
        predictions = y + np.random.default_rng(n).normal(n * 0.3, 1.0, len(y))
        value = metric(y, predictions)
        trials.append(
            TrialResult(n, "f", {}, "linear", "completed", value, value, predictions=predictions)
        )
    weights = greedy_ensemble(trials, y, metric)
    blended = metric(y, blend({t.number: t.predictions for t in trials}, weights))
    assert blended <= min(t.metric_value for t in trials)


def test_no_usable_trial_is_a_clear_error() -> None:
    with pytest.raises(InvalidInputError, match="No completed trial"):
        greedy_ensemble(
            [TrialResult(0, "f", {}, "trees", "failed")], Y, get_metric("auc", "classification")
        )


def test_stacking_fits_a_meta_model_scored_out_of_fold() -> None:
    trials = [noisy_trial(n, 0.9, seed=20 + n) for n in range(4)]
    metric = get_metric("auc", "classification")
    stacked = stacking_ensemble(trials, Y, metric, max_members=3)
    assert len(stacked.members) == 3
    assert stacked.meta.link == "sigmoid"
    assert stacked.predictions.shape == (len(Y), 2)
    assert stacked.metric_value == pytest.approx(metric(Y, stacked.predictions))
    assert stacked.metric_value > max(t.metric_value for t in trials)
    assert abs(sum(stacked.weights.values()) - 1) < 1e-12


def test_stacking_multiclass_and_regression_links() -> None:
    y = RNG.integers(0, 3, 300)
    rng = np.random.default_rng(3)
    trials = []
    for n in range(3):
        logits = np.eye(3)[y] * 2 + rng.normal(0, 1.0, (300, 3))
        p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        trials.append(
            TrialResult(n, f"f{n}", {}, "trees", "completed", 0.0, float(n), predictions=p)
        )
    stacked = stacking_ensemble(trials, y, get_metric("log_loss", "classification", 3))
    assert stacked.meta.link == "softmax" and stacked.meta.coef.shape == (9, 3)
    assert np.allclose(stacked.predictions.sum(axis=1), 1.0)
    values = RNG.normal(0, 1, 200)
    regressors = [
        TrialResult(
            n,
            f"f{n}",
            {},
            "linear",
            "completed",
            0.0,
            float(n),
            predictions=values * (1 + n) + rng.normal(0, 0.2, 200),
        )
        for n in range(2)
    ]
    meta = stacking_ensemble(regressors, values, get_metric("r2", "regression")).meta
    assert meta.link == "identity" and (meta.coef >= 0).all()


def test_linear_meta_predicts_probabilities() -> None:
    meta = LinearMeta(np.array([[2.0], [-1.0]]), np.array([0.5]), "sigmoid")
    p = meta.predict(np.array([[1.0, 0.0], [0.0, 1.0]]))
    assert np.allclose(p[:, 1], 1 / (1 + np.exp(-np.array([2.5, -0.5]))))
    assert np.allclose(p.sum(axis=1), 1)


def _folded(number: int, loss: float, spread: float) -> TrialResult:
    values = [-loss - spread, -loss + spread, -loss - spread, -loss + spread, -loss]
    predictions = np.column_stack([1 - Y * 0.9, Y * 0.9])
    trial = TrialResult(number, "lgbm", {}, "trees", "completed", -loss, loss)
    trial.fold_values = values
    trial.predictions = predictions
    return trial


def test_a_later_trial_within_the_folds_noise_does_not_replace_an_earlier_one() -> None:
    early = _folded(3, -0.8544, spread=0.02)
    lucky = _folded(700, -0.8545, spread=0.02)
    assert steadiest([lucky, early])[0] is early
    assert candidates([early, lucky], len(Y), 25) == [early]


def test_a_later_trial_clearly_better_than_the_folds_noise_does() -> None:
    early = _folded(3, -0.8400, spread=0.01)
    better = _folded(700, -0.8545, spread=0.01)
    assert steadiest([better, early])[0] is better
    assert candidates([early, better], len(Y), 25) == [better]
    single = _folded(5, -0.85, spread=0.0)
    single.fold_values = [0.85]  # a holdout plan: one value, no margin
    assert steadiest([lucky := _folded(9, -0.8501, 0.0), single])[0] is lucky
