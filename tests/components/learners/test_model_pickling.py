"""Learners and trained models survive cloudpickle, also into a fresh interpreter (as the
engine moves them between step processes)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import cloudpickle
import pandas as pd
import pytest

from kumi.testing import example, run_component

CASES = [
    ("two_class_boosted_decision_tree", "table", {}),
    ("two_class_support_vector_machine", "table", {}),
    ("multiclass_neural_network", "multiclass_table", {}),
    ("fast_forest_quantile_regression", "regression_table", {"number_of_trees": 5}),
    ("k_means_clustering", "table", {}),
    ("pca_based_anomaly_detection", "numeric_table", {}),
]


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pickles")
    fitted = {}
    for learner_id, data, params in CASES:
        learner = run_component(learner_id, params)["untrained_model"]
        learner = cloudpickle.loads(cloudpickle.dumps(learner))
        table = example(data)
        label = table.label if learner.kind.value not in ("clusterer", "anomaly_detector") else None
        model = learner.fit(table, label)
        (folder / f"{learner_id}.pkl").write_bytes(cloudpickle.dumps(model))
        (folder / f"{learner_id}.table.pkl").write_bytes(cloudpickle.dumps(table))
        fitted[learner_id] = model.score(table).frame
    return folder, fitted


def test_trained_models_score_identically_in_a_fresh_process(models) -> None:
    folder, expected = models
    code = textwrap.dedent(
        f"""
        import pathlib, cloudpickle
        folder = pathlib.Path({str(folder)!r})
        for name in {[c[0] for c in CASES]!r}:
            model = cloudpickle.loads((folder / f"{{name}}.pkl").read_bytes())
            table = cloudpickle.loads((folder / f"{{name}}.table.pkl").read_bytes())
            scored = cloudpickle.dumps(model.score(table).frame)
            (folder / f"{{name}}.scored.pkl").write_bytes(scored)
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
    for learner_id, frame in expected.items():
        again = cloudpickle.loads((folder / f"{learner_id}.scored.pkl").read_bytes())
        pd.testing.assert_frame_equal(again, frame)
