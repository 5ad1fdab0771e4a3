"""Clean Missing Data: each cleaning mode, ratio bounds, indicators and the transformation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.components.transform.clean_missing_data import CleanMissingData, CleanMissingDataParams
from kumi.core import (
    ColumnSelection,
    ColumnTypeError,
    InvalidParameterError,
    Table,
    validate_params,
)
from kumi.testing import example


def _table() -> Table:
    frame = pd.DataFrame(
        {
            "x": [1.0, np.nan, 3.0, 10.0],
            "n": [1, 2, 2, 3],
            "s": ["a", None, "b", "b"],
            "mostly_missing": [np.nan, np.nan, np.nan, 4.0],
            "y": [0, 1, 0, 1],
        }
    )
    return Table.of(frame, label="y", categorical=["s"])


def _clean(run, table: Table, **params):
    return run("clean_missing_data", params, dataset=table)


def test_replace_with_mean_and_median_use_present_values(run) -> None:
    numeric = ColumnSelection.of("x").model_dump()
    mean = _clean(run, _table(), columns_to_be_cleaned=numeric, cleaning_mode="replace_with_mean")
    assert mean["cleaned_dataset"].frame["x"][1] == pytest.approx((1 + 3 + 10) / 3)
    median = _clean(
        run, _table(), columns_to_be_cleaned=numeric, cleaning_mode="replace_with_median"
    )
    assert median["cleaned_dataset"].frame["x"][1] == 3.0


def test_replace_with_mode_works_on_text(run) -> None:
    out = _clean(run, _table(), cleaning_mode="replace_with_mode")["cleaned_dataset"].frame
    assert out["s"].tolist() == ["a", "b", "b", "b"]
    assert out["mostly_missing"].tolist() == [4.0] * 4


def test_custom_value_takes_each_column_type(run) -> None:
    out = _clean(run, _table(), replacement_value="7")["cleaned_dataset"].frame
    assert out["x"][1] == 7.0
    assert out["s"][1] == "7"


def test_custom_value_that_does_not_fit_a_numeric_column(run) -> None:
    with pytest.raises(InvalidParameterError, match="'x'"):
        _clean(run, _table(), replacement_value="n/a")


def test_mean_on_text_column_is_a_type_error(run) -> None:
    with pytest.raises(ColumnTypeError, match="'s'"):
        _clean(run, _table(), cleaning_mode="replace_with_mean")


def test_only_columns_within_the_missing_ratio_bounds_are_cleaned(run) -> None:
    out = _clean(run, _table(), maximum_missing_value_ratio=0.5, replacement_value="0")
    frame = out["cleaned_dataset"].frame
    assert frame["x"][1] == 0.0  # 25% missing: cleaned
    assert frame["mostly_missing"].isna().sum() == 3  # 75% missing: left alone


def test_remove_entire_row_and_column(run) -> None:
    selection = ColumnSelection.of("x", "s").model_dump()
    rows = _clean(run, _table(), columns_to_be_cleaned=selection, cleaning_mode="remove_entire_row")
    assert rows["cleaned_dataset"].frame["x"].tolist() == [1.0, 3.0, 10.0]
    columns = _clean(run, _table(), cleaning_mode="remove_entire_column")["cleaned_dataset"]
    assert columns.columns == ["n", "y"]


def test_indicator_columns_flag_missing_values_but_not_for_the_label(run) -> None:
    out = _clean(run, _table(), generate_missing_value_indicator_column=True)["cleaned_dataset"]
    assert out.frame["x_is_missing"].tolist() == [0, 1, 0, 0]
    assert out.frame["s_is_missing"].tolist() == [0, 1, 0, 0]
    assert "y_is_missing" not in out.columns


def test_transformation_fills_new_data_with_training_statistics(run) -> None:
    outputs = _clean(
        run,
        _table(),
        columns_to_be_cleaned=ColumnSelection.of("x", "y").model_dump(),
        cleaning_mode="replace_with_mean",
    )
    transformation = outputs["cleaning_transformation"]
    pd.testing.assert_frame_equal(
        transformation.apply(_table()).frame, outputs["cleaned_dataset"].frame
    )
    new = Table.of(pd.DataFrame({"x": [np.nan, 100.0, np.nan]}))  # no label column to score
    assert transformation.apply(new).frame["x"].tolist() == pytest.approx([14 / 3, 100.0, 14 / 3])


def test_minimum_ratio_may_not_exceed_maximum() -> None:
    with pytest.raises(InvalidParameterError, match="minimum_missing_value_ratio"):
        validate_params(
            CleanMissingDataParams,
            {"minimum_missing_value_ratio": 0.8, "maximum_missing_value_ratio": 0.2},
        )


def test_infer_schemas_adds_indicator_columns() -> None:
    params = CleanMissingDataParams(generate_missing_value_indicator_column=True)
    schema = example("table").schema()
    inferred = CleanMissingData().infer_schemas(params, {"dataset": schema})["cleaned_dataset"]
    assert inferred.names == [*schema.names, *(f"{c}_is_missing" for c in schema.names[:-1])]
    removal = CleanMissingDataParams(cleaning_mode="remove_entire_column")
    assert CleanMissingData().infer_schemas(removal, {"dataset": schema}) is None


def test_boolean_and_nullable_integer_columns(run) -> None:
    frame = pd.DataFrame({"b": [True, None, False], "i": pd.array([1, None, 3], dtype="Int64")})
    custom = _clean(run, Table.of(frame), replacement_value="1")["cleaned_dataset"].frame
    assert custom["b"].dtype == bool and custom["b"].tolist() == [True, True, False]
    assert custom["i"].tolist() == [1, 1, 3]
    mean = _clean(run, Table.of(frame), cleaning_mode="replace_with_mean")["cleaned_dataset"]
    assert mean.frame.to_dict("list") == {"b": [1.0, 0.5, 0.0], "i": [1.0, 2.0, 3.0]}
