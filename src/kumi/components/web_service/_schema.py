"""Web Service Input's declared input columns: checking and casting what arrives."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from kumi.components._transforms.type_conversion import convert_column
from kumi.core import ColumnNotFoundError, ColumnType, Table
from kumi.core.table import column_type_of


class InputColumn(BaseModel):
    """One column requests must carry."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    type: ColumnType = ColumnType.DOUBLE
    categorical: bool = False


def conform(table: Table, columns: list[InputColumn], input_name: str) -> Table:
    """``table`` with every declared column present (else ColumnNotFoundError naming the
    missing ones), cast to its declared type and marked categorical as declared; other
    columns pass through unchanged."""
    missing = [c.name for c in columns if c.name not in table.columns]
    if missing:
        expected = ", ".join(c.name for c in columns)
        raise ColumnNotFoundError(
            f"Input '{input_name}' lacks column(s) {', '.join(missing)}; every row must carry "
            f"{expected} (the label column is not needed).",
            details={"input": input_name, "missing": missing, "expected": expected},
        )
    frame = table.frame
    changed = {
        c.name: convert_column(frame[c.name], c.type.value, c.name)
        for c in columns
        if column_type_of(frame[c.name]) != c.type
    }
    if changed:
        frame = frame.assign(**changed)
    return table.derive(frame, categorical=[c.name for c in columns if c.categorical])
