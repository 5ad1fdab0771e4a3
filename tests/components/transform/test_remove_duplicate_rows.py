"""Remove Duplicate Rows: key columns, first or last row kept, missing keys never equal."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kumi.components.transform.remove_duplicate_rows import (
    RemoveDuplicateRows,
    RemoveDuplicateRowsParams,
)
from kumi.core import ColumnSelection, Table


def _table() -> Table:
    frame = pd.DataFrame({"k": [1.0, 1.0, 2.0, np.nan, np.nan], "v": ["a", "b", "c", "d", "e"]})
    return Table.of(frame)


def _dedupe(run, **params) -> list[str]:
    params.setdefault(
        "key_column_selection_filter_expression", ColumnSelection.of("k").model_dump()
    )
    return (
        run("remove_duplicate_rows", params, dataset=_table())["results_dataset"]
        .frame["v"]
        .tolist()
    )


def test_first_or_last_duplicate_is_kept(run) -> None:
    assert _dedupe(run) == ["a", "c", "d", "e"]
    assert _dedupe(run, retain_first_duplicate_row=False) == ["b", "c", "d", "e"]


def test_all_columns_by_default(run) -> None:
    table = Table.of(pd.DataFrame({"a": [1, 1, 1], "b": [2, 2, 3]}))
    out = run("remove_duplicate_rows", {}, dataset=table)["results_dataset"]
    assert out.frame.to_dict("list") == {"a": [1, 1], "b": [2, 3]}


def test_schema_is_unchanged() -> None:
    schema = _table().schema()
    inferred = RemoveDuplicateRows().infer_schemas(RemoveDuplicateRowsParams(), {"dataset": schema})
    assert inferred == {"results_dataset": schema}
