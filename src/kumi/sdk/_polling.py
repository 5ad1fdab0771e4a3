"""Waiting for a server-side job (run, AutoML job, scoring run) to finish, by polling."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from typing import Any


def wait_until_finished(
    get: Callable[[], dict[str, Any]],
    finished: Collection[str],
    timeout: float | None,
    poll_s: float,
    still_running: Callable[[dict[str, Any]], str],
) -> dict[str, Any]:
    """``get()`` once its ``status`` is in ``finished``; ``TimeoutError`` with the message
    ``still_running(job)`` after ``timeout`` seconds (None: no limit)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        job = get()
        if job["status"] in finished:
            return job
        if deadline is not None and time.monotonic() >= deadline:
            raise TimeoutError(still_running(job))
        time.sleep(poll_s)
