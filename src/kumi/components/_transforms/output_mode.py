"""Azure's output modes for column-wise results: Append, Inplace, ResultOnly."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import pandas as pd

from kumi.components._transforms.columns import unique_name
from kumi.core import Table

OutputMode = Literal["append", "inplace", "result_only"]


def combine_results(
    table: Table,
    results: Iterable[tuple[str, str, pd.Series]],
    mode: OutputMode,
    *,
    categorical: bool = False,
) -> Table:
    """Put ``(source column, result name, values)`` results into a table: appended under
    their names (made unique), written over their source columns, or alone."""
    frame = table.frame.copy() if mode != "result_only" else pd.DataFrame(index=table.frame.index)
    written: list[str] = []
    for source, name, values in results:
        target = source if mode == "inplace" else unique_name(name, list(frame.columns))
        frame[target] = values.to_numpy()
        written.append(target)
    frame = frame.reset_index(drop=True)
    if mode == "result_only":
        return Table.of(frame, categorical=written if categorical else ())
    return table.derive(frame, categorical=written if categorical else None)
