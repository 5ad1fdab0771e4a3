"""An in-memory CacheIndex, for tests and for runs without a workspace (the artifact
stores live in kumi.storage)."""

from __future__ import annotations

import threading

from kumi.core.contracts import CacheEntry


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
