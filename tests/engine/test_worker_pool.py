"""Persistent step workers: reuse, values kept in memory, affinity, replacement after a
crash, timeout or cancel, and no processes left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import engine_components as ec
import pandas as pd
import pytest

from kumi.core import ConfigurationError, PortType, Table
from kumi.engine import (
    Engine,
    ProcessExecutor,
    Snapshot,
    StepStatus,
    StepTask,
    ValueCache,
    load_output,
)
from kumi.engine.worker import StepPayload
from kumi.graph import PipelineBuilder


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a killed child of the forkserver may linger as a zombie until reaped
    status = Path(f"/proc/{pid}/stat")
    return not status.exists() or status.read_text().split()[2] != "Z"


def wait_until(check, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return check()


def task(store, tmp_path: Path, node: str, component, inputs=None, **params) -> StepTask:
    step = ec.registry().get(component.id)
    return StepTask.build(
        StepPayload(step, step.Params(**params), store, None),
        run_id="pool",
        node_id=node,
        component_id=step.id,
        inputs=inputs or {},
        log_path=tmp_path / "logs" / f"{node}.log",
        scratch_dir=tmp_path / "scratch",
    )


def run(executor, t: StepTask):
    """Run ``t`` and wait until its outputs are in the store."""
    outcome = executor.execute(t, cancel=threading.Event(), on_progress=lambda f, m: None)
    executor.when_stored(outcome.pending).result(30)
    return outcome


def test_sequential_steps_run_in_the_same_worker(make_engine, store):
    p = PipelineBuilder("reuse")
    first = p.node("sleep_step", id="a", seconds=0.0)
    p.node("sleep_step", id="b", seconds=0.01, dataset=first.results_dataset)
    with make_engine(max_workers=2) as engine:
        result = engine.run(p.build())
        assert result.ok
        a = load_output(store, result.output("a", "results_dataset")).frame["pid"].iloc[0]
        b = load_output(store, result.output("b", "results_dataset")).frame["pid"].iloc[0]
        assert a == b != os.getpid()  # b went to the worker holding its input
        assert a in engine.executor.worker_pids()


def test_an_input_produced_in_the_same_worker_is_not_read_from_the_store(store, tmp_path):
    with ProcessExecutor(max_workers=1) as executor:
        made = run(executor, task(store, tmp_path, "make", ec.MakeNumbers, rows=7))
        assert made.ok, made.error
        ref = made.outputs["results_dataset"]
        store.delete(ref.key)  # only the worker's memory still has the value
        added = run(
            executor,
            task(store, tmp_path, "add", ec.AddColumn, inputs={"dataset": ref}, value=2.0),
        )
        assert added.ok, added.error
        assert added.memory_inputs == ("dataset",)
        frame = load_output(store, added.outputs["results_dataset"]).frame
        assert len(frame) == 7 and (frame["z"] == 2.0).all()
        assert "Input 'dataset': taken from memory" in (tmp_path / "logs" / "add.log").read_text()


def test_the_engine_hands_values_between_steps_in_memory(make_engine):
    with make_engine(max_workers=1) as engine:
        result = engine.run(ec.chain(3))
    assert result.ok
    for node in ("n1", "n2"):
        assert "taken from memory" in result.steps[node].log_path.read_text()


def test_a_dying_worker_is_replaced_and_the_next_step_succeeds(make_engine, store):
    with make_engine(max_workers=1) as engine:
        first = engine.run(ec.chain(1, name="warm"))
        before = engine.executor.worker_pids()
        p = PipelineBuilder("dies")
        p.node("exit_step", id="exits")
        died = engine.run(p.build())
        assert died.steps["exits"].status == StepStatus.FAILED
        assert "exit code 3" in died.steps["exits"].error["message"]
        after = engine.run(ec.chain(2, name="after"))
        assert first.ok and after.ok, after.steps
        assert wait_until(lambda: not alive(before[0]))
        assert engine.executor.worker_pids() and engine.executor.worker_pids() != before


def test_a_timed_out_or_canceled_step_gets_a_fresh_worker(make_engine):
    p = PipelineBuilder("hangs")
    p.node("hang_step", id="hangs")
    with make_engine(max_workers=1, step_timeout_s=0.5) as engine:
        engine.run(ec.chain(1))
        hung = engine.executor.worker_pids()
        result = engine.run(p.build())
        assert result.steps["hangs"].error["code"] == "step_timeout"
        assert wait_until(lambda: not alive(hung[0]))
        assert engine.run(ec.chain(2)).ok
    with make_engine(max_workers=1) as engine:
        handle = engine.start(p.build())
        assert wait_until(lambda: handle.status().steps["hangs"].status == StepStatus.RUNNING)
        time.sleep(0.2)
        busy = engine.executor.worker_pids()
        handle.cancel()
        assert handle.wait(5).steps["hangs"].status == StepStatus.CANCELED
        assert wait_until(lambda: not alive(busy[0]))
        assert engine.run(ec.chain(2)).ok


def test_close_stops_every_worker_and_refuses_more_steps(make_engine):
    engine = make_engine(max_workers=2)
    assert wait_until(lambda: len(engine.executor.worker_pids()) == 2, 60)
    pids = engine.executor.worker_pids()
    engine.close()
    assert wait_until(lambda: not any(alive(pid) for pid in pids))
    with pytest.raises(ConfigurationError, match="closed"):
        run(engine.executor, task(engine.store, Path(engine.scratch_dir), "x", ec.MakeNumbers))


def test_workers_start_in_the_background_at_once(make_engine):
    start = time.perf_counter()
    with make_engine(max_workers=2) as engine:
        assert time.perf_counter() - start < 0.5  # creating the engine does not wait
        assert wait_until(lambda: len(engine.executor.worker_pids()) == 2, 60)


def test_value_cache_keeps_recent_values_within_its_budget():
    def snap(size: int) -> Snapshot:
        return Snapshot(PortType.FILE, size, files={})

    cache = ValueCache(100)
    cache.put("a", snap(40))
    cache.put("b", snap(40))
    assert cache.get("a") is not None  # a is now the most recent
    cache.put("c", snap(40))
    assert "b" not in cache and "a" in cache and "c" in cache
    assert cache.used_bytes == 80
    cache.put("huge", snap(500))
    assert "huge" not in cache
    assert cache.take("a") is not None and "a" not in cache and cache.used_bytes == 40


def test_snapshot_values_are_copies_a_step_may_change():
    table = Table.of(pd.DataFrame({"x": [1.0, 2.0]}))
    snapshot = Snapshot.of_table(table)
    mine = snapshot.value()
    mine.frame.loc[0, "x"] = 99.0
    assert snapshot.value().frame["x"].tolist() == [1.0, 2.0]
    assert snapshot.release() is table


def test_an_engine_that_is_dropped_stops_its_workers(store, cache, tmp_path):
    engine = Engine(ec.registry(), store, cache, max_workers=1, log_dir=tmp_path / "logs")
    assert engine.run(ec.chain(1)).ok
    pids = engine.executor.worker_pids()
    del engine
    assert wait_until(lambda: not any(alive(pid) for pid in pids))


def test_workers_stop_when_the_engine_process_is_killed():
    script = (
        "import time; from kumi.engine import ProcessExecutor\n"
        "ex = ProcessExecutor(max_workers=2)\n"
        "while len(ex.worker_pids()) < 2: time.sleep(0.02)\n"
        "print(*ex.worker_pids(), flush=True); time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(pids) == 2 and all(alive(pid) for pid in pids)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    assert wait_until(lambda: not any(alive(pid) for pid in pids))
