"""Is the server up, and which kumi is it."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import APIRouter

from kumi.api.dependencies import WorkspaceDep

router = APIRouter(tags=["health"])


@router.get("/health")
def health(workspace: WorkspaceDep) -> dict[str, Any]:
    """The server answers; the workspace it serves."""
    try:
        kumi_version = version("kumi")
    except PackageNotFoundError:
        kumi_version = "unknown"
    return {"status": "ok", "version": kumi_version, "workspace": str(workspace.path)}
