"""Model families of the search, discovered from this package's modules.

Each public module defines ``FAMILY``, an object following :class:`Family`; its ``name`` is
what ``allowed_models`` and ``blocked_models`` refer to.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence

from kumi.automl.families._base import Family
from kumi.automl.settings import Task
from kumi.core.errors import InvalidParameterError


def families() -> dict[str, Family]:
    """Every family in this package, by name, in a stable order."""
    found: dict[str, Family] = {}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("_"):
            continue
        family = getattr(importlib.import_module(f"{__name__}.{module.name}"), "FAMILY", None)
        if isinstance(family, Family):
            found[family.name] = family
    return found


def select_families(
    task: Task, allowed: Sequence[str] | None = None, blocked: Sequence[str] = ()
) -> list[Family]:
    """The families for ``task`` that ``allowed`` (None: all) and ``blocked`` leave;
    InvalidParameterError for an unknown name or when nothing is left."""
    known = families()
    unknown = [name for name in [*(allowed or []), *blocked] if name not in known]
    if unknown:
        raise InvalidParameterError(
            f"Unknown model famil{'y' if len(unknown) == 1 else 'ies'} "
            f"{', '.join(map(repr, unknown))}; choose from {', '.join(known)}.",
            details={"unknown": unknown, "choices": list(known)},
        )
    chosen = [
        family
        for name, family in known.items()
        if (allowed is None or name in allowed) and name not in blocked and task in family.tasks
    ]
    if not chosen:
        raise InvalidParameterError(
            f"No model family is left for {task} after allowed_models/blocked_models; "
            f"allow at least one of {', '.join(n for n, f in known.items() if task in f.tasks)}.",
            details={"allowed": list(allowed or []), "blocked": list(blocked), "task": task},
        )
    return chosen


__all__ = ["Family", "families", "select_families"]
