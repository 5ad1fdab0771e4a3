"""A pool of persistent worker processes that run steps one at a time each.

Workers start in the background as soon as the pool is made. A step goes preferably to an
idle worker already holding its inputs in memory, and must go to the worker still writing
one of its inputs to the store (see :mod:`kumi.engine.pending`); a worker with writes
under way takes no other steps. One reader thread per worker receives its messages. A
worker that dies, runs past a time limit or is canceled is stopped (once its writes are
done, where it can finish them) and replaced. Workers are stopped when the pool is closed,
garbage-collected or the interpreter exits, and stop themselves if the engine's process
disappears (see :func:`kumi.engine.worker.serve`).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing.util  # noqa: F401 (its exit handler must be registered first)
import os
import queue
import signal
import sys
import threading
import time
import types
import weakref
from collections.abc import Collection, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Any

from kumi.core.errors import ConfigurationError
from kumi.engine.pending import OutputLostError, PendingWrites
from kumi.engine.worker import StepOutcome, serve

logger = logging.getLogger(__name__)

START_TIMEOUT_S = 180.0
"""How long a new worker may take to import what it needs and say it is ready."""

STORE_WAIT_S = 120.0
"""How long a worker about to be stopped may take to finish writing earlier outputs."""

_WAIT_S = 0.1


@dataclass(eq=False)
class PooledWorker:
    """The engine's handle on one worker process."""

    process: BaseProcess
    conn: Connection
    lifeline: Connection
    pid: int
    held: dict[str, int] = field(default_factory=dict)
    inbox: queue.Queue[tuple[Any, ...]] = field(default_factory=queue.Queue)
    """Messages about the step it runs: ``("progress", fraction, message)``,
    ``("done", outcome, held)``, or ``("lost",)`` once its connection ends."""

    def affinity(self, hashes: Collection[str]) -> int:
        """Bytes of the given values this worker holds in memory."""
        return sum(self.held.get(h, 0) for h in hashes)


class WorkerPool:
    """``size`` worker processes from ``ctx``, each keeping up to ``budget_bytes`` of
    values in memory."""

    def __init__(self, ctx: ForkServerContext | SpawnContext, size: int, budget_bytes: int):
        self.ctx = ctx
        self.size = size
        self.budget_bytes = budget_bytes
        self._cond = threading.Condition()
        self._idle: list[PooledWorker] = []
        self._busy: list[PooledWorker] = []
        self._starting = 0
        self._closed = False
        self._start_error: Exception | None = None
        self._pending = PendingWrites()
        _OPEN_POOLS.add(self)
        with self._cond:
            self._grow()

    @property
    def closed(self) -> bool:
        return self._closed

    def acquire(
        self, hashes: Collection[str], keys: Collection[str], cancel: threading.Event
    ) -> PooledWorker | None:
        """An idle worker for a step reading the values ``hashes`` stored under ``keys``
        (None once ``cancel`` is set): the one still writing some of them, else one
        holding most of them in memory. Waits while no worker fits."""
        with self._cond:
            while True:
                if self._closed:
                    raise ConfigurationError(
                        "The engine was closed; create a new Engine to run more steps.",
                        details={},
                    )
                failure = self._pending.failure(keys)
                if failure is not None:
                    raise OutputLostError(failure["message"], details=failure["details"])
                worker = self._fitting(hashes, keys)
                if worker is not None:
                    self._idle.remove(worker)
                    self._busy.append(worker)
                    return worker
                if self._start_error is not None and not self._busy and not self._starting:
                    raise self._start_error
                if cancel.is_set():
                    return None
                self._cond.wait(_WAIT_S)

    def _fitting(self, hashes: Collection[str], keys: Collection[str]) -> PooledWorker | None:
        writers = self._pending.owners(keys)
        if writers:  # only the worker writing the inputs may read them yet
            return (
                next((w for w in self._idle if w in writers), None) if len(writers) == 1 else None
            )
        free = [w for w in self._idle if not self._pending.owns_any(w)]
        return _best(free, hashes) if free else None

    def when_stored(self, keys: Collection[str]) -> Future[None]:
        """Done once every key is written to the store (see :class:`PendingWrites`)."""
        with self._cond:
            return self._pending.when_stored(keys)

    def release(self, worker: PooledWorker, held: dict[str, int]) -> None:
        """Give back a healthy worker with the values it now holds."""
        worker.held = held
        with self._cond:
            self._busy.remove(worker)
            if self._closed:
                _stop(worker)
                return
            self._idle.append(worker)
            self._cond.notify_all()

    def discard(self, worker: PooledWorker) -> None:
        """Stop a worker that crashed, hung or was canceled (once it has written what it
        still had to, if it is alive), and start its replacement."""
        deadline = time.monotonic() + STORE_WAIT_S
        with self._cond:
            while (
                self._pending.owns_any(worker)
                and worker.process.is_alive()
                and not self._closed
                and time.monotonic() < deadline
            ):
                self._cond.wait(_WAIT_S)
        _stop(worker)
        with self._cond:
            if worker in self._busy:
                self._busy.remove(worker)
            self._grow()

    def pids(self) -> list[int]:
        """Process ids of the live workers (idle or busy)."""
        with self._cond:
            return [w.pid for w in (*self._idle, *self._busy)]

    def close(self) -> None:
        """Stop every worker (and what its step started); running steps fail."""
        with self._cond:
            self._closed = True
            workers = [*self._idle, *self._busy]
            self._idle.clear()
            self._cond.notify_all()
        for worker in workers:
            _stop(worker)
        _OPEN_POOLS.discard(self)

    # -- starting ----------------------------------------------------------------------
    def _grow(self) -> None:
        """Start the workers missing (called with the lock held)."""
        if self._closed:
            return
        missing = self.size - len(self._idle) - len(self._busy) - self._starting
        for _ in range(missing):
            self._starting += 1
            threading.Thread(target=self._start_one, name="kumi-worker-start", daemon=True).start()

    def _start_one(self) -> None:
        try:
            worker = self._launch()
        except Exception as exc:
            logger.error("A step worker could not start: %s", exc)
            with self._cond:
                self._starting -= 1
                self._start_error = exc
                self._cond.notify_all()
            return
        with self._cond:
            self._starting -= 1
            if not self._closed:
                self._start_error = None
                self._idle.append(worker)
                self._cond.notify_all()
                return
        _stop(worker)

    def _launch(self) -> PooledWorker:
        conn, child_conn = self.ctx.Pipe(duplex=True)
        lifeline_end, lifeline = self.ctx.Pipe(duplex=False)
        process = self.ctx.Process(
            target=serve, args=(child_conn, lifeline_end, self.budget_bytes), name="kumi-worker"
        )
        with _main_module_hidden():
            process.start()
        child_conn.close()
        lifeline_end.close()
        worker = PooledWorker(process, conn, lifeline, pid=process.pid or 0)
        try:
            if conn.poll(START_TIMEOUT_S):
                message = conn.recv()
                if message[0] == "ready":
                    reader = threading.Thread(
                        target=self._read, args=(worker,), name="kumi-worker-reader", daemon=True
                    )
                    reader.start()
                    return worker
        except (EOFError, OSError):
            pass
        _stop(worker)
        raise ConfigurationError(
            f"A step worker process did not start (exit code {process.exitcode}); check that "
            "kumi and its dependencies import cleanly, or use executor='inline' to debug.",
            details={"exit_code": process.exitcode},
        )

    def _read(self, worker: PooledWorker) -> None:
        """Receive ``worker``'s messages until its connection ends: record its writes
        (a step's pending outputs are recorded before the step's answer is passed on)
        and hand the rest to the thread supervising its step."""
        while True:
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                break
            if message[0] == "stored":
                with self._cond:
                    self._pending.resolve(message[1], message[2])
                    self._cond.notify_all()
                continue
            if message[0] == "done" and isinstance(message[1], StepOutcome):
                with self._cond:
                    self._pending.add(worker, message[1].pending)
            worker.inbox.put(message)
        with self._cond:
            self._pending.fail_owner(worker, _lost_writes(worker))
            self._cond.notify_all()
        worker.inbox.put(("lost",))


