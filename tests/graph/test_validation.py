"""Validation: every problem kind, with the node / port / parameter named."""

from __future__ import annotations

from typing import Any

import pytest
from graph_components import FakeDatasets, registry

from kumi.core import PipelineValidationError
from kumi.graph import PipelineDocument, Problem, ensure_valid, validate_pipeline

REGISTRY = registry()


def doc(nodes: list[dict[str, Any]], edges=(), parameters=None) -> PipelineDocument:
    return PipelineDocument.from_dict(
        {
            "name": "t",
            "parameters": parameters or {},
            "nodes": nodes,
            "edges": [{"from": a, "to": b} for a, b in edges],
        }
    )


def problems(d: PipelineDocument, **kw) -> list[Problem]:
    return validate_pipeline(d, REGISTRY, **kw)


def only(found: list[Problem], code: str) -> Problem:
    matching = [p for p in found if p.code == code]
    assert len(matching) == 1, found
    return matching[0]


TRAINING = dict(
    nodes=[
        {"id": "data", "component": "import_data", "params": {"path": "x.csv"}},
        {"id": "split", "component": "split_data"},
        {"id": "learner", "component": "two_class_boosted_decision_tree"},
        {"id": "train", "component": "train_model", "params": {"label_column": "label"}},
        {"id": "score", "component": "score_model"},
        {"id": "eval", "component": "evaluate_model"},
    ],
    edges=[
        ("data.results_dataset", "split.dataset"),
        ("learner.untrained_model", "train.untrained_model"),
        ("split.results_dataset1", "train.dataset"),
        ("train.trained_model", "score.trained_model"),
        ("split.results_dataset2", "score.dataset"),
        ("score.scored_dataset", "eval.scored_dataset"),
    ],
)


def test_a_complete_training_pipeline_has_no_problems():
    assert problems(doc(**TRAINING)) == []
    facts = ensure_valid(doc(**TRAINING), REGISTRY)
    assert facts.order.index("train") > facts.order.index("learner")
    assert str(facts.inputs["score"]["dataset"]) == "split.results_dataset2"


def test_duplicate_node_ids():
    d = doc([{"id": "a", "component": "import_data"}, {"id": "a", "component": "import_data"}])
    assert only(problems(d), "duplicate_node_id").node == "a"


def test_node_ids_with_dots_are_rejected():
    d = doc([{"id": "a.b", "component": "import_data"}])
    assert only(problems(d), "invalid_node_id").node == "a.b"


def test_unknown_component_with_suggestions():
    p = only(problems(doc([{"id": "s", "component": "split_dta"}])), "unknown_component")
    assert p.node == "s"
    assert "split_data" in p.details["suggestions"]
    assert "Did you mean: split_data" in p.message


def test_unknown_parameter_is_named_with_suggestions():
    d = doc(
        [
            {
                "id": "l",
                "component": "two_class_boosted_decision_tree",
                "params": {"number_of_leafs": 4},
            }
        ]
    )
    p = only(problems(d), "invalid_parameter")
    assert (p.node, p.parameter) == ("l", "number_of_leafs")
    assert "number_of_leaves" in p.details["suggestions"]


def test_out_of_bounds_and_wrong_type_parameters():
    d = doc(
        [
            {"id": "data", "component": "import_data"},
            {
                "id": "split",
                "component": "split_data",
                "params": {
                    "fraction_of_rows_in_the_first_output_dataset": 1.5,
                    "random_seed": "abc",
                },
            },
        ],
        [("data.results_dataset", "split.dataset")],
    )
    found = [p for p in problems(d) if p.code == "invalid_parameter"]
    by_param = {p.parameter: p for p in found}
    assert set(by_param) == {"fraction_of_rows_in_the_first_output_dataset", "random_seed"}
    assert (
        "less than or equal to 1"
        in by_param["fraction_of_rows_in_the_first_output_dataset"].message
    )
    assert all(p.node == "split" for p in found)


def test_missing_required_parameter():
    p = only(problems(doc([{"id": "ds", "component": "dataset"}])), "invalid_parameter")
    assert (p.node, p.parameter) == ("ds", "name")


def test_edge_endpoints_must_be_node_dot_port():
    d = doc([{"id": "a", "component": "import_data"}], [("a", "b.dataset")])
    p = only(problems(d), "invalid_edge_endpoint")
    assert p.edge == "a -> b.dataset" and p.details["side"] == "from"


def test_edge_to_unknown_node():
    d = doc(
        [{"id": "data", "component": "import_data"}], [("data.results_dataset", "splt.dataset")]
    )
    p = only(problems(d), "unknown_node")
    assert p.node == "splt" and p.edge == "data.results_dataset -> splt.dataset"


