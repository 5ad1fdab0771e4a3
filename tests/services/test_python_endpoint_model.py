"""Deploying a pipeline that cannot compile to ONNX (an Execute Python Script with a script
bundle on the scoring path): the Python graph is registered as an MLflow model that scores in
a fresh interpreter without the workspace's artifact store."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from mlflow.models import Model
from tests.scoring.realtime_documents import penguins_document

from kumi.core import (
    Category,
    Component,
    FileArtifact,
    Inputs,
    NoParams,
    OutputPort,
    Outputs,
    PortType,
    RunContext,
)
from kumi.registry import ComponentRegistry, default_registry
from kumi.scoring.realtime import load_runtime, workspace_context
from kumi.services.endpoints import deploy_endpoint
from kumi.services.endpoints.describe import endpoint_json
from kumi.storage.workspace import Workspace

pytestmark = pytest.mark.slow

NAME = "penguins-python"
SCRIPT = """
from helpers import stretched


def azureml_main(dataframe1=None, dataframe2=None):
    return dataframe1.assign(bill_depth_mm=stretched(dataframe1["bill_depth_mm"])),
"""
PREDICT = """
import json, sys
import mlflow
import pandas as pd

mlflow.set_tracking_uri(sys.argv[1])
model = mlflow.pyfunc.load_model(sys.argv[2])
rows = pd.read_pickle(sys.argv[3])
predicted = model.predict(rows)
print(json.dumps({"flavors": sorted(model.metadata.flavors),
                  "rows": predicted.to_dict(orient="records")}))
"""


class HelperBundle(Component[NoParams]):
    id = "helper_bundle"
    name = "Helper bundle"
    category = Category.PYTHON_LANGUAGE
    description = "A zip with a helpers module, for a script bundle."
    inputs = ()
    outputs = (OutputPort("bundle", PortType.FILE),)

    def run(self, params: NoParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("helpers.py", "def stretched(x):\n    return x * 1.5\n")
        return {"bundle": FileArtifact("helpers.zip", buffer.getvalue(), "application/zip")}


def _document() -> dict[str, object]:
    document = penguins_document(script=True, name="penguins-bundled")
    nodes, edges = document["nodes"], document["edges"]
    assert isinstance(nodes, list) and isinstance(edges, list)
    script = next(n for n in nodes if n["id"] == "script")
    script["params"] = {"python_script": SCRIPT}
    nodes.append({"id": "bundle", "component": "helper_bundle"})
    edges.append({"from": "bundle.bundle", "to": "script.script_bundle"})
    return document


def _rows(workspace: Workspace) -> pd.DataFrame:
    """Every 25th penguin and one with missing measurements, without the label."""
    frame = workspace.datasets.load_table("penguins").frame.drop(columns=["species"])
    picked = frame.iloc[[3, *range(0, len(frame), 25)]].reset_index(drop=True)
    assert picked.iloc[0].isna().any()
    return picked.astype({"year": "float64"})


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return frame.astype(object).where(frame.notna(), None).to_dict(orient="records")


def _predict_elsewhere(folder: Path, tracking_uri: str, rows: pd.DataFrame) -> dict[str, object]:
    """Load ``models:/NAME/1`` and predict ``rows`` in a fresh interpreter outside the workspace."""
    folder.mkdir()
    rows.to_pickle(folder / "rows.pkl")
    env = {**os.environ, "PYTHONPATH": str(Path(str(sys.modules["kumi"].__file__)).parents[1])}
    env.pop("MLFLOW_TRACKING_URI", None)
    done = subprocess.run(
        [sys.executable, "-c", PREDICT, tracking_uri, f"models:/{NAME}/1", "rows.pkl"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def test_a_python_graph_endpoint_registers_a_self_contained_pyfunc_model(tmp_path: Path) -> None:
    registry = ComponentRegistry([*default_registry().all(), HelperBundle])
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        document = _document()
        workspace.pipelines.save("penguins-bundled", document)
        endpoint = deploy_endpoint(workspace, NAME, pipeline="penguins-bundled", registry=registry)
        assert endpoint.runtime == "python"
        assert "'script' (execute_python_script) has no ONNX form" in endpoint.runtime_reason
        assert endpoint_json(endpoint)["model"] == {"name": NAME, "version": 1}
        rows = _rows(workspace)
        runtime = load_runtime(
            endpoint.document,
            registry=registry,
            context=workspace_context(workspace, tmp_path / "work", endpoint=NAME),
        )
        try:
            expected = pd.DataFrame(runtime.predict(_records(rows)))
        finally:
            runtime.close()
        tracking_uri = workspace.tracking_uri
    (model_dir,) = (folder / "models" / NAME).iterdir()
    description = Model.load(str(model_dir / "MLmodel"))
    assert set(description.flavors) == {"python_function"}
    assert description.signature is not None and description.saved_input_example_info
    shutil.rmtree(folder / "artifacts")  # the datasets and every stored output are gone

    answer = _predict_elsewhere(tmp_path / "elsewhere", tracking_uri, rows)
    assert answer["flavors"] == ["python_function"]
    predicted = pd.DataFrame(answer["rows"])
    assert list(predicted.columns) == list(expected.columns)
    assert list(predicted["Scored Labels"]) == list(expected["Scored Labels"])
    probabilities = [c for c in expected.columns if c.startswith("Scored Probabilities")]
    assert len(probabilities) == 3
    np.testing.assert_allclose(predicted[probabilities], expected[probabilities], atol=1e-9)
