"""Registered models read back from the registry as self-describing ONNX graphs: the numpy +
onnxruntime runner answers the Python scorer's score columns for AutoML models and for
compiled endpoint chains, from plain Python values as SQL drivers hand them over."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kumi.automl import fit
from kumi.automl.packaging import AutoMLScorer
from kumi.core import Transformation
from kumi.core.errors import InvalidInputError, NotFoundError
from kumi.scoring.onnx_runner import ModelInputError
from kumi.scoring.registered import ModelRef, load_registered_onnx
from kumi.storage.workspace import Workspace
from kumi.tracking.onnx import OnnxScorer, compile_chain
from kumi.tracking.scoring_model import register_model, save_scoring_model
from tests.scoring.loans import loans
from tests.tracking.conftest import chain_of, fitted_model, python_scores


def test_automl_model_scores_the_same_from_the_registry(tmp_path: Path) -> None:
    frame = loans()
    result = fit(frame, target="approved", task="classification", time_budget_s=6, n_jobs=1, seed=1)
    with Workspace.open(tmp_path / "ws") as workspace:
        assert result.register("loans", workspace) == 1
        model = load_registered_onnx("loans", workspace.tracking_uri)
    assert (model.name, model.version) == ("loans", 1)
    kinds = dict(model.input_columns)
    assert (
        kinds["grade"] == "text" and kinds["opened"] == "datetime" and kinds["income"] == "number"
    )
    assert model.output_columns == [("Scored Labels", "text"), ("Scored Probabilities", "double")]
    assert {c["name"] for c in model.signature["inputs"]} >= {"income", "grade"}

    rows = frame.drop(columns=["approved"])
    expected = AutoMLScorer(result.best_model).score_frame(rows)
    # plain Python values, as a database driver returns them: None, datetimes, bools, ints
    columns = {c: [None if pd.isna(v) else v for v in rows[c].tolist()] for c in rows.columns}
    columns["opened"] = [t.to_pydatetime() for t in rows["opened"]]
    scores = model.runner().score(columns)
    assert list(scores) == ["Scored Labels", "Scored Probabilities"]
    assert list(scores["Scored Labels"]) == list(expected["Scored Labels"])
    np.testing.assert_allclose(
        scores["Scored Probabilities"], expected["Scored Probabilities"], atol=1e-6
    )
    # numpy arrays straight from a columnar engine score the same
    arrays = {c: rows[c].to_numpy() for c in rows.columns}
    again = model.runner().score(arrays)
    np.testing.assert_allclose(
        again["Scored Probabilities"], scores["Scored Probabilities"], atol=1e-12
    )


def test_endpoint_chain_scores_the_same_from_the_registry(
    tmp_path: Path, penguins: pd.DataFrame, fitted_steps: list[Transformation]
) -> None:
    model = fitted_model(penguins, fitted_steps, "multiclass_decision_forest", "species")
    request = penguins.drop(columns=["species"])
    compiled = compile_chain(chain_of(request, fitted_steps, model))
    path = save_scoring_model(tmp_path / "model", OnnxScorer(compiled), request, compiled.model)
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    register_model(uri, "species", path)
    registered = load_registered_onnx(ModelRef("species", 1), uri)
    names = [c for c, _ in registered.output_columns]
    assert names[0] == "Scored Labels" and all(
        n.startswith("Scored Probabilities_") for n in names[1:]
    )
    assert dict(registered.output_columns)["Scored Labels"] == "text"

    expected = python_scores(request, fitted_steps, model)
    columns = {c: [None if pd.isna(v) else v for v in request[c].tolist()] for c in request.columns}
    scores = registered.runner().score(columns)
    assert list(scores["Scored Labels"]) == list(expected["Scored Labels"])
    for name in names[1:]:
        np.testing.assert_allclose(scores[name], expected[name], atol=1e-6)


def test_model_references_and_their_errors(tmp_path: Path) -> None:
    assert ModelRef.parse(" churn:3 ") == ModelRef("churn", 3)
    assert ModelRef.parse("churn") == ModelRef("churn", None)
    for bad in ("", ":2", "churn:latest", "churn:0"):
        with pytest.raises(InvalidInputError):
            ModelRef.parse(bad)
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    with pytest.raises(NotFoundError, match="No registered model is named 'ghost'"):
        load_registered_onnx("ghost", uri)


def test_the_runner_names_a_missing_or_mistyped_column(tmp_path: Path) -> None:
    frame = loans(200)
    result = fit(frame, target="approved", task="classification", time_budget_s=4, n_jobs=1, seed=2)
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    path = result.save(tmp_path / "saved")
    register_model(uri, "loans", path)
    with pytest.raises(NotFoundError, match="has no version 7; it has 1"):
        load_registered_onnx("loans:7", uri)
    runner = load_registered_onnx("loans:1", uri).runner()
    rows = frame.drop(columns=["approved"]).head(3)
    columns = {c: rows[c].tolist() for c in rows.columns}
    numeric = next(
        c
        for c, kind in zip(runner.input_columns, (i["kind"] for i in runner.inputs))
        if kind == "number"
    )
    with pytest.raises(ModelInputError, match=f"Column '{numeric}' must hold numbers"):
        runner.score({**columns, numeric: ["many", 1, 2]})
    del columns[numeric]
    with pytest.raises(ModelInputError, match=f"Column '{numeric}' is missing"):
        runner.score(columns)
