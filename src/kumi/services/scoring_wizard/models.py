"""The workspace's registered models that can be scored in a database, with their
signatures: the input columns (and their kinds) and the score columns (and their types)."""

from __future__ import annotations

import logging
from typing import Any

from mlflow.exceptions import MlflowException

from kumi.core.errors import InvalidInputError, KumiError
from kumi.scoring.registered import RegisteredOnnx, load_registered_onnx
from kumi.tracking.client import tracking_client

logger = logging.getLogger(__name__)


def model_json(model: RegisteredOnnx, versions: list[int] | None = None) -> dict[str, Any]:
    """A model version and its signature, as the wizard shows them."""
    return {
        "name": model.name,
        "version": model.version,
        "ref": f"{model.name}:{model.version}",
        "versions": versions or [model.version],
        "description": model.description,
        "inputs": [{"column": c, "kind": k} for c, k in model.input_columns],
        "outputs": [{"column": c, "type": t} for c, t in model.output_columns],
    }


def list_models(tracking_uri: str) -> list[dict[str, Any]]:
    """Each registered model whose newest version has an ONNX form, by name, with the
    versions it has and the newest one's signature (models without ONNX are left out)."""
    client = tracking_client(tracking_uri)
    try:
        names = sorted({m.name for m in client.search_registered_models()})
    except MlflowException:
        return []
    found = []
    for name in names:
        versions = sorted(int(v.version) for v in client.search_model_versions(_name_filter(name)))
        try:
            model = load_registered_onnx(name, tracking_uri)
        except KumiError as exc:
            logger.info("model %s is left out of the scoring wizard: %s", name, exc)
            continue
        found.append(model_json(model, versions))
    return found


def load_model(ref: str, tracking_uri: str) -> RegisteredOnnx:
    """The model version ``name[:version]``; NotFoundError / InvalidInputError (kumi's own
    messages) when it is unknown or has no ONNX form."""
    if not str(ref).strip():
        raise InvalidInputError(
            "No model was chosen; give a registered model as 'name' or 'name:version'.",
            details={"model": ref},
        )
    return load_registered_onnx(ref, tracking_uri)


def _name_filter(name: str) -> str:
    escaped = name.replace("'", "\\'")
    return f"name = '{escaped}'"
