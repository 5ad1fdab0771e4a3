"""Executors run one step: in a pool of persistent worker processes (isolated: a crash, a
hang or ``os._exit`` fails that step only and its worker is replaced), or inline in the
engine's process for debugging."""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
import weakref
from collections.abc import Collection, Sequence
from concurrent.futures import Future
from multiprocessing.context import ForkServerContext, SpawnContext
from types import TracebackType
from typing import Protocol

from kumi.core.component import ProgressCallback
from kumi.core.errors import ConfigurationError
from kumi.engine.pool import PooledWorker, WorkerPool
from kumi.engine.valuecache import ValueCache, default_budget
from kumi.engine.worker import StepOutcome, StepTask, error_dict, execute_step

DEFAULT_PRELOAD = (
    "kumi.engine.worker",
    "kumi.registry",
    "kumi.storage",
    "pandas",
    "pyarrow",
    "sklearn.base",
    "sklearn.compose",
    "sklearn.ensemble",
    "sklearn.impute",
    "sklearn.linear_model",
    "sklearn.pipeline",
    "sklearn.preprocessing",
    "lightgbm",
)
"""Modules the worker process server imports once, so each worker starts in tens of ms
(``kumi.storage``: every step's payload holds its artifact store) and a worker's first
training step does not import the learners' libraries (~0.35 s). Importing LightGBM loads
its OpenMP runtime without starting threads, so forking after it is safe."""

_POLL_S = 0.1
_SEND_ATTEMPTS = 3


class StepExecutor(Protocol):
    def execute(
        self, task: StepTask, *, cancel: threading.Event, on_progress: ProgressCallback
    ) -> StepOutcome:
        """Run ``task``; stop early when ``cancel`` is set (where possible)."""
        ...

    def when_stored(self, keys: Collection[str]) -> Future[None]:
        """Done once the outputs ``keys`` (an outcome's ``pending``) are in the store."""
        ...


