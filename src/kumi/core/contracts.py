"""Interfaces implemented by higher layers and injected downwards (ports and adapters).

Components and the engine depend on these protocols only; storage and services provide
the implementations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from kumi.core.table import Table, TableSchema


@runtime_checkable
class DatasetResolver(Protocol):
    """Loads registered datasets by name and version (``None`` = latest)."""

    def load_table(self, name: str, version: int | None = None) -> Table:
        """The dataset's rows with its column roles; NotFoundError if unknown."""
        ...

    def table_schema(self, name: str, version: int | None = None) -> TableSchema:
        """The dataset's schema without loading rows; NotFoundError if unknown."""
        ...

    def version_token(self, name: str, version: int | None = None) -> str:
        """A string that changes whenever ``(name, version)`` resolves to other data
        (used in cache keys, e.g. ``"name:3:<content hash>"``)."""
        ...


class ArtifactStore(Protocol):
    """Where step outputs and dataset files live. Keys are relative POSIX paths; an
    artifact is a directory of files. Implementations must be picklable (they are sent to
    worker processes)."""

    uri: str

    def put_dir(self, local_dir: Path, key: str) -> str:
        """Publish ``local_dir`` under ``key`` (a move for local stores, an upload for
        remote ones; atomic where the backend allows) and return the artifact's URI."""
        ...

    def get_dir(self, key: str) -> Path:
        """A local directory holding the artifact's files (remote stores download it to
        a local cache first). NotFoundError if absent."""
        ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None: ...


@dataclass(frozen=True)
class OutputRef:
    """A stored step output."""

    key: str
    content_hash: str
    port_type: str

    def to_dict(self) -> dict[str, str]:
        return {"key": self.key, "content_hash": self.content_hash, "port_type": self.port_type}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> OutputRef:
        return cls(data["key"], data["content_hash"], data["port_type"])


@runtime_checkable
class SavedValueLoader(Protocol):
    """Loads a stored step output (a trained model, transformation or table frozen into an
    inference pipeline) by its reference."""

    def load(self, ref: OutputRef) -> object:
        """The value ``ref`` points to; NotFoundError when it is no longer stored."""
        ...


@dataclass(frozen=True)
class CacheEntry:
    """Outputs reusable for a cache key, and where they came from."""

    cache_key: str
    outputs: dict[str, OutputRef]
    source_run_id: str
    source_node_id: str
    seconds: float
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))


class CacheIndex(Protocol):
    """Maps content-addressed cache keys to stored outputs."""

    def get(self, cache_key: str) -> CacheEntry | None: ...

    def put(self, entry: CacheEntry) -> None: ...
