"""The Python builder produces the same document as a hand-written one."""

from __future__ import annotations

import pytest
from graph_components import registry

from kumi.core import ColumnSelection, InvalidInputError
from kumi.graph import PipelineBuilder, load_pipeline, validate_pipeline

HAND_WRITTEN = """\
schema_version: 1
name: credit
parameters: {data_path: samples/credit.csv}
nodes:
  - {id: data, component: import_data, params: {path: "${parameters.data_path}"}}
  - {id: split_data, component: split_data,
     params: {fraction_of_rows_in_the_first_output_dataset: 0.7}}
  - {id: two_class_boosted_decision_tree, component: two_class_boosted_decision_tree}
  - {id: train_model, component: train_model, params: {label_column: label},
     position: {x: 100, y: 200}, regenerate_output: true}
  - {id: train_model_2, component: train_model, version: "1", comment: second}
edges:
  - {from: data.results_dataset, to: split_data.dataset}
  - {from: two_class_boosted_decision_tree.untrained_model, to: train_model.untrained_model}
  - {from: split_data.results_dataset1, to: train_model.dataset}
  - {from: two_class_boosted_decision_tree.untrained_model, to: train_model_2.untrained_model}
  - {from: split_data.results_dataset2, to: train_model_2.dataset}
"""


def test_builder_equals_the_hand_written_document():
    p = PipelineBuilder("credit", parameters={"data_path": "samples/credit.csv"})
    data = p.node("import_data", id="data", path="${parameters.data_path}")
    split = p.node("split_data", fraction_of_rows_in_the_first_output_dataset=0.7)
    learner = p.node("two_class_boosted_decision_tree")
    train = p.node("train_model", label_column="label", position=(100, 200), regenerate_output=True)
    p.connect(data.out("results_dataset"), split.inp("dataset"))
    p.connect(learner.untrained_model, train.untrained_model)
    p.connect(split.results_dataset1, "train_model.dataset")
    p.node(
        "train_model",
        component_version="1",
        comment="second",
        untrained_model=learner.untrained_model,
        dataset=split.results_dataset2,
    )
    built = p.build()
    assert built == load_pipeline(HAND_WRITTEN)
    assert validate_pipeline(built, registry()) == []


def test_parameter_declares_and_returns_a_reference():
    p = PipelineBuilder("x")
    ref = p.parameter("data_path", "a.csv")
    p.node("import_data", path=ref)
    doc = p.build()
    assert doc.parameters == {"data_path": "a.csv"}
    assert doc.nodes[0].params == {"path": "${parameters.data_path}"}


def test_duplicate_explicit_ids_are_refused():
    p = PipelineBuilder("x")
    p.node("import_data", id="a")
    with pytest.raises(InvalidInputError, match="'a' is already used"):
        p.node("split_data", id="a")


def test_build_returns_independent_documents():
    p = PipelineBuilder("x")
    p.node("import_data", path="a")
    first = p.build()
    first.nodes[0].params["path"] = "changed"
    assert p.build().nodes[0].params == {"path": "a"}


def test_private_attributes_are_not_ports():
    node = PipelineBuilder("x").node("import_data")
    with pytest.raises(AttributeError):
        node._secret
    assert str(node.results_dataset) == "import_data.results_dataset"


def test_param_models_are_stored_as_plain_data():
    p = PipelineBuilder("x")
    p.node("select_columns_in_dataset", id="s", select_columns=ColumnSelection.of("a", "b"))
    doc = p.build()
    assert doc.nodes[0].params["select_columns"] == {
        "names": ["a", "b"],
        "start_with": "none",
        "rules": [],
    }
    assert load_pipeline(doc.to_yaml()) == doc
