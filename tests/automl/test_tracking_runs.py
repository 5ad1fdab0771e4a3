"""An AutoML result in MLflow: one parent run with the settings, best metric and reports, one
child run per trial tagged with family and status; a hundred trials log in seconds."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
import pytest

from kumi.automl.result import AutoMLResult, build_result
from kumi.automl.tracking import log_to_mlflow
from kumi.tracking.client import ensure_experiment, tracking_client
from tests.automl.outputs_support import GuardrailStandIn, binary_case, ensemble_entry, trial_list


def _result(trials: int) -> AutoMLResult:
    case = binary_case()
    return build_result(
        best_model=case.model,
        best_estimator="ensemble (voting)",
        trials=trial_list(case.metric, count=trials),
        ensemble=ensemble_entry(case.metric),
        metric=case.metric,
        settings=case.settings,
        guardrails=[
            GuardrailStandIn("Validation split handling", "done", "5-fold", ({"folds": 5},)),
            {"name": "Missing target values", "status": "passed", "description": "none"},
        ],
        featurization=[{"column": "mean_radius", "type_detected": "numeric", "dropped": False}],
        validation_features=case.features,
        validation_y=case.y,
        validation_predictions=case.predictions,
    )


def test_parent_and_child_runs_hold_the_job(tmp_path: Path) -> None:
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    result = _result(trials=4)
    run_id = log_to_mlflow(result, uri, "automl-test")
    assert result.mlflow_run_id == run_id
    client = tracking_client(uri)
    parent = client.get_run(run_id)
    assert parent.data.params["target"] == "diagnosis"
    assert parent.data.params["time_budget_s"] == "20.0"
    assert parent.data.metrics["auc"] == 0.95 == parent.data.metrics["best_auc"]
    assert parent.data.tags["kumi.best_estimator"] == "ensemble (voting)"
    assert parent.info.status == "FINISHED"
    assert parent.info.artifact_uri.startswith((tmp_path / "mlruns").as_uri())

    folder = Path(client.download_artifacts(run_id, "", str(tmp_path / "download")))
    board = pd.read_csv(folder / "leaderboard.csv")
    assert board["trial"].tolist()[0] == -1 and len(board) == 8
    guardrails = json.loads((folder / "guardrails.json").read_text())
    assert guardrails[0] == {
        "name": "Validation split handling",
        "status": "done",
        "description": "5-fold",
        "details": [{"folds": 5}],
    }
    assert guardrails[1]["status"] == "passed"
    assert {"featurization.json", "charts.json", "feature_importance.json"} <= {
        p.name for p in folder.iterdir()
    }

    children = client.search_runs(
        [parent.info.experiment_id], f"tags.mlflow.parentRunId = '{run_id}'", max_results=100
    )
    assert len(children) == 8
    by_trial = {int(c.data.tags["kumi.trial"]): c for c in children}
    assert by_trial[0].data.params == {"n_estimators": "100", "rate": "0.1"}
    assert by_trial[0].data.tags["kumi.family"] == "lightgbm"
    assert by_trial[0].data.metrics["auc"] == 0.9 and by_trial[0].data.metrics["fit_s"] == 0.5
    failed = by_trial[4]
    assert failed.data.tags["kumi.status"] == "failed" and failed.info.status == "FAILED"
    assert "boom" in failed.data.tags["kumi.error"] and "auc" not in failed.data.metrics
    assert by_trial[-1].data.tags["kumi.family"] == "ensemble (voting)"


@pytest.mark.slow
def test_a_hundred_trials_log_in_a_few_seconds(tmp_path: Path) -> None:
    """About 20 ms per trial on a quiet machine (2 s for 100: a few SQLite commits each); the
    bound leaves room for a busy disk shared with other processes."""
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    ensure_experiment(tracking_client(uri), "warm-up", None)  # the database schema is made once
    result = _result(trials=100)
    started = time.monotonic()
    run_id = log_to_mlflow(result, uri, "automl-speed")
    assert time.monotonic() - started < 10.0
    client = tracking_client(uri)
    experiment = client.get_run(run_id).info.experiment_id
    children = client.search_runs([experiment], "tags.kumi.status = 'completed'", max_results=500)
    assert len(children) == 101  # 100 trials and the ensemble
