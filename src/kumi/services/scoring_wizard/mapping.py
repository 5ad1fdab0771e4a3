"""Which table column feeds each model input: matched by name, then checked against the
kinds of values on both sides."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kumi.core.errors import ColumnNotFoundError, ColumnTypeError
from kumi.scoring.registered import RegisteredOnnx
from kumi.services.scoring_wizard.column_kinds import MISMATCH, column_fit
from kumi.services.scoring_wizard.databases import Column

UNMAPPED = "unmapped"


@dataclass(frozen=True)
class MappingCheck:
    """One model input, the column mapped to it (None: none) and how it fits."""

    model_input: str
    input_kind: str
    column: str | None
    column_kind: str | None
    status: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.model_input,
            "input_kind": self.input_kind,
            "column": self.column,
            "column_kind": self.column_kind,
            "status": self.status,
            "note": self.note,
        }


def _normalized(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.lower())


def auto_mapping(model: RegisteredOnnx, columns: Sequence[Column]) -> dict[str, str | None]:
    """Each model input's column: the same name, else the same name ignoring case and
    punctuation (``Loan Amount`` ~ ``loan_amount``), else none."""
    exact = {c.name: c.name for c in columns}
    loose: dict[str, str] = {}
    for column in columns:
        loose.setdefault(_normalized(column.name), column.name)
    return {
        name: exact.get(name) or loose.get(_normalized(name)) for name, _ in model.input_columns
    }


def check_mapping(
    model: RegisteredOnnx, columns: Sequence[Column], mapping: Mapping[str, str | None]
) -> list[MappingCheck]:
    """How each model input is fed under ``mapping``; ColumnNotFoundError for a mapped
    column the table does not have."""
    by_name = {c.name: c for c in columns}
    checks = []
    for model_input, kind in model.input_columns:
        chosen = mapping.get(model_input)
        if not chosen:
            note = f"Model input '{model_input}' has no column; choose the column that holds it."
            checks.append(MappingCheck(model_input, kind, None, None, UNMAPPED, note))
            continue
        if chosen not in by_name:
            raise ColumnNotFoundError(
                f"Column '{chosen}' (mapped to model input '{model_input}') is not in the "
                f"table; its columns: {', '.join(by_name)}.",
                details={"column": chosen, "input": model_input},
            )
        column = by_name[chosen]
        fit = column_fit(kind, column.kind, model_input, chosen)
        checks.append(MappingCheck(model_input, kind, chosen, column.kind, fit.status, fit.note))
    return checks


def require_runnable(checks: Sequence[MappingCheck]) -> None:
    """ColumnTypeError naming every input that is unmapped or fed a column of the wrong kind."""
    problems = [c for c in checks if c.status in (MISMATCH, UNMAPPED)]
    if problems:
        raise ColumnTypeError(
            "The column mapping cannot run: " + " ".join(c.note for c in problems),
            details={"problems": [c.to_dict() for c in problems]},
        )


def runnable_mapping(checks: Sequence[MappingCheck]) -> dict[str, str]:
    """The mapping (model input → table column) of checks that passed require_runnable."""
    return {c.model_input: c.column for c in checks if c.column}
