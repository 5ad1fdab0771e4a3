"""A table flowing between steps: a pandas DataFrame plus column metadata.

The metadata mirrors the Azure designer's column flags: which column is the label, which
are categorical, which are ignored (not features), which hold scores. Roles of columns that
survive a transformation are carried over by :meth:`Table.derive`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd
from pandas.api import types as ptypes

from kumi.core.errors import ColumnNotFoundError, ColumnTypeError
from kumi.core.types import ColumnRole, ColumnType


def column_type_of(series: pd.Series) -> ColumnType:
    """The logical type of a pandas column."""
    dtype = series.dtype
    if ptypes.is_bool_dtype(dtype):
        return ColumnType.BOOLEAN
    if ptypes.is_integer_dtype(dtype):
        return ColumnType.INTEGER
    if ptypes.is_float_dtype(dtype):
        return ColumnType.DOUBLE
    if ptypes.is_datetime64_any_dtype(dtype):
        return ColumnType.DATETIME
    return ColumnType.STRING


@dataclass(frozen=True)
class ColumnInfo:
    """Schema entry of one column."""

    name: str
    type: ColumnType
    role: ColumnRole = ColumnRole.FEATURE
    categorical: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type.value,
            "role": self.role.value,
            "categorical": self.categorical,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ColumnInfo:
        return cls(
            name=str(data["name"]),
            type=ColumnType(data["type"]),
            role=ColumnRole(data.get("role", ColumnRole.FEATURE)),
            categorical=bool(data.get("categorical", False)),
        )


@dataclass(frozen=True)
class TableSchema:
    """Ordered column schema of a table, known without its rows."""

    columns: tuple[ColumnInfo, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def get(self, name: str) -> ColumnInfo | None:
        return next((c for c in self.columns if c.name == name), None)

    def to_list(self) -> list[dict[str, Any]]:
        return [c.to_dict() for c in self.columns]

    @classmethod
    def from_list(cls, data: Iterable[Mapping[str, Any]]) -> TableSchema:
        return cls(tuple(ColumnInfo.from_dict(d) for d in data))


@dataclass(frozen=True, eq=False)
class Table:
    """A DataFrame with column roles. Treat as immutable: derive new tables instead."""

    frame: pd.DataFrame
    roles: Mapping[str, ColumnRole] = field(default_factory=dict)
    categorical: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        frame: pd.DataFrame,
        *,
        label: str | None = None,
        categorical: Iterable[str] = (),
        roles: Mapping[str, ColumnRole] | None = None,
    ) -> Table:
        """Build a table; ``label`` marks the label column, string columns become categorical
        only when named in ``categorical`` or of pandas ``category`` dtype."""
        merged: dict[str, ColumnRole] = dict(roles or {})
        if label is not None:
            merged[label] = ColumnRole.LABEL
        cats = set(categorical) | {
            str(c) for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)
        }
        return cls(frame, merged, frozenset(cats)).derive(frame)

    # -- views -------------------------------------------------------------------------
    @property
    def columns(self) -> list[str]:
        return [str(c) for c in self.frame.columns]

    @property
    def label(self) -> str | None:
        return next((c for c, r in self.roles.items() if r == ColumnRole.LABEL), None)

    def role(self, column: str) -> ColumnRole:
        return self.roles.get(column, ColumnRole.FEATURE)

    def feature_columns(self) -> list[str]:
        return [c for c in self.columns if self.role(c) == ColumnRole.FEATURE]

    def schema(self) -> TableSchema:
        return TableSchema(
            tuple(
                ColumnInfo(c, column_type_of(self.frame[c]), self.role(c), c in self.categorical)
                for c in self.columns
            )
        )

    def __len__(self) -> int:
        return len(self.frame)

    # -- checks ------------------------------------------------------------------------
    def require_columns(self, names: Iterable[str], *, purpose: str = "") -> None:
        """Raise a :class:`ColumnNotFoundError` naming the first missing column."""
        available = self.columns
        for name in names:
            if name not in available:
                where = f" for {purpose}" if purpose else ""
                raise ColumnNotFoundError(
                    f"Column '{name}'{where} is not in the table. Available columns: "
                    f"{', '.join(available[:30])}{' ...' if len(available) > 30 else ''}.",
                    details={"column": name, "available": available},
                )

    def require_numeric(self, names: Iterable[str], *, purpose: str = "") -> None:
        """Raise a :class:`ColumnTypeError` if any named column is not numeric."""
        names = list(names)
        self.require_columns(names, purpose=purpose)
        for name in names:
            series = self.frame[name]
            if not ptypes.is_numeric_dtype(series.dtype) or ptypes.is_bool_dtype(series.dtype):
                where = f" by {purpose}" if purpose else ""
                raise ColumnTypeError(
                    f"Column '{name}' holds {column_type_of(series).value} values but must be "
                    f"numeric to be used{where}. Exclude it from the column selection or convert "
                    "it with Edit Metadata.",
                    details={"column": name, "type": column_type_of(series).value},
                )

    # -- derivation --------------------------------------------------------------------
    def derive(
        self,
        frame: pd.DataFrame,
        *,
        roles: Mapping[str, ColumnRole] | None = None,
        categorical: Iterable[str] | None = None,
    ) -> Table:
        """A new table over ``frame`` keeping this table's metadata for surviving columns;
        ``roles`` and ``categorical`` (when given) are added on top."""
        names = {str(c) for c in frame.columns}
        kept_roles = {c: r for c, r in self.roles.items() if c in names}
        if roles:
            kept_roles.update({c: r for c, r in roles.items() if c in names})
        kept_roles = {c: r for c, r in kept_roles.items() if r != ColumnRole.FEATURE}
        cats = {c for c in self.categorical if c in names}
        if categorical is not None:
            cats |= {c for c in categorical if c in names}
        return replace(self, frame=frame, roles=kept_roles, categorical=frozenset(cats))

    def with_label(self, column: str) -> Table:
        """The same table with ``column`` as its only label column."""
        self.require_columns([column], purpose="the label")
        roles: dict[str, ColumnRole] = {
            c: r for c, r in self.roles.items() if r != ColumnRole.LABEL
        }
        roles[column] = ColumnRole.LABEL
        return replace(self, roles=roles)
