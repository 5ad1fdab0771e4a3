"""The planner and cache keys."""

from __future__ import annotations

import engine_components as ec
import pytest

from kumi.core import CacheEntry, OutputRef, PipelineValidationError
from kumi.engine import MemoryCacheIndex, cache_key, decide, plan
from kumi.graph import PipelineBuilder
from kumi.storage import LocalArtifactStore

REGISTRY = ec.registry()


def diamond():
    p = PipelineBuilder("d", parameters={"rows": 7, "col": "w"})
    src = p.node("make_numbers", id="src", rows="${parameters.rows}")
    p.node("add_column", id="right", column="r", dataset=src.results_dataset)
    p.node("add_column", id="left", column="${parameters.col}", dataset=src.results_dataset)
    p.node("train_mean", id="join")
    p.connect("left.results_dataset", "join.dataset")
    return p.build()


def test_plan_orders_steps_and_resolves_params():
    planned = plan(diamond(), REGISTRY, parameter_values={"col": "v"})
    assert planned.order == ("src", "right", "left", "join")
    src = planned.step("src")
    assert src.component is ec.MakeNumbers and src.params.rows == 7
    assert planned.step("left").params.column == "v"
    assert str(planned.step("join").inputs["dataset"]) == "left.results_dataset"
    assert planned.upstream("join") == {"left"}
    assert planned.downstream("src") == ["right", "left", "join"]
    assert planned.downstream("left") == ["join"]
    assert planned.document.parameters == {"rows": 7, "col": "v"}


def test_plan_refuses_invalid_documents():
    p = PipelineBuilder("bad")
    p.node("add_column", id="a")
    with pytest.raises(PipelineValidationError) as err:
        plan(p.build(), REGISTRY)
    assert err.value.details["problems"][0]["code"] == "missing_input"


def test_topological_order_follows_edges_not_document_order():
    p = PipelineBuilder("rev")
    p.node("add_column", id="b")
    p.node("add_column", id="c")
    p.node("make_numbers", id="a")
    p.connect("b.results_dataset", "c.dataset").connect("a.results_dataset", "b.dataset")
    assert plan(p.build(), REGISTRY).order == ("a", "b", "c")


def test_cache_key_depends_on_everything_that_changes_the_result():
    params = ec.AddParams(column="z", value=1.0)
    base = cache_key("add_column", "1", params, {"dataset": "h1"}, None)
    assert base == cache_key(
        "add_column", "1", ec.AddParams(value=1.0, column="z"), {"dataset": "h1"}, None
    )
    variants = [
        cache_key("add_column", "2", params, {"dataset": "h1"}, None),
        cache_key("add_column", "1", ec.AddParams(column="z", value=2.0), {"dataset": "h1"}, None),
        cache_key("add_column", "1", params, {"dataset": "h2"}, None),
        cache_key("add_column", "1", params, {"other": "h1"}, None),
        cache_key("add_column", "1", params, {"dataset": "h1"}, "mtime=5"),
        cache_key("other", "1", params, {"dataset": "h1"}, None),
    ]
    assert len({base, *variants}) == len(variants) + 1


def test_decide_explains_each_outcome(tmp_path):
    store, cache = LocalArtifactStore(tmp_path), MemoryCacheIndex()
    (tmp_path / "artifacts" / "x").mkdir(parents=True)
    ref = OutputRef("artifacts/x", "x", "table")
    cache.put(CacheEntry("k", {"results_dataset": ref}, "run-1", "step-a", 0.1))

    def why(key="k", cacheable=True, regenerate=False):
        return decide(key, cache=cache, store=store, cacheable=cacheable, regenerate=regenerate)

    reused = why()
    assert reused.reuse and reused.entry is not None
    assert reused.reason == (
        "reused: same component version, params and inputs as run run-1 step step-a"
    )
    assert why(regenerate=True).reason == "re-run: regenerate_output set"
    assert why(cacheable=False).reason == "re-run: component is not cacheable"
    assert why(key="other").reason == "re-run: no cached result for these inputs"
    store.delete("artifacts/x")
    gone = why()
    assert not gone.reuse
    assert gone.reason == "re-run: cached outputs of run run-1 step step-a are no longer stored"
