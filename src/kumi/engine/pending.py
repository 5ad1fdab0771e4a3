"""The engine's record of step outputs that workers are still writing to the store.

A worker answers a step as soon as its outputs are hashed and writes them afterwards
(:mod:`kumi.engine.writebehind`). Until an output is written, only the worker writing it
may run a step that reads it; the step that made it counts as finished (cached, tracked)
once :meth:`PendingWrites.when_stored` resolves.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable
from concurrent.futures import Future
from typing import Any

from kumi.core.errors import KumiError


class OutputLostError(KumiError):
    """A step output was never written to the store."""

    code = "output_not_stored"


class PendingWrites:
    """Keys being written, by owner (a worker handle), and futures waiting for them.
    Not thread-safe: the pool calls it with its lock held."""

    def __init__(self) -> None:
        self._owner: dict[str, Hashable] = {}
        self._waiting: dict[str, list[Future[None]]] = {}
        self._failed: dict[str, dict[str, Any]] = {}

    def add(self, owner: Hashable, keys: Collection[str]) -> None:
        for key in keys:
            self._owner[key] = owner
            self._failed.pop(key, None)

    def owners(self, keys: Collection[str]) -> set[Hashable]:
        """The owners still writing any of ``keys``."""
        return {self._owner[key] for key in keys if key in self._owner}

    def owns_any(self, owner: Hashable) -> bool:
        return any(o is owner for o in self._owner.values())

    def failure(self, keys: Collection[str]) -> dict[str, Any] | None:
        """The error of the first of ``keys`` whose write failed, if any."""
        return next((self._failed[key] for key in keys if key in self._failed), None)

    def when_stored(self, keys: Collection[str]) -> Future[None]:
        """A future done once every key is written (at once if none is pending); it
        raises :class:`OutputLostError` when one of them failed."""
        done: Future[None] = Future()
        failure = self.failure(keys)
        if failure is not None:
            done.set_exception(_lost(failure))
            return done
        waiting = [key for key in keys if key in self._owner]
        if not waiting:
            done.set_result(None)
            return done
        parts: list[Future[None]] = []
        for key in waiting:
            part: Future[None] = Future()
            self._waiting.setdefault(key, []).append(part)
            parts.append(part)
        for part in parts:
            part.add_done_callback(lambda _part: _settle(done, parts))
        return done

    def resolve(self, key: str, error: dict[str, Any] | None) -> None:
        """``key`` is written (``error`` None) or could not be."""
        self._owner.pop(key, None)
        if error is not None:
            self._failed[key] = error
        for part in self._waiting.pop(key, []):
            if error is None:
                part.set_result(None)
            else:
                part.set_exception(_lost(error))

    def fail_owner(self, owner: Hashable, error: dict[str, Any]) -> None:
        """``owner`` stopped: what it still had to write is lost."""
        for key in [k for k, o in self._owner.items() if o is owner]:
            self.resolve(key, error)


def _settle(done: Future[None], parts: list[Future[None]]) -> None:
    if done.done():
        return
    failed = next((p for p in parts if p.done() and p.exception() is not None), None)
    if failed is not None:
        done.set_exception(failed.exception() or RuntimeError("lost"))
    elif all(p.done() for p in parts):
        done.set_result(None)


def _lost(error: dict[str, Any]) -> OutputLostError:
    return OutputLostError(error["message"], details=error.get("details") or {})
