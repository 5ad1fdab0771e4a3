"""One pipeline run: schedules steps as their inputs become ready, reuses cached
results, runs the rest in parallel through an executor and reports through hooks."""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kumi.core.component import RunContext
from kumi.core.contracts import ArtifactStore, CacheEntry, CacheIndex, DatasetResolver
from kumi.core.errors import KumiError
from kumi.engine.cache import CacheDecision, cache_key, decide
from kumi.engine.executors import StepExecutor
from kumi.engine.hooks import HookCaller
from kumi.engine.plan import ExecutionPlan
from kumi.engine.results import RunResult, RunStatus, StepResult, StepStatus
from kumi.engine.saved import StoreValueLoader
from kumi.engine.worker import StepOutcome, StepPayload, StepTask, error_dict

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunSettings:
    """What a run takes from its engine."""

    store: ArtifactStore
    cache: CacheIndex
    executor: StepExecutor
    datasets: DatasetResolver | None
    max_workers: int
    step_timeout_s: float | None
    log_dir: Path
    scratch_dir: Path
    datastore: str | None = None


class PipelineRun:
    """The state of one run. :meth:`execute` runs it to the end in the calling thread;
    :meth:`cancel` and :meth:`snapshot` may be called from any thread."""

    def __init__(
        self,
        plan: ExecutionPlan,
        settings: RunSettings,
        *,
        run_id: str,
        hooks: HookCaller,
        regenerate: set[str],
    ) -> None:
        self.plan = plan
        self.settings = settings
        self.run_id = run_id
        self.hooks = hooks
        self.regenerate = regenerate
        self.canceled = threading.Event()
        self.finished = threading.Event()
        self._lock = threading.Lock()
        self._steps = {n: StepResult(n, plan.steps[n].component_id) for n in plan.order}
        self._storing: dict[Future[None], str] = {}
        """Steps that have answered and whose outputs are still being written: their
        dependents may start (on the worker writing them), they finish once written."""
        self._started_at: dict[str, float] = {}
        self._t0 = time.monotonic()
        self._result: RunResult | None = None

    # -- public ------------------------------------------------------------------------
    def execute(self) -> RunResult:
        self.hooks.call("before_pipeline_run", run_id=self.run_id, plan=self.plan)
        try:
            self._schedule()
        except Exception as exc:  # keep the run's record consistent even on engine bugs
            logger.exception("Run %s stopped by an engine error", self.run_id)
            self._fail_unfinished(exc)
        result = self.snapshot(final=True)
        with self._lock:
            self._result = result
        self.hooks.call("after_pipeline_run", run_id=self.run_id, plan=self.plan, result=result)
        self.finished.set()
        return result

    def cancel(self) -> None:
        self.canceled.set()

    def snapshot(self, *, final: bool = False) -> RunResult:
        with self._lock:
            if self._result is not None:
                return self._result
            steps = dict(self._steps)
        return RunResult(self.run_id, self._status(steps, final), steps, self._elapsed())

    # -- scheduling --------------------------------------------------------------------
    def _schedule(self) -> None:
        running: dict[Future[StepOutcome], str] = {}
        with ThreadPoolExecutor(self.settings.max_workers, "kumi-step") as pool:
            while True:
                if self.canceled.is_set():
                    self._cancel_queued("run canceled")
                else:
                    self._launch_ready(pool, running)
                if not running and not self._storing:
                    return
                waiting: list[Future[Any]] = [*running, *self._storing]
                done, _ = wait(waiting, return_when=FIRST_COMPLETED)
                for future in done:
                    if future in running:
                        self._complete(running.pop(future), future)
                    else:
                        self._stored(self._storing.pop(future), future)

    def _launch_ready(
        self, pool: ThreadPoolExecutor, running: dict[Future[StepOutcome], str]
    ) -> None:
        """Start ready steps while workers are free; reused steps free their
        dependents at once, so look again until nothing new is ready."""
        progressed = True
        while progressed and len(running) < self.settings.max_workers:
            progressed = False
            for node in self._ready():
                if len(running) >= self.settings.max_workers:
                    return
                task = self._prepare(node)
                progressed = True
                if task is not None:
                    running[pool.submit(self._run_task, node, task)] = node

    def _ready(self) -> list[str]:
        with self._lock:
            steps = dict(self._steps)
        available = set(self._storing.values())
        return [
            node
            for node in self.plan.order
            if steps[node].status == StepStatus.QUEUED
            and all(
                steps[up].status.succeeded or up in available for up in self.plan.upstream(node)
            )
        ]

    def _prepare(self, node: str) -> StepTask | None:
        """Reuse the step's cached outputs, or build its task (None when settled here)."""
        step = self.plan.steps[node]
        self.hooks.call(
            "before_step", run_id=self.run_id, node_id=node, component_id=step.component_id
        )
        self._started_at[node] = time.monotonic()
        try:
            key, decision = self._decide(node)
            if decision.reuse and decision.entry is not None:
                self._settle(
                    node,
                    StepStatus.REUSED,
                    reason=decision.reason,
                    cache_key=key,
                    cached=True,
                    outputs=dict(decision.entry.outputs),
                )
                return None
            task = self._task(node)
        except KumiError as exc:
            self._fail(node, error_dict(exc.code, exc.message, exc.details))
            return None
        except Exception as exc:  # the component's fingerprint or a payload pickling failed
            message = (
                f"Step '{node}' (component {step.component_id}) could not be prepared: "
                f"{type(exc).__name__}: {exc}."
            )
            self._fail(node, error_dict("component_error", message))
            return None
        self._update(
            node,
            status=StepStatus.RUNNING,
            reason=decision.reason,
            cache_key=key,
            log_path=task.log_path,
        )
        return task

    def _decide(self, node: str) -> tuple[str, CacheDecision]:
        step = self.plan.steps[node]
        inputs = self._inputs(node)
        ctx = RunContext(
            node_id=node,
            work_dir=self.settings.scratch_dir,
            datasets=self.settings.datasets,
            timeout_s=self.settings.step_timeout_s,
            run_id=self.run_id,
            saved=StoreValueLoader(self.settings.store),
            datastore=self.settings.datastore,
        )
        fingerprint = step.component().fingerprint(step.params, ctx)
        key = cache_key(
            step.component_id,
            step.component_version,
            step.params,
            {port: ref.content_hash for port, ref in inputs.items()},
            fingerprint,
        )
        decision = decide(
            key,
            cache=self.settings.cache,
            store=self.settings.store,
            cacheable=step.component.cacheable,
            regenerate=step.regenerate_output or node in self.regenerate,
        )
        return key, decision

    def _inputs(self, node: str) -> dict[str, Any]:
        with self._lock:
            return {
                port: self._steps[ref.node].outputs[ref.port]
                for port, ref in self.plan.steps[node].inputs.items()
            }

    def _task(self, node: str) -> StepTask:
        step = self.plan.steps[node]
        payload = StepPayload(
            step.component,
            step.params,
            self.settings.store,
            self.settings.datasets,
            self.settings.datastore,
        )
        return StepTask.build(
            payload,
            run_id=self.run_id,
            node_id=node,
            component_id=step.component_id,
            inputs=self._inputs(node),
            log_path=self.settings.log_dir / self.run_id / f"{node}.log",
            scratch_dir=self.settings.scratch_dir,
            timeout_s=self.settings.step_timeout_s,
            last_use=self._last_uses(node),
        )

    def _last_uses(self, node: str) -> frozenset[str]:
        """Input ports of ``node`` whose upstream output no other queued step reads."""
        with self._lock:
            queued = [n for n in self.plan.order if self._steps[n].status == StepStatus.QUEUED]
        wanted = {ref for n in queued if n != node for ref in self.plan.steps[n].inputs.values()}
        return frozenset(
            port for port, ref in self.plan.steps[node].inputs.items() if ref not in wanted
        )

    def _run_task(self, node: str, task: StepTask) -> StepOutcome:
        def progress(fraction: float, message: str) -> None:
            self.hooks.call(
                "on_step_progress",
                run_id=self.run_id,
                node_id=node,
                fraction=fraction,
                message=message,
            )

        return self.settings.executor.execute(task, cancel=self.canceled, on_progress=progress)

    # -- outcomes ----------------------------------------------------------------------
    def _complete(self, node: str, future: Future[StepOutcome]) -> None:
        exc = future.exception()
        if exc is not None:
            code = exc.code if isinstance(exc, KumiError) else "step_failed"
            message = f"Step '{node}' could not be run: {type(exc).__name__}: {exc}."
            self._fail(node, error_dict(code, message))
            return
        outcome = future.result()
        if outcome.canceled:
            self._settle(node, StepStatus.CANCELED, reason="run canceled")
        elif outcome.error is not None:
            self._fail(node, outcome.error)
        elif outcome.pending:
            self._update(node, outputs=outcome.outputs)
            self._storing[self.settings.executor.when_stored(outcome.pending)] = node
        else:
            step = self._settle(node, StepStatus.COMPLETED, outputs=outcome.outputs)
            self._remember(step)

    def _stored(self, node: str, future: Future[None]) -> None:
        """The step's outputs are written: it is finished (or failed, if they were lost)."""
        exc = future.exception()
        if exc is None:
            self._remember(self._settle(node, StepStatus.COMPLETED))
        elif isinstance(exc, KumiError):
            self._fail(node, error_dict(exc.code, f"Step '{node}': {exc.message}", exc.details))
        else:
            self._fail(node, error_dict("output_not_stored", f"Step '{node}': {exc}"))

    def _remember(self, step: StepResult) -> None:
        planned = self.plan.steps[step.node_id]
        if planned.component.cacheable and step.cache_key is not None:
            entry = CacheEntry(
                step.cache_key, dict(step.outputs), self.run_id, step.node_id, step.seconds
            )
            self.settings.cache.put(entry)

    def _fail(self, node: str, error: dict[str, Any]) -> None:
        step = self._settle(node, StepStatus.FAILED, error=error, hook="on_step_error")
        for down in self.plan.downstream(node):
            if self._steps[down].status == StepStatus.QUEUED:
                self._update(
                    down, status=StepStatus.CANCELED, reason=f"upstream step {step.node_id} failed"
                )

    def _settle(
        self, node: str, status: StepStatus, *, hook: str | None = None, **changes: Any
    ) -> StepResult:
        seconds = time.monotonic() - self._started_at.get(node, time.monotonic())
        step = self._update(node, status=status, seconds=seconds, **changes)
        if hook is not None:
            self.hooks.call(hook, run_id=self.run_id, step=step)
        self.hooks.call("after_step", run_id=self.run_id, step=step)
        return step

    def _update(self, node: str, **changes: Any) -> StepResult:
        with self._lock:
            self._steps[node] = replace(self._steps[node], **changes)
            return self._steps[node]

    def _cancel_queued(self, reason: str) -> None:
        for node in self.plan.order:
            if self._steps[node].status == StepStatus.QUEUED:
                self._update(node, status=StepStatus.CANCELED, reason=reason)

    def _fail_unfinished(self, exc: Exception) -> None:
        error = error_dict("engine_error", f"The run stopped on an engine error: {exc!r}.")
        for node in self.plan.order:
            if not self._steps[node].status.finished:
                self._update(node, status=StepStatus.FAILED, error=error)

    def _status(self, steps: dict[str, StepResult], final: bool) -> RunStatus:
        if not final and not self.finished.is_set():
            return RunStatus.RUNNING
        if self.canceled.is_set():
            return RunStatus.CANCELED
        if all(s.status.succeeded for s in steps.values()):
            return RunStatus.COMPLETED
        return RunStatus.FAILED

    def _elapsed(self) -> float:
        return time.monotonic() - self._t0
