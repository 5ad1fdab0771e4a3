"""Pipeline documents as the JSON the API takes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class SupportsToDict(Protocol):
    """A document object that can give itself as a dict (e.g. a pipeline builder's result)."""

    def to_dict(self) -> Mapping[str, Any]: ...


Document = Mapping[str, Any] | SupportsToDict
"""A pipeline document: a dict as in a YAML file, or an object with ``to_dict()``."""


def document_dict(document: Document) -> dict[str, Any]:
    """``document`` as a plain dict."""
    if isinstance(document, Mapping):
        return dict(document)
    if isinstance(document, SupportsToDict):
        return dict(document.to_dict())
    raise TypeError(
        f"A pipeline document must be a dict or have a to_dict() method, not "
        f"{type(document).__name__}."
    )
