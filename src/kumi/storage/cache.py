"""The step cache index: content-addressed cache keys → stored outputs
(implements :class:`kumi.core.contracts.CacheIndex`)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from kumi.core.contracts import CacheEntry, OutputRef
from kumi.storage.database import upsert
from kumi.storage.orm import CacheEntryRow


class CacheRepository:
    """Finds and records reusable step outputs by cache key."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self, cache_key: str) -> CacheEntry | None:
        with self._sessions() as session:
            row = session.get(CacheEntryRow, cache_key)
            if row is None:
                return None
            return CacheEntry(
                cache_key=row.cache_key,
                outputs={port: OutputRef.from_dict(ref) for port, ref in row.outputs.items()},
                source_run_id=row.source_run_id,
                source_node_id=row.source_node_id,
                seconds=row.seconds,
                created_at=row.created_at,
            )

    def put(self, entry: CacheEntry) -> None:
        """Record ``entry``, replacing an older entry with the same key."""
        values = {
            "cache_key": entry.cache_key,
            "outputs": {port: ref.to_dict() for port, ref in entry.outputs.items()},
            "source_run_id": entry.source_run_id,
            "source_node_id": entry.source_node_id,
            "seconds": float(entry.seconds),
            "created_at": entry.created_at,
        }
        with self._sessions.begin() as session:
            upsert(session, CacheEntryRow.__table__, values, ["cache_key"])  # type: ignore[arg-type]

    def delete(self, cache_key: str) -> None:
        with self._sessions.begin() as session:
            session.execute(sa.delete(CacheEntryRow).where(CacheEntryRow.cache_key == cache_key))

    def clear(self) -> int:
        """Forget every entry (stored outputs stay); returns how many were removed."""
        with self._sessions.begin() as session:
            result = session.execute(sa.delete(CacheEntryRow))
            return int(result.rowcount)  # type: ignore[attr-defined]
