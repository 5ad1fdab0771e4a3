"""A scoring chain packaged as an MLflow model and registered in an MLflow registry.

The model directory holds the cloudpickled scorer (any object with ``score_frame(df)``:
an :class:`~kumi.tracking.onnx.OnnxScorer` or a Python-graph scorer) behind the
``python_function`` flavor, whose ``predict`` answers the score columns; when the chain
compiled to ONNX, the graph is also saved as ``model.onnx`` under the ``onnx`` flavor.
"""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path
from typing import Any, Protocol

import cloudpickle
import mlflow.pyfunc
import onnx
import pandas as pd
from mlflow.models import Model, ModelSignature, infer_signature
from mlflow.pyfunc import PythonModel
from mlflow.types import ColSpec, Schema, TensorSpec

from kumi import __version__
from kumi.components._learning.columns import (
    ASSIGNMENTS,
    DISTANCE_PREFIX,
    PROBABILITY_PREFIX,
    QUANTILE_PREFIX,
)
from kumi.core import SCORED_LABELS, SCORED_PROBABILITIES
from kumi.tracking.client import tracking_client
from kumi.tracking.onnx.spec import with_spec
from kumi.tracking.pyfunc_model import with_float_integers

SCORER_FILE = "kumi_scorer.pkl"
ONNX_FILE = "model.onnx"
ENTRY_POINT = Path(__file__).with_name("scoring_entry.py")
_SCORE_NAMES = (SCORED_LABELS, SCORED_PROBABILITIES, ASSIGNMENTS)
_SCORE_PREFIXES = (PROBABILITY_PREFIX, DISTANCE_PREFIX, QUANTILE_PREFIX)


class FrameScorer(Protocol):
    def score_frame(self, frame: pd.DataFrame) -> pd.DataFrame: ...


def score_columns_of(scorer: Any, scored: pd.DataFrame) -> list[str]:
    """The score columns of a scored frame: the scorer's own list, else Azure's names."""
    named = getattr(scorer, "score_columns", None)
    if named:
        return [c for c in named if c in scored.columns]
    return [c for c in scored.columns if c in _SCORE_NAMES or str(c).startswith(_SCORE_PREFIXES)]


class KumiScoringPyfunc(PythonModel):
    """Loads the pickled scorer; ``predict`` answers the score columns of the rows."""

    def load_context(self, context: Any) -> None:
        with open(context.artifacts["kumi_scorer"], "rb") as handle:
            self.scorer_: FrameScorer = cloudpickle.load(handle)

    def predict(self, context: Any, model_input: pd.DataFrame, params: Any = None) -> pd.DataFrame:
        scored = self.scorer_.score_frame(pd.DataFrame(model_input))
        return scored[score_columns_of(self.scorer_, scored)].reset_index(drop=True)


def save_scoring_model(
    path: Path | str,
    scorer: FrameScorer,
    input_example: pd.DataFrame,
    onnx_model: onnx.ModelProto | None = None,
) -> Path:
    """Write an MLflow model directory at ``path`` (which must not exist yet)."""
    path = Path(path)
    staging = path.parent / f"{path.name}.staging"
    staging.mkdir(parents=True, exist_ok=True)
    pickled = staging / SCORER_FILE
    pickled.write_bytes(cloudpickle.dumps(scorer))
    example = with_float_integers(input_example.head(5))
    scored = scorer.score_frame(example)
    outputs = scored[score_columns_of(scorer, scored)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # MLflow's advice on integer columns: handled above
            mlflow.pyfunc.save_model(
                path=str(path),
                python_model=str(ENTRY_POINT),
                artifacts={"kumi_scorer": str(pickled)},
                signature=_signature(example, outputs),
                input_example=example,
                pip_requirements=[f"kumi=={__version__}"],
            )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if onnx_model is not None:
        describe = getattr(scorer, "onnx_spec", None)  # a scorer that says how to feed its graph
        if describe is not None:
            onnx_model = with_spec(onnx_model, describe(onnx_model))
        _add_onnx_flavor(path, onnx_model)
    return path


def _signature(example: pd.DataFrame, outputs: pd.DataFrame) -> ModelSignature:
    """Inferred from the example; every input column optional, so that values may be missing
    (the scorer itself says which columns a request must carry)."""
    inferred = infer_signature(example, outputs)
    assert isinstance(inferred.inputs, Schema)
    inputs: list[ColSpec | TensorSpec] = [
        ColSpec(c.type, c.name, required=False)
        for c in inferred.inputs.inputs
        if isinstance(c, ColSpec)
    ]
    return ModelSignature(inputs=Schema(inputs), outputs=inferred.outputs)


def _add_onnx_flavor(path: Path, onnx_model: onnx.ModelProto) -> None:
    onnx.save_model(onnx_model, str(path / ONNX_FILE))
    description = path / "MLmodel"
    model = Model.load(str(description))
    model.add_flavor(
        "onnx",
        onnx_version=onnx.__version__,
        data=ONNX_FILE,
        providers=["CPUExecutionProvider"],
        code=None,
    )
    model.save(str(description))


def register_model(tracking_uri: str, name: str, path: Path | str) -> int:
    """Register the model directory at ``path`` as a new version of ``name``; the version."""
    client = tracking_client(tracking_uri)
    if not client.search_registered_models(filter_string=f"name = '{_quoted(name)}'"):
        client.create_registered_model(name)
    version = client.create_model_version(name, source=str(Path(path).resolve()))
    return int(version.version)


def _quoted(name: str) -> str:
    return name.replace("'", "\\'")
