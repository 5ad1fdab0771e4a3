"""Run a slow hook (e.g. uploads to a tracking server) off the engine's scheduling path."""

from __future__ import annotations

import logging
import queue
import threading
from typing import Any

from kumi.engine.hooks import RunHooks
from kumi.engine.plan import ExecutionPlan
from kumi.engine.results import RunResult, StepResult

logger = logging.getLogger(__name__)

_STOP = object()


class BackgroundHooks(RunHooks):
    """Calls ``inner``'s methods on one background thread, in the order the engine made
    them, so the next steps start without waiting for it. ``after_pipeline_run`` returns
    only once everything queued has run, so the run's end still includes all of it."""

    def __init__(self, inner: RunHooks) -> None:
        self.inner = inner
        self._calls: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(
            target=self._work, name=f"kumi-hook-{type(inner).__name__}", daemon=True
        )
        self._thread.start()

    def before_pipeline_run(self, *, run_id: str, plan: ExecutionPlan) -> None:
        self._calls.put(("before_pipeline_run", {"run_id": run_id, "plan": plan}))

    def before_step(self, *, run_id: str, node_id: str, component_id: str) -> None:
        kwargs = {"run_id": run_id, "node_id": node_id, "component_id": component_id}
        self._calls.put(("before_step", kwargs))

    def after_step(self, *, run_id: str, step: StepResult) -> None:
        self._calls.put(("after_step", {"run_id": run_id, "step": step}))

    def on_step_error(self, *, run_id: str, step: StepResult) -> None:
        self._calls.put(("on_step_error", {"run_id": run_id, "step": step}))

    def after_pipeline_run(self, *, run_id: str, plan: ExecutionPlan, result: RunResult) -> None:
        self._calls.put(("after_pipeline_run", {"run_id": run_id, "plan": plan, "result": result}))
        self._calls.put(_STOP)
        self._thread.join()

    def _work(self) -> None:
        while (call := self._calls.get()) is not _STOP:
            method, kwargs = call
            try:
                getattr(self.inner, method)(**kwargs)
            except Exception:  # a hook must never break the run it observes
                logger.exception("Run hook %s.%s failed", type(self.inner).__name__, method)
