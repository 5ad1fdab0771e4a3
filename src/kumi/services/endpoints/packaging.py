"""An endpoint's compiled model as an MLflow model (pyfunc + onnx flavors, signature, input
example), registered in the workspace's MLflow registry under the endpoint's name."""

from __future__ import annotations

import uuid

import pandas as pd

from kumi.scoring.realtime import RealtimeRuntime
from kumi.storage.workspace import Workspace
from kumi.tracking.onnx import OnnxScorer
from kumi.tracking.scoring_model import register_model, save_scoring_model


def register_endpoint_model(
    workspace: Workspace, name: str, runtime: RealtimeRuntime
) -> tuple[str, int] | None:
    """Save and register the ONNX-compiled model of ``runtime`` as a new version of model
    ``name``; ``(name, version)``, or None when the Python graph serves the endpoint."""
    scorer = runtime.onnx_scorer
    if not isinstance(scorer, OnnxScorer):
        return None
    example = pd.DataFrame(runtime.signature.example_rows)
    path = workspace.path / "models" / name / uuid.uuid4().hex[:12]
    save_scoring_model(path, scorer, example, onnx_model=scorer.compiled.model)
    return name, register_model(workspace.tracking_uri, name, path)
