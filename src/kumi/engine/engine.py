"""The engine: runs execution plans against an artifact store and a cache index."""

from __future__ import annotations

import os
import tempfile
import threading
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from kumi.core.contracts import ArtifactStore, CacheIndex, DatasetResolver
from kumi.core.errors import InvalidInputError
from kumi.engine.executors import DEFAULT_PRELOAD, InlineExecutor, ProcessExecutor, StepExecutor
from kumi.engine.hooks import HookCaller, RunHooks
from kumi.engine.plan import ExecutionPlan, plan
from kumi.engine.results import RunResult
from kumi.engine.runner import PipelineRun, RunSettings
from kumi.graph.document import PipelineDocument
from kumi.registry.registry import ComponentRegistry

ExecutorKind = Literal["process", "inline"]


class RunHandle:
    """A run started in the background."""

    def __init__(self, run: PipelineRun, thread: threading.Thread) -> None:
        self._run = run
        self._thread = thread

    @property
    def run_id(self) -> str:
        return self._run.run_id

    @property
    def done(self) -> bool:
        return self._run.finished.is_set()

    def wait(self, timeout: float | None = None) -> RunResult:
        """The run's result once finished; after ``timeout`` seconds, its progress so
        far (status ``running``) if it has not finished yet."""
        self._run.finished.wait(timeout)
        return self._run.snapshot()

    def cancel(self) -> None:
        """Stop running steps (their worker processes are killed and replaced) and cancel
        queued ones."""
        self._run.cancel()

    def status(self) -> RunResult:
        """A snapshot of the run: status and every step's state."""
        return self._run.snapshot()


class Engine:
    """Runs pipelines step by step, in isolated worker processes by default.

    ``executor`` is ``"process"`` (``max_workers`` persistent worker processes, started
    in the background right away; each step runs in one of them, a crashed, timed-out or
    canceled step's worker is replaced), ``"inline"`` (in this process, for debugging) or
    a StepExecutor instance (which the caller closes). ``log_dir`` receives
    ``<run_id>/<node_id>.log`` per executed step (default: a new temporary folder);
    ``scratch_dir`` holds steps' temporary work folders. :meth:`close` (or ``with``)
    stops the workers; they are also stopped when the engine is garbage-collected or the
    interpreter exits. ``datastore`` is the root (folder or fsspec URL) that steps'
    ``datastore://`` paths resolve against.
    """

    def __init__(
        self,
        registry: ComponentRegistry,
        store: ArtifactStore,
        cache: CacheIndex,
        *,
        datasets: DatasetResolver | None = None,
        max_workers: int | None = os.cpu_count(),
        executor: ExecutorKind | StepExecutor = "process",
        step_timeout_s: float | None = None,
        log_dir: str | Path | None = None,
        scratch_dir: str | Path | None = None,
        preload: Sequence[str] = DEFAULT_PRELOAD,
        datastore: str | None = None,
    ) -> None:
        self.registry = registry
        self.store = store
        self.cache = cache
        self.datasets = datasets
        self.datastore = datastore
        # inline steps share the process's stdout and stderr: one at a time
        inline = executor == "inline" or isinstance(executor, InlineExecutor)
        self.max_workers = 1 if inline else max(1, max_workers or 1)
        self.executor = _make_executor(executor, preload, self.max_workers)
        self._owns_executor = isinstance(executor, str)
        self.step_timeout_s = step_timeout_s
        self.log_dir = Path(log_dir) if log_dir else Path(tempfile.mkdtemp(prefix="kumi-logs-"))
        self.scratch_dir = Path(scratch_dir or Path(tempfile.gettempdir()) / "kumi-steps")

    def close(self) -> None:
        """Stop the engine's worker processes (steps still running fail)."""
        close = getattr(self.executor, "close", None)
        if self._owns_executor and close is not None:
            close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def plan(
        self, doc: PipelineDocument, *, parameter_values: Mapping[str, Any] | None = None
    ) -> ExecutionPlan:
        """Validate and plan ``doc`` with this engine's registry and datasets."""
        return plan(doc, self.registry, parameter_values=parameter_values, datasets=self.datasets)

    def run(
        self,
        target: ExecutionPlan | PipelineDocument,
        *,
        run_id: str | None = None,
        hooks: Sequence[RunHooks] = (),
        regenerate: bool | set[str] = False,
    ) -> RunResult:
        """Run to the end in this thread and return the result."""
        return self._new_run(target, run_id, hooks, regenerate).execute()

    def start(
        self,
        target: ExecutionPlan | PipelineDocument,
        *,
        run_id: str | None = None,
        hooks: Sequence[RunHooks] = (),
        regenerate: bool | set[str] = False,
    ) -> RunHandle:
        """Start a run in a background thread."""
        run = self._new_run(target, run_id, hooks, regenerate)
        thread = threading.Thread(target=run.execute, name=f"kumi-run-{run.run_id}", daemon=True)
        thread.start()
        return RunHandle(run, thread)

    def _new_run(
        self,
        target: ExecutionPlan | PipelineDocument,
        run_id: str | None,
        hooks: Sequence[RunHooks],
        regenerate: bool | set[str],
    ) -> PipelineRun:
        planned = self.plan(target) if isinstance(target, PipelineDocument) else target
        settings = RunSettings(
            store=self.store,
            cache=self.cache,
            executor=self.executor,
            datasets=self.datasets,
            max_workers=self.max_workers,
            step_timeout_s=self.step_timeout_s,
            log_dir=self.log_dir,
            scratch_dir=self.scratch_dir,
            datastore=self.datastore,
        )
        return PipelineRun(
            planned,
            settings,
            run_id=run_id or uuid.uuid4().hex,
            hooks=HookCaller(hooks),
            regenerate=_regenerate_set(planned, regenerate),
        )


def _make_executor(
    kind: str | StepExecutor, preload: Sequence[str], max_workers: int
) -> StepExecutor:
    if not isinstance(kind, str):
        return kind
    if kind == "process":
        return ProcessExecutor(preload=preload, max_workers=max_workers)
    if kind == "inline":
        return InlineExecutor()
    raise InvalidInputError(
        f"Unknown executor '{kind}'; use 'process' (isolated steps) or 'inline' (debugging).",
        details={"executor": kind},
    )


def _regenerate_set(planned: ExecutionPlan, regenerate: bool | set[str]) -> set[str]:
    if regenerate is True:
        return set(planned.order)
    if regenerate is False:
        return set()
    unknown = sorted(set(regenerate) - set(planned.order))
    if unknown:
        raise InvalidInputError(
            f"Cannot regenerate unknown step(s) {', '.join(unknown)}; steps: "
            f"{', '.join(planned.order)}.",
            details={"unknown": unknown},
        )
    return set(regenerate)
