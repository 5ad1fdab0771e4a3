"""The engine with isolated step processes: results, caching, parallelism, isolation,
cancellation, logs and hooks."""

from __future__ import annotations

import os
import time
from pathlib import Path

import engine_components as ec
import pandas as pd
import pytest

from kumi.core import EvaluationReport, FileArtifact, InvalidInputError
from kumi.engine import RunHooks, RunStatus, StepStatus, load_output
from kumi.graph import PipelineBuilder


def statuses(result) -> dict[str, str]:
    return {node: step.status.value for node, step in result.steps.items()}


def test_a_chain_runs_and_its_outputs_are_stored(make_engine, store):
    engine = make_engine()
    result = engine.run(ec.chain(4), run_id="r1")
    assert result.status == RunStatus.COMPLETED and result.ok
    assert set(statuses(result).values()) == {"completed"}
    last = load_output(store, result.output("n3", "results_dataset"))
    assert list(last.frame.columns) == ["x", "y", "c1", "c2", "c3"]
    assert last.label == "y"
    step = result.steps["n1"]
    assert step.reason == "re-run: no cached result for these inputs"
    assert step.log_path is not None and step.log_path.is_file()
    assert step.cache_key is not None and len(step.cache_key) == 64
    assert step.seconds > 0 and not step.cached


def test_every_value_type_crosses_the_process_boundary(make_engine, store):
    p = PipelineBuilder("models")
    data = p.node("make_numbers", rows=4)
    p.node("train_mean", id="train", dataset=data.results_dataset)
    result = make_engine().run(p.build())
    assert result.ok, result.steps["train"].error
    model = load_output(store, result.output("train", "trained_model"))
    frame = load_output(store, result.output("make_numbers", "results_dataset")).frame
    assert isinstance(model, ec.MeanModel) and model.mean_ == frame["y"].mean()
    report = load_output(store, result.output("train", "evaluation_results"))
    assert isinstance(report, EvaluationReport) and report.metrics["mean"] == 1.5
    file = load_output(store, result.output("train", "file"))
    assert isinstance(file, FileArtifact) and file.content == b"mean=1.5"


def test_a_fully_cached_rerun_reuses_every_step_fast(make_engine):
    engine = make_engine()
    doc = ec.chain(8)
    assert engine.run(doc, run_id="first").ok
    start = time.perf_counter()
    again = engine.run(doc, run_id="second")
    elapsed = time.perf_counter() - start
    assert set(statuses(again).values()) == {"reused"}
    assert all(s.cached for s in again.steps.values())
    assert again.steps["n5"].reason == (
        "reused: same component version, params and inputs as run first step n5"
    )
    assert again.steps["n5"].log_path is None
    assert elapsed < 0.5, f"cached re-run took {elapsed:.3f} s"


def test_a_changed_param_reruns_that_step_and_what_depends_on_it(make_engine):
    engine = make_engine()
    assert engine.run(ec.chain(4), run_id="r1").ok
    doc = ec.chain(4)
    doc.nodes[2].params["value"] = 5.0
    result = engine.run(doc, run_id="r2")
    assert statuses(result) == {
        "n0": "reused",
        "n1": "reused",
        "n2": "completed",
        "n3": "completed",
    }
    assert result.steps["n3"].reason == "re-run: no cached result for these inputs"


def test_regenerate_reruns_and_identical_outputs_keep_downstream_cached(make_engine):
    engine = make_engine()
    assert engine.run(ec.chain(4), run_id="r1").ok
    everything = engine.run(ec.chain(4), run_id="r2", regenerate=True)
    assert set(statuses(everything).values()) == {"completed"}
    assert everything.steps["n0"].reason == "re-run: regenerate_output set"
    one = engine.run(ec.chain(4), run_id="r3", regenerate={"n1"})
    # n1 produced the same content again, so n2 and n3 find their cached results
    assert statuses(one) == {"n0": "reused", "n1": "completed", "n2": "reused", "n3": "reused"}
    doc = ec.chain(4)
    doc.nodes[0].regenerate_output = True
    assert statuses(engine.run(doc, run_id="r4"))["n0"] == "completed"
    with pytest.raises(InvalidInputError, match="nope"):
        engine.run(ec.chain(4), regenerate={"nope"})


