"""Enter Data Manually: CSV and TSV text into a table, with errors about the entered data."""

from __future__ import annotations

import pytest

from kumi.core import DataFormatError, InvalidParameterError


def test_csv_with_header(run) -> None:
    out = run("enter_data_manually", {"data": "name,score\nada,3.5\nbob,4\n"})["dataset"]
    assert out.frame.to_dict("list") == {"name": ["ada", "bob"], "score": [3.5, 4.0]}


def test_tsv_without_header_names_columns(run) -> None:
    params = {"data": "1\tx\n2\ty\n", "data_format": "tsv", "has_header": False}
    out = run("enter_data_manually", params)["dataset"]
    assert out.columns == ["col1", "col2"] and out.frame["col1"].tolist() == [1, 2]


def test_ragged_rows_are_reported_against_the_entered_data(run) -> None:
    with pytest.raises(DataFormatError, match=r"entered data.*line 3") as caught:
        run("enter_data_manually", {"data": "a,b\n1,2\n3,4,5\n"})
    assert caught.value.details["parameter"] == "data"
    assert "entered_data" not in caught.value.message


def test_empty_data_is_a_parameter_error(run) -> None:
    with pytest.raises(InvalidParameterError, match="'data'"):
        run("enter_data_manually", {"data": "  \n"})
