"""Outputs written in the background: a worker answers before its outputs are stored, the
engine finishes a step (and caches it) only once they are, only the writing worker reads
them before that, and lost or failed writes fail the step that made them."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import engine_components as ec
import pytest

from kumi.engine import Engine, MemoryCacheIndex, ProcessExecutor, StepStatus, StepTask, load_output
from kumi.engine.pending import OutputLostError, PendingWrites
from kumi.engine.worker import StepPayload
from kumi.graph import PipelineBuilder

DELAY = 1.0


def task(store, tmp_path: Path, node: str, component, inputs=None, **params) -> StepTask:
    step = ec.registry().get(component.id)
    return StepTask.build(
        StepPayload(step, step.Params(**params), store, None),
        run_id="wb",
        node_id=node,
        component_id=step.id,
        inputs=inputs or {},
        log_path=tmp_path / "logs" / f"{node}.log",
        scratch_dir=tmp_path / "scratch",
    )


def execute(executor, t: StepTask):
    return executor.execute(t, cancel=threading.Event(), on_progress=lambda f, m: None)


def engine_on(store, tmp_path: Path, cache=None, **kw) -> Engine:
    kw.setdefault("log_dir", tmp_path / "logs")
    kw.setdefault("scratch_dir", tmp_path / "scratch")
    return Engine(ec.registry(), store, cache or MemoryCacheIndex(), **kw)


def test_a_worker_answers_before_its_outputs_are_stored(tmp_path):
    store = ec.SlowStore(tmp_path / "store", delay=DELAY)
    with ProcessExecutor(max_workers=1) as executor:
        made = execute(executor, task(store, tmp_path, "make", ec.MakeNumbers, rows=7))
        assert made.ok, made.error
        key = made.outputs["results_dataset"].key
        assert made.pending == (key,)
        stored = executor.when_stored(made.pending)
        assert not stored.done() and not store.exists(key)
        stored.result(30)
        assert store.exists(key)
        assert len(load_output(store, made.outputs["results_dataset"]).frame) == 7
        again = execute(executor, task(store, tmp_path, "again", ec.MakeNumbers, rows=7))
        assert again.outputs == made.outputs and again.pending == ()  # stored already


def test_the_writing_worker_runs_the_consumer_from_memory_while_it_writes(tmp_path):
    store = ec.SlowStore(tmp_path / "store", delay=DELAY)
    with ProcessExecutor(max_workers=2) as executor:
        made = execute(executor, task(store, tmp_path, "make", ec.MakeNumbers, rows=7))
        ref = made.outputs["results_dataset"]
        added = execute(
            executor,
            task(store, tmp_path, "add", ec.AddColumn, inputs={"dataset": ref}, value=2.0),
        )
        assert added.ok, added.error
        assert added.memory_inputs == ("dataset",)
        assert not store.exists(ref.key)  # the consumer ran while its input was written
        executor.when_stored([*made.pending, *added.pending]).result(30)
        frame = load_output(store, added.outputs["results_dataset"]).frame
        assert (frame["z"] == 2.0).all() and len(frame) == 7


def test_a_run_ends_with_every_output_stored_and_cached(tmp_path):
    store = ec.SlowStore(tmp_path / "store", delay=DELAY / 2)
    cache = MemoryCacheIndex()
    with engine_on(store, tmp_path, cache, max_workers=2) as engine:
        result = engine.run(ec.chain(3))
        assert result.ok
        for node in ("n0", "n1", "n2"):
            assert store.exists(result.output(node, "results_dataset").key)
        assert "written in the background" in result.steps["n0"].log_path.read_text()
        assert result.steps["n0"].seconds >= DELAY / 2  # finished once stored
        again = engine.run(ec.chain(3))
    assert {s.status for s in again.steps.values()} == {StepStatus.REUSED}


def test_outputs_lost_with_their_worker_fail_the_step_that_made_them(tmp_path):
    store = ec.SlowStore(tmp_path / "store", delay=5.0)
    p = PipelineBuilder("lost")
    made = p.node("make_numbers", id="make", rows=5)
    p.node("exit_step", id="exits", dataset=made.results_dataset)
    with engine_on(store, tmp_path, max_workers=1) as engine:
        started = time.perf_counter()
        result = engine.run(p.build())
        assert time.perf_counter() - started < 5  # the writes died with the worker
        assert result.steps["exits"].status == StepStatus.FAILED
        make = result.steps["make"]
        assert make.status == StepStatus.FAILED and make.error is not None
        assert make.error["code"] == "output_not_stored"
        assert "stopped before it was stored" in make.error["message"]
        assert "'make'" in make.error["message"]
        assert not store.exists(make.outputs["results_dataset"].key)
        retry = engine.run(ec.chain(1))
        assert retry.ok


def test_a_timed_out_consumer_lets_its_worker_finish_writing_first(tmp_path):
    store = ec.SlowStore(tmp_path / "store", delay=2 * DELAY)  # longer than the time limit
    p = PipelineBuilder("timeout")
    made = p.node("make_numbers", id="make", rows=5)
    p.node("hang_step", id="hangs", dataset=made.results_dataset)
    with engine_on(store, tmp_path, max_workers=1, step_timeout_s=DELAY) as engine:
        assert engine.run(ec.chain(1)).ok  # a warm worker: 'make' answers at once
        result = engine.run(p.build())
    assert result.steps["hangs"].error is not None
    assert result.steps["hangs"].error["code"] == "step_timeout"
    assert result.steps["make"].status == StepStatus.COMPLETED
    assert store.exists(result.output("make", "results_dataset").key)


def test_a_failed_write_fails_the_step_with_a_clear_error(tmp_path):
    store = ec.FullStore(tmp_path / "store")
    p = PipelineBuilder("full")
    p.node("make_numbers", id="make", rows=5)
    with engine_on(store, tmp_path, max_workers=1) as engine:
        result = engine.run(p.build())
        assert not result.ok
        error = result.steps["make"].error
        assert error is not None and error["code"] == "output_not_stored"
        assert "No space left on device" in error["message"]
        assert "free disk space" in error["message"]
        again = engine.run(p.build())  # nothing was cached
    assert again.steps["make"].reason == "re-run: no cached result for these inputs"


def test_pending_writes_resolve_waiters_and_remember_failures():
    ledger = PendingWrites()
    owner = object()
    ledger.add(owner, ["a", "b"])
    both = ledger.when_stored(["a", "b"])
    assert ledger.owners(["a", "x"]) == {owner} and ledger.owns_any(owner)
    ledger.resolve("a", None)
    assert not both.done()
    ledger.resolve("b", None)
    assert both.result(0) is None and not ledger.owns_any(owner)
    assert ledger.when_stored(["a"]).done()  # nothing pending: done at once
    ledger.add(owner, ["c"])
    lost = ledger.when_stored(["c", "d"])
    ledger.fail_owner(owner, {"code": "output_not_stored", "message": "gone", "details": {}})
    with pytest.raises(OutputLostError, match="gone"):
        lost.result(0)
    assert ledger.failure(["c"]) is not None
    with pytest.raises(OutputLostError):
        ledger.when_stored(["c"]).result(0)
    ledger.add(owner, ["c"])  # written again by a later step
    assert ledger.failure(["c"]) is None