def test_non_cacheable_components_always_run(make_engine):
    p = PipelineBuilder("v")
    src = p.node("volatile_numbers", id="src")
    p.node("add_column", id="add", dataset=src.results_dataset)
    engine = make_engine()
    assert engine.run(p.build(), run_id="r1").ok
    again = engine.run(p.build(), run_id="r2")
    assert again.steps["src"].status == StepStatus.COMPLETED
    assert again.steps["src"].reason == "re-run: component is not cacheable"
    assert again.steps["add"].status == StepStatus.REUSED


def test_reuse_requires_the_outputs_to_still_exist(make_engine, store):
    engine = make_engine()
    first = engine.run(ec.chain(2), run_id="r1")
    store.delete(first.output("n1", "results_dataset").key)
    again = engine.run(ec.chain(2), run_id="r2")
    assert statuses(again) == {"n0": "reused", "n1": "completed"}
    assert again.steps["n1"].reason == (
        "re-run: cached outputs of run r1 step n1 are no longer stored"
    )


def test_fingerprint_change_reruns_a_source(make_engine, tmp_path: Path):
    text = tmp_path / "lines.txt"
    text.write_text("a\nb\n")
    p = PipelineBuilder("f")
    p.node("read_text", id="read", path=str(text))
    engine = make_engine()
    assert engine.run(p.build()).ok
    assert engine.run(p.build()).steps["read"].status == StepStatus.REUSED
    text.write_text("a\nb\nc\n")
    result = engine.run(p.build())
    assert result.steps["read"].status == StepStatus.COMPLETED


def test_datasets_resolver_reaches_the_step(make_engine, store, tmp_path: Path):
    folder = tmp_path / "datasets"
    folder.mkdir()
    pd.DataFrame({"a": [1, 2]}).to_csv(folder / "credit.1.csv", index=False)
    pd.DataFrame({"a": [1, 2, 3]}).to_csv(folder / "credit.2.csv", index=False)
    p = PipelineBuilder("ds")
    p.node("dataset", id="ds", name="credit")
    engine = make_engine(datasets=ec.FolderDatasets(folder))
    result = engine.run(p.build())
    assert result.ok, result.steps["ds"].error
    assert len(load_output(store, result.output("ds", "dataset")).frame) == 3


def test_independent_branches_run_in_parallel(make_engine, store):
    p = PipelineBuilder("par")
    p.node("sleep_step", id="a", seconds=1.0)
    p.node("sleep_step", id="b", seconds=1.01)
    engine = make_engine(max_workers=2)
    engine.run(ec.chain(1))  # process server warm
    result = engine.run(p.build())
    assert result.ok
    a = load_output(store, result.output("a", "results_dataset")).frame.iloc[0]
    b = load_output(store, result.output("b", "results_dataset")).frame.iloc[0]
    assert a["pid"] != b["pid"] != os.getpid()
    overlap = min(a["ended"], b["ended"]) - max(a["started"], b["started"])
    assert overlap > 0.5, f"steps overlapped for {overlap:.2f} s only"
    assert result.seconds < 1.9


def test_max_workers_one_runs_steps_one_after_the_other(make_engine, store):
    p = PipelineBuilder("serial")
    p.node("sleep_step", id="a", seconds=0.3)
    p.node("sleep_step", id="b", seconds=0.31)  # different params: no cache hit from 'a'
    result = make_engine(max_workers=1).run(p.build())
    assert statuses(result) == {"a": "completed", "b": "completed"}
    a = load_output(store, result.output("a", "results_dataset")).frame.iloc[0]
    b = load_output(store, result.output("b", "results_dataset")).frame.iloc[0]
    assert b["started"] >= a["ended"]


