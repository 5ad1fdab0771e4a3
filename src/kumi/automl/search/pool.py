"""Persistent trial workers: started once, each holding the memory-mapped data; a worker
whose trial runs too long is killed and replaced.

Workers are forked from multiprocessing's fork server where there is one, with the model
libraries imported there once (``PRELOAD``): a new worker is ready in a fraction of a
second instead of importing them again, which matters for short budgets and for every job
after the first in a long-lived process (the studio).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from kumi.automl.search.evaluate import TrialSpec
from kumi.automl.search.worker import serve
from kumi.automl.trials import TrialResult

PRELOAD = (
    "kumi.automl.search.worker",
    "kumi.automl.families",
    "lightgbm",
    "xgboost",
    "sklearn.ensemble",
    "sklearn.linear_model",
    "sklearn.neighbors",
    "sklearn.neural_network",
)


@dataclass(eq=False)
class Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    spec: TrialSpec | None = None
    started: float = 0.0
    """``time.monotonic()`` when its trial was sent."""


class TrialPool:
    """``size`` worker processes, each running one trial at a time with ``n_threads``."""

    def __init__(self, size: int, data_dir: Path, work_dir: Path, n_threads: int) -> None:
        self._ctx = _context()
        self._args = (str(data_dir), str(work_dir), n_threads)
        self.workers: list[Worker] = [self._start() for _ in range(size)]

    def idle(self) -> list[Worker]:
        return [w for w in self.workers if w.ready and w.spec is None]

    def running(self) -> list[Worker]:
        return [w for w in self.workers if w.spec is not None]

    def submit(self, worker: Worker, spec: TrialSpec) -> None:
        worker.conn.send(spec)
        worker.spec, worker.started = spec, time.monotonic()

    def collect(self, timeout: float) -> list[TrialResult]:
        """Results that arrive within ``timeout`` seconds; a worker that died mid-trial
        gives a "failed" result and is replaced."""
        results: list[TrialResult] = []
        ready = wait([w.conn for w in self.workers], timeout=max(timeout, 0.0))
        for worker in [w for w in self.workers if w.conn in ready]:
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                if worker.spec is not None:
                    results.append(lost(worker.spec, "failed", "the worker process died"))
                self.replace(worker)
                continue
            if message == "ready":
                worker.ready = True
            else:
                worker.spec = None
                results.append(message)
        return results

    def replace(self, worker: Worker) -> None:
        """Kill ``worker`` (and its trial) and start a new one in its place."""
        _kill(worker)
        self.workers[self.workers.index(worker)] = self._start()

    def close(self) -> None:
        """Stop every worker at once."""
        for worker in self.workers:
            _kill(worker)
        self.workers = []

    def _start(self) -> Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=serve, args=(child, *self._args), daemon=True, name="kumi-automl-trial"
        )
        with _main_module_hidden():
            process.start()
        child.close()
        return Worker(process, parent)


def _context() -> ForkServerContext | SpawnContext:
    """The fork server (its preload takes effect when this process starts it) or spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    server = multiprocessing.get_context("forkserver")
    server.set_forkserver_preload(list(PRELOAD))
    return server


def lost(spec: TrialSpec, status: str, error: str) -> TrialResult:
    """The record of a trial that produced no result."""
    return TrialResult(
        spec.number, spec.family, dict(spec.params), spec.encoding, status,  # type: ignore[arg-type]
        error=error, started_s=spec.started_s,
    )  # fmt: skip


def _kill(worker: Worker) -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        worker.process.kill()
        worker.process.join(2)
    with contextlib.suppress(OSError):
        worker.conn.close()


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start a worker without importing the parent's main script in it."""
    real = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = real
