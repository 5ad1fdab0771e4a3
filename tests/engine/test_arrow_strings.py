"""Text columns converted through their distinct string objects: the same Arrow column,
buffer for buffer, as ``pa.Table.from_pandas``, or no answer where that does not hold."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from kumi.engine.arrow_frames import ArrowConversions
from kumi.engine.arrow_strings import MIN_ROWS, convert_strings
from kumi.engine.columns import column_digest

ROWS = MIN_ROWS * 3


def shared(words: list[object], rows: int = ROWS, seed: int = 0) -> np.ndarray:
    """An object column whose rows share one object per distinct value (as after Arrow)."""
    picks = np.random.default_rng(seed).integers(0, len(words), rows)
    return np.asarray(words, dtype=object)[picks]


CASES = {
    "words": shared(["north", "south", "east", "west"]),
    "with None": shared(["a", None, "b"]),
    "with NaN": shared(["a", np.nan, "b"]),
    "empty and unicode": shared(["", "é", "日本", "a" * 300]),
    "one value": shared(["only"]),
    "equal strings, separate objects": np.array(
        ["".join(["ab", "c"]) for _ in range(ROWS)], dtype=object
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_the_column_equals_from_pandas_buffer_for_buffer(name):
    values = CASES[name]
    want = pa.Table.from_pandas(pd.DataFrame({"c": values}), preserve_index=False)
    got = convert_strings("c", values)
    if name == "equal strings, separate objects":
        assert got is None  # every row its own object: converted directly
        return
    assert got is not None
    assert got.field == want.schema.field(0)
    assert got.column.equals(want.column(0))
    assert column_digest(got.column) == column_digest(want.column(0))
    assert got.entry == json.loads(want.schema.metadata[b"pandas"])["columns"][0]


@pytest.mark.parametrize(
    "values",
    [
        pytest.param(shared(["a", "b"], rows=MIN_ROWS - 1), id="short"),
        pytest.param(shared([1, 2, 3]), id="numbers as objects"),
        pytest.param(shared([None]), id="all missing"),
        pytest.param(np.array([f"id{i}" for i in range(ROWS)], dtype=object), id="identifiers"),
        pytest.param(shared(["a", "b"])[::2], id="not contiguous"),
    ],
)
def test_other_columns_get_no_answer(values):
    assert convert_strings("c", values) is None


def test_mixed_text_and_numbers_fail_as_from_pandas_does():
    values = shared(["a", 1])
    with pytest.raises(pa.ArrowException):
        pa.Table.from_pandas(pd.DataFrame({"c": values}), preserve_index=False)
    with pytest.raises(pa.ArrowException):
        convert_strings("c", values)


def test_frames_with_text_convert_to_the_same_table_and_digests():
    frame = pd.DataFrame({"r": CASES["with None"], "a": np.arange(float(ROWS))})
    table, digests = ArrowConversions().convert(frame)
    want = pa.Table.from_pandas(frame, preserve_index=None)
    assert table.equals(want) and table.schema.equals(want.schema, check_metadata=True)
    assert digests == tuple(column_digest(column) for column in want.columns)
