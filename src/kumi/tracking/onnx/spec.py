"""The scoring spec a registered ONNX graph carries in its metadata (``kumi.scoring``): which
table column feeds which input tensor and how, and which tensor (or column of one) is each
score column and of what type. ``kumi.scoring.onnx_runner`` documents and reads it."""

from __future__ import annotations

import json
from typing import Any

from pandas.api import types as ptypes

import onnx
from kumi.core import SCORED_LABELS
from kumi.tracking.onnx.chain import MISSING_TEXT, ColumnKind
from kumi.tracking.onnx.compile import CompiledOnnx

SPEC_KEY = "kumi.scoring"
SPEC_VERSION = 1
_OUTPUT_TYPES = {
    ColumnKind.NUMBER: "double",
    ColumnKind.INTEGER: "bigint",
    ColumnKind.BOOLEAN: "boolean",
    ColumnKind.TEXT: "text",
}


def with_spec(model: onnx.ModelProto, spec: dict[str, Any]) -> onnx.ModelProto:
    """A copy of ``model`` carrying ``spec`` in its metadata."""
    copy = onnx.ModelProto()
    copy.CopyFrom(model)
    kept = [p for p in copy.metadata_props if p.key != SPEC_KEY]
    del copy.metadata_props[:]
    copy.metadata_props.extend(kept)
    copy.metadata_props.add(key=SPEC_KEY, value=json.dumps({"version": SPEC_VERSION, **spec}))
    return copy


def spec_of(model: onnx.ModelProto) -> dict[str, Any] | None:
    """The spec ``model`` carries, or None."""
    for prop in model.metadata_props:
        if prop.key == SPEC_KEY:
            return dict(json.loads(prop.value))
    return None


def sql_type_of(dtype: Any) -> str:
    """The spec type of values of numpy/pandas ``dtype``."""
    if ptypes.is_bool_dtype(dtype):
        return "boolean"
    if ptypes.is_integer_dtype(dtype):
        return "bigint"
    if ptypes.is_numeric_dtype(dtype):
        return "double"
    return "text"


def chain_spec(compiled: CompiledOnnx) -> dict[str, Any]:
    """The spec of a compiled scoring chain: its request columns in, its score columns out."""
    inputs = [
        {
            "column": i.column,
            "tensor": i.tensor,
            "kind": "text" if i.kind == ColumnKind.TEXT else "number",
            "missing_text": MISSING_TEXT,
            "whole_numbers_as_integers": False,
        }
        for i in compiled.inputs
    ]
    scores = set(compiled.score_columns)
    outputs = [
        {"column": o.column, "tensor": o.tensor, "index": None, "type": _chain_type(compiled, o)}
        for o in compiled.outputs
        if o.column in scores
    ]
    return {"inputs": inputs, "outputs": outputs}


def _chain_type(compiled: CompiledOnnx, output: Any) -> str:
    if output.column == SCORED_LABELS and compiled.label_dtype is not None:
        return sql_type_of(compiled.label_dtype)
    return _OUTPUT_TYPES[output.kind]
