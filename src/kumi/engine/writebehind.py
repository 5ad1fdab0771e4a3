"""Storing a worker's step outputs in the background while it runs the next step.

A step's outputs are encoded and hashed at once (the engine learns their content hashes
and a consumer on the same worker takes them from memory); writing them to the artifact
store happens on one background thread, in order. The worker reports each finished write
to the engine (``("stored", key, error)``); until then only this worker may read them, and
:meth:`BackgroundWriter.wait` makes its own reads wait for them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
from collections.abc import Callable
from typing import Any

from kumi.core.errors import KumiError

logger = logging.getLogger(__name__)

BACKGROUND_NICENESS = 10
"""How much the writing thread yields the CPU to the step running beside it (Linux)."""

StoredCallback = Callable[[str, "dict[str, Any] | None"], None]
"""Told each written key, with None or the error ``{"code", "message", "details"}``."""


class OutputNotStoredError(KumiError):
    """A step output could not be written to the artifact store."""

    code = "output_not_stored"


class BackgroundWriter:
    """Runs write jobs one at a time on a daemon thread and reports each to ``on_stored``."""

    def __init__(self, on_stored: StoredCallback) -> None:
        self._on_stored = on_stored
        self._jobs: queue.Queue[tuple[str, Callable[[], None]]] = queue.Queue()
        self._lock = threading.Lock()
        self._pending: dict[str, int] = {}
        self._done = threading.Condition(self._lock)
        self._errors: dict[str, dict[str, Any]] = {}
        threading.Thread(target=self._work, name="kumi-store-writer", daemon=True).start()

    def submit(self, key: str, write: Callable[[], None]) -> None:
        """Queue ``write``, which stores the artifact ``key``."""
        with self._lock:
            self._pending[key] = self._pending.get(key, 0) + 1
            self._errors.pop(key, None)
        self._jobs.put((key, write))

    def is_pending(self, key: str) -> bool:
        with self._lock:
            return key in self._pending

    def wait(self, key: str) -> None:
        """Return once ``key`` is written (at once when it is not being written); raise
        :class:`OutputNotStoredError` when writing it failed."""
        with self._done:
            while key in self._pending:
                self._done.wait()
            error = self._errors.get(key)
        if error is not None:
            raise OutputNotStoredError(error["message"], details=error["details"])

    def drain(self) -> None:
        """Return once every queued write is done."""
        with self._done:
            while self._pending:
                self._done.wait()

    def _work(self) -> None:
        _yield_to_steps()
        while True:
            key, write = self._jobs.get()
            error = None
            try:
                write()
            except Exception as exc:  # reported to the engine: the step fails with it
                logger.exception("Writing artifact %s failed", key)
                error = {
                    "code": OutputNotStoredError.code,
                    "message": (
                        f"The output could not be written to the artifact store: "
                        f"{type(exc).__name__}: {exc}. Check free disk space and the store's "
                        "permissions, then run again."
                    ),
                    "details": {"key": key},
                }
            with self._done:
                left = self._pending[key] - 1
                if left:
                    self._pending[key] = left
                else:
                    del self._pending[key]
                if error is not None:
                    self._errors[key] = error
                self._done.notify_all()
            self._on_stored(key, error)


def _yield_to_steps() -> None:
    """Lower this thread's priority (on Linux, niceness is per thread): a step using every
    core, such as a boosted tree fit, then runs first and the writes fill its pauses."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)
