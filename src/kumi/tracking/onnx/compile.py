"""Compile a scoring chain (request columns → transformations → model) into one ONNX graph."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import onnx
from kumi.core import NotDerivableError, Transformation
from kumi.tracking.onnx.builder import BOOL, DOUBLE, INT64, STRING, GraphBuilder
from kumi.tracking.onnx.chain import (
    ColumnKind,
    GraphColumn,
    ScoringChain,
    UnsupportedStep,
    input_kind,
)
from kumi.tracking.onnx.models import score_columns
from kumi.tracking.onnx.transforms import Columns, apply_transformation

ELEMENT_TYPES = {
    ColumnKind.NUMBER: DOUBLE,
    ColumnKind.TEXT: STRING,
    ColumnKind.INTEGER: INT64,
    ColumnKind.BOOLEAN: BOOL,
}


@dataclass(frozen=True)
class OnnxInput:
    """A graph input: request column ``column`` fed as tensor ``tensor`` of ``kind``."""

    column: str
    tensor: str
    kind: ColumnKind


@dataclass(frozen=True)
class OnnxOutput:
    """A graph output: Score Model's column ``column`` as tensor ``tensor``. ``source`` is
    the request column it equals whenever that column has no missing values; ``passthrough``
    when it is that request column unchanged."""

    column: str
    tensor: str
    kind: ColumnKind
    source: str | None = None
    passthrough: bool = False


@dataclass(frozen=True)
class CompiledOnnx:
    """One ONNX graph scoring a chain, with the mapping of its tensors to table columns."""

    model_bytes: bytes
    inputs: tuple[OnnxInput, ...]
    outputs: tuple[OnnxOutput, ...]
    score_columns: tuple[str, ...]
    label_dtype: Any = None

    @property
    def model(self) -> onnx.ModelProto:
        return onnx.load_from_string(self.model_bytes)


def compile_chain(chain: ScoringChain) -> CompiledOnnx:
    """One ONNX graph for ``chain``; NotDerivableError (details.problems) when a step has no
    ONNX form, so that the caller can run the Python graph instead."""
    names = [c.name for c in chain.input_columns]
    builder = GraphBuilder(reserved=names)
    columns, inputs = _inputs(builder, chain)
    for position, transformation in enumerate(chain.transformations):
        step = _step_name(position, transformation)
        columns = _guarded(step, apply_transformation, builder, columns, transformation)
    model = chain.model
    if model is None:
        return _refuse("model", "the chain has no trained model to score with")
    scored = _guarded(f"model '{model.learner_id}'", score_columns, builder, columns, model)
    outputs = _outputs(builder, scored, set(names))
    score_names = tuple(c for c in scored if c not in columns or columns[c] != scored[c])
    return CompiledOnnx(
        model_bytes=builder.build("kumi_scoring_chain").SerializeToString(),
        inputs=inputs,
        outputs=outputs,
        score_columns=score_names,
        label_dtype=getattr(model, "label_dtype_", None),
    )


def _inputs(builder: GraphBuilder, chain: ScoringChain) -> tuple[Columns, tuple[OnnxInput, ...]]:
    columns: Columns = {}
    inputs: list[OnnxInput] = []
    for column in chain.input_columns:
        kind = _guarded(f"input '{column.name}'", input_kind, column)
        tensor = builder.add_input(column.name, ELEMENT_TYPES[kind])
        columns[column.name] = GraphColumn(tensor, kind, source=column.name)
        inputs.append(OnnxInput(column.name, tensor, kind))
    return columns, tuple(inputs)


def _outputs(
    builder: GraphBuilder, scored: Columns, input_names: set[str]
) -> tuple[OnnxOutput, ...]:
    outputs: list[OnnxOutput] = []
    used: set[str] = set()
    for name, column in scored.items():
        passthrough = column.source == name and column.tensor == name
        clashes = name in input_names or builder.is_taken(name)
        tensor = name if passthrough or not clashes else builder.fresh("out")
        if tensor in used:
            tensor = builder.fresh("out")
        used.add(tensor)
        builder.add_output(tensor, column.tensor, ELEMENT_TYPES[column.kind])
        outputs.append(OnnxOutput(name, tensor, column.kind, column.source, passthrough))
    return tuple(outputs)


def _step_name(position: int, transformation: Transformation) -> str:
    return f"transformation {position + 1} ('{transformation.source_component}')"


def _guarded(step: str, build: Any, *arguments: Any) -> Any:
    """``build(*arguments)``, an unsupported step turned into NotDerivableError."""
    try:
        return build(*arguments)
    except UnsupportedStep as unsupported:
        _refuse(step, unsupported.reason)


def _refuse(step: str, reason: str) -> Any:
    raise NotDerivableError(
        f"The scoring chain cannot be compiled to ONNX: {step}: {reason}. It can still be "
        "scored by running its steps in Python.",
        details={"problems": [{"step": step, "reason": reason}]},
    )
