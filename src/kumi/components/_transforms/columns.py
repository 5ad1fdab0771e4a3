"""Column helpers shared by the data components: selections, numeric checks, fresh names."""

from __future__ import annotations

from collections.abc import Collection, Iterable

import pandas as pd
from pandas.api import types as ptypes

from kumi.core import (
    ColumnNotFoundError,
    ColumnRule,
    ColumnSelection,
    ColumnTypeError,
    InvalidParameterError,
    Table,
    TableSchema,
    column_type_of,
)
from kumi.core.columns import RoleFilter

NON_FEATURE_ROLES: list[RoleFilter] = ["label", "score", "ignore"]


def numeric_features() -> ColumnSelection:
    """Every numeric column that is a feature (labels, scores and ignored columns left out)."""
    return ColumnSelection(
        rules=[
            ColumnRule(types=["numeric"]),
            ColumnRule(action="exclude", roles=NON_FEATURE_ROLES),
        ]
    )


def categorical_features() -> ColumnSelection:
    """Every column flagged categorical."""
    return ColumnSelection(rules=[ColumnRule(types=["categorical"])])


def selected_columns(
    schema: TableSchema | Table, selection: ColumnSelection, parameter: str
) -> list[str]:
    """Columns ``selection`` picks from ``schema``; an empty pick is an error naming
    ``parameter``."""
    resolved = schema.schema() if isinstance(schema, Table) else schema
    names = selection.resolve(resolved)
    if not names:
        raise InvalidParameterError(
            f"The column selection '{parameter}' matches no column of the input table "
            f"(columns: {', '.join(resolved.names[:30])}). Choose at least one column.",
            details={"parameter": parameter, "available": resolved.names},
        )
    return names


def require_in_schema(schema: TableSchema, names: Iterable[str | None], purpose: str) -> None:
    """ColumnNotFoundError for the first named column absent from ``schema``."""
    for name in names:
        if name is not None and schema.get(name) is None:
            raise ColumnNotFoundError(
                f"Column '{name}' for {purpose} is not in the table. Available columns: "
                f"{', '.join(schema.names[:30])}.",
                details={"column": name, "available": schema.names},
            )


def is_numeric(series: pd.Series) -> bool:
    """True for integer and floating columns (booleans are not numeric here)."""
    return bool(ptypes.is_numeric_dtype(series.dtype) and not ptypes.is_bool_dtype(series.dtype))


def require_categorical(table: Table, names: Iterable[str], purpose: str) -> None:
    """ColumnTypeError naming the first column that is not flagged categorical."""
    for name in names:
        if name not in table.categorical:
            raise ColumnTypeError(
                f"Column '{name}' is not categorical, so {purpose} cannot use it. Mark it "
                "categorical with Edit Metadata (categorical: categorical) or remove it from "
                "the selection.",
                details={"column": name, "type": column_type_of(table.frame[name]).value},
            )


def unique_name(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base_2``, ``base_3`` ... whichever is not in ``taken``."""
    if base not in taken:
        return base
    number = 2
    while f"{base}_{number}" in taken:
        number += 1
    return f"{base}_{number}"


def format_number(value: float) -> str:
    """A number as a short label: 10.0 → "10", 2.5 → "2.5"."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
