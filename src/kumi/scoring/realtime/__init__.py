"""Real-time scoring: a deployed inference pipeline's signature, request validation and
scoring (one ONNX graph, or the Python graph in-process with its frozen parts computed once)."""

from kumi.scoring.realtime.context import workspace_context
from kumi.scoring.realtime.graph import RealtimeGraph, build_graph
from kumi.scoring.realtime.portable import PortableScorer
from kumi.scoring.realtime.python_path import ContextFactory, PythonGraphScorer, null_context
from kumi.scoring.realtime.runtime import RealtimeRuntime, load_runtime
from kumi.scoring.realtime.signature import Signature, SignatureColumn
from kumi.scoring.realtime.validation import ExtraColumns, RowValidator

__all__ = [
    "ContextFactory",
    "ExtraColumns",
    "PortableScorer",
    "PythonGraphScorer",
    "RealtimeGraph",
    "RealtimeRuntime",
    "RowValidator",
    "Signature",
    "SignatureColumn",
    "build_graph",
    "load_runtime",
    "null_context",
    "workspace_context",
]
