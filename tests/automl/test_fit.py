"""kumi.automl.fit end to end: every column kind, the three tasks, the budget, the seed,
bad input, the ONNX graph of the best model and its MLflow packaging."""

from __future__ import annotations

import time
from pathlib import Path

import mlflow.pyfunc
import numpy as np
import onnxruntime as ort
import pandas as pd
import pytest

from kumi import automl
from kumi.core.errors import InvalidInputError, InvalidParameterError
from kumi.storage.workspace import Workspace
from kumi.tracking.client import tracking_client

pytestmark = pytest.mark.slow


def mixed_table(rows: int = 600, seed: int = 0) -> pd.DataFrame:
    """Numeric (with gaps), categorical, boolean, datetime, free text, an id and a constant."""
    rng = np.random.default_rng(seed)
    income = rng.normal(50, 15, rows)
    region = rng.choice(["north", "south", "east", "west"], rows)
    words = np.array(["great service", "slow delivery", "friendly staff", "broken item"])
    review = words[rng.integers(0, 4, rows)]
    signed = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, rows), unit="D")
    score = income / 15 + (region == "north") * 1.5 + (review == "broken item") * -2
    score += rng.normal(0, 0.7, rows)
    frame = pd.DataFrame(
        {
            "customer_id": np.arange(rows),
            "income": income,
            "region": region,
            "member": rng.random(rows) < 0.3,
            "signed": signed,
            "review": review,
            "constant": "same",
            "churned": np.where(score > np.median(score), "yes", "no"),
        }
    )
    frame.loc[rng.random(rows) < 0.1, "income"] = np.nan
    return frame


def onnx_probabilities(model: automl.AutoMLModel, frame: pd.DataFrame) -> np.ndarray:
    session = ort.InferenceSession(model.to_onnx().SerializeToString())
    names = [o.name for o in session.get_outputs()]
    outputs = dict(zip(names, session.run(None, model.onnx_feed(frame)), strict=True))
    return np.asarray(outputs["probabilities"], dtype=np.float64)


def test_classification_on_every_column_kind() -> None:
    table = mixed_table()
    train, test = table.iloc[:500], table.iloc[500:].drop(columns=["churned"])
    result = automl.fit(train, "churned", task="classification", time_budget_s=15, seed=0)
    board = result.leaderboard
    assert len(board) >= 5 and board["status"].eq("completed").sum() >= 5
    assert result.best_estimator in set(board["family"])
    assert result.metric == "auc" and result.best_metric > 0.85
    dropped = {row["column"] for row in result.featurization if row["dropped"]}
    assert {"customer_id", "constant"} <= dropped
    assert list(result.best_model.classes_) == ["no", "yes"]
    probabilities = result.best_model.predict_proba(test)
    assert probabilities.shape == (100, 2)
    assert set(result.best_model.predict(test)) <= {"no", "yes"}
    unseen = test.assign(region="nowhere", review="never written before")
    for frame in (test, unseen):
        expected = result.best_model.predict_proba(frame)
        assert np.abs(onnx_probabilities(result.best_model, frame) - expected).max() <= 1e-4
    names = [g.name for g in result.guardrails]
    assert names[0] == "Validation split handling" and "Target leakage detection" in names


def test_the_budget_is_honoured() -> None:
    started = time.monotonic()
    automl.fit(mixed_table(), "churned", time_budget_s=8, n_jobs=2)
    assert time.monotonic() - started <= 8 * 1.1 + 1.0


def test_the_same_seed_gives_the_same_leaderboard() -> None:
    def board() -> pd.DataFrame:
        result = automl.fit(
            mixed_table(300), "churned", time_budget_s=120, max_trials=6, n_jobs=2, seed=3
        )
        frame = result.leaderboard
        return frame[frame["trial"] >= 0][["trial", "family", "metric"]].reset_index(drop=True)

    first, second = board(), board()
    pd.testing.assert_frame_equal(first, second)


