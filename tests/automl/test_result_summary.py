"""The leaderboard ranks trials best first (failed last, ensemble included), the result's
summary is JSON-ready, and permutation importance finds the informative columns."""

from __future__ import annotations

import json
import time

import numpy as np
import pandas as pd

from kumi.automl.importance import permutation_importance
from kumi.automl.result import AutoMLResult, build_result, leaderboard_csv, make_leaderboard
from tests.automl.outputs_support import (
    Case,
    binary_case,
    ensemble_entry,
    multiclass_case,
    regression_case,
    trial_list,
)


def _result(case: Case) -> AutoMLResult:
    return build_result(
        best_model=case.model,
        best_estimator="ensemble (voting)",
        trials=trial_list(case.metric),
        ensemble=ensemble_entry(case.metric),
        metric=case.metric,
        settings=case.settings,
        guardrails=[],
        featurization=[{"column": "a", "type_detected": "numeric", "dropped": False}],
        validation_features=case.features,
        validation_y=case.y,
        validation_predictions=case.predictions,
    )


def test_leaderboard_ranks_best_first_with_ensemble_and_failures_last() -> None:
    metric = binary_case().metric
    board = make_leaderboard(trial_list(metric), ensemble_entry(metric), metric)
    assert list(board.columns) == [
        "rank", "trial", "family", "params", "status", "metric", "fit_s", "predict_s", "error"
    ]  # fmt: skip
    assert board.attrs["metric"] == "auc"
    assert board["rank"].tolist() == list(range(1, len(board) + 1))
    assert board["trial"].iloc[0] == -1 and board["family"].iloc[0] == "ensemble (voting)"
    completed = board[board["status"] == "completed"]
    assert completed["metric"].is_monotonic_decreasing  # auc: greater is better
    assert board["status"].tolist()[-3:] == ["pruned", "timeout", "failed"]
    assert board["error"].iloc[-1] == "ValueError: boom"


def test_leaderboard_of_a_loss_metric_puts_the_smallest_first() -> None:
    metric = multiclass_case().metric  # log_loss
    board = make_leaderboard(trial_list(metric), None, metric)
    completed = board[board["status"] == "completed"]
    assert completed["metric"].is_monotonic_increasing
    assert -1 not in board["trial"].tolist()


def test_leaderboard_csv_holds_parameters_as_json() -> None:
    metric = binary_case().metric
    text = leaderboard_csv(make_leaderboard(trial_list(metric), None, metric))
    first = pd.read_csv(pd.io.common.StringIO(text)).iloc[0]
    assert json.loads(first["params"])["n_estimators"] == 100 + int(first["trial"])


def test_to_dict_is_json_ready_for_binary_multiclass_and_regression() -> None:
    for case in (binary_case(), multiclass_case(), regression_case()):
        result = _result(case)
        summary = result.to_dict()
        text = json.dumps(summary, allow_nan=False)  # no numpy types, no NaN
        back = json.loads(text)
        assert back["best_estimator"] == "ensemble (voting)"
        assert back["best_metric"] == ensemble_entry(case.metric).metric_value
        assert len(back["leaderboard"]) == 10
        assert back["leaderboard"][-1]["metric"] is None  # the failed trial
        assert back["leaderboard"][0]["params"] == {"weights": {"0": 0.6, "1": 0.4}}
        assert back["settings"]["target"] == case.target
        assert {row["feature"] for row in back["feature_importance"]} == set(case.features)


def test_binary_charts_are_built_from_the_validation_predictions() -> None:
    charts = _result(binary_case()).charts
    assert set(charts) == {"roc", "precision_recall", "lift", "calibration", "confusion_matrix"}
    assert charts["confusion_matrix"]["labels"] == ["benign", "malignant"]
    assert sum(map(sum, charts["confusion_matrix"]["matrix"])) == len(binary_case().y)


def test_permutation_importance_ranks_the_signal_above_noise() -> None:
    case = regression_case()
    # bmi and s5 carry most of the diabetes signal for a linear model; age does not
    rows = permutation_importance(case.model, case.features, case.y, case.metric, budget_s=2.0)
    order = [row["feature"] for row in rows]
    assert order.index("bmi") < order.index("age") and order.index("s5") < order.index("age")
    assert rows[0]["importance"] > 0.05
    assert all(isinstance(row["importance"], float) for row in rows)


def test_permutation_importance_keeps_to_its_budget_on_a_slow_model() -> None:
    case = binary_case()

    class Slow:
        def predict_proba(self, frame: pd.DataFrame) -> np.ndarray:
            time.sleep(0.02)
            return case.model.predict_proba(frame)

    started = time.monotonic()
    rows = permutation_importance(Slow(), case.features, case.y, case.metric, budget_s=0.3)
    assert time.monotonic() - started < 1.0  # one round over six columns, then stop
    assert len(rows) == case.features.shape[1]
