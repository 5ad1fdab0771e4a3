"""A slow hook runs in the background, in order, and the run's end waits for it."""

from __future__ import annotations

import threading
import time
from typing import Any

from kumi.engine import BackgroundHooks, RunHooks


class Recorder(RunHooks):
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.threads: set[str] = set()

    def before_step(self, *, run_id: str, node_id: str, component_id: str) -> None:
        time.sleep(0.2)
        self.calls.append(("before_step", node_id))
        self.threads.add(threading.current_thread().name)

    def after_pipeline_run(self, *, run_id: str, plan: Any, result: Any) -> None:
        self.calls.append(("after_pipeline_run", run_id))


class Failing(RunHooks):
    def before_step(self, *, run_id: str, node_id: str, component_id: str) -> None:
        raise RuntimeError("tracking server down")


def test_calls_return_at_once_run_in_order_and_are_drained_at_the_end() -> None:
    inner = Recorder()
    hooks = BackgroundHooks(inner)
    started = time.perf_counter()
    for node in ("a", "b", "c"):
        hooks.before_step(run_id="r", node_id=node, component_id="x")
    assert time.perf_counter() - started < 0.1  # the caller did not wait
    hooks.after_pipeline_run(run_id="r", plan=None, result=None)  # type: ignore[arg-type]
    assert inner.calls == [
        ("before_step", "a"),
        ("before_step", "b"),
        ("before_step", "c"),
        ("after_pipeline_run", "r"),
    ]
    assert inner.threads == {"kumi-hook-Recorder"}


def test_a_failing_hook_is_logged_not_raised(caplog: Any) -> None:
    hooks = BackgroundHooks(Failing())
    hooks.before_step(run_id="r", node_id="a", component_id="x")
    hooks.after_pipeline_run(run_id="r", plan=None, result=None)  # type: ignore[arg-type]
    assert "tracking server down" in caplog.text
