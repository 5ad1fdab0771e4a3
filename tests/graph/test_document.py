"""The pipeline document: JSON/YAML round trips, loading, migrations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kumi.core import NotFoundError, PipelineValidationError
from kumi.graph import CURRENT_SCHEMA_VERSION, PipelineDocument, load_pipeline, migrate

YAML_DOC = """\
schema_version: 1
name: credit-approval
description: Approve or not
parameters: {data_path: samples/credit.csv, fraction: 0.7}
nodes:
  - {id: data,  component: import_data, params: {path: "${parameters.data_path}"},
     position: {x: 10, y: 20}, comment: reads the file}
  - {id: split, component: split_data, version: "1", regenerate_output: true,
     params: {fraction_of_rows_in_the_first_output_dataset: "${parameters.fraction}"}}
edges:
  - {from: data.results_dataset, to: split.dataset}
"""


def test_yaml_text_loads_into_the_model():
    doc = load_pipeline(YAML_DOC)
    assert doc.name == "credit-approval"
    assert doc.parameters == {"data_path": "samples/credit.csv", "fraction": 0.7}
    assert [n.id for n in doc.nodes] == ["data", "split"]
    assert doc.nodes[0].position is not None and doc.nodes[0].position.y == 20
    assert doc.nodes[1].regenerate_output is True and doc.nodes[1].version == "1"
    edge = doc.edges[0]
    assert (edge.from_, edge.to) == ("data.results_dataset", "split.dataset")
    assert edge.source is not None and edge.source.node == "data"
    assert edge.target is not None and edge.target.port == "dataset"


def test_json_and_yaml_round_trip_to_the_identical_model(tmp_path: Path):
    doc = load_pipeline(YAML_DOC)
    assert PipelineDocument.from_json(doc.to_json()) == doc
    assert PipelineDocument.from_yaml(doc.to_yaml()) == doc
    assert load_pipeline(doc.dump(tmp_path / "p.json")) == doc
    assert load_pipeline(doc.dump(tmp_path / "p.yaml")) == doc
    assert load_pipeline(str(tmp_path / "p.yaml")) == doc


def test_dump_uses_from_to_keys_and_leaves_defaults_out():
    doc = load_pipeline(YAML_DOC)
    data = json.loads(doc.to_json())
    assert data["edges"] == [{"from": "data.results_dataset", "to": "split.dataset"}]
    assert data["schema_version"] == 1
    assert "regenerate_output" not in data["nodes"][0]
    assert data["nodes"][1]["regenerate_output"] is True
    assert list(data["nodes"][0])[:2] == ["id", "component"]


def test_params_holding_none_survive_a_round_trip():
    doc = PipelineDocument.from_dict(
        {"name": "p", "nodes": [{"id": "a", "component": "x", "params": {"seed": None}}]}
    )
    assert PipelineDocument.from_yaml(doc.to_yaml()).nodes[0].params == {"seed": None}


def test_malformed_documents_raise_validation_errors_naming_the_field():
    with pytest.raises(PipelineValidationError) as err:
        PipelineDocument.from_dict({"name": "p", "nodes": [{"id": "a"}]})
    problem = err.value.details["problems"][0]
    assert problem["code"] == "invalid_document"
    assert "nodes.0.component" in problem["message"]
    with pytest.raises(PipelineValidationError, match="not valid YAML"):
        PipelineDocument.from_yaml("name: [unclosed")
    with pytest.raises(PipelineValidationError, match="not valid JSON"):
        load_pipeline('{"name": ')
    with pytest.raises(PipelineValidationError, match="must be a mapping"):
        PipelineDocument.from_yaml("- a\n- b\n")


def test_unknown_fields_are_rejected():
    with pytest.raises(PipelineValidationError, match="colour"):
        PipelineDocument.from_dict({"name": "p", "colour": "red"})


def test_missing_file_is_a_not_found_error(tmp_path: Path):
    with pytest.raises(NotFoundError, match="does not exist"):
        load_pipeline(tmp_path / "nope.yaml")
    with pytest.raises(NotFoundError):
        load_pipeline("nope.json")


def test_current_version_is_one_and_missing_version_means_one():
    assert CURRENT_SCHEMA_VERSION == 1
    assert migrate({"name": "p"})["schema_version"] == 1
    raw = {"schema_version": 1, "name": "p"}
    assert migrate(raw) == raw


def test_future_and_malformed_versions_are_rejected():
    with pytest.raises(PipelineValidationError, match="upgrade kumi") as err:
        PipelineDocument.from_dict({"schema_version": 7, "name": "p"})
    assert err.value.details["problems"][0]["details"]["schema_version"] == 7
    for bad in ("1", 0, True):
        with pytest.raises(PipelineValidationError, match="positive whole number"):
            migrate({"schema_version": bad, "name": "p"})


def test_migrations_run_one_step_at_a_time_without_touching_the_input():
    def v1_to_v2(doc):
        rest = {k: v for k, v in doc.items() if k != "name"}
        return {**rest, "title": doc["name"]}

    def v2_to_v3(doc):
        return {**doc, "title": doc["title"].upper()}

    raw = {"schema_version": 1, "name": "p"}
    out = migrate(raw, steps={1: v1_to_v2, 2: v2_to_v3}, current=3)
    assert out == {"schema_version": 3, "title": "P"}
    assert raw == {"schema_version": 1, "name": "p"}
    with pytest.raises(PipelineValidationError, match="no migration to version 2"):
        migrate(raw, steps={}, current=2)
