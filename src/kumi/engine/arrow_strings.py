"""Object columns of strings to Arrow through their distinct string objects.

Converting a column of Python strings to Arrow reads every string (~30 ms per million
rows). Columns with few distinct values usually hold few distinct objects too (Arrow's
``to_pandas`` shares one object per distinct string; row selections and copies keep the
objects), so :func:`convert_strings` groups the rows by object address, converts one row
per object and gathers the rest with Arrow's ``take`` (~8 ms per million rows). The result
equals ``pa.Table.from_pandas`` of the column buffer for buffer, so its digest does too.
"""

from __future__ import annotations

import ctypes
import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

MIN_ROWS = 4096
"""Shorter columns are converted directly (grouping them saves nothing)."""
MAX_DISTINCT_SHARE = 0.25
"""Columns whose rows hold more distinct objects than this share are converted directly."""


@dataclass(frozen=True)
class StringColumn:
    """A converted column: its field, its values and its pandas metadata entry."""

    field: pa.Field
    column: pa.ChunkedArray
    entry: dict[str, Any]


def convert_strings(name: str, values: np.ndarray) -> StringColumn | None:
    """``values`` (a contiguous object array) as the Arrow string column ``from_pandas``
    makes of it, or None when it is short, has many distinct objects or is not text."""
    rows = len(values)
    if rows < MIN_ROWS or values.dtype.kind != "O" or not values.flags.c_contiguous:
        return None
    pointers = memoryview((ctypes.c_char * values.nbytes).from_address(values.ctypes.data))
    addresses = np.frombuffer(pointers, dtype=np.uintp)
    codes, distinct = pd.factorize(addresses)
    if len(distinct) > rows * MAX_DISTINCT_SHARE:
        return None
    first = np.empty(len(distinct), dtype=np.intp)
    first[codes[::-1]] = np.arange(rows - 1, -1, -1)  # the first row holding each object
    sample = pa.Table.from_pandas(pd.DataFrame({name: values[first]}), preserve_index=False)
    dictionary = sample.column(0)
    if not pa.types.is_string(dictionary.type) or dictionary.num_chunks != 1:
        return None
    try:
        gathered = dictionary.chunk(0).take(pa.array(codes))
    except pa.ArrowException:  # e.g. over 2 GB of text, which from_pandas splits in chunks
        return None
    if gathered.null_count == 0 and gathered.buffers()[0] is not None:
        gathered = pa.Array.from_buffers(
            gathered.type, len(gathered), [None, *gathered.buffers()[1:]]
        )
    entry = json.loads(sample.schema.metadata[b"pandas"])["columns"][0]
    return StringColumn(sample.schema.field(0), pa.chunked_array([gathered]), entry)
