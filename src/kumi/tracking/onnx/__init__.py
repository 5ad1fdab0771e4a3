"""Scoring chains (request columns → fitted transformations → trained model) compiled to
one ONNX graph and scored with onnxruntime."""

from kumi.tracking.onnx.chain import MISSING_TEXT, ColumnKind, InputColumn, ScoringChain
from kumi.tracking.onnx.compile import CompiledOnnx, OnnxInput, OnnxOutput, compile_chain
from kumi.tracking.onnx.scorer import OnnxScorer
from kumi.tracking.onnx.spec import SPEC_KEY, chain_spec, spec_of, sql_type_of, with_spec

__all__ = [
    "MISSING_TEXT",
    "SPEC_KEY",
    "ColumnKind",
    "CompiledOnnx",
    "InputColumn",
    "OnnxInput",
    "OnnxOutput",
    "OnnxScorer",
    "ScoringChain",
    "chain_spec",
    "compile_chain",
    "spec_of",
    "sql_type_of",
    "with_spec",
]
