"""Scoring chains saved as MLflow models load with mlflow.pyfunc, mlflow.onnx and
onnxruntime, answer the Python scores, and register as versions."""

from __future__ import annotations

from pathlib import Path

import mlflow.onnx
import mlflow.pyfunc
import numpy as np
import onnxruntime as ort
import pandas as pd
import pytest
import yaml

from kumi.core import Transformation
from kumi.tracking.onnx import OnnxScorer, compile_chain
from kumi.tracking.pyfunc_model import with_float_integers
from kumi.tracking.scoring_model import register_model, save_scoring_model
from tests.tracking.conftest import assert_same_scores, chain_of, fitted_model, python_scores


def test_saved_model_loads_in_mlflow_and_onnxruntime(
    tmp_path: Path, penguins: pd.DataFrame, fitted_steps: list[Transformation]
) -> None:
    model = fitted_model(penguins, fitted_steps, "two_class_boosted_decision_tree", "sex")
    request = penguins.drop(columns=["sex"])
    compiled = compile_chain(chain_of(request, fitted_steps, model))
    path = save_scoring_model(tmp_path / "model", OnnxScorer(compiled), request, compiled.model)
    score_columns = ["Scored Labels", "Scored Probabilities"]

    floats = with_float_integers(request)  # the signature's integer columns are double
    floats.loc[0, "island"] = None
    expected = python_scores(floats, fitted_steps, model)
    predicted = mlflow.pyfunc.load_model(str(path)).predict(floats)
    assert_same_scores(predicted, expected[score_columns], 1e-6)

    description = yaml.safe_load((path / "MLmodel").read_text())
    assert set(description["flavors"]) == {"python_function", "onnx"}
    inputs = {c["name"]: c["type"] for c in yaml.safe_load(description["signature"]["inputs"])}
    assert inputs["year"] == "double" and inputs["island"] == "string"
    assert (path / "input_example.json").exists()

    graph = mlflow.onnx.load_model(str(path))
    session = ort.InferenceSession(graph.SerializeToString(), providers=["CPUExecutionProvider"])
    feeds = {
        "bill_length_mm": np.array([[41.0]]),
        "bill_depth_mm": np.array([[18.0]]),
        "flipper_length_mm": np.array([[190.0]]),
        "body_mass_g": np.array([[3700.0]]),
        "year": np.array([[2008.0]]),
        "species": np.array([["Adelie"]], dtype=object),
        "island": np.array([["Dream"]], dtype=object),
        "heavy": np.array([[0.0]]),
    }
    label, probability = session.run(["Scored Labels", "Scored Probabilities"], feeds)
    row = pd.DataFrame({k: [v[0, 0]] for k, v in feeds.items()}).astype({"heavy": bool})
    single = python_scores(row, fitted_steps, model)
    assert label[0, 0] == single["Scored Labels"][0]
    assert abs(probability[0, 0] - single["Scored Probabilities"][0]) < 1e-6


@pytest.mark.slow
def test_register_model_adds_versions(
    tmp_path: Path, penguins: pd.DataFrame, fitted_steps: list[Transformation]
) -> None:
    model = fitted_model(penguins, fitted_steps, "linear_regression", "body_mass_g")
    request = penguins.drop(columns=["body_mass_g"])
    scorer = OnnxScorer(compile_chain(chain_of(request, fitted_steps, model)))
    path = save_scoring_model(tmp_path / "model", scorer, request)
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    assert register_model(uri, "penguin-mass", path) == 1
    assert register_model(uri, "penguin-mass", path) == 2
    mlflow.set_tracking_uri(uri)
    loaded = mlflow.pyfunc.load_model("models:/penguin-mass/2")
    predicted = loaded.predict(with_float_integers(request.head(10)))
    expected = python_scores(request.head(10), fitted_steps, model)
    np.testing.assert_allclose(predicted["Scored Labels"], expected["Scored Labels"], rtol=1e-12)
    assert not (path / "model.onnx").exists()
