"""Inference pipelines derived from a completed training run (real-time or batch)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from kumi.api.dependencies import WorkspaceDep
from kumi.api.routers.pipelines import pipeline_json
from kumi.registry import ComponentRegistry
from kumi.services.inference import DerivedPipeline, derive_inference_pipeline

router = APIRouter(prefix="/runs/{run_id}/inference-pipelines", tags=["inference"])

KindText = Literal["realtime", "real-time", "batch"]


class DeriveBody(BaseModel):
    kind: KindText = "realtime"
    name: str | None = Field(None, min_length=1, max_length=256)


def _answer(derived: DerivedPipeline) -> dict[str, Any]:
    answer = derived.to_dict()
    if derived.saved is not None:
        answer["pipeline"] = pipeline_json(derived.saved)
    return answer


def _registry(request: Request) -> ComponentRegistry:
    registry: ComponentRegistry = request.app.state.registry
    return registry


@router.post("", status_code=201)
def create_inference_pipeline(
    run_id: str, body: DeriveBody, workspace: WorkspaceDep, request: Request
) -> dict[str, Any]:
    """Derive and save the run's inference pipeline."""
    derived = derive_inference_pipeline(
        workspace, run_id, body.kind, body.name, registry=_registry(request)
    )
    return _answer(derived)


@router.get("/preview")
def preview_inference_pipeline(
    run_id: str, workspace: WorkspaceDep, request: Request, kind: KindText = "realtime"
) -> dict[str, Any]:
    """The inference pipeline the run would give, not saved (``pipeline`` is the document)."""
    derived = derive_inference_pipeline(
        workspace, run_id, kind, save=False, registry=_registry(request)
    )
    return _answer(derived)
