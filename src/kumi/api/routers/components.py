"""The component library: what the designer's palette and side panel are built from."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from kumi.registry import ComponentRegistry

router = APIRouter(prefix="/components", tags=["components"])


def _registry(request: Request) -> ComponentRegistry:
    registry: ComponentRegistry = request.app.state.registry
    return registry


@router.get("")
def list_components(request: Request) -> dict[str, Any]:
    """Every registered component: ports with types and parameters as JSON Schema."""
    return {"components": _registry(request).manifest()}


@router.get("/{component_id}")
def get_component(component_id: str, request: Request) -> dict[str, Any]:
    """One component's manifest entry."""
    registry = _registry(request)
    registry.get(component_id)  # a clear not_found naming close ids
    return next(entry for entry in registry.manifest() if entry["id"] == component_id)
