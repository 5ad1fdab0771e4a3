"""Deploying, re-keying and deleting real-time endpoints."""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any, Literal

from kumi.core import ConflictError, InvalidInputError, NotFoundError
from kumi.graph import PipelineDocument
from kumi.registry import ComponentRegistry, default_registry
from kumi.scoring.realtime import load_runtime, workspace_context
from kumi.services.endpoints.observe import endpoint_log_path
from kumi.services.endpoints.packaging import register_endpoint_model
from kumi.services.inference import derive_inference_pipeline
from kumi.storage.endpoints import Endpoint
from kumi.storage.workspace import Workspace

NAME_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9-]{1,62}$")
EXTRA_COLUMNS = ("ignore", "reject")
KeyType = Literal["primary", "secondary"]


class ChangeCounter:
    """Counts endpoint changes made in this process, so servers in it reload at once."""

    def __init__(self) -> None:
        self._value = 0
        self._lock = threading.Lock()

    @property
    def value(self) -> int:
        return self._value

    def bump(self) -> None:
        with self._lock:
            self._value += 1


CHANGES = ChangeCounter()


def deploy_endpoint(
    workspace: Workspace,
    name: str,
    *,
    run_id: str | None = None,
    pipeline: str | None = None,
    description: str = "",
    extra_columns: str = "ignore",
    registry: ComponentRegistry | None = None,
) -> Endpoint:
    """Deploy endpoint ``name`` from a training run (its real-time inference pipeline is
    derived and saved) or from a saved real-time pipeline."""
    _check_request(workspace, name, run_id, pipeline, extra_columns)
    if run_id is not None:
        document = derive_realtime_document(workspace, run_id)
    else:
        assert pipeline is not None
        document = workspace.pipelines.get(pipeline).document
    parsed = PipelineDocument.from_dict(document)
    signature, runtime, reason, model = _try_runtime(workspace, name, document, registry)
    endpoint = workspace.endpoints.create(
        name=name,
        pipeline=parsed.name,
        document=document,
        signature=signature,
        training_run_id=run_id or _training_run_of(parsed),
        model_name=model[0] if model else None,
        model_version=model[1] if model else None,
        runtime=runtime,
        runtime_reason=reason,
        primary_key=new_key(),
        secondary_key=new_key(),
        extra_columns=extra_columns,
        description=description,
        status="healthy",
    )
    CHANGES.bump()
    return endpoint


def derive_realtime_document(workspace: Workspace, run_id: str) -> dict[str, Any]:
    """The real-time inference pipeline of training run ``run_id`` (derived and saved)."""
    derived = derive_inference_pipeline(workspace, run_id, "realtime", save=True)
    return derived.document.to_dict()


def endpoint_keys(workspace: Workspace, name: str) -> dict[str, str]:
    endpoint = workspace.endpoints.get(name)
    return {"primary_key": endpoint.primary_key, "secondary_key": endpoint.secondary_key}


def regenerate_key(workspace: Workspace, name: str, key_type: str) -> dict[str, str]:
    """Replace the primary or secondary key; the other keeps working."""
    if key_type not in ("primary", "secondary"):
        raise InvalidInputError(
            f"key_type must be 'primary' or 'secondary', not '{key_type}'.",
            details={"key_type": key_type},
        )
    workspace.endpoints.update(name, **{f"{key_type}_key": new_key()})
    CHANGES.bump()
    return endpoint_keys(workspace, name)


def delete_endpoint(workspace: Workspace, name: str) -> None:
    """Remove the endpoint, its metrics and its log."""
    workspace.endpoints.delete(name)
    CHANGES.bump()
    endpoint_log_path(workspace.path, name).unlink(missing_ok=True)


def new_key() -> str:
    return secrets.token_urlsafe(32)


def _check_request(
    workspace: Workspace, name: str, run_id: str | None, pipeline: str | None, extra: str
) -> None:
    if not NAME_PATTERN.match(name):
        raise InvalidInputError(
            f"Endpoint name '{name}' is not valid: use 2-63 letters, digits and dashes, "
            "starting with a letter (e.g. 'credit-scoring').",
            details={"endpoint": name},
        )
    if (run_id is None) == (pipeline is None):
        raise InvalidInputError(
            "Deploy from exactly one of a training run (run_id) or a saved real-time "
            "pipeline (pipeline).",
            details={"run_id": run_id, "pipeline": pipeline},
        )
    if extra not in EXTRA_COLUMNS:
        raise InvalidInputError(
            f"extra_columns must be 'ignore' or 'reject', not '{extra}'.",
            details={"extra_columns": extra},
        )
    try:
        workspace.endpoints.get(name)
    except NotFoundError:
        return
    raise ConflictError(
        f"An endpoint named '{name}' exists already; choose another name or delete it first.",
        details={"endpoint": name},
    )


def _try_runtime(
    workspace: Workspace,
    name: str,
    document: dict[str, Any],
    registry: ComponentRegistry | None,
) -> tuple[dict[str, Any], str, str, tuple[str, int] | None]:
    """Build the runtime once: the signature, whether ONNX or Python runs it, and the
    registered MLflow model (name, version)."""
    work = Path(tempfile.mkdtemp(prefix="kumi_deploy_"))
    try:
        runtime = load_runtime(
            document,
            registry=registry or default_registry(),
            context=workspace_context(workspace, work, endpoint=name),
        )
        try:
            signature = runtime.signature
            described = {**signature.to_dict(), "input_example": signature.input_example()}
            model = register_endpoint_model(workspace, name, runtime)
            return described, runtime.runtime, runtime.runtime_reason, model
        finally:
            runtime.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _training_run_of(document: PipelineDocument) -> str | None:
    match = re.search(r"inference pipeline of run (\S+?)[ .]", document.description)
    return match.group(1) if match else None
