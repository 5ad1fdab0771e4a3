"""Add Columns and Add Rows: combining datasets side by side and one below the other."""

from __future__ import annotations

import pandas as pd
import pytest

from kumi.core import ColumnTypeError, InvalidInputError, Table


def test_add_columns_pads_the_shorter_side_and_suffixes_clashes(run) -> None:
    left = Table.of(pd.DataFrame({"id": [1, 2, 3], "a": ["x", "y", "z"]}), label="a")
    right = Table.of(pd.DataFrame({"id": [7, 8], "b": [0.5, 1.5]}), categorical=["b"])
    out = run("add_columns", {}, left_dataset=left, right_dataset=right)["combined_dataset"]
    assert out.columns == ["id_1", "a", "id_2", "b"]
    assert out.frame["b"].isna().tolist() == [False, False, True]
    assert out.label == "a" and out.categorical == frozenset({"b"})


def test_add_rows_appends_in_the_first_column_order(run) -> None:
    first = Table.of(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), label="a", categorical=["b"])
    second = Table.of(pd.DataFrame({"b": ["z"], "a": [3.5]}))
    out = run("add_rows", {}, dataset1=first, dataset2=second)["results_dataset"]
    assert out.frame.to_dict("list") == {"a": [1.0, 2.0, 3.5], "b": ["x", "y", "z"]}
    assert out.label == "a" and "b" in out.categorical


def test_add_rows_names_the_columns_that_differ(run) -> None:
    first = Table.of(pd.DataFrame({"a": [1], "b": [2]}))
    second = Table.of(pd.DataFrame({"a": [1], "c": [2]}))
    with pytest.raises(InvalidInputError, match="Only in dataset1: b; only in dataset2: c"):
        run("add_rows", {}, dataset1=first, dataset2=second)


def test_add_rows_refuses_text_below_numbers(run) -> None:
    first = Table.of(pd.DataFrame({"a": [1]}))
    second = Table.of(pd.DataFrame({"a": ["one"]}))
    with pytest.raises(ColumnTypeError, match=r"'a'.*integer.*string"):
        run("add_rows", {}, dataset1=first, dataset2=second)
