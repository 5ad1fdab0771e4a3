"""A kumi trained model as an MLflow ``python_function`` model.

The model directory holds the cloudpickled :class:`kumi.core.TrainedModel`; loading it with
``mlflow.pyfunc.load_model`` needs kumi importable. ``predict`` returns the score columns
(``Scored Labels``, ``Scored Probabilities`` ...) for the input rows.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import cloudpickle
import mlflow.pyfunc
import pandas as pd
from mlflow.models import infer_signature
from mlflow.pyfunc import PythonModel

from kumi import __version__
from kumi.core import ColumnRole, Table, TrainedModel

MODEL_FILE = "kumi_model.pkl"
ENTRY_POINT = Path(__file__).with_name("pyfunc_entry.py")


class KumiPyfuncModel(PythonModel):
    """Loads the pickled kumi model and scores DataFrames with it."""

    def load_context(self, context: Any) -> None:
        with open(context.artifacts["kumi_model"], "rb") as handle:
            self.model_: TrainedModel = cloudpickle.load(handle)

    def predict(self, context: Any, model_input: pd.DataFrame, params: Any = None) -> pd.DataFrame:
        frame = pd.DataFrame(model_input)
        scored = self.model_.score(Table.of(frame))
        score_columns = [c for c in scored.columns if scored.role(c) == ColumnRole.SCORE]
        return scored.frame[score_columns or scored.columns].reset_index(drop=True)


def save_trained_model(model: TrainedModel, path: Path, input_example: pd.DataFrame) -> Path:
    """Save ``model`` as an MLflow model directory with signature and input example."""
    staging = path.parent / f"{path.name}.pickle"
    staging.mkdir(parents=True, exist_ok=True)
    pickled = staging / MODEL_FILE
    pickled.write_bytes(cloudpickle.dumps(model))
    example = with_float_integers(input_example[model.feature_columns_].head(5))
    scored = model.score(Table.of(example))
    outputs = scored.frame[[c for c in scored.columns if scored.role(c) == ColumnRole.SCORE]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # MLflow's advice on integer columns: handled above
        mlflow.pyfunc.save_model(
            path=str(path),
            python_model=str(ENTRY_POINT),
            artifacts={"kumi_model": str(pickled)},
            signature=infer_signature(example, outputs),
            input_example=example,
            pip_requirements=[f"kumi=={__version__}"],
        )
    return path


def with_float_integers(frame: pd.DataFrame) -> pd.DataFrame:
    """Integer columns as float64, so requests with missing values still fit the signature."""
    frame = frame.reset_index(drop=True).copy()
    for name in frame.columns:
        if pd.api.types.is_integer_dtype(frame[name].dtype):
            frame[name] = frame[name].astype("float64")
    return frame
