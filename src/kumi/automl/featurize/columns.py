"""What type detection decides for each raw column."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ColumnKind(StrEnum):
    """How a raw column is featurized (``DROPPED``: left out)."""

    NUMERIC = "numeric"
    CATEGORICAL = "categorical"
    BOOLEAN = "boolean"
    DATETIME = "datetime"
    TEXT = "text"
    DROPPED = "dropped"


@dataclass(frozen=True)
class ColumnSpec:
    """One raw column: its kind, why (``"detected"``, ``"override"`` or why it was dropped),
    its missing and distinct value counts in training, and how missing values are imputed."""

    name: str
    kind: ColumnKind
    reason: str
    missing: int
    unique: int
    impute: str | None = None


DEFAULT_IMPUTE = {
    ColumnKind.NUMERIC: "median",
    ColumnKind.BOOLEAN: "most_frequent",
    ColumnKind.CATEGORICAL: "constant",
    ColumnKind.DATETIME: "median",
    ColumnKind.TEXT: "constant",
}
"""How each kind fills missing values unless an override says otherwise."""
