"""The wire form of an endpoint (``GET /api/endpoints/{name}``)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from kumi.storage.endpoints import Endpoint

DEFAULT_BASE_URL = "http://127.0.0.1:8770"
"""Where ``kumi up`` serves endpoints by default."""


def endpoint_uris(name: str, base_url: str = DEFAULT_BASE_URL) -> dict[str, str]:
    """Absolute scoring, invocations and swagger URIs of endpoint ``name``."""
    root = f"{base_url.rstrip('/')}/endpoints/{quote(name, safe='')}"
    return {
        "scoring_uri": f"{root}/score",
        "invocations_uri": f"{root}/invocations",
        "swagger_uri": f"{root}/swagger.json",
    }


def endpoint_json(endpoint: Endpoint, base_url: str = DEFAULT_BASE_URL) -> dict[str, Any]:
    """The endpoint as the REST API shows it (keys left out)."""
    signature = endpoint.signature
    return {
        "name": endpoint.name,
        "kind": "realtime",
        "status": endpoint.status,
        "runtime": endpoint.runtime,
        "runtime_reason": endpoint.runtime_reason,
        "pipeline": endpoint.pipeline,
        "training_run_id": endpoint.training_run_id,
        "model": _model(endpoint),
        **endpoint_uris(endpoint.name, base_url),
        "signature": {
            "inputs": signature.get("inputs", {}),
            "outputs": signature.get("outputs", {}),
        },
        "input_example": signature.get("input_example", {"Inputs": {}, "GlobalParameters": {}}),
        "extra_columns": endpoint.extra_columns,
        "description": endpoint.description,
        "created_at": endpoint.created_at.isoformat(),
        "updated_at": endpoint.updated_at.isoformat(),
    }


def _model(endpoint: Endpoint) -> dict[str, Any] | None:
    """The registered MLflow model (None when the endpoint has none)."""
    if endpoint.model_name is None:
        return None
    return {"name": endpoint.model_name, "version": endpoint.model_version}
