"""What a real-time chain is made of, and how its columns live inside the ONNX graph."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from kumi.core import ColumnType, TrainedModel, Transformation

MISSING_TEXT = "\x1f<missing>\x1f"
"""How a missing value travels in a string tensor (ONNX strings cannot be null; control
characters keep it apart from real text, and no NUL: operator attributes end at one)."""


class ColumnKind(StrEnum):
    """How a column's values are held in the graph: double, string, int64 or bool tensors.
    Integer and boolean tensors never hold missing values (indicator flags, class labels)."""

    NUMBER = "number"
    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"


@dataclass(frozen=True)
class InputColumn:
    """One column of a scoring request: its name, logical type and categorical flag."""

    name: str
    type: ColumnType
    categorical: bool = False


@dataclass
class ScoringChain:
    """The fitted steps between a request and its scores: transformations, then a model."""

    input_columns: list[InputColumn]
    transformations: list[Transformation] = field(default_factory=list)
    model: TrainedModel | None = None


@dataclass(frozen=True)
class GraphColumn:
    """A table column while compiling: the tensor ([N, 1]) holding it and its kind.
    ``source`` names the request column whose values it still equals whenever that column
    has no missing values (pass-through, or only missing values filled)."""

    tensor: str
    kind: ColumnKind
    source: str | None = None


class UnsupportedStep(Exception):
    """A step that has no ONNX form; ``reason`` says why (turned into NotDerivableError)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def input_kind(column: InputColumn) -> ColumnKind:
    """Numbers and booleans travel as double, strings and categorical columns as text."""
    if column.type == ColumnType.DATETIME:
        raise UnsupportedStep(
            f"request column '{column.name}' holds dates and times, which have no ONNX input form"
        )
    if column.categorical or column.type == ColumnType.STRING:
        return ColumnKind.TEXT
    return ColumnKind.NUMBER
