"""Column selection by names, types, roles and 1-based index ranges.

Mirrors the Azure designer's column selector: start with all or no columns, then apply
include/exclude rules in order. A selection is a parameter value (JSON-serialisable) and is
resolved against a concrete table schema at run time (or earlier, when the schema is known).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kumi.core.errors import ColumnNotFoundError, InvalidParameterError
from kumi.core.params import widget
from kumi.core.table import ColumnInfo, TableSchema
from kumi.core.types import ColumnType

TypeFilter = Literal["numeric", "string", "boolean", "datetime", "categorical", "all"]
RoleFilter = Literal["feature", "label", "score", "ignore"]


class ColumnRule(BaseModel):
    """One include/exclude rule of a selection."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    action: Literal["include", "exclude"] = "include"
    names: list[str] = Field(default_factory=list)
    types: list[TypeFilter] = Field(default_factory=list)
    roles: list[RoleFilter] = Field(default_factory=list)
    indices: str = Field("", description="1-based indices and ranges, e.g. '1-4,6'")


class ColumnSelection(BaseModel):
    """Which columns a component works on. ``names`` alone is the simple by-name form."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, json_schema_extra=widget("column_selector")
    )

    names: list[str] = Field(default_factory=list)
    start_with: Literal["none", "all"] = "none"
    rules: list[ColumnRule] = Field(default_factory=list)

    @classmethod
    def of(cls, *names: str) -> ColumnSelection:
        return cls(names=list(names))

    @classmethod
    def all(cls) -> ColumnSelection:
        return cls(start_with="all")

    @classmethod
    def by_type(cls, *types: TypeFilter) -> ColumnSelection:
        return cls(rules=[ColumnRule(types=list(types))])

    def is_empty(self) -> bool:
        return not self.names and self.start_with == "none" and not self.rules

    def named_columns(self) -> list[str]:
        """Every column named literally (for validation before running)."""
        return [*self.names, *(n for r in self.rules for n in r.names)]

    def resolve(self, schema: TableSchema) -> list[str]:
        """Column names selected from ``schema``, in table order (names in given order when
        only ``names`` are used). Unknown names raise :class:`ColumnNotFoundError`."""
        available = schema.names
        for name in self.named_columns():
            if name not in available:
                raise ColumnNotFoundError(
                    f"Column '{name}' in the column selection is not in the table. "
                    f"Available columns: {', '.join(available[:30])}.",
                    details={"column": name, "available": available},
                )
        if self.start_with == "none" and not self.rules:
            return list(dict.fromkeys(self.names))
        chosen = set(available) if self.start_with == "all" else set(self.names)
        for rule in self.rules:
            matched = {c.name for c in schema.columns if _matches(rule, c, available)}
            chosen = chosen | matched if rule.action == "include" else chosen - matched
        return [name for name in available if name in chosen]


def _matches(rule: ColumnRule, column: ColumnInfo, available: list[str]) -> bool:
    if column.name in rule.names:
        return True
    if rule.types and _type_matches(rule.types, column):
        return True
    if rule.roles and column.role.value in rule.roles:
        return True
    position = available.index(column.name) + 1
    return bool(rule.indices) and position in _parse_indices(rule.indices)


def _type_matches(types: list[TypeFilter], column: ColumnInfo) -> bool:
    kinds = set(types)
    if "all" in kinds:
        return True
    if "numeric" in kinds and column.type in (ColumnType.INTEGER, ColumnType.DOUBLE):
        return True
    if "categorical" in kinds and column.categorical:
        return True
    return column.type.value in kinds


def _parse_indices(text: str) -> set[int]:
    result: set[int] = set()
    for part in (p.strip() for p in text.split(",") if p.strip()):
        try:
            if "-" in part:
                lo, hi = (int(x) for x in part.split("-", 1))
                result.update(range(lo, hi + 1))
            else:
                result.add(int(part))
        except ValueError:
            raise InvalidParameterError(
                f"Column index range '{part}' is not valid; use 1-based numbers and ranges "
                "like '1-4,6'.",
                details={"indices": text},
            ) from None
    return result


__all__ = ["ColumnRule", "ColumnSelection"]
