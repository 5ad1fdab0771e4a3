from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.core import ColumnNotFoundError, ColumnRole, ColumnType, ColumnTypeError, Table


def make() -> Table:
    frame = pd.DataFrame(
        {
            "n": [1, 2, 3],
            "x": [0.5, np.nan, 2.0],
            "s": ["a", "b", None],
            "b": [True, False, True],
            "t": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"]),
            "y": [0, 1, 0],
        }
    )
    return Table.of(frame, label="y", categorical=["s"])


def test_schema_types_roles_and_categorical() -> None:
    schema = make().schema()
    types = {c.name: c.type for c in schema.columns}
    assert types == {
        "n": ColumnType.INTEGER,
        "x": ColumnType.DOUBLE,
        "s": ColumnType.STRING,
        "b": ColumnType.BOOLEAN,
        "t": ColumnType.DATETIME,
        "y": ColumnType.INTEGER,
    }
    assert schema.get("y").role == ColumnRole.LABEL  # type: ignore[union-attr]
    assert schema.get("s").categorical  # type: ignore[union-attr]
    assert make().feature_columns() == ["n", "x", "s", "b", "t"]


def test_derive_keeps_roles_of_surviving_columns_only() -> None:
    table = make()
    derived = table.derive(table.frame[["s", "y"]])
    assert derived.label == "y" and derived.categorical == frozenset({"s"})
    dropped = table.derive(table.frame[["n"]])
    assert dropped.label is None and dropped.categorical == frozenset()


def test_require_columns_names_the_missing_column() -> None:
    with pytest.raises(ColumnNotFoundError) as info:
        make().require_columns(["n", "nope"], purpose="cleaning")
    assert "'nope'" in info.value.message and info.value.details["column"] == "nope"


def test_require_numeric_rejects_text_and_booleans() -> None:
    table = make()
    table.require_numeric(["n", "x"])
    with pytest.raises(ColumnTypeError, match="'s' holds string"):
        table.require_numeric(["s"], purpose="Normalize Data")
    with pytest.raises(ColumnTypeError):
        table.require_numeric(["b"])


def test_with_label_moves_the_label() -> None:
    moved = make().with_label("n")
    assert moved.label == "n" and moved.role("y") == ColumnRole.FEATURE
