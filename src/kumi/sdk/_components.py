"""The component library: what pipelines are built from."""

from __future__ import annotations

from typing import Any

from kumi.sdk._http import Http, part


class Components:
    """``client.components``: the registered components with ports and parameter schemas."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def list(self) -> list[dict[str, Any]]:
        """Every registered component (id, name, category, ports, ``params_schema`` ...)."""
        body: dict[str, Any] = self._http.request("GET", "/components")
        components: list[dict[str, Any]] = body["components"]
        return components

    def get(self, component_id: str) -> dict[str, Any]:
        """One component by id (e.g. ``"split_data"``)."""
        component: dict[str, Any] = self._http.request("GET", f"/components/{part(component_id)}")
        return component
