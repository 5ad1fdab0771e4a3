"""Deploying a training run: its real-time pipeline is derived, compiled to ONNX, registered in
MLflow, and scores what the training run's Score Model scored."""

from __future__ import annotations

from pathlib import Path

import mlflow
import numpy as np
import pandas as pd
import pytest

from kumi.engine import load_output
from kumi.graph import load_pipeline
from kumi.registry import default_registry
from kumi.samples import FIRST_RUN_PIPELINE
from kumi.scoring.realtime import load_runtime, workspace_context
from kumi.services import run_pipeline
from kumi.services.endpoints import deploy_endpoint
from kumi.storage.workspace import Workspace

pytestmark = pytest.mark.slow


def test_a_deployed_run_scores_like_its_score_model_in_onnx_and_in_mlflow(
    tmp_path: Path,
) -> None:
    with Workspace.open(tmp_path / "ws") as workspace:
        training = run_pipeline(workspace, load_pipeline(FIRST_RUN_PIPELINE), track=False)
        assert training.ok
        endpoint = deploy_endpoint(workspace, "cancer", run_id=training.run_id)
        assert (endpoint.runtime, endpoint.runtime_reason) == ("onnx", "")
        assert (endpoint.model_name, endpoint.model_version) == ("cancer", 1)

        step = {s.node_id: s for s in workspace.runs.steps(training.run_id)}["score"]
        scored = load_output(workspace.artifacts, step.outputs["scored_dataset"]).frame
        raw = workspace.datasets.load_table("breast-cancer").frame
        rows = raw.drop(columns=["diagnosis"]).to_dict(orient="records")  # no label needed

        runtime = load_runtime(
            endpoint.document,
            registry=default_registry(),
            context=workspace_context(workspace, tmp_path / "work", endpoint="cancer"),
        )
        try:
            assert runtime.runtime == "onnx"
            answered = pd.DataFrame(runtime.score(rows)["output1"])
        finally:
            runtime.close()
        matched = _matched(scored, answered)  # the split's test rows, found by their features
        assert len(matched) == len(scored)
        assert list(matched["Scored Labels_endpoint"]) == list(matched["Scored Labels"])
        np.testing.assert_allclose(
            matched["Scored Probabilities_endpoint"], matched["Scored Probabilities"], atol=1e-6
        )

        mlflow.set_tracking_uri(workspace.tracking_uri)
        model = mlflow.pyfunc.load_model("models:/cancer/1")
        assert "onnx" in model.metadata.flavors
        predicted = model.predict(pd.DataFrame(rows).astype("float64"))
        assert list(predicted["Scored Labels"]) == list(answered["Scored Labels"])
        np.testing.assert_allclose(
            predicted["Scored Probabilities"], answered["Scored Probabilities"], atol=1e-6
        )


def _matched(scored: pd.DataFrame, answered: pd.DataFrame) -> pd.DataFrame:
    """Score Model's rows joined with the endpoint's answers on the (normalized) features."""
    keys = ["mean radius", "mean texture", "mean area", "worst smoothness"]
    rounded = {k: f"{k}_key" for k in keys}
    left = scored.assign(**{v: scored[k].round(9) for k, v in rounded.items()})
    right = answered.assign(**{v: answered[k].round(9) for k, v in rounded.items()})
    right = right[[*rounded.values(), "Scored Labels", "Scored Probabilities"]]
    return left.merge(right, on=list(rounded.values()), suffixes=("", "_endpoint"))