def test_regression_with_a_holdout_and_another_metric() -> None:
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"x": rng.normal(size=400), "kind": rng.choice(["a", "b"], 400)})
    frame["y"] = 3 * frame["x"] + (frame["kind"] == "a") * 2 + rng.normal(0, 0.1, 400)
    result = automl.fit(
        frame, "y", task="regression", metric="rmse", validation=0.25, time_budget_s=10
    )
    assert result.metric == "rmse" and result.best_metric < 0.5
    assert "holdout" in result.guardrails[0].description
    assert set(result.charts) >= {"residuals", "predicted_vs_true"}
    predicted = result.best_model.predict(frame.drop(columns=["y"]))
    assert np.corrcoef(predicted, frame["y"])[0, 1] > 0.98


def test_multiclass_with_a_user_validation_table_saved_as_an_mlflow_model(tmp_path: Path) -> None:
    table = mixed_table(700)
    table["churned"] = pd.cut(
        table["income"].fillna(50), [-np.inf, 40, 60, np.inf], labels=["low", "mid", "high"]
    ).astype(str)
    train, valid = table.iloc[:500], table.iloc[500:]
    result = automl.fit(
        train, "churned", validation_data=valid, blocked_models=["knn", "mlp"], time_budget_s=10
    )
    assert result.metric == "log_loss"
    assert "user validation table (200 rows)" in result.guardrails[0].description
    assert not set(result.leaderboard["family"]) & {"knn", "mlp"}
    saved = result.save(tmp_path / "model")
    loaded = mlflow.pyfunc.load_model(str(saved))
    scored = loaded.predict(valid.drop(columns=["churned"]).head(20))
    assert {"Scored Labels", "Scored Probabilities_low"} <= set(scored.columns)
    expected = result.best_model.predict(valid.drop(columns=["churned"]).head(20))
    assert list(scored["Scored Labels"]) == list(expected)


def test_a_budget_too_small_for_one_trial_says_so() -> None:
    with pytest.raises(InvalidParameterError, match="time_budget_s"):
        automl.fit(mixed_table(300), "churned", time_budget_s=0.3)


def test_bad_targets_are_refused_before_searching() -> None:
    table = mixed_table(100)
    with pytest.raises(InvalidInputError, match="one class only"):
        automl.fit(table.assign(churned="yes"), "churned", time_budget_s=5)
    with pytest.raises(InvalidInputError, match="not in the table"):
        automl.fit(table, "absent", time_budget_s=5)
    only_dropped = table[["customer_id", "constant", "churned"]]
    with pytest.raises(InvalidInputError, match="customer_id"):
        automl.fit(only_dropped, "churned", time_budget_s=5)


def test_a_workspace_gets_a_parent_run_with_a_child_per_trial(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as workspace:
        result = automl.fit(
            mixed_table(300),
            "churned",
            time_budget_s=120,
            max_trials=4,
            n_jobs=1,
            workspace=workspace,
            experiment="churn-automl",
        )
        client = tracking_client(workspace.tracking_uri)
        parent = client.get_run(result.mlflow_run_id)
        children = client.search_runs(
            [parent.info.experiment_id], f"tags.mlflow.parentRunId = '{parent.info.run_id}'"
        )
    assert len(children) == len(result.leaderboard)


def test_stacking_and_a_column_override_through_fit() -> None:
    table = mixed_table(400)
    result = automl.fit(
        table,
        "churned",
        time_budget_s=120,
        max_trials=6,
        n_jobs=2,
        ensembling="stacking",
        featurization={"member": {"purpose": "drop"}, "income": {"impute": "mean"}},
    )
    families = set(result.leaderboard["family"])
    assert "ensemble (stacking)" in families
    summary = {row["column"]: row for row in result.featurization}
    assert summary["member"]["dropped"]
    assert "member" not in result.best_model.input_columns
    features = table.drop(columns=["churned"]).head(50)
    expected = result.best_model.predict_proba(features)
    assert np.abs(onnx_probabilities(result.best_model, features) - expected).max() <= 1e-4