class InlineExecutor:
    """Runs steps in the engine's own process (no isolation, no time limit)."""

    def __init__(self, *, memory_budget_bytes: int | None = None) -> None:
        self.cache = ValueCache(memory_budget_bytes or default_budget(1) // 2)

    def execute(
        self, task: StepTask, *, cancel: threading.Event, on_progress: ProgressCallback
    ) -> StepOutcome:
        return execute_step(task, on_progress=on_progress, cache=self.cache)

    def when_stored(self, keys: Collection[str]) -> Future[None]:
        done: Future[None] = Future()  # inline steps store their outputs before answering
        done.set_result(None)
        return done

    def close(self) -> None:
        """Drop the values kept in memory."""
        self.cache = ValueCache(self.cache.budget_bytes)


class ProcessExecutor:
    """Runs steps in ``max_workers`` persistent worker processes (default: one per CPU),
    started at once in the background by a forkserver that has ``preload`` imported where
    available (or ``start_method="spawn"``), else spawned. Each worker keeps up to
    ``memory_budget_bytes`` of recent port values in memory (default: a quarter of RAM
    shared among the workers). :meth:`close` stops the workers; so does garbage
    collection or the end of the interpreter."""

    def __init__(
        self,
        *,
        preload: Sequence[str] = DEFAULT_PRELOAD,
        start_method: str | None = None,
        max_workers: int | None = None,
        memory_budget_bytes: int | None = None,
    ) -> None:
        ctx = _context(start_method, preload)
        size = max(1, max_workers or os.cpu_count() or 1)
        self._pool = WorkerPool(ctx, size, memory_budget_bytes or default_budget(size))
        self._close = weakref.finalize(self, self._pool.close)

    @property
    def start_method(self) -> str:
        return self._pool.ctx.get_start_method()

    @property
    def max_workers(self) -> int:
        return self._pool.size

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers."""
        return self._pool.pids()

    def close(self) -> None:
        """Stop the workers; steps still running fail."""
        self._close()

    def __enter__(self) -> ProcessExecutor:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def execute(
        self, task: StepTask, *, cancel: threading.Event, on_progress: ProgressCallback
    ) -> StepOutcome:
        worker = self._dispatch(task, cancel)
        if worker is None:
            _note(task, "Step canceled: the run was canceled before it started.")
            return StepOutcome(canceled=True)
        held = None
        try:
            outcome, held = _supervise(task, worker, cancel, on_progress, self._pool)
            return outcome
        finally:
            if held is not None:
                self._pool.release(worker, held)
            else:
                self._pool.discard(worker)

    def when_stored(self, keys: Collection[str]) -> Future[None]:
        return self._pool.when_stored(keys)

    def _dispatch(self, task: StepTask, cancel: threading.Event) -> PooledWorker | None:
        """Hand ``task`` to an idle worker (another one if that one died while idle)."""
        hashes = {ref.content_hash for ref in task.inputs.values()}
        keys = {ref.key for ref in task.inputs.values()}
        for attempt in range(_SEND_ATTEMPTS):
            worker = self._pool.acquire(hashes, keys, cancel)
            if worker is None:
                return None
            try:
                worker.conn.send(task)
                return worker
            except OSError:
                self._pool.discard(worker)
                if attempt == _SEND_ATTEMPTS - 1:
                    raise
        return None


def _context(start_method: str | None, preload: Sequence[str]) -> ForkServerContext | SpawnContext:
    available = multiprocessing.get_all_start_methods()
    if start_method not in (None, "forkserver", "spawn") or (
        start_method is not None and start_method not in available
    ):
        raise ConfigurationError(
            f"Start method '{start_method}' is not usable here; use one of "
            f"{', '.join(m for m in ('forkserver', 'spawn') if m in available)}.",
            details={"start_method": start_method, "available": available},
        )
    if start_method in (None, "forkserver") and "forkserver" in available:
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(list(preload))
        return server
    return multiprocessing.get_context("spawn")


def _supervise(
    task: StepTask,
    worker: PooledWorker,
    cancel: threading.Event,
    on_progress: ProgressCallback,
    pool: WorkerPool,
) -> tuple[StepOutcome, dict[str, int] | None]:
    """Wait for the step's outcome; the values its worker holds, or None when the worker
    must be stopped (it died, ran too long or the run was canceled)."""
    deadline = time.monotonic() + task.timeout_s if task.timeout_s else None
    while True:
        remaining = deadline - time.monotonic() if deadline else _POLL_S
        try:
            message = worker.inbox.get(timeout=max(0.0, min(_POLL_S, remaining)))
        except queue.Empty:
            message = None
        if message is not None:
            if message[0] == "progress":
                on_progress(message[1], message[2])
                continue
            if message[0] == "done":
                return message[1], message[2]
            return _crashed(task, worker, pool), None
        if not worker.process.is_alive() and worker.inbox.empty():
            return _crashed(task, worker, pool), None
        if cancel.is_set():
            _note(task, "Step canceled: the run was canceled while it ran.")
            return StepOutcome(canceled=True), None
        if deadline is not None and time.monotonic() >= deadline:
            return _timed_out(task), None


def _crashed(task: StepTask, worker: PooledWorker, pool: WorkerPool) -> StepOutcome:
    if pool.closed:
        message = f"Step '{task.node_id}' was stopped: the engine was closed while it ran."
        _note(task, message)
        return StepOutcome(error=error_dict("step_failed", message))
    worker.process.join(5)
    code = worker.process.exitcode
    if code is not None and code < 0:
        how = f"killed by signal {signal.Signals(-code).name}"
    else:
        how = f"exit code {code}"
    message = (
        f"Step '{task.node_id}' (component {task.component_id}) stopped unexpectedly "
        f"({how}) before finishing, e.g. a crash in native code or a call to os._exit. "
        f"See its log: {task.log_path}."
    )
    _note(task, message)
    return StepOutcome(error=error_dict("step_failed", message, {"exit_code": code}))


def _timed_out(task: StepTask) -> StepOutcome:
    message = (
        f"Step '{task.node_id}' (component {task.component_id}) ran longer than its time "
        f"limit of {task.timeout_s:g} s and was stopped. Raise the step time limit or make "
        "the step do less work."
    )
    _note(task, message)
    return StepOutcome(error=error_dict("step_timeout", message, {"timeout_s": task.timeout_s}))


def _note(task: StepTask, message: str) -> None:
    """Append the engine's own finding to the step's log."""
    task.log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(task.log_path, "a", encoding="utf-8") as log:
        log.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} ERROR kumi.engine: {message}\n")
