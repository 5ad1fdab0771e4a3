"""Scoring chains compiled to one ONNX graph answer what Score Model answers."""

from __future__ import annotations

import pickle

import numpy as np
import onnx
import pandas as pd
import pytest

from kumi.components._transforms.binning import BinningTransformation
from kumi.components._transforms.clean_missing import CleanMissingTransformation
from kumi.components._transforms.normalize import NormalizeTransformation
from kumi.components._transforms.select_columns import SelectColumnsTransformation
from kumi.core import ColumnType, NotDerivableError, Table, Transformation
from kumi.tracking.onnx import InputColumn, OnnxScorer, ScoringChain, compile_chain
from tests.tracking.conftest import assert_same_scores, chain_of, fitted_model, python_scores

TASKS = [
    ("two_class_logistic_regression", "sex", 1e-12),
    ("two_class_boosted_decision_tree", "sex", 1e-6),
    ("two_class_decision_forest", "sex", 1e-6),
    ("multiclass_logistic_regression", "species", 1e-12),
    ("multiclass_decision_forest", "species", 1e-6),
    ("multiclass_boosted_decision_tree", "species", 1e-6),
    ("linear_regression", "body_mass_g", 1e-9),
    ("boosted_decision_tree_regression", "body_mass_g", 1e-2),
    ("decision_forest_regression", "body_mass_g", 1e-2),
]


def _scorer(frame: pd.DataFrame, steps: list[Transformation], model: object) -> OnnxScorer:
    return OnnxScorer(compile_chain(chain_of(frame, steps, model)))  # type: ignore[arg-type]


@pytest.mark.parametrize(("learner_id", "label", "tolerance"), TASKS)
def test_scores_equal_score_model(
    penguins: pd.DataFrame,
    fitted_steps: list[Transformation],
    learner_id: str,
    label: str,
    tolerance: float,
) -> None:
    model = fitted_model(penguins, fitted_steps, learner_id, label)
    request = penguins.drop(columns=[label])
    expected = python_scores(request, fitted_steps, model)
    scored = _scorer(request, fitted_steps, model).score_frame(request)
    assert_same_scores(scored, expected, tolerance)
    assert "island - Dream" in scored.columns and "Scored Labels" in scored.columns


@pytest.mark.parametrize("method", ["minmax", "logistic", "tanh", "lognormal"])
def test_normalize_methods(penguins: pd.DataFrame, method: str) -> None:
    table = Table.of(penguins)
    normalize = NormalizeTransformation(["flipper_length_mm", "body_mass_g", "year"], method)  # type: ignore[arg-type]
    steps: list[Transformation] = [normalize.fit(table)]
    model = fitted_model(penguins, steps, "two_class_logistic_regression", "sex")
    request = penguins.drop(columns=["sex"])
    scored = _scorer(request, steps, model).score_frame(request)
    tolerance = 1e-6 if method == "lognormal" else 1e-12  # onnxruntime's Erf is float only
    assert_same_scores(scored, python_scores(request, steps, model), tolerance)


def test_custom_values_removed_columns_and_selection(penguins: pd.DataFrame) -> None:
    table = Table.of(penguins, label="species")
    custom = CleanMissingTransformation(
        ["sex", "island", "species"], "custom_substitution_value", "unknown", indicator=True
    ).fit(table)
    table = custom.apply(table)
    dropped = CleanMissingTransformation(["bill_depth_mm"], "remove_entire_column").fit(table)
    table = dropped.apply(table)
    keep = ["species", "sex", "island", "flipper_length_mm", "heavy", "sex_is_missing"]
    select = SelectColumnsTransformation(keep).fit(table)
    steps: list[Transformation] = [custom, dropped, select]
    model = fitted_model(penguins, steps, "multiclass_decision_forest", "species")
    request = penguins.drop(columns=["species"])
    scored = _scorer(request, steps, model).score_frame(request)
    assert_same_scores(scored, python_scores(request, steps, model), 1e-6)
    assert list(scored.columns[:5]) == [
        "sex",
        "island",
        "flipper_length_mm",
        "heavy",
        "sex_is_missing",
    ]
    assert "bill_depth_mm" not in scored.columns


