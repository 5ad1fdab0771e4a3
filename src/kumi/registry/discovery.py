"""Find components: every module of the ``kumi.components`` package and every
``kumi.components`` entry point. A broken plugin is a warning naming it, never a crash."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import warnings
from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points
from types import ModuleType

from kumi.core.component import Component

ENTRY_POINT_GROUP = "kumi.components"


class PluginWarning(UserWarning):
    """A component plugin could not be loaded."""


def components_in_module(module: ModuleType) -> Iterator[type[Component]]:
    """Concrete component classes defined in ``module`` itself."""
    for _, obj in inspect.getmembers(module, inspect.isclass):
        if (
            issubclass(obj, Component)
            and obj.__module__ == module.__name__
            and "id" in obj.__dict__
        ):
            yield obj


def builtin_components(package: str = "kumi.components") -> Iterator[type[Component]]:
    """Walk ``package`` recursively; modules and packages starting with ``_`` are helpers."""
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        if any(part.startswith("_") for part in info.name.split(".")[2:]):
            continue
        yield from components_in_module(importlib.import_module(info.name))


def plugin_components(group: str = ENTRY_POINT_GROUP) -> Iterator[type[Component]]:
    """Components registered by installed packages under the entry-point ``group``.

    An entry point may name a component class or a module holding components.
    """
    for ep in entry_points(group=group):
        try:
            loaded = ep.load()
        except Exception as exc:  # a plugin's import error must not break kumi
            warnings.warn(
                f"Component plugin '{ep.name}' ({ep.value}) could not be loaded: {exc!r}",
                PluginWarning,
                stacklevel=2,
            )
            continue
        yield from _components_of(ep.name, loaded)


def _components_of(name: str, loaded: object) -> Iterable[type[Component]]:
    if isinstance(loaded, ModuleType):
        return list(components_in_module(loaded))
    if inspect.isclass(loaded) and issubclass(loaded, Component) and hasattr(loaded, "id"):
        return [loaded]
    warnings.warn(
        f"Component plugin '{name}' is neither a Component class nor a module; ignored.",
        PluginWarning,
        stacklevel=3,
    )
    return []