def test_crashing_and_hanging_steps_fail_alone(make_engine):
    p = PipelineBuilder("isolation")
    p.node("exit_step", id="exits")
    p.node("segfault_step", id="segfaults")
    p.node("hang_step", id="hangs")
    p.node("add_column", id="after_exit")
    p.connect("exits.results_dataset", "after_exit.dataset")
    sibling = p.node("sleep_step", id="sibling", seconds=0.2)
    p.node("add_column", id="after_sibling", dataset=sibling.results_dataset)
    doc = p.build()
    start = time.perf_counter()
    result = make_engine(max_workers=4, step_timeout_s=1.5).run(doc)
    assert time.perf_counter() - start < 8
    assert result.status == RunStatus.FAILED
    assert statuses(result) == {
        "exits": "failed",
        "segfaults": "failed",
        "hangs": "failed",
        "after_exit": "canceled",
        "sibling": "completed",
        "after_sibling": "completed",
    }
    exits = result.steps["exits"]
    assert exits.error is not None and exits.error["code"] == "step_failed"
    assert "exit code 3" in exits.error["message"] and "'exits'" in exits.error["message"]
    assert "about to leave" in exits.log_path.read_text()
    segv = result.steps["segfaults"].error
    assert segv is not None and "SIGSEGV" in segv["message"]
    assert "Fatal Python error" in result.steps["segfaults"].log_path.read_text()
    hang = result.steps["hangs"]
    assert hang.error is not None and hang.error["code"] == "step_timeout"
    assert "1.5 s" in hang.error["message"] and 1.4 < hang.seconds < 4
    assert result.steps["after_exit"].reason == "upstream step exits failed"


def test_component_errors_become_failed_steps(make_engine):
    p = PipelineBuilder("errors")
    p.node("fail_step", id="python_error")
    p.node("fail_step", id="kumi_error", kind="kumi")
    p.node("fail_step", id="bad_output", kind="wrong_output")
    result = make_engine().run(p.build())
    python_error = result.steps["python_error"]
    assert python_error.error is not None and python_error.error["code"] == "component_error"
    message = python_error.error["message"]
    assert "'python_error'" in message and "fail_step" in message and "boom" in message
    log = python_error.log_path.read_text()
    assert "Traceback" in log and "ValueError: boom from the component" in log
    kumi_error = result.steps["kumi_error"].error
    assert kumi_error == {
        "code": "invalid_parameter",
        "message": "Threshold 7 is too high; use at most 5.",
        "details": {"parameter": "threshold"},
    }
    bad = result.steps["bad_output"].error
    assert bad is not None and bad["code"] == "component_error"
    assert "'results_dataset'" in bad["message"] and "Table" in bad["message"]


def test_log_captures_print_logging_and_file_descriptor_writes(make_engine):
    p = PipelineBuilder("noisy")
    p.node("noisy_step", id="noisy")
    result = make_engine().run(p.build())
    assert result.ok, result.steps["noisy"].error
    log = result.steps["noisy"].log_path.read_text()
    for expected in (
        "printed line",
        "printed to stderr",
        "WARNING some.library: library warning",
        "INFO kumi.step.noisy: context log line",
        "raw fd1 write",
        "raw fd2 write",
        "from a subprocess",
        "Step 'noisy': component noisy_step version 1",
    ):
        assert expected in log, expected


class Recorder(RunHooks):
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def before_pipeline_run(self, *, run_id, plan):
        self.calls.append(("before_run", run_id, plan.order))

    def after_pipeline_run(self, *, run_id, plan, result):
        self.calls.append(("after_run", run_id, result.status.value))

    def before_step(self, *, run_id, node_id, component_id):
        self.calls.append(("before_step", node_id, component_id))

    def after_step(self, *, run_id, step):
        self.calls.append(("after_step", step.node_id, step.status.value))

    def on_step_error(self, *, run_id, step):
        self.calls.append(("error", step.node_id, step.error["code"]))

    def on_step_progress(self, *, run_id, node_id, fraction, message):
        self.calls.append(("progress", node_id, fraction, message))


