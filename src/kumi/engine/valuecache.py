"""An in-memory LRU of port values by content hash, bounded by a memory budget: a step
whose inputs were produced or loaded in the same process takes them from here instead of
reading the stored files."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict

from kumi.engine.codecs import Snapshot

RAM_FRACTION = 0.25
"""Share of the machine's memory the value caches of all step workers may hold together."""

_FALLBACK_RAM = 8 << 30


def default_budget(workers: int) -> int:
    """Bytes one of ``workers`` processes may keep: a quarter of RAM shared among them."""
    try:
        ram = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        ram = _FALLBACK_RAM
    return int(ram * RAM_FRACTION) // max(1, workers)


class ValueCache:
    """Snapshots by content hash, least recently used dropped first once the sizes add
    up to more than ``budget_bytes`` (a value larger than the budget is not kept)."""

    def __init__(self, budget_bytes: int) -> None:
        self.budget_bytes = budget_bytes
        self._entries: OrderedDict[str, Snapshot] = OrderedDict()
        self._used = 0
        self._lock = threading.Lock()

    def get(self, content_hash: str) -> Snapshot | None:
        with self._lock:
            snapshot = self._entries.get(content_hash)
            if snapshot is not None:
                self._entries.move_to_end(content_hash)
            return snapshot

    def take(self, content_hash: str) -> Snapshot | None:
        """Remove and return a snapshot (its last reader may have the value itself)."""
        with self._lock:
            snapshot = self._entries.pop(content_hash, None)
            if snapshot is not None:
                self._used -= snapshot.nbytes
            return snapshot

    def put(self, content_hash: str, snapshot: Snapshot) -> None:
        with self._lock:
            old = self._entries.pop(content_hash, None)
            if old is not None:
                self._used -= old.nbytes
            if snapshot.nbytes > self.budget_bytes:
                return
            self._entries[content_hash] = snapshot
            self._used += snapshot.nbytes
            while self._used > self.budget_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._used -= dropped.nbytes

    def held(self) -> dict[str, int]:
        """Content hash → approximate bytes of every value held."""
        with self._lock:
            return {key: snapshot.nbytes for key, snapshot in self._entries.items()}

    @property
    def used_bytes(self) -> int:
        return self._used

    def __contains__(self, content_hash: object) -> bool:
        return content_hash in self._entries

    def __len__(self) -> int:
        return len(self._entries)