def test_unknown_ports_name_the_available_ones():
    d = doc(
        [{"id": "data", "component": "import_data"}, {"id": "split", "component": "split_data"}],
        [("data.output", "split.data")],
    )
    found = [p for p in problems(d) if p.code == "unknown_port"]
    by_node = {p.node: p for p in found}
    assert by_node["data"].port == "output"
    assert by_node["data"].details["available"] == ["results_dataset"]
    assert "results_dataset" in by_node["data"].message
    assert by_node["split"].port == "data" and by_node["split"].details["kind"] == "input"
    # 'split.dataset' itself is still unconnected
    assert [(p.node, p.port) for p in problems(d) if p.code == "missing_input"] == [
        ("split", "dataset")
    ]


def test_port_type_mismatch():
    d = doc(
        [
            {"id": "data", "component": "import_data"},
            {"id": "learner", "component": "two_class_boosted_decision_tree"},
            {"id": "train", "component": "train_model"},
        ],
        [
            ("data.results_dataset", "train.untrained_model"),
            ("learner.untrained_model", "train.dataset"),
        ],
    )
    found = [p for p in problems(d) if p.code == "port_type_mismatch"]
    assert {(p.node, p.port) for p in found} == {("train", "untrained_model"), ("train", "dataset")}
    assert found[0].details == {"output_type": "table", "input_type": "untrained_model"}


def test_two_edges_into_one_input():
    d = doc(
        [
            {"id": "a", "component": "import_data"},
            {"id": "b", "component": "import_data"},
            {"id": "split", "component": "split_data"},
        ],
        [("a.results_dataset", "split.dataset"), ("b.results_dataset", "split.dataset")],
    )
    p = only(problems(d), "input_already_connected")
    assert (p.node, p.port) == ("split", "dataset")
    assert p.details["sources"] == ["a.results_dataset", "b.results_dataset"]


def test_missing_required_input_but_optional_inputs_may_stay_open():
    d = doc(
        [{"id": "score", "component": "score_model"}, {"id": "e", "component": "evaluate_model"}]
    )
    found = [(p.node, p.port) for p in problems(d) if p.code == "missing_input"]
    assert sorted(found) == [
        ("e", "scored_dataset"),
        ("score", "dataset"),
        ("score", "trained_model"),
    ]


def test_a_mistyped_edge_does_not_also_report_the_input_as_missing():
    d = doc(
        [{"id": "data", "component": "import_data"}, {"id": "score", "component": "score_model"}],
        [
            ("data.results_dataset", "score.trained_model"),
            ("data.results_dataset", "score.dataset"),
        ],
    )
    assert [p.code for p in problems(d)] == ["port_type_mismatch"]


def test_cycle_names_its_nodes():
    d = doc(
        [
            {"id": "data", "component": "import_data"},
            {"id": "s1", "component": "select_columns_in_dataset"},
            {"id": "s2", "component": "select_columns_in_dataset"},
            {"id": "s3", "component": "normalize_data"},
        ],
        [
            ("s1.results_dataset", "s2.dataset"),
            ("s2.results_dataset", "s3.dataset"),
            ("s3.transformed_dataset", "s1.dataset"),
        ],
    )
    p = only(problems(d), "cycle")
    assert p.details["nodes"] == ["s1", "s2", "s3"]
    assert "s1 → s2 → s3 → s1" in p.message


def test_self_loop_is_a_cycle():
    d = doc([{"id": "n", "component": "normalize_data"}], [("n.transformed_dataset", "n.dataset")])
    assert only(problems(d), "cycle").details["nodes"] == ["n"]


def test_undefined_pipeline_parameter_reference():
    d = doc(
        [{"id": "data", "component": "import_data", "params": {"path": "${parameters.data_path}"}}]
    )
    p = only(problems(d), "undefined_parameter")
    assert (p.node, p.parameter) == ("data", "path")
    assert p.details["reference"] == "data_path"
    defined = doc(d.to_dict()["nodes"], parameters={"data_path": "x.csv"})
    assert problems(defined) == []


def test_values_for_undeclared_pipeline_parameters_are_reported():
    d = doc([{"id": "data", "component": "import_data"}], parameters={"p": 1})
    p = only(problems(d, parameter_values={"q": 2}), "unknown_pipeline_parameter")
    assert p.parameter == "q"


