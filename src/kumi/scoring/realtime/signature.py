"""What a real-time endpoint takes and returns: its columns, their types, an example."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kumi.core import ColumnType, TableSchema


@dataclass(frozen=True)
class SignatureColumn:
    """One request column."""

    name: str
    type: ColumnType
    categorical: bool = False
    required: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type.value,
            "categorical": self.categorical,
            "required": self.required,
        }


@dataclass(frozen=True)
class Signature:
    """Request columns of the input, response columns of each output, and example rows.
    No input columns means the input takes whatever columns arrive."""

    input_name: str
    inputs: tuple[SignatureColumn, ...]
    outputs: Mapping[str, list[tuple[str, ColumnType]]] = field(default_factory=dict)
    example_rows: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def from_schema(
        cls, input_name: str, schema: TableSchema, *, leave_out: Iterable[str] = ()
    ) -> Signature:
        """Request columns of ``schema`` except ``leave_out`` (e.g. the label)."""
        skipped = set(leave_out)
        columns = tuple(
            SignatureColumn(c.name, c.type, c.categorical)
            for c in schema.columns
            if c.name not in skipped
        )
        return cls(input_name, columns)

    @classmethod
    def from_input_schema(cls, input_name: str, entries: Iterable[Mapping[str, Any]]) -> Signature:
        """From Web Service Input's ``input_schema`` parameter."""
        columns = tuple(
            SignatureColumn(
                str(e["name"]),
                ColumnType(e.get("type", ColumnType.STRING)),
                bool(e.get("categorical", False)),
                bool(e.get("required", True)),
            )
            for e in entries
        )
        return cls(input_name, columns)

    @property
    def score_columns(self) -> list[str]:
        """Columns of the first output that the model added (``Scored ...``)."""
        first = next(iter(self.outputs.values()), [])
        return [name for name, _ in first if name.startswith("Scored ")]

    def input_example(self) -> dict[str, Any]:
        """A request body in the Azure designer shape."""
        return {"Inputs": {self.input_name: self.example_rows}, "GlobalParameters": {}}

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": {self.input_name: [c.to_dict() for c in self.inputs]},
            "outputs": {
                name: [{"name": c, "type": t.value} for c, t in columns]
                for name, columns in self.outputs.items()
            },
        }
