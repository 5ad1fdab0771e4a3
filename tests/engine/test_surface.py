"""Public names, the spawn fallback and JSON-ready results."""

from __future__ import annotations

import json

import engine_components as ec
import pytest

import kumi.engine
import kumi.graph
from kumi.core import ConfigurationError, NotFoundError
from kumi.engine import ProcessExecutor


@pytest.mark.parametrize("package", [kumi.engine, kumi.graph])
def test_every_public_name_exists(package):
    for name in package.__all__:
        assert getattr(package, name) is not None


def test_spawned_steps_work_where_forkserver_is_not_wanted(make_engine, store):
    executor = ProcessExecutor(start_method="spawn")
    assert executor.start_method == "spawn"
    engine = make_engine(executor=executor)
    result = engine.run(ec.chain(2))
    assert result.ok, result.steps
    with pytest.raises(ConfigurationError, match="fork"):
        ProcessExecutor(start_method="fork")


def test_results_are_json_ready_and_name_missing_outputs(make_engine):
    result = make_engine(executor="inline").run(ec.chain(2), run_id="j1")
    data = json.loads(json.dumps(result.to_dict()))
    assert data["run_id"] == "j1" and data["status"] == "completed"
    assert data["steps"]["n1"]["outputs"]["results_dataset"]["port_type"] == "table"
    with pytest.raises(NotFoundError, match=r"n1\.nope"):
        result.output("n1", "nope")