def _lost_writes(worker: PooledWorker) -> dict[str, Any]:
    return {
        "code": OutputLostError.code,
        "message": (
            f"The worker process writing this output (pid {worker.pid}) stopped before it "
            "was stored, e.g. because a later step on it crashed or the engine was closed. "
            "Run the pipeline again."
        ),
        "details": {"pid": worker.pid},
    }


def _best(idle: list[PooledWorker], hashes: Collection[str]) -> PooledWorker:
    """The worker holding most of the inputs; without any, the one holding least (so
    workers with data stay free for the steps that read it)."""
    best = max(idle, key=lambda w: w.affinity(hashes))
    if best.affinity(hashes) > 0:
        return best
    return min(idle, key=lambda w: sum(w.held.values()))


def kill_group(process: BaseProcess) -> None:
    """Stop a worker and anything its step started (the worker's process group)."""
    if process.pid is None:
        return
    # the group may not be set up yet or be gone already; the process is killed anyway
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError, ValueError):
        process.kill()


def _stop(worker: PooledWorker) -> None:
    kill_group(worker.process)
    with contextlib.suppress(OSError, ValueError, AssertionError):
        worker.process.join(5)
    for conn in (worker.conn, worker.lifeline):
        with contextlib.suppress(OSError):
            conn.close()


_MAIN_LOCK = threading.Lock()


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start workers without re-running the parent's ``__main__`` in each of them
    (multiprocessing would import the parent's script, e.g. the whole CLI). Steps never
    need it: their payload is cloudpickled, by value for ``__main__`` code."""
    with _MAIN_LOCK:
        real = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = real


_OPEN_POOLS: weakref.WeakSet[WorkerPool] = weakref.WeakSet()


def _close_open_pools() -> None:
    for pool in list(_OPEN_POOLS):
        pool.close()


# registered after multiprocessing's own exit handler, so it runs first: that handler
# waits for non-daemonic children (workers are not daemonic: steps may start processes)
atexit.register(_close_open_pools)
