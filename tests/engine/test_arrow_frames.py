"""pandas → Arrow conversion with remembered columns: always the same table as
``pa.Table.from_pandas``, and columns passed through are not converted again."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from kumi.engine.arrow_frames import GENERATIONS, ArrowConversions

FRAMES = {
    "plain": pd.DataFrame(
        {"a": [1.0, np.nan, 3.0], "r": ["x", None, "z"], "i": [1, 2, 3], "b": [True, False, True]}
    ),
    "int index": pd.DataFrame({"a": [1.0, 2.0, 3.0], "r": ["x", "y", "z"]}, index=[5, 7, 9]),
    "named index": pd.DataFrame(
        {"a": [1.0, 2.0, 3.0]}, index=pd.Index(["p", "q", "r"], name="key")
    ),
    "other dtypes": pd.DataFrame(
        {
            "c": pd.Categorical(["a", "b", "a"]),
            "t": pd.to_datetime(["2020-01-01", "2020-01-02", None]),
            "n": pd.array([1, None, 3], dtype="Int64"),
            "lists": [[1], [2], [3]],
        }
    ),
    "no rows": pd.DataFrame({"a": pd.Series([], dtype=float), "r": pd.Series([], dtype=object)}),
    "no columns": pd.DataFrame(index=range(4)),
    "named columns": pd.DataFrame({"a": [1.0]}).rename_axis("fields", axis=1),
    "number names": pd.DataFrame({0: [1.0], 1: ["x"]}),
}


def data_address(table: pa.Table, name: str) -> int:
    return table.column(name).chunk(0).buffers()[-1].address


@pytest.mark.parametrize("name", FRAMES)
def test_the_table_equals_from_pandas_first_and_second_time(name):
    conversions = ArrowConversions()
    frame = FRAMES[name]
    want = pa.Table.from_pandas(frame, preserve_index=None)
    for _ in range(2):
        got = conversions.to_arrow(frame)
        assert got.schema.equals(want.schema, check_metadata=True)
        assert got.equals(want)


def test_columns_passed_through_are_not_converted_again():
    conversions = ArrowConversions()
    frame = pd.DataFrame({"r": ["x", "y", None] * 1000, "a": np.arange(3000.0)})
    first = conversions.to_arrow(frame)
    selected = frame[["a", "r"]].rename(columns={"r": "region"})
    second = conversions.to_arrow(selected)
    assert second.equals(pa.Table.from_pandas(selected, preserve_index=None))
    assert second.schema.equals(
        pa.Table.from_pandas(selected, preserve_index=None).schema, check_metadata=True
    )
    assert data_address(second, "region") == data_address(first, "r")


def test_a_column_changed_in_place_is_converted_again():
    conversions = ArrowConversions()
    frame = pd.DataFrame({"r": np.array(["x", "y", "z"], dtype=object), "a": [1.0, 2.0, 3.0]})
    conversions.to_arrow(frame)
    values = frame["r"].to_numpy(copy=False)
    values.flags.writeable = True
    values[1] = "changed"  # behind pandas' back: same array, new content
    numbers = frame["a"].to_numpy(copy=False)
    numbers.flags.writeable = True
    numbers[0] = 42.0
    again = conversions.to_arrow(frame)
    assert again.column("r").to_pylist() == ["x", "changed", "z"]
    assert again.column("a").to_pylist() == [42.0, 2.0, 3.0]


def test_a_column_arrow_cannot_hold_fails_as_in_from_pandas():
    frame = pd.DataFrame({"mixed": ["a", 1, None]})
    with pytest.raises(pa.ArrowTypeError):
        pa.Table.from_pandas(frame, preserve_index=None)
    with pytest.raises(pa.ArrowTypeError):
        ArrowConversions().to_arrow(frame)


def test_remembered_columns_stay_within_the_budget():
    conversions = ArrowConversions(budget_bytes=20_000)
    frame = pd.DataFrame({f"c{i}": np.arange(1000.0) + i for i in range(5)})  # 8 kB each
    first = conversions.to_arrow(frame)
    newest = conversions.to_arrow(frame[["c4"]])
    oldest = conversions.to_arrow(frame[["c0"]])
    assert data_address(newest, "c4") == data_address(first, "c4")  # kept
    assert data_address(oldest, "c0") != data_address(first, "c0")  # dropped: over budget
    assert oldest.column("c0").equals(first.column("c0"))


def test_only_columns_of_the_latest_frames_are_remembered():
    conversions = ArrowConversions()
    kept = pd.DataFrame({"a": np.arange(100.0)})
    first = conversions.to_arrow(kept)
    for i in range(GENERATIONS):
        conversions.to_arrow(pd.DataFrame({"b": np.arange(100.0) + i + 1}))
    again = conversions.to_arrow(kept)
    assert data_address(again, "a") != data_address(first, "a")
    assert again.equals(first)
