"""Select Columns Transform's transformation: re-applies a fixed list of columns."""

from __future__ import annotations

from kumi.components._transforms.base import ColumnTransformation
from kumi.core import Table


class SelectColumnsTransformation(ColumnTransformation):
    """Keeps ``columns_`` in their fitted order and drops every other column. Label columns
    seen while fitting are kept when present and skipped when absent (data to score)."""

    source_component = "select_columns_transform"
    display_name = "Select Columns Transform"

    def _apply(self, table: Table, columns: list[str]) -> Table:
        return table.derive(table.frame[columns].reset_index(drop=True))
