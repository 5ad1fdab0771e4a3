"""The component registry: lookup by id and the manifest the page renders."""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from kumi.core.component import Component
from kumi.core.errors import NotFoundError
from kumi.core.types import Category
from kumi.registry.discovery import PluginWarning, builtin_components, plugin_components

_CATEGORY_ORDER = {c.value: i for i, c in enumerate(Category)}


class ComponentRegistry:
    """An immutable set of component classes keyed by id."""

    def __init__(self, components: Iterable[type[Component]]) -> None:
        self._by_id: dict[str, type[Component]] = {}
        for cls in components:
            existing = self._by_id.get(cls.id)
            if existing is not None and existing is not cls:
                warnings.warn(
                    f"Component id '{cls.id}' is defined twice ({existing.__module__} and "
                    f"{cls.__module__}); keeping the first.",
                    PluginWarning,
                    stacklevel=2,
                )
                continue
            self._by_id[cls.id] = cls

    def __contains__(self, component_id: object) -> bool:
        return component_id in self._by_id

    def __iter__(self) -> Iterator[type[Component]]:
        return iter(self.all())

    def __len__(self) -> int:
        return len(self._by_id)

    def ids(self) -> list[str]:
        return [c.id for c in self.all()]

    def all(self) -> list[type[Component]]:
        """Components in palette order: category, then display name."""
        return sorted(
            self._by_id.values(),
            key=lambda c: (_CATEGORY_ORDER.get(str(c.category), 99), c.name.lower()),
        )

    def get(self, component_id: str) -> type[Component]:
        """The component with ``component_id``; NotFoundError with close matches."""
        try:
            return self._by_id[component_id]
        except KeyError:
            close = difflib.get_close_matches(component_id, list(self._by_id), n=3)
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise NotFoundError(
                f"Unknown component '{component_id}'.{hint} "
                "`kumi components list` shows every component.",
                details={"component": component_id, "suggestions": close},
            ) from None

    def manifest(self) -> list[dict[str, Any]]:
        """JSON-ready description of every component (ports and params JSON Schema)."""
        return [describe_component(c) for c in self.all()]


def describe_component(cls: type[Component]) -> dict[str, Any]:
    """One component's manifest entry."""
    return {
        "id": cls.id,
        "name": cls.name,
        "category": str(cls.category),
        "description": cls.description,
        "version": cls.version,
        "inputs": [
            {
                "name": p.name,
                "type": p.type.value,
                "optional": p.optional,
                "description": p.description,
            }
            for p in cls.inputs
        ],
        "outputs": [
            {"name": p.name, "type": p.type.value, "description": p.description}
            for p in cls.outputs
        ],
        "params_schema": cls.Params.model_json_schema(),
    }


@lru_cache(maxsize=1)
def default_registry() -> ComponentRegistry:
    """Built-in components plus installed plugins (discovered once per process)."""
    return ComponentRegistry([*builtin_components(), *plugin_components()])