def test_run_columns_one_row_with_missing_values(
    penguins: pd.DataFrame, fitted_steps: list[Transformation]
) -> None:
    model = fitted_model(penguins, fitted_steps, "two_class_boosted_decision_tree", "sex")
    request = penguins.drop(columns=["sex"])
    scorer = _scorer(request, fitted_steps, model)
    row = {c: request[c].to_numpy()[:1] for c in request.columns}
    row["island"] = np.array([None], dtype=object)
    row["bill_length_mm"] = np.array([np.nan])
    answer = scorer.run_columns(row)
    assert answer["island"].tolist() == [fitted_steps[0].fill_values_["island"]]  # type: ignore[attr-defined]
    assert answer["island_is_missing"].tolist() == [1]
    frame = pd.DataFrame({c: pd.Series(v) for c, v in row.items()})
    expected = python_scores(frame, fitted_steps, model)
    assert answer["Scored Labels"].tolist() == expected["Scored Labels"].tolist()
    assert abs(answer["Scored Probabilities"][0] - expected["Scored Probabilities"][0]) < 1e-6


def test_scorer_pickles_and_graph_names_request_columns(
    penguins: pd.DataFrame, fitted_steps: list[Transformation]
) -> None:
    model = fitted_model(penguins, fitted_steps, "multiclass_logistic_regression", "species")
    request = penguins.drop(columns=["species"])
    scorer = _scorer(request, fitted_steps, model)
    first = scorer.score_frame(request.head(20))
    copy = pickle.loads(pickle.dumps(scorer))
    pd.testing.assert_frame_equal(copy.score_frame(request.head(20)), first)
    graph = scorer.compiled.model
    onnx.checker.check_model(graph)
    assert [i.name for i in graph.graph.input] == list(request.columns)
    assert {o.domain: o.version for o in graph.opset_import} == {"": 17, "ai.onnx.ml": 3}
    assert scorer.score_columns == ["Scored Labels"] + [
        f"Scored Probabilities_{c}" for c in ("Adelie", "Chinstrap", "Gentoo")
    ]


def test_text_in_a_numeric_column_is_refused(
    penguins: pd.DataFrame, fitted_steps: list[Transformation]
) -> None:
    model = fitted_model(penguins, fitted_steps, "two_class_logistic_regression", "sex")
    request = penguins.drop(columns=["sex"])
    scorer = _scorer(request, fitted_steps, model)
    row = {c: request[c].to_numpy()[:1] for c in request.columns}
    row["body_mass_g"] = np.array(["heavy"], dtype=object)
    with pytest.raises(Exception, match="body_mass_g") as raised:
        scorer.run_columns(row)
    assert raised.type.__name__ == "ColumnTypeError"


def _problem(chain: ScoringChain) -> dict[str, str]:
    with pytest.raises(NotDerivableError) as raised:
        compile_chain(chain)
    (problem,) = raised.value.details["problems"]
    return problem


def test_steps_without_onnx_form_are_named(penguins: pd.DataFrame) -> None:
    table = Table.of(penguins)
    remove = CleanMissingTransformation(["bill_depth_mm"], "remove_entire_row").fit(table)
    model = fitted_model(penguins, [], "two_class_logistic_regression", "sex")
    request = penguins.drop(columns=["sex"])
    problem = _problem(chain_of(request, [remove], model))
    assert problem["step"] == "transformation 1 ('clean_missing_data')"
    assert "cannot be dropped" in problem["reason"]
    binning = BinningTransformation(["year"]).fit(table)
    assert "group_data_into_bins" in _problem(chain_of(request, [binning], model))["reason"]
    network = fitted_model(penguins, [], "two_class_neural_network", "sex")
    assert "MLPClassifier" in _problem(chain_of(request, [], network))["reason"]
    dated = [InputColumn("when", ColumnType.DATETIME)]
    assert _problem(ScoringChain(dated, [], model))["step"] == "input 'when'"
