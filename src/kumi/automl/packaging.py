"""The best AutoML model as an MLflow model (pyfunc + onnx flavors) and in a model registry.

The ``python_function`` flavor answers the score columns of kumi's other models: ``Scored
Labels`` and, for classifiers, ``Scored Probabilities`` (binary: the positive class, the
second of ``classes_``) or one ``Scored Probabilities_<class>`` column per class. The
``onnx`` flavor holds ``best_model.to_onnx()`` (one input per raw column).
"""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import onnx
import pandas as pd
from onnx import TensorProto

from kumi.automl.settings import Task
from kumi.components._learning.columns import probability_column
from kumi.core import SCORED_LABELS, SCORED_PROBABILITIES
from kumi.core.errors import ConflictError, InvalidInputError
from kumi.storage.workspace import DEFAULT_WORKSPACE, Workspace
from kumi.tracking.onnx import sql_type_of
from kumi.tracking.scoring_model import register_model, save_scoring_model

logger = logging.getLogger(__name__)

WORKSPACE_ENV = "KUMI_WORKSPACE"


class ExportableModel(Protocol):
    """What packaging needs of an AutoML model (``classes_`` too, for classifiers)."""

    task: Task
    input_columns: list[str]

    def predict(self, features: pd.DataFrame) -> np.ndarray: ...

    def to_onnx(self) -> onnx.ModelProto: ...


@dataclass
class AutoMLScorer:
    """Scores raw rows with an AutoML model under Azure's score column names."""

    model: Any

    @property
    def score_columns(self) -> list[str]:
        if self.model.task == "regression":
            return [SCORED_LABELS]
        classes = list(self.model.classes_)
        if len(classes) == 2:
            return [SCORED_LABELS, SCORED_PROBABILITIES]
        return [SCORED_LABELS, *(probability_column(c) for c in classes)]

    def score_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The score columns of ``frame``'s rows (input columns it lacks count as missing)."""
        features = frame.reindex(columns=list(self.model.input_columns))
        if self.model.task == "regression":
            values = np.asarray(self.model.predict(features), dtype="float64").reshape(-1)
            return pd.DataFrame({SCORED_LABELS: values}, index=frame.index)
        probabilities = np.asarray(self.model.predict_proba(features), dtype="float64")
        classes = np.asarray(self.model.classes_)
        scores: dict[str, Any] = {SCORED_LABELS: classes[probabilities.argmax(axis=1)]}
        if len(classes) == 2:
            scores[SCORED_PROBABILITIES] = probabilities[:, 1]
        else:
            scores.update(
                {probability_column(c): probabilities[:, i] for i, c in enumerate(classes)}
            )
        return pd.DataFrame(scores, index=frame.index)

    def onnx_spec(self, graph: onnx.ModelProto) -> dict[str, Any]:
        """The scoring spec the registered ONNX graph carries: one input per raw column,
        the outputs ``label`` / ``probabilities`` / ``variable`` as the score columns."""
        kinds: dict[int, str] = {TensorProto.DOUBLE: "number", TensorProto.STRING: "text"}
        inputs = [
            {
                "column": column,
                "tensor": column,
                "kind": kinds.get(elem_type, "datetime"),
                "missing_text": "",
                "whole_numbers_as_integers": True,
            }
            for column, elem_type in _graph_inputs(graph)
        ]
        return {"inputs": inputs, "outputs": self._onnx_outputs()}

    def _onnx_outputs(self) -> list[dict[str, Any]]:
        if self.model.task == "regression":
            return [
                {"column": SCORED_LABELS, "tensor": "variable", "index": None, "type": "double"}
            ]
        classes = list(self.model.classes_)
        label_type = sql_type_of(np.asarray(classes).dtype)
        outputs: list[dict[str, Any]] = [
            {"column": SCORED_LABELS, "tensor": "label", "index": None, "type": label_type}
        ]
        probability = (
            [(SCORED_PROBABILITIES, 1)]
            if len(classes) == 2
            else [(probability_column(c), i) for i, c in enumerate(classes)]
        )
        outputs += [
            {"column": column, "tensor": "probabilities", "index": i, "type": "double"}
            for column, i in probability
        ]
        return outputs


def _graph_inputs(graph: onnx.ModelProto) -> list[tuple[str, int]]:
    """(raw column, element type) of each input of the model's graph."""
    return [(i.name, i.type.tensor_type.elem_type) for i in graph.graph.input]


def save_automl_model(path: Path | str, model: Any, input_example: pd.DataFrame) -> Path:
    """Write ``model`` as an MLflow model directory at ``path`` (which must not exist):
    pyfunc flavor, onnx flavor when the model exports, signature and input example."""
    path = Path(path)
    if path.exists():
        raise ConflictError(
            f"'{path}' already exists; save the model to a new folder or remove that one.",
            details={"path": str(path)},
        )
    example = input_example.reindex(columns=list(model.input_columns)).head(5)
    return save_scoring_model(path, AutoMLScorer(model), example, onnx_model=_onnx_of(model))


def _onnx_of(model: Any) -> onnx.ModelProto | None:
    try:
        return model.to_onnx()
    except Exception as error:  # the pyfunc flavor still serves; say why ONNX is missing
        logger.warning("The model is saved without the onnx flavor: %s", error)
        return None


def register_automl_model(
    model: Any, input_example: pd.DataFrame, name: str, workspace: Workspace | Path | str | None
) -> int:
    """Save ``model`` inside the workspace and register it as a new version of ``name`` in the
    workspace's MLflow registry; the version number. ``workspace`` None: ``$KUMI_WORKSPACE``
    or ``./kumi-workspace``, as the CLI does."""
    if not name or not name.strip():
        raise InvalidInputError(
            "A registered model needs a name, e.g. register('churn-model').",
            details={"name": name},
        )
    opened = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    try:
        path = opened.path / "models" / name / uuid.uuid4().hex[:12]
        save_automl_model(path, model, input_example)
        return register_model(opened.tracking_uri, name, path)
    finally:
        if opened is not workspace:
            opened.close()


def open_workspace(path: Path | str | None) -> Workspace:
    """The workspace at ``path``; None: ``$KUMI_WORKSPACE`` or the CLI's default folder."""
    return Workspace.open(path or os.environ.get(WORKSPACE_ENV) or DEFAULT_WORKSPACE)
