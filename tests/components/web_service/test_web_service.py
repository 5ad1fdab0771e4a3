"""Web Service Input and Output in a pipeline run as a job."""

from __future__ import annotations

import pytest

from kumi.core import InvalidInputError, InvalidParameterError
from kumi.testing import example


def test_web_service_input_passes_the_connected_dataset_through(run) -> None:
    data = example("table")
    out = run("web_service_input", {"name": "input1"}, dataset=data)
    assert out["data"] is data


def test_unconnected_web_service_input_explains_where_data_comes_from(run) -> None:
    with pytest.raises(InvalidInputError, match="requests supply") as info:
        run("web_service_input", {"name": "customers"})
    assert "Inputs.customers" in info.value.message
    assert info.value.details["name"] == "customers"


def test_web_service_output_accepts_a_table_and_outputs_nothing(run) -> None:
    assert run("web_service_output", data=example("table")) == {}


@pytest.mark.parametrize("component", ["web_service_input", "web_service_output"])
def test_names_must_be_identifiers(run, component) -> None:
    with pytest.raises(InvalidParameterError, match="name"):
        run(component, {"name": "my input"})
