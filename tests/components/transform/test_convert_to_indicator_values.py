"""Convert to Indicator Values: indicator columns, missing values, unseen values."""

from __future__ import annotations

import pandas as pd
import pytest

from kumi.core import ColumnSelection, ColumnTypeError, Table


def _table() -> Table:
    frame = pd.DataFrame({"id": [1, 2, 3, 4], "risk": ["Low", "Medium", "High", None]})
    return Table.of(frame, categorical=["risk"])


def test_indicator_columns_follow_azure_names(run) -> None:
    out = run("convert_to_indicator_values", {}, dataset=_table())["results_dataset"].frame
    assert list(out.columns) == [
        "id",
        "risk",
        "risk - Low",
        "risk - Medium",
        "risk - High",
        "risk - Missing",
    ]
    assert out["risk - Medium"].tolist() == [0, 1, 0, 0]
    assert out["risk - Missing"].tolist() == [0, 0, 0, 1]


def test_overwrite_replaces_the_source_column(run) -> None:
    out = run(
        "convert_to_indicator_values", {"overwrite_categorical_columns": True}, dataset=_table()
    )["results_dataset"]
    assert out.columns[:2] == ["id", "risk - Low"] and "risk" not in out.columns


def test_numbers_marked_categorical_become_indicators(run) -> None:
    table = Table.of(pd.DataFrame({"mpg": [25, 30, 25]}), categorical=["mpg"])
    out = run("convert_to_indicator_values", {}, dataset=table)["results_dataset"]
    assert out.columns == ["mpg", "mpg - 25", "mpg - 30"]


def test_only_categorical_columns_are_allowed(run) -> None:
    params = {"categorical_columns_to_convert": ColumnSelection.of("id").model_dump()}
    with pytest.raises(ColumnTypeError, match="'id' is not categorical"):
        run("convert_to_indicator_values", params, dataset=_table())


def test_transformation_gives_unseen_values_all_zeros(run) -> None:
    outputs = run("convert_to_indicator_values", {}, dataset=_table())
    transformation = outputs["indicator_values_transformation"]
    pd.testing.assert_frame_equal(
        transformation.apply(_table()).frame, outputs["results_dataset"].frame
    )
    new = Table.of(pd.DataFrame({"id": [9, 10], "risk": ["High", "Extreme"]}))
    frame = transformation.apply(new).frame
    assert frame[["risk - Low", "risk - Medium", "risk - High"]].to_numpy().tolist() == [
        [0, 0, 1],
        [0, 0, 0],
    ]
