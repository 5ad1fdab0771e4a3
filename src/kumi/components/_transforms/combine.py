"""Putting two tables side by side (Add Columns, Join Data): fresh names and metadata."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import pandas as pd

from kumi.components._transforms.columns import unique_name
from kumi.core import ColumnRole, Table


def right_renames(
    left: Collection[str], right: Collection[str], suffix: str = "_2"
) -> dict[str, str]:
    """New names for right-hand columns that clash with left-hand ones."""
    taken = set(left) | set(right)
    renames: dict[str, str] = {}
    for name in right:
        if name in left:
            renames[name] = unique_name(f"{name}{suffix}", taken)
            taken.add(renames[name])
    return renames


def combined_table(
    frame: pd.DataFrame,
    left: Table,
    right: Table,
    left_names: Mapping[str, str],
    right_names: Mapping[str, str],
) -> Table:
    """A table over ``frame`` with the left table's roles and the categorical flags of both
    (columns renamed by ``*_names``). A right-hand label becomes a label only when the left
    table has none."""
    roles: dict[str, ColumnRole] = {}
    has_label = left.label is not None
    for table, names in ((left, left_names), (right, right_names)):
        for column, role in table.roles.items():
            if role == ColumnRole.LABEL and table is right and has_label:
                continue
            roles[names.get(column, column)] = role
    categorical = [left_names.get(c, c) for c in left.categorical] + [
        right_names.get(c, c) for c in right.categorical
    ]
    return Table.of(frame, roles=roles, categorical=categorical)
