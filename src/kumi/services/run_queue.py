"""Runs submitted pipelines in the background, one run at a time, oldest first.

The queue lives in the metadata database (runs with status ``queued``), so a server that
stops loses nothing: a run it was executing is put back in the queue (stopping it cancels
its steps; steps that completed are reused from the cache when it runs again) and queued
runs start when the server is back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from kumi.core.errors import ConflictError
from kumi.engine import Engine, RunHandle, RunHooks
from kumi.graph import PipelineDocument
from kumi.services.pipeline_runs import execute_run, submit_run
from kumi.storage.records import Run
from kumi.storage.workspace import Workspace

logger = logging.getLogger(__name__)

IDLE_POLL_S = 1.0
"""How often an idle queue looks for runs queued by other processes (the CLI, a peer)."""


class RunQueue:
    """Executes queued runs of ``workspace`` on ``engine`` on a thread of its own."""

    def __init__(
        self,
        workspace: Workspace,
        engine: Engine,
        *,
        hooks: Sequence[RunHooks] = (),
        track: bool = True,
    ) -> None:
        self.workspace = workspace
        self.engine = engine
        self.hooks = tuple(hooks)
        self.track = track
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._current: tuple[str, RunHandle] | None = None
        self._cancel_requested: set[str] = set()
        self._thread: threading.Thread | None = None

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> RunQueue:
        """Put back runs left running by a server that stopped, then start executing."""
        for run in self.workspace.runs.briefs(status="running", limit=10_000):
            logger.info("Run %s was interrupted by a server stop; it is queued again.", run.id)
            self.workspace.runs.set_status(run.id, "queued")
        self._thread = threading.Thread(target=self._work, name="kumi-run-queue", daemon=True)
        self._thread.start()
        return self

    def close(self, timeout: float = 30.0) -> None:
        """Stop: the run being executed is canceled and queued again for the next start."""
        self._stopping.set()
        self._wake.set()
        with self._lock:
            current = self._current
        if current is not None:
            current[1].cancel()
        if self._thread is not None:
            self._thread.join(timeout)

    # -- requests ---------------------------------------------------------------------------
    def submit(
        self,
        document: PipelineDocument,
        *,
        parameter_values: Mapping[str, Any] | None = None,
        experiment: str | None = None,
        regenerate: bool | Sequence[str] = False,
    ) -> Run:
        """Check and queue a run; it starts when the runs before it are done."""
        run = submit_run(
            self.workspace,
            self.engine,
            document,
            parameter_values=parameter_values,
            experiment=experiment,
            regenerate=regenerate,
        )
        self._wake.set()
        return run

    def cancel(self, run_id: str) -> Run:
        """Cancel a queued or running run; a finished run cannot be canceled."""
        run = self.workspace.runs.get(run_id)
        with self._lock:
            if self._current is not None and self._current[0] == run_id:
                self._cancel_requested.add(run_id)
                self._current[1].cancel()
                return self.workspace.runs.get(run_id)
            if run.status == "queued":
                return self.workspace.runs.set_status(run_id, "canceled")
        raise ConflictError(
            f"Run '{run_id}' is {run.status}; only queued or running runs can be canceled.",
            details={"run_id": run_id, "status": run.status},
        )

    @property
    def current_run_id(self) -> str | None:
        with self._lock:
            return self._current[0] if self._current else None

    # -- the worker thread ------------------------------------------------------------------
    def _work(self) -> None:
        while not self._stopping.is_set():
            run = self._next()
            if run is None:
                self._wake.wait(IDLE_POLL_S)
                self._wake.clear()
                continue
            self._execute(run)

    def _next(self) -> Run | None:
        queued = self.workspace.runs.briefs(status="queued", limit=10_000)
        if not queued:
            return None
        return self.workspace.runs.get(min(queued, key=lambda r: r.created_at).id)

    def _execute(self, run: Run) -> None:
        def started(handle: RunHandle) -> None:
            with self._lock:
                self._current = (run.id, handle)
            if self._stopping.is_set():
                handle.cancel()

        try:
            execute_run(
                self.workspace,
                self.engine,
                run,
                hooks=self.hooks,
                track=self.track,
                on_start=started,
            )
        except Exception as exc:  # a run that cannot even start fails alone
            logger.exception("Run %s could not be executed", run.id)
            error: dict[str, Any] = {
                "code": getattr(exc, "code", "run_failed"),
                "message": f"The run could not be executed: {type(exc).__name__}: {exc}.",
                "details": {},
            }
            self.workspace.runs.set_status(run.id, "failed", error=error)
        finally:
            with self._lock:
                self._current = None
                asked = run.id in self._cancel_requested
                self._cancel_requested.discard(run.id)
            if self._stopping.is_set() and not asked:
                self.workspace.runs.set_status(run.id, "queued")  # resumes after a restart
