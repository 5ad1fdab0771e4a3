"""Running one step: load its inputs, run the component, store its outputs.

:func:`execute_step` does the work wherever it is called (a worker process or, for
debugging, the engine's own process); :func:`serve` is the entry point of a worker
process, which runs steps one at a time and keeps recent port values in memory.
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import logging
import os
import pickle
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import cloudpickle
import pandas as pd

from kumi.core.component import (
    PORT_VALUE_TYPES,
    Component,
    Inputs,
    ProgressCallback,
    RunContext,
)
from kumi.core.contracts import ArtifactStore, DatasetResolver, OutputRef
from kumi.core.errors import KumiError
from kumi.core.params import Params
from kumi.core.types import PortType
from kumi.engine.codecs import PreparedValue, load_snapshot, load_value, prepare_value
from kumi.engine.logcapture import capture_output
from kumi.engine.pages import use_ordinary_pages
from kumi.engine.saved import StoreValueLoader
from kumi.engine.valuecache import ValueCache
from kumi.engine.writebehind import BackgroundWriter

ARTIFACT_PREFIX = "artifacts"
WORKER_PANDAS_MODE = "copy_on_write"
"""Workers run pandas with copy-on-write (pandas 3's only mode): a step that selects or
passes columns through shares their memory instead of copying them. Components must not
write through views (the contract check ``check_same_under_copy_on_write``)."""


class ComponentContractError(KumiError):
    """A component broke its contract (wrong return value)."""

    code = "component_error"


@dataclass(frozen=True)
class StepPayload:
    """What a step needs that may live outside kumi's modules (sent with cloudpickle)."""

    component: type[Component]
    params: Params
    store: ArtifactStore
    datasets: DatasetResolver | None
    datastore: str | None = None
    """Root that ``datastore://`` paths resolve against (None: the run has none)."""


@dataclass(frozen=True)
class StepTask:
    """Everything a worker needs to run one step."""

    run_id: str
    node_id: str
    component_id: str
    payload: bytes
    inputs: dict[str, OutputRef]
    log_path: Path
    scratch_dir: Path
    timeout_s: float | None = None
    last_use: frozenset[str] = frozenset()
    """Input ports no later step of the run reads: their values need not stay in memory."""

    @classmethod
    def build(cls, payload: StepPayload, **fields: Any) -> StepTask:
        return cls(payload=cloudpickle.dumps(payload), **fields)


@dataclass(frozen=True)
class StepOutcome:
    """A worker's answer: the step's outputs, or an error ``{"code", "message",
    "details"}``. ``memory_inputs`` names the input ports taken from memory rather than
    the store; ``pending`` the output keys the worker is still writing to the store."""

    outputs: dict[str, OutputRef] = field(default_factory=dict)
    error: dict[str, Any] | None = None
    canceled: bool = False
    memory_inputs: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None and not self.canceled


@dataclass(frozen=True)
class DeferredWrite:
    """An output to write to the store after the step has answered."""

    key: str
    write: Callable[[], None]


@dataclass
class StoreSettings:
    """How a worker stores outputs: at once, or (with ``writer``) in the background, in
    which case the writes are collected in ``deferred`` for the caller to submit."""

    writer: BackgroundWriter | None = None
    deferred: list[DeferredWrite] = field(default_factory=list)


def execute_step(
    task: StepTask,
    *,
    on_progress: ProgressCallback,
    own_process: bool = False,
    cache: ValueCache | None = None,
    storing: StoreSettings | None = None,
) -> StepOutcome:
    """Run the step with its output captured in ``task.log_path``. ``own_process``:
    the caller is a process of its own (its logging may be changed freely); ``cache``:
    where inputs are looked up first and outputs kept; ``storing``: write outputs in the
    background (default: before returning)."""
    task.scratch_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{task.node_id}-", dir=task.scratch_dir))
    try:
        with capture_output(task.log_path, f"kumi.step.{task.node_id}") as logger:
            try:
                return _run_and_store(
                    task,
                    work,
                    logger,
                    on_progress,
                    own_process,
                    cache=cache,
                    storing=storing or StoreSettings(),
                )
            except KumiError as exc:
                logger.error("Step failed [%s]: %s", exc.code, exc.message)
                return StepOutcome(error=error_dict(exc.code, exc.message, exc.details))
            except (Exception, SystemExit) as exc:
                logger.exception("Component '%s' raised %s", task.component_id, type(exc).__name__)
                message = (
                    f"Step '{task.node_id}' (component {task.component_id}) failed: "
                    f"{type(exc).__name__}: {exc}. The step's log has the traceback."
                )
                return StepOutcome(error=error_dict("component_error", message))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run_and_store(
    task: StepTask,
    work: Path,
    logger: logging.Logger,
    on_progress: ProgressCallback,
    own_process: bool,
    *,
    cache: ValueCache | None,
    storing: StoreSettings,
) -> StepOutcome:
    payload: StepPayload = pickle.loads(task.payload)
    if own_process:  # keep libraries' INFO records (after imports, which are noisy)
        logging.getLogger().setLevel(logging.INFO)
    component = payload.component
    logger.info("Step '%s': component %s version %s", task.node_id, component.id, component.version)
    started = time.perf_counter()
    values, in_memory = _load_inputs(task, payload.store, cache, logger, storing.writer)
    loaded = time.perf_counter()
    ctx = RunContext(
        node_id=task.node_id,
        work_dir=_mkdir(work / "work"),
        logger=logger,
        datasets=payload.datasets,
        timeout_s=task.timeout_s,
        on_progress=on_progress,
        run_id=task.run_id,
        saved=StoreValueLoader(payload.store),
        datastore=payload.datastore,
    )
    produced = component().run(payload.params, Inputs(values), ctx)
    ran = time.perf_counter()
    prepared = _prepare_outputs(component, produced, payload.store, task.node_id, cache=cache)
    pending = _store(prepared, payload.store, work / "out", storing, task.scratch_dir)
    stored = time.perf_counter()
    storing_text = (
        f"preparing outputs {stored - ran:.2f} s, {len(pending)} written in the background"
        if pending
        else f"storing outputs {stored - ran:.2f} s"
    )
    logger.info(
        "Step '%s' finished; outputs: %s (reading inputs %.2f s, running %.2f s, %s)",
        task.node_id,
        ", ".join(prepared) or "(none)",
        loaded - started,
        ran - loaded,
        storing_text,
    )
    outputs = {port: ref for port, (ref, _) in prepared.items()}
    return StepOutcome(outputs=outputs, memory_inputs=in_memory, pending=pending)


def _load_inputs(
    task: StepTask,
    store: ArtifactStore,
    cache: ValueCache | None,
    logger: logging.Logger,
    writer: BackgroundWriter | None,
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Each input's value: from ``cache`` when held there (a copy, or the value itself
    for its last reader), else read from the store (once ``writer`` has written it)."""
    values: dict[str, Any] = {}
    in_memory = []
    for port, ref in task.inputs.items():
        last = port in task.last_use
        snapshot = None
        if cache is not None:
            snapshot = cache.take(ref.content_hash) if last else cache.get(ref.content_hash)
        if snapshot is not None:
            in_memory.append(port)
            values[port] = snapshot.release() if last else snapshot.value()
            logger.info("Input '%s': taken from memory (%s)", port, ref.content_hash[:12])
            continue
        if writer is not None:
            writer.wait(ref.key)
        directory = store.get_dir(ref.key)
        if cache is None or last:
            values[port] = load_value(directory, ref.port_type, store)
        else:
            snapshot = load_snapshot(directory, ref.port_type, store)
            cache.put(ref.content_hash, snapshot)
            values[port] = snapshot.value()
        logger.info("Input '%s': read from the store (%s)", port, ref.key)
    return values, tuple(in_memory)


def _prepare_outputs(
    component: type[Component],
    produced: Any,
    store: ArtifactStore,
    node_id: str,
    *,
    cache: ValueCache | None,
) -> dict[str, tuple[OutputRef, PreparedValue]]:
    """Each output port's reference and encoded value (kept in ``cache``), after checking
    the component returned what its ports promise."""
    if not isinstance(produced, Mapping):
        raise ComponentContractError(
            f"Step '{node_id}': component '{component.id}' returned "
            f"{type(produced).__name__} instead of a mapping of output port to value.",
            details={"node": node_id},
        )
    prepared = {}
    for port in component.outputs:
        value = produced.get(port.name)
        expected = PORT_VALUE_TYPES[port.type]
        if not isinstance(value, expected):
            got = "nothing" if value is None else type(value).__name__
            raise ComponentContractError(
                f"Step '{node_id}': component '{component.id}' returned {got} for output "
                f"'{port.name}', which must be a {expected.__name__}.",
                details={"node": node_id, "port": port.name, "expected": expected.__name__},
            )
        encoded = prepare_value(value, port.type, store)
        if cache is not None:
            cache.put(encoded.content_hash, encoded.snapshot)
        ref = OutputRef(
            key=artifact_key(encoded.content_hash),
            content_hash=encoded.content_hash,
            port_type=port.type.value,
        )
        prepared[port.name] = (ref, encoded)
    return prepared


def _store(
    prepared: Mapping[str, tuple[OutputRef, PreparedValue]],
    store: ArtifactStore,
    out_dir: Path,
    storing: StoreSettings,
    scratch: Path,
) -> tuple[str, ...]:
    """Write the outputs the store lacks, now or (with a writer) later; return the keys
    left for later."""
    pending = []
    for port, (ref, encoded) in prepared.items():
        writer = storing.writer
        if writer is not None and (writer.is_pending(ref.key) or not store.exists(ref.key)):
            storing.deferred.append(DeferredWrite(ref.key, _staged(encoded, ref.key, scratch)))
            pending.append(ref.key)
        elif not store.exists(ref.key):
            encoded.write(out_dir / port, ref.key)
    return tuple(pending)


def _staged(encoded: PreparedValue, key: str, scratch: Path) -> Callable[[], None]:
    """A write of ``encoded`` under ``key`` staged in a folder of its own in ``scratch``."""

    def write() -> None:
        staging = Path(tempfile.mkdtemp(prefix="store-", dir=scratch))
        try:
            encoded.write(staging / "value", key, threads=1)  # the step has the other cores
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    return write


def artifact_key(content_hash: str) -> str:
    """Where a value with this content hash is stored."""
    return f"{ARTIFACT_PREFIX}/{content_hash[:2]}/{content_hash}"


def publish(
    value: Any,
    port_type: PortType,
    store: ArtifactStore,
    local_dir: Path,
    *,
    cache: ValueCache | None = None,
) -> OutputRef:
    """Save ``value`` and put it in the store under its content address (and in ``cache``)."""
    encoded = prepare_value(value, port_type, store)
    if cache is not None:
        cache.put(encoded.content_hash, encoded.snapshot)
    key = artifact_key(encoded.content_hash)
    if store.exists(key):
        shutil.rmtree(local_dir, ignore_errors=True)
    else:
        encoded.write(local_dir, key)
    return OutputRef(key=key, content_hash=encoded.content_hash, port_type=port_type.value)


def error_dict(code: str, message: str, details: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A JSON-safe error description."""
    safe = json.loads(json.dumps(dict(details or {}), default=str))
    return {"code": code, "message": message, "details": safe}


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def serve(conn: Connection, alive: Connection, budget_bytes: int) -> None:
    """Entry point of a worker process: run the tasks received on ``conn`` one at a time
    (answering ``("done", outcome, held)``, then ``("stored", key, error)`` for each output
    written in the background) until ``None`` or the end of ``conn``. The
    worker leads a process group of its own, so stopping it also stops what its steps
    started; it stops itself (and that group) when the engine's end of ``alive`` closes."""
    os.setpgid(0, 0)
    pd.set_option(f"mode.{WORKER_PANDAS_MODE}", True)
    use_ordinary_pages()
    threading.Thread(target=_exit_with_engine, args=(alive,), daemon=True).start()
    faulthandler.enable(file=2)  # fd 2 is the running step's log
    cache = ValueCache(budget_bytes)
    home = os.getcwd()
    lock = threading.Lock()

    def stored(key: str, error: dict[str, Any] | None) -> None:
        with lock:
            conn.send(("stored", key, error))

    writer = BackgroundWriter(stored)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task: StepTask | None = conn.recv()
        except EOFError:
            break
        if task is None:
            break
        running = threading.Event()
        running.set()

        def progress(fraction: float, message: str, running: threading.Event = running) -> None:
            with lock:
                if running.is_set():  # not after the step ended (a thread it left behind)
                    conn.send(("progress", fraction, message))

        storing = StoreSettings(writer)
        outcome = execute_step(
            task, on_progress=progress, own_process=True, cache=cache, storing=storing
        )
        with contextlib.suppress(OSError):
            os.chdir(home)  # a step that changed folder must not move the next one
        with lock:
            running.clear()
            conn.send(("done", outcome, cache.held()))
        if outcome.ok:  # after "done": the engine learns of a write before its end
            for deferred in storing.deferred:
                writer.submit(deferred.key, deferred.write)
    writer.drain()
    os._exit(0)


def _exit_with_engine(alive: Connection) -> None:
    with contextlib.suppress(EOFError, OSError):
        alive.recv()  # the engine never sends: this returns once its end is closed
    os.killpg(0, signal.SIGKILL)
