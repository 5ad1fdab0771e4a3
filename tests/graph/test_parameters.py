"""Pipeline parameter references and their substitution."""

from __future__ import annotations

import pytest

from kumi.core import PipelineValidationError
from kumi.graph import PipelineDocument, references, resolve_parameters, substitute


def test_whole_string_references_keep_the_value_type():
    values = {"f": 0.7, "cols": ["a", "b"], "flag": True, "seed": None}
    assert substitute("${parameters.f}", values) == 0.7
    assert substitute("${parameters.cols}", values) == ["a", "b"]
    assert substitute("${parameters.flag}", values) is True
    assert substitute("${parameters.seed}", values) is None


def test_embedded_references_are_formatted_as_text():
    values = {"dir": "data", "n": 3}
    assert substitute("${parameters.dir}/part-${parameters.n}.csv", values) == "data/part-3.csv"


def test_substitution_reaches_into_nested_values_and_leaves_unknown_names():
    values = {"col": "age"}
    value = {"names": ["${parameters.col}", "x"], "deep": [{"k": "${parameters.other}"}], "n": 1}
    assert substitute(value, values) == {
        "names": ["age", "x"],
        "deep": [{"k": "${parameters.other}"}],
        "n": 1,
    }
    assert references(value) == {"col", "other"}


def test_resolve_parameters_uses_defaults_then_given_values():
    doc = PipelineDocument.from_dict(
        {
            "name": "p",
            "parameters": {"path": "a.csv", "f": 0.5},
            "nodes": [
                {"id": "d", "component": "import_data", "params": {"path": "${parameters.path}"}},
                {
                    "id": "s",
                    "component": "split_data",
                    "params": {"fraction_of_rows_in_the_first_output_dataset": "${parameters.f}"},
                },
            ],
        }
    )
    resolved = resolve_parameters(doc, {"f": 0.9})
    assert resolved.nodes[0].params == {"path": "a.csv"}
    assert resolved.nodes[1].params == {"fraction_of_rows_in_the_first_output_dataset": 0.9}
    assert resolved.parameters == {"path": "a.csv", "f": 0.9}
    assert doc.nodes[1].params["fraction_of_rows_in_the_first_output_dataset"] == "${parameters.f}"


def test_resolve_parameters_rejects_undefined_references_and_undeclared_values():
    doc = PipelineDocument.from_dict(
        {"name": "p", "nodes": [{"id": "d", "component": "x", "params": {"a": "${parameters.q}"}}]}
    )
    with pytest.raises(PipelineValidationError) as err:
        resolve_parameters(doc, {"z": 1})
    codes = sorted(p["code"] for p in err.value.details["problems"])
    assert codes == ["undefined_parameter", "unknown_pipeline_parameter"]