class Broken(RunHooks):
    def before_step(self, *, run_id, node_id, component_id):
        raise RuntimeError("hook bug")

    def after_pipeline_run(self, *, run_id, plan, result):
        raise RuntimeError("hook bug")


def test_hooks_see_the_run_and_a_failing_hook_does_not_break_it(make_engine, caplog):
    p = PipelineBuilder("hooks")
    noisy = p.node("noisy_step", id="noisy")
    p.node("fail_step", id="fails", dataset=noisy.results_dataset)
    p.node("add_column", id="after")
    p.connect("fails.results_dataset", "after.dataset")
    doc = p.build()
    recorder = Recorder()
    result = make_engine().run(doc, run_id="h1", hooks=[Broken(), recorder])
    assert statuses(result) == {"noisy": "completed", "fails": "failed", "after": "canceled"}
    calls = recorder.calls
    assert calls[0] == ("before_run", "h1", ("noisy", "fails", "after"))
    assert calls[-1] == ("after_run", "h1", "failed")
    # a step ends once its outputs are stored, which may be after its consumer started
    assert [c for c in calls if c[1] == "noisy"] == [
        ("before_step", "noisy", "noisy_step"),
        ("progress", "noisy", 0.5, "half way"),
        ("after_step", "noisy", "completed"),
    ]
    assert [c for c in calls if c[1] == "fails"] == [
        ("before_step", "fails", "fail_step"),
        ("error", "fails", "component_error"),
        ("after_step", "fails", "failed"),
    ]
    assert len(calls) == 8
    assert calls.index(("before_step", "noisy", "noisy_step")) == 1
    assert "Broken.before_step failed" in caplog.text


def test_cancel_kills_running_steps_and_cancels_the_rest(make_engine):
    p = PipelineBuilder("cancel")
    hang = p.node("hang_step", id="hangs")
    p.node("add_column", id="after", dataset=hang.results_dataset)
    engine = make_engine()
    handle = engine.start(p.build(), run_id="c1")
    deadline = time.monotonic() + 30
    while handle.status().steps["hangs"].status != StepStatus.RUNNING:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    snapshot = handle.status()
    assert snapshot.status == RunStatus.RUNNING and snapshot.steps["after"].status == "queued"
    assert not handle.done
    time.sleep(0.2)
    start = time.perf_counter()
    handle.cancel()
    result = handle.wait(10)
    assert time.perf_counter() - start < 2
    assert handle.done and result.status == RunStatus.CANCELED
    assert statuses(result) == {"hangs": "canceled", "after": "canceled"}
    assert result.steps["after"].reason == "run canceled"
    assert "run was canceled" in result.steps["hangs"].log_path.read_text()


def test_wait_with_a_timeout_returns_progress_so_far(make_engine):
    p = PipelineBuilder("slow")
    p.node("sleep_step", id="s", seconds=1.0)
    handle = make_engine().start(p.build())
    early = handle.wait(0.05)
    assert early.status == RunStatus.RUNNING
    assert handle.wait().status == RunStatus.COMPLETED


def test_inline_executor_runs_in_this_process_with_the_same_results(make_engine, store):
    engine = make_engine(executor="inline")
    p = PipelineBuilder("inline")
    noisy = p.node("noisy_step", id="noisy")
    p.node("fail_step", id="fails", dataset=noisy.results_dataset)
    p.node("sleep_step", id="sleep", seconds=0.0)
    result = engine.run(p.build())
    assert statuses(result) == {"noisy": "completed", "fails": "failed", "sleep": "completed"}
    pid = load_output(store, result.output("sleep", "results_dataset")).frame["pid"].iloc[0]
    assert pid == os.getpid()
    log = result.steps["noisy"].log_path.read_text()
    assert "printed line" in log and "raw fd1 write" in log and "library warning" in log
    assert "ValueError: boom" in result.steps["fails"].log_path.read_text()
    with pytest.raises(InvalidInputError, match="Unknown executor"):
        make_engine(executor="threads")
