"""Component discovery (built-ins and ``kumi.components`` entry points) and the manifest."""

from kumi.registry.discovery import ENTRY_POINT_GROUP, PluginWarning
from kumi.registry.registry import ComponentRegistry, default_registry, describe_component

__all__ = [
    "ENTRY_POINT_GROUP",
    "ComponentRegistry",
    "PluginWarning",
    "default_registry",
    "describe_component",
]
