"""Scoring chains (request columns → fitted transformations → trained model) compiled to
one ONNX graph and scored with onnxruntime."""

from kumi.tracking.onnx.chain import MISSING_TEXT, ColumnKind, InputColumn, ScoringChain
from kumi.tracking.onnx.compile import CompiledOnnx, OnnxInput, OnnxOutput, compile_chain
from kumi.tracking.onnx.scorer import OnnxScorer

__all__ = [
    "MISSING_TEXT",
    "ColumnKind",
    "CompiledOnnx",
    "InputColumn",
    "OnnxInput",
    "OnnxOutput",
    "OnnxScorer",
    "ScoringChain",
    "compile_chain",
]
