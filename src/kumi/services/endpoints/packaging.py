"""An endpoint's scoring as an MLflow model registered in the workspace's MLflow registry under
the endpoint's name: the compiled ONNX graph (pyfunc + onnx flavors) or, when the pipeline did
not compile, the Python graph with its frozen values (pyfunc flavor only). Both carry a
signature and an input example, and load without the workspace."""

from __future__ import annotations

import uuid
from pathlib import Path

import pandas as pd

from kumi.scoring.realtime import RealtimeRuntime
from kumi.storage.workspace import Workspace
from kumi.tracking.onnx import OnnxScorer
from kumi.tracking.scoring_model import register_model, save_scoring_model


def register_endpoint_model(
    workspace: Workspace, name: str, runtime: RealtimeRuntime
) -> tuple[str, int] | None:
    """Save and register the model of ``runtime`` as a new version of model ``name``;
    ``(name, version)``, or None when the Python graph could not score an example (no
    signature can be learned)."""
    example = pd.DataFrame(runtime.signature.example_rows)
    path = workspace.path / "models" / name / uuid.uuid4().hex[:12]
    scorer = runtime.onnx_scorer
    if isinstance(scorer, OnnxScorer):
        save_scoring_model(path, scorer, example, onnx_model=scorer.compiled.model)
    elif not _save_python_graph(path, runtime, example):
        return None
    return name, register_model(workspace.tracking_uri, name, path)


def _save_python_graph(path: Path, runtime: RealtimeRuntime, example: pd.DataFrame) -> bool:
    """Save the Python graph's model at ``path``; False when its example did not score."""
    if example.empty or not runtime.signature.outputs:
        return False
    portable = runtime.portable()
    try:
        save_scoring_model(path, portable, example)
    finally:
        portable.close()
    return True