def test_parameter_values_are_validated_after_substitution():
    d = doc(
        [
            {"id": "data", "component": "import_data"},
            {
                "id": "split",
                "component": "split_data",
                "params": {"fraction_of_rows_in_the_first_output_dataset": "${parameters.f}"},
            },
        ],
        [("data.results_dataset", "split.dataset")],
        parameters={"f": 0.7},
    )
    assert problems(d) == []
    p = only(problems(d, parameter_values={"f": 3}), "invalid_parameter")
    assert p.parameter == "fraction_of_rows_in_the_first_output_dataset"


def _column_doc(label: str, selection: list[str], source: dict[str, Any]) -> PipelineDocument:
    return doc(
        [
            source,
            {
                "id": "select",
                "component": "select_columns_in_dataset",
                "params": {"select_columns": {"names": selection}},
            },
            {"id": "split", "component": "split_data"},
            {"id": "learner", "component": "two_class_boosted_decision_tree"},
            {"id": "train", "component": "train_model", "params": {"label_column": label}},
        ],
        [
            (
                "src.dataset" if source["component"] == "dataset" else "src.results_dataset",
                "select.dataset",
            ),
            ("select.results_dataset", "split.dataset"),
            ("split.results_dataset1", "train.dataset"),
            ("learner.untrained_model", "train.untrained_model"),
        ],
    )


DATASET = {"id": "src", "component": "dataset", "params": {"name": "credit"}}


def test_unknown_columns_found_from_a_registered_dataset_schema():
    d = _column_doc("label", ["age", "incme", "label"], DATASET)
    p = only(problems(d, datasets=FakeDatasets()), "unknown_column")
    assert (p.node, p.port, p.parameter, p.column) == (
        "select",
        "dataset",
        "select_columns",
        "incme",
    )
    assert p.details["suggestions"] == ["income"]
    assert "Did you mean 'income'" in p.message


def test_column_schema_propagates_through_infer_schemas():
    # 'income' is dropped by the selection, so Train Model cannot use it as label
    d = _column_doc("income", ["age", "label"], DATASET)
    p = only(problems(d, datasets=FakeDatasets()), "unknown_column")
    assert (p.node, p.parameter, p.column) == ("train", "label_column", "income")
    assert p.details["available"] == ["age", "label"]
    assert p.details["source"] == "split.results_dataset1"


def test_columns_are_not_checked_where_the_schema_is_unknown():
    d = _column_doc("nope", ["whatever"], DATASET)
    assert [p.code for p in problems(d)] == []  # no resolver: schema unknown
    imported = _column_doc("nope", ["whatever"], {"id": "src", "component": "import_data"})
    assert problems(imported, datasets=FakeDatasets()) == []


def test_schema_from_params_of_a_source_component():
    d = _column_doc("label", ["age", "salary"], {"id": "src", "component": "enter_data_manually"})
    assert only(problems(d), "unknown_column").column == "salary"


def test_checking_stops_after_a_component_without_schema_inference():
    d = doc(
        [
            DATASET,
            {"id": "norm", "component": "normalize_data", "params": {"columns": ["agge"]}},
            {
                "id": "split",
                "component": "split_data",
                "params": {"stratification_key_column": "zzz"},
            },
        ],
        [("src.dataset", "norm.dataset"), ("norm.transformed_dataset", "split.dataset")],
    )
    found = problems(d, datasets=FakeDatasets())
    assert [(p.code, p.node, p.column) for p in found] == [("unknown_column", "norm", "agge")]


def test_unknown_dataset():
    d = doc([{"id": "src", "component": "dataset", "params": {"name": "cedit"}}])
    p = only(problems(d, datasets=FakeDatasets()), "unknown_dataset")
    assert (p.node, p.parameter) == ("src", "name")


def test_version_mismatch_is_a_warning_only():
    d = doc([{"id": "data", "component": "import_data", "version": "0"}])
    p = only(problems(d), "version_mismatch")
    assert p.severity == "warning"
    ensure_valid(d, REGISTRY)


def test_ensure_valid_raises_with_every_problem_as_a_dict():
    d = doc(
        [{"id": "split", "component": "split_data"}, {"id": "x", "component": "nothing"}],
        [("split.results_dataset1", "y.dataset")],
    )
    with pytest.raises(PipelineValidationError) as err:
        ensure_valid(d, REGISTRY)
    codes = sorted(p["code"] for p in err.value.details["problems"])
    assert codes == ["missing_input", "unknown_component", "unknown_node"]
    assert err.value.code == "invalid_pipeline"
    assert "3 problems" in err.value.message
    assert err.value.to_dict()["error"]["details"]["problems"][0]["message"]
