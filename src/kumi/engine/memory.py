"""Small in-engine implementations of the storage protocols, for tests and for runs
without a workspace: a local-folder ArtifactStore and an in-memory CacheIndex."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import uuid
from pathlib import Path, PurePosixPath

from kumi.core.contracts import CacheEntry
from kumi.core.errors import InvalidInputError, NotFoundError


class LocalArtifactStore:
    """Artifacts as directories under a local root folder (picklable)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.uri = self.root.as_uri()

    @classmethod
    def temporary(cls) -> LocalArtifactStore:
        """A store in a new temporary folder."""
        return cls(tempfile.mkdtemp(prefix="kumi-artifacts-"))

    def path(self, key: str) -> Path:
        """Where ``key`` lives (whether or not it exists)."""
        parts = PurePosixPath(key).parts
        if not parts or PurePosixPath(key).is_absolute() or ".." in parts:
            raise InvalidInputError(
                f"Artifact key '{key}' is not a relative path inside the store; use keys "
                "like 'artifacts/<hash>'.",
                details={"key": key},
            )
        return self.root.joinpath(*parts)

    def put_dir(self, local_dir: Path, key: str) -> str:
        """Move ``local_dir`` under ``key``. Keys are content addresses: when ``key``
        already exists it is kept and ``local_dir`` is discarded."""
        target = self.path(key)
        if target.is_dir():
            shutil.rmtree(local_dir, ignore_errors=True)
            return target.as_uri()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = self.root / ".staging" / uuid.uuid4().hex
        staging.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(local_dir), str(staging))
        try:
            os.rename(staging, target)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            if not target.is_dir():  # else another writer published the same key first
                raise
        return target.as_uri()

    def get_dir(self, key: str) -> Path:
        target = self.path(key)
        if not target.is_dir():
            raise NotFoundError(
                f"Artifact '{key}' is not in the store at {self.uri}; re-run the step that "
                "produced it.",
                details={"key": key, "store": self.uri},
            )
        return target

    def exists(self, key: str) -> bool:
        return self.path(key).is_dir()

    def delete(self, key: str) -> None:
        shutil.rmtree(self.path(key), ignore_errors=True)

    def __repr__(self) -> str:
        return f"LocalArtifactStore({str(self.root)!r})"


class MemoryCacheIndex:
    """Cache entries in a dictionary (lost when the process ends)."""

    def __init__(self) -> None:
        self._entries: dict[str, CacheEntry] = {}
        self._lock = threading.Lock()

    def get(self, cache_key: str) -> CacheEntry | None:
        with self._lock:
            return self._entries.get(cache_key)

    def put(self, entry: CacheEntry) -> None:
        with self._lock:
            self._entries[entry.cache_key] = entry

    def __len__(self) -> int:
        return len(self._entries)
