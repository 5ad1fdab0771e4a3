"""Web Service Input and Output in a pipeline run as a job."""

from __future__ import annotations

import pandas as pd
import pytest

from kumi.core import (
    ColumnNotFoundError,
    DataFormatError,
    InvalidInputError,
    InvalidParameterError,
    Table,
)
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


def test_input_schema_casts_declared_columns_and_lets_others_through(run) -> None:
    data = Table.of(pd.DataFrame({"age": ["31", "40"], "city": ["a", "b"], "extra": [1, 2]}))
    schema = [
        {"name": "age", "type": "integer"},
        {"name": "city", "type": "string", "categorical": True},
    ]
    out = run("web_service_input", {"input_schema": schema}, dataset=data)["data"]
    assert out.frame["age"].tolist() == [31, 40] and str(out.frame["age"].dtype) == "int64"
    assert "city" in out.categorical and out.frame["extra"].tolist() == [1, 2]


def test_input_schema_names_missing_columns_but_not_the_label(run) -> None:
    data = Table.of(pd.DataFrame({"age": [1.0]}))
    schema = [{"name": "age", "type": "double"}, {"name": "income", "type": "double"}]
    with pytest.raises(ColumnNotFoundError, match="income") as info:
        run("web_service_input", {"input_schema": schema}, dataset=data)
    assert info.value.details["missing"] == ["income"]
    assert "label column is not needed" in info.value.message


def test_input_schema_rejects_values_of_the_wrong_type(run) -> None:
    data = Table.of(pd.DataFrame({"age": ["old"]}))
    with pytest.raises(DataFormatError, match=r"'age'.*'old'"):
        run(
            "web_service_input", {"input_schema": [{"name": "age", "type": "double"}]}, dataset=data
        )
