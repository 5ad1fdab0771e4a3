"""Edit Metadata: type conversions, categorical flags, roles, renaming, schema inference."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.components.transform.edit_metadata import EditMetadata, EditMetadataParams
from kumi.core import (
    ColumnRole,
    ColumnSelection,
    ColumnType,
    DataFormatError,
    InvalidParameterError,
    Table,
)
from kumi.testing import example


def _table() -> Table:
    frame = pd.DataFrame(
        {
            "n": ["1", "2", None],
            "d": [1.5, 2.0, np.nan],
            "flag": ["yes", "No", None],
            "when": ["2024-01-31", "2024-02-01", None],
            "y": [0, 1, 0],
        }
    )
    return Table.of(frame, label="y")


def _edit(run, columns: list[str], table: Table | None = None, **params) -> Table:
    params["column"] = ColumnSelection.of(*columns).model_dump()
    return run("edit_metadata", params, dataset=table or _table())["results_dataset"]


def test_text_to_integer_keeps_missing_values(run) -> None:
    out = _edit(run, ["n"], data_type="integer")
    assert str(out.frame["n"].dtype) == "Int64"
    assert out.frame["n"].tolist()[:2] == [1, 2] and out.frame["n"].isna().tolist()[2]
    assert out.schema().get("n").type == ColumnType.INTEGER


def test_conversions_to_double_boolean_string_and_datetime(run) -> None:
    assert _edit(run, ["n"], data_type="double").frame["n"].tolist()[:2] == [1.0, 2.0]
    flags = _edit(run, ["flag"], data_type="boolean").frame["flag"]
    assert flags.tolist()[:2] == [True, False] and flags.isna().tolist()[2]
    text = _edit(run, ["d"], data_type="string").frame["d"]
    assert text.tolist()[:2] == ["1.5", "2.0"] and text.isna().tolist()[2]
    when = _edit(run, ["when"], data_type="datetime", date_time_format="%Y-%m-%d").frame["when"]
    assert when.tolist()[0] == pd.Timestamp("2024-01-31")


@pytest.mark.parametrize(
    ("column", "data_type", "value"),
    [("d", "integer", "1.5"), ("flag", "double", "yes"), ("n", "boolean", "2")],
)
def test_values_that_do_not_convert_are_named(run, column, data_type, value) -> None:
    with pytest.raises(DataFormatError, match=f"'{column}'.*'{value}'"):
        _edit(run, [column], data_type=data_type)


def test_bad_datetime_format(run) -> None:
    with pytest.raises(DataFormatError, match="'when'"):
        _edit(run, ["when"], data_type="datetime", date_time_format="%d/%m/%Y")


def test_categorical_flags(run) -> None:
    assert "flag" in _edit(run, ["flag"], categorical="categorical").categorical
    assert (
        "city"
        not in _edit(run, ["city"], example("table"), categorical="non_categorical").categorical
    )


def test_label_moves_to_the_one_selected_column(run) -> None:
    out = _edit(run, ["d"], fields="label")
    assert out.label == "d" and out.role("y") == ColumnRole.FEATURE
    with pytest.raises(InvalidParameterError, match="Only one column"):
        _edit(run, ["d", "n"], fields="label")


def test_clearing_roles(run) -> None:
    assert _edit(run, ["y"], fields="clear_label").label is None
    ignored = _edit(run, ["d"], fields="clear_feature")
    assert ignored.role("d") == ColumnRole.IGNORE and "d" not in ignored.feature_columns()
    assert _edit(run, ["d"], ignored, fields="feature").role("d") == ColumnRole.FEATURE


def test_rename_keeps_roles_and_flags(run) -> None:
    out = _edit(run, ["y", "flag"], categorical="categorical", new_column_names="target, answer")
    assert out.columns == ["n", "d", "answer", "when", "target"]
    assert out.label == "target" and out.categorical == frozenset({"answer", "target"})


@pytest.mark.parametrize("names", ["only_one", "a,,", "n,d"])
def test_bad_new_names(run, names) -> None:
    with pytest.raises(InvalidParameterError, match="new_column_names"):
        _edit(run, ["y", "flag"], new_column_names=names)


def test_inferred_schema_equals_the_run_schema(run) -> None:
    params = {
        "data_type": "double",
        "categorical": "categorical",
        "fields": "label",
        "new_column_names": "amount",
    }
    out = _edit(run, ["n"], **params)
    validated = EditMetadataParams(column=ColumnSelection.of("n"), **params)
    inferred = EditMetadata().infer_schemas(validated, {"dataset": _table().schema()})
    assert inferred["results_dataset"] == out.schema()
