"""Run hooks: extend a run (progress, tracking, telemetry) without editing the engine.

Subclass :class:`RunHooks` and override what you need; every argument is keyword-only.
A hook that raises is logged and the run goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from kumi.engine.plan import ExecutionPlan
from kumi.engine.results import RunResult, StepResult

logger = logging.getLogger(__name__)


class RunHooks:
    """No-op base. ``before_step`` / ``after_step`` are called for every step that
    starts (executed or reused); ``on_step_error`` before ``after_step`` for a failed one.
    ``on_step_progress`` is called from a worker thread while a step runs."""

    def before_pipeline_run(self, *, run_id: str, plan: ExecutionPlan) -> None:
        """Before the first step."""

    def after_pipeline_run(self, *, run_id: str, plan: ExecutionPlan, result: RunResult) -> None:
        """After the last step, with the run's result."""

    def before_step(self, *, run_id: str, node_id: str, component_id: str) -> None:
        """Before a step runs or is reused."""

    def after_step(self, *, run_id: str, step: StepResult) -> None:
        """After a started step finished (completed, reused, failed or canceled)."""

    def on_step_error(self, *, run_id: str, step: StepResult) -> None:
        """A step failed; ``step.error`` holds its code and message."""

    def on_step_progress(self, *, run_id: str, node_id: str, fraction: float, message: str) -> None:
        """A running step reported progress in [0, 1]."""


class HookCaller:
    """Calls one method on every hook, logging (not raising) a hook's failure."""

    def __init__(self, hooks: Sequence[RunHooks]) -> None:
        self.hooks = tuple(hooks)

    def call(self, method: str, **kwargs: Any) -> None:
        for hook in self.hooks:
            try:
                getattr(hook, method)(**kwargs)
            except Exception:  # a hook must never break the run it observes
                logger.exception("Run hook %s.%s failed", type(hook).__name__, method)
