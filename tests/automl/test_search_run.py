"""The whole search in worker processes: deadline, determinism, failures, timeouts, exits."""

from __future__ import annotations

import time

import numpy as np
import pytest

from kumi.automl import AutoMLSettings
from kumi.automl.families import select_families
from kumi.automl.search import SearchData, run_search
from tests.automl._search_data import search_data

pytestmark = pytest.mark.slow


def _settings(**values) -> AutoMLSettings:
    return AutoMLSettings(target="target", n_jobs=2, seed=0, **values)


def test_the_search_returns_by_its_deadline_with_good_models(tmp_path):
    data = search_data("binary", validation=3)
    heard = []
    start = time.monotonic()
    results = run_search(data, select_families("classification"), _settings(), start + 8,
                         tmp_path, on_trial=heard.append)  # fmt: skip
    assert time.monotonic() - start < 9.0
    assert [r.number for r in results] == list(range(len(results)))
    assert sorted(r.number for r in heard) == [r.number for r in results]
    completed = [r for r in results if r.ok]
    assert completed and max(r.metric_value for r in completed) > 0.95
    assert not [r for r in results if r.status == "failed"]
    assert results[0].family == "lightgbm" and results[0].params["num_leaves"] == 31
    assert all(r.model_path.exists() for r in completed)


def test_same_seed_and_max_trials_give_the_same_trials(tmp_path):
    data = search_data("regression", validation=3)
    families = select_families("regression", allowed=["lightgbm", "elastic_net", "knn"])

    def run(folder):
        return run_search(data, families, _settings(max_trials=12), time.monotonic() + 120,
                          tmp_path / folder)  # fmt: skip

    first, second = run("a"), run("b")
    assert len(first) == 12
    assert [(r.family, r.params, r.status) for r in first] == [
        (r.family, r.params, r.status) for r in second
    ]
    assert [r.metric_value for r in first] == [r.metric_value for r in second]
    portfolio = [p for f in families for p in f.portfolio("regression", data.n_rows, 10)]
    assert len(portfolio) == 9 and all(r.params not in portfolio for r in first[9:])


def test_a_failing_trial_is_recorded_and_the_search_goes_on(tmp_path):
    clean = search_data("binary", validation=3)
    broken = clean.X["linear"].copy()
    broken[0, 0] = np.nan  # scikit-learn's linear models refuse missing values
    data = SearchData({"trees": clean.X["trees"], "linear": broken}, clean.y, clean.plan,
                      clean.metric, 2)  # fmt: skip
    families = select_families("classification", allowed=["lightgbm", "elastic_net"])
    results = run_search(data, families, _settings(max_trials=6), time.monotonic() + 60,
                         tmp_path)  # fmt: skip
    failed = [r for r in results if r.family == "elastic_net"]
    assert failed and all(r.status == "failed" for r in failed)
    assert "NaN" in failed[0].error
    assert any(r.ok and r.family == "lightgbm" for r in results)


def test_a_trial_past_its_time_limit_is_killed_and_the_worker_replaced(tmp_path):
    data = search_data("binary", validation=3)
    families = select_families("classification", allowed=["random_forest", "elastic_net"])
    settings = _settings(trial_timeout_s=0.3, max_trials=6)
    start = time.monotonic()
    results = run_search(data, families, settings, start + 40, tmp_path)
    timeouts = [r for r in results if r.status == "timeout"]
    assert any(r.family == "random_forest" for r in timeouts)
    assert "time limit" in timeouts[0].error
    assert any(r.ok and r.family == "elastic_net" and r.number > timeouts[0].number
               for r in results)  # fmt: skip
    assert time.monotonic() - start < 30


def test_exit_score_stops_the_search_early(tmp_path):
    data = search_data("binary", validation=3)
    start = time.monotonic()
    results = run_search(data, select_families("classification"),
                         _settings(exit_score=0.9), start + 60, tmp_path)  # fmt: skip
    assert time.monotonic() - start < 20
    assert any(r.ok and r.metric_value >= 0.9 for r in results)
    assert len(results) <= 4
