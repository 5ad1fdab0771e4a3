"""Executors run one step: each in its own child process (isolated: a crash, a hang or
``os._exit`` fails that step only), or inline in the engine's process for debugging."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
import types
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Protocol

from kumi.core.component import ProgressCallback
from kumi.core.errors import ConfigurationError
from kumi.engine.worker import StepOutcome, StepTask, child_main, error_dict, execute_step

DEFAULT_PRELOAD = ("kumi.engine.worker", "kumi.registry", "pandas", "pyarrow", "sklearn.base")
"""Modules the step process server imports once, so each step starts in tens of ms."""

_POLL_S = 0.1


class StepExecutor(Protocol):
    def execute(
        self, task: StepTask, *, cancel: threading.Event, on_progress: ProgressCallback
    ) -> StepOutcome:
        """Run ``task``; stop early when ``cancel`` is set (where possible)."""
        ...


class InlineExecutor:
    """Runs steps in the engine's own process (no isolation, no time limit)."""

    def execute(
        self, task: StepTask, *, cancel: threading.Event, on_progress: ProgressCallback
    ) -> StepOutcome:
        return execute_step(task, on_progress=on_progress)


class ProcessExecutor:
    """Runs each step in a fresh child process: started by a forkserver that has
    ``preload`` imported where available (or ``start_method="spawn"``), else spawned."""

    def __init__(
        self, *, preload: Sequence[str] = DEFAULT_PRELOAD, start_method: str | None = None
    ) -> None:
        self._ctx: ForkServerContext | SpawnContext
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
            self._ctx = server
        else:
            self._ctx = multiprocessing.get_context("spawn")

    @property
    def start_method(self) -> str:
        return self._ctx.get_start_method()

    def execute(
        self, task: StepTask, *, cancel: threading.Event, on_progress: ProgressCallback
    ) -> StepOutcome:
        reader, writer = self._ctx.Pipe(duplex=False)
        process = self._ctx.Process(
            target=child_main, args=(task, writer), name=f"kumi-step-{task.node_id}"
        )
        with _main_module_hidden():
            process.start()
        writer.close()
        try:
            return _supervise(task, process, reader, cancel, on_progress)
        finally:
            reader.close()
            _reap(process)


_MAIN_LOCK = threading.Lock()


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start children without re-running the parent's ``__main__`` in each of them
    (multiprocessing would import the parent's script, e.g. the whole CLI, per step).
    Steps never need it: their payload is cloudpickled, by value for ``__main__`` code."""
    with _MAIN_LOCK:
        real = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = real


def _supervise(
    task: StepTask,
    process: BaseProcess,
    reader: Connection,
    cancel: threading.Event,
    on_progress: ProgressCallback,
) -> StepOutcome:
    deadline = time.monotonic() + task.timeout_s if task.timeout_s else None
    while True:
        remaining = deadline - time.monotonic() if deadline else _POLL_S
        ready = wait([reader, process.sentinel], timeout=max(0.0, min(_POLL_S, remaining)))
        if reader in ready or (ready and reader.poll()):
            try:
                message = reader.recv()
            except EOFError:
                return _crashed(task, process)
            if message[0] == "progress":
                on_progress(message[1], message[2])
                continue
            outcome: StepOutcome = message[1]
            return outcome
        if ready:
            return _crashed(task, process)
        if cancel.is_set():
            _kill(process)
            _note(task, "Step canceled: the run was canceled while it ran.")
            return StepOutcome(canceled=True)
        if deadline is not None and time.monotonic() >= deadline:
            _kill(process)
            return _timed_out(task)


def _crashed(task: StepTask, process: BaseProcess) -> StepOutcome:
    process.join(5)
    code = process.exitcode
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


def _kill(process: BaseProcess) -> None:
    """Stop the step and anything it started (its process group)."""
    if process.pid is None:
        return
    # the group may not be set up yet or be gone already; the process is killed anyway
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.kill()


def _reap(process: BaseProcess) -> None:
    process.join(2)
    if process.is_alive():
        _kill(process)
        process.join()
