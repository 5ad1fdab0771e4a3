"""Schema migrations of saved pipeline documents.

Schema version 1 is current. When the document format changes, the version is bumped and
one function per step (``n`` → ``n + 1``) is added to :data:`MIGRATIONS`; documents saved
with any older version are upgraded step by step when loaded. Documents from a newer kumi
(a version above the current one) are rejected rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kumi.core.errors import PipelineValidationError

CURRENT_SCHEMA_VERSION = 1

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: Mapping[int, Migration] = {}
"""``{n: function}`` upgrading a version-``n`` document to version ``n + 1``."""


def migrate(
    raw: Mapping[str, Any],
    *,
    steps: Mapping[int, Migration] = MIGRATIONS,
    current: int = CURRENT_SCHEMA_VERSION,
) -> dict[str, Any]:
    """Upgrade a parsed document to the current schema version (a missing
    ``schema_version`` means 1). The input mapping is not modified."""
    doc = dict(raw)
    version = _version_of(doc)
    if version > current:
        raise _error(
            f"The pipeline document has schema_version {version} but this kumi reads "
            f"versions up to {current}; upgrade kumi to open it.",
            version,
        )
    while version < current:
        step = steps.get(version)
        if step is None:
            raise _error(
                f"Pipeline documents with schema_version {version} can no longer be read "
                f"(no migration to version {version + 1}); re-create the pipeline.",
                version,
            )
        doc = step(doc)
        version += 1
        doc["schema_version"] = version
    doc["schema_version"] = version
    return doc


def _version_of(doc: Mapping[str, Any]) -> int:
    value = doc.get("schema_version", 1)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _error(
            f"schema_version must be a positive whole number, got {value!r}; "
            f"use {CURRENT_SCHEMA_VERSION}.",
            value,
        )
    return value


def _error(message: str, version: object) -> PipelineValidationError:
    problem = {
        "code": "invalid_document",
        "message": message,
        "severity": "error",
        "details": {"schema_version": version},
    }
    return PipelineValidationError(message, details={"problems": [problem]})
