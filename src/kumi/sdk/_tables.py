"""Tables over the wire: JSON previews to DataFrames, DataFrames to Parquet uploads."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd


def frame_of(
    columns: Sequence[Mapping[str, Any]], rows: Sequence[Mapping[str, Any]]
) -> pd.DataFrame:
    """A preview's rows as a DataFrame in its column order (datetime columns parsed)."""
    names = [str(column["name"]) for column in columns]
    frame = pd.DataFrame.from_records(list(rows), columns=names)
    for column in columns:
        if column.get("type") == "datetime":
            frame[column["name"]] = pd.to_datetime(frame[column["name"]], format="ISO8601")
    return frame


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """The DataFrame as a Parquet file (its index is not kept: ``reset_index()`` first)."""
    sink = io.BytesIO()
    frame.to_parquet(sink, index=False)
    return sink.getvalue()
