"""kumi: a self-hosted machine-learning studio."""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

__all__ = ["Client", "__version__"]


def __getattr__(name: str) -> Any:
    """``kumi.Client`` (:class:`kumi.sdk.Client`) is loaded on first use, so ``import kumi``
    stays light."""
    if name == "Client":
        return importlib.import_module("kumi.sdk").Client
    raise AttributeError(f"module 'kumi' has no attribute {name!r}")
