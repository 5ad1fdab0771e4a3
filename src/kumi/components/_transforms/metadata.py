"""Edit Metadata's edits, computed on a schema (to validate before running) and on a table."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pandas as pd

from kumi.components._transforms.type_conversion import convert_column
from kumi.core import ColumnInfo, ColumnRole, ColumnType, InvalidParameterError, Table, TableSchema

_ROLE_EDITS: dict[str, tuple[ColumnRole | None, ColumnRole]] = {
    # fields value → (role it applies to, or None for any; the new role)
    "feature": (None, ColumnRole.FEATURE),
    "label": (None, ColumnRole.LABEL),
    "clear_feature": (ColumnRole.FEATURE, ColumnRole.IGNORE),
    "clear_label": (ColumnRole.LABEL, ColumnRole.FEATURE),
    "clear_score": (ColumnRole.SCORE, ColumnRole.FEATURE),
}


def new_names(text: str, columns: list[str], existing: list[str]) -> dict[str, str]:
    """Old → new name for each selected column from a comma-separated list (empty: none)."""
    if not text.strip():
        return {}
    names = [n.strip() for n in text.split(",")]
    if len(names) != len(columns) or not all(names):
        raise InvalidParameterError(
            f"'new_column_names' lists {len(names)} name(s) for {len(columns)} selected "
            f"column(s) ({', '.join(columns)}). Give one non-empty name per selected column, "
            "in order, separated by commas.",
            details={"parameter": "new_column_names", "columns": columns},
        )
    mapping = dict(zip(columns, names, strict=True))
    result = [mapping.get(c, c) for c in existing]
    duplicates = [n for n, count in Counter(result).items() if count > 1]
    if duplicates:
        raise InvalidParameterError(
            f"'new_column_names' would create duplicate column names: {', '.join(duplicates)}. "
            "Choose names that no other column has.",
            details={"parameter": "new_column_names", "duplicates": duplicates},
        )
    return mapping


def edit_schema(
    schema: TableSchema,
    columns: list[str],
    *,
    data_type: str,
    categorical: str,
    fields: str,
    renames: dict[str, str],
) -> TableSchema:
    """The schema after the edits."""
    if fields == "label" and len(columns) != 1:
        raise InvalidParameterError(
            f"Only one column can be the label, but {len(columns)} are selected "
            f"({', '.join(columns)}). Select exactly one column to mark as label.",
            details={"parameter": "fields", "columns": columns},
        )
    edited = []
    for original in schema.columns:
        info = original
        if info.name in columns:
            info = _edited(info, data_type, categorical, fields)
        elif fields == "label" and info.role == ColumnRole.LABEL:
            info = replace(info, role=ColumnRole.FEATURE)
        edited.append(replace(info, name=renames.get(info.name, info.name)))
    return TableSchema(tuple(edited))


def _edited(info: ColumnInfo, data_type: str, categorical: str, fields: str) -> ColumnInfo:
    if data_type != "unchanged":
        info = replace(info, type=ColumnType(data_type))
    if categorical != "unchanged":
        info = replace(info, categorical=categorical == "categorical")
    if fields in _ROLE_EDITS:
        applies_to, new_role = _ROLE_EDITS[fields]
        if applies_to is None or info.role == applies_to:
            info = replace(info, role=new_role)
    return info


def edit_table(
    table: Table,
    columns: list[str],
    *,
    data_type: str,
    date_time_format: str,
    categorical: str,
    fields: str,
    renames: dict[str, str],
) -> Table:
    """The table after the edits (values converted when the data type changes)."""
    schema = edit_schema(
        table.schema(),
        columns,
        data_type=data_type,
        categorical=categorical,
        fields=fields,
        renames=renames,
    )
    frame = table.frame.copy()
    for column in columns:
        if data_type != "unchanged":
            frame[column] = convert_column(frame[column], data_type, column, date_time_format)  # type: ignore[arg-type]
        elif categorical == "non_categorical" and isinstance(
            frame[column].dtype, pd.CategoricalDtype
        ):
            frame[column] = frame[column].astype(object)
    frame = frame.rename(columns=renames)
    roles = {c.name: c.role for c in schema.columns}
    return Table.of(
        frame, roles=roles, categorical=[c.name for c in schema.columns if c.categorical]
    )
