"""The best model saved as an MLflow model: pyfunc flavor loadable in a fresh process that
answers Azure's score columns, onnx flavor reproducing the probabilities, signature, input
example; registered as numbered versions in a workspace's registry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import mlflow.onnx
import numpy as np
import onnxruntime as ort
import pandas as pd
import pytest
import yaml

from kumi.automl.packaging import AutoMLScorer
from kumi.automl.result import AutoMLResult, build_result
from kumi.core.errors import ConflictError, InvalidInputError
from kumi.storage.workspace import Workspace
from kumi.tracking.client import tracking_client
from tests.automl.outputs_support import (
    Case,
    binary_case,
    ensemble_entry,
    multiclass_case,
    regression_case,
    trial_list,
)

ROOT = Path(__file__).resolve().parents[2]

LOAD_AND_PREDICT = """
import sys, mlflow.pyfunc, pandas as pd
model = mlflow.pyfunc.load_model(sys.argv[1])
rows = pd.read_json(sys.argv[2], orient="split")
model.predict(rows).to_json(sys.argv[3], orient="split")
"""


def _result(case: Case) -> AutoMLResult:
    return build_result(
        best_model=case.model,
        best_estimator="elastic_net",
        trials=trial_list(case.metric),
        ensemble=ensemble_entry(case.metric),
        metric=case.metric,
        settings=case.settings,
        guardrails=[],
        featurization=[],
        validation_features=case.features,
        validation_y=case.y,
        validation_predictions=case.predictions,
    )


def _predict_in_fresh_process(path: Path, rows: pd.DataFrame, folder: Path) -> pd.DataFrame:
    rows.to_json(folder / "rows.json", orient="split")
    environment = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
    subprocess.run(
        [sys.executable, "-c", LOAD_AND_PREDICT, str(path), str(folder / "rows.json"),
         str(folder / "scored.json")],
        check=True, env=environment, cwd=folder, timeout=120,
    )  # fmt: skip
    return pd.read_json(folder / "scored.json", orient="split")


def _onnx_outputs(path: Path, case: Case, rows: pd.DataFrame) -> list[np.ndarray]:
    graph = mlflow.onnx.load_model(str(path))
    session = ort.InferenceSession(graph.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, case.model.onnx_feed(rows))  # type: ignore[no-any-return]


@pytest.mark.slow
def test_binary_model_loads_in_a_fresh_process_and_in_onnxruntime(tmp_path: Path) -> None:
    case = binary_case()
    path = _result(case).save(tmp_path / "model")
    rows = case.features.iloc[:25]
    scored = _predict_in_fresh_process(path, rows, tmp_path)
    assert list(scored.columns) == ["Scored Labels", "Scored Probabilities"]
    probabilities = case.model.predict_proba(rows)
    np.testing.assert_allclose(scored["Scored Probabilities"], probabilities[:, 1], atol=1e-9)
    assert scored["Scored Labels"].tolist() == case.model.predict(rows).tolist()
    assert set(scored["Scored Labels"]) <= {"benign", "malignant"}

    _, onnx_probabilities = _onnx_outputs(path, case, rows)
    np.testing.assert_allclose(onnx_probabilities, probabilities, atol=1e-4)

    description = yaml.safe_load((path / "MLmodel").read_text())
    assert set(description["flavors"]) == {"python_function", "onnx"}
    inputs = [c["name"] for c in json.loads(description["signature"]["inputs"])]
    outputs = [c["name"] for c in json.loads(description["signature"]["outputs"])]
    assert inputs == list(case.features.columns)
    assert outputs == ["Scored Labels", "Scored Probabilities"]
    assert (path / "input_example.json").exists() and (path / "model.onnx").exists()


def test_multiclass_and_regression_score_columns(tmp_path: Path) -> None:
    wine = multiclass_case()
    scored = AutoMLScorer(wine.model).score_frame(wine.features.iloc[:10])
    assert list(scored.columns) == [
        "Scored Labels",
        *(f"Scored Probabilities_{c}" for c in (0, 1, 2)),
    ]
    np.testing.assert_allclose(scored.iloc[:, 1:].sum(axis=1), 1.0)
    diabetes = regression_case()
    path = _result(diabetes).save(tmp_path / "regression")
    loaded = mlflow.pyfunc.load_model(str(path)).predict(diabetes.features.iloc[:10])
    assert list(loaded.columns) == ["Scored Labels"]
    np.testing.assert_allclose(
        loaded["Scored Labels"], diabetes.model.predict(diabetes.features.iloc[:10])
    )
    (variable,) = _onnx_outputs(path, diabetes, diabetes.features.iloc[:10])
    np.testing.assert_allclose(variable.reshape(-1), loaded["Scored Labels"], atol=1e-6)


def test_missing_input_columns_count_as_missing_values() -> None:
    case = regression_case()
    rows = case.features.iloc[:3].drop(columns=["bmi"])
    scored = AutoMLScorer(case.model).score_frame(rows)
    assert scored["Scored Labels"].notna().all() and len(scored) == 3


def test_save_refuses_an_existing_folder(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    with pytest.raises(ConflictError, match="already exists"):
        _result(regression_case()).save(tmp_path / "model")


@pytest.mark.slow
def test_register_creates_numbered_versions_in_the_workspace_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    monkeypatch.setenv("KUMI_WORKSPACE", str(tmp_path / "ws"))
    result = _result(binary_case())
    assert result.register("diagnosis-model") == 1  # the default workspace: $KUMI_WORKSPACE
    with Workspace.open(tmp_path / "ws") as workspace:
        assert result.register("diagnosis-model", workspace) == 2
        client = tracking_client(workspace.tracking_uri)
        versions = client.search_model_versions("name = 'diagnosis-model'")
        assert sorted(int(v.version) for v in versions) == [1, 2]
        source = Path(max(versions, key=lambda v: int(v.version)).source)
        assert (source / "MLmodel").exists() and workspace.path in source.parents
    loaded = mlflow.pyfunc.load_model(str(source))
    assert len(loaded.predict(binary_case().features.iloc[:2])) == 2
    with pytest.raises(InvalidInputError, match="needs a name"):
        result.register(" ")
