"""The generated retraining script: it holds the job's decisions as data, compiles, and (once
kumi's featurizer and model families are present) retrains the model on a CSV file."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from kumi.automl.script import retraining_script
from tests.automl.outputs_support import binary_case

ROOT = Path(__file__).resolve().parents[2]


def _script() -> str:
    return retraining_script(
        binary_case().model, target="diagnosis", task="classification", metric="auc", seed=3
    )


def _constants(source: str) -> dict[str, Any]:
    """The module-level constants assigned in ``source`` (literals only)."""
    found = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name.isupper() and name != "COLUMNS":
                found[name] = ast.literal_eval(node.value)
    return found


def test_script_compiles_and_holds_the_jobs_choices() -> None:
    source = _script()
    compile(source, "retrain.py", "exec")
    constants = _constants(source)
    assert constants["TARGET"] == "diagnosis" and constants["TASK"] == "classification"
    assert constants["METRIC"] == "auc" and constants["SEED"] == 3
    assert constants["MEMBERS"] == [
        {"family": "elastic_net", "params": {"C": 0.5}, "weight": 1.0}
    ]  # numpy parameters written as plain numbers


def test_script_lists_every_feature_column_with_its_kind() -> None:
    source = _script()
    for column in binary_case().features.columns:
        assert f"ColumnSpec(name={column!r}, kind=ColumnKind.NUMERIC," in source
    assert "from kumi.automl.featurize import ColumnKind, ColumnSpec, Featurizer" in source
    assert "from kumi.automl.families import families" in source
    assert re.search(r"^if __name__ == \"__main__\":", source, re.MULTILINE)


def test_script_of_an_ensemble_lists_each_member_with_its_weight() -> None:
    model = SimpleNamespace(
        members=[
            SimpleNamespace(family="lightgbm", params={"num_leaves": np.int64(31)}, weight=0.75),
            SimpleNamespace(family="knn", params={"n_neighbors": 7}, weight=0.25),
        ],
        featurizers={},
    )
    source = retraining_script(model, target="y", task="regression", metric="r2", seed=0)
    compile(source, "retrain.py", "exec")
    members = _constants(source)["MEMBERS"]
    assert [(m["family"], m["weight"]) for m in members] == [("lightgbm", 0.75), ("knn", 0.25)]
    assert members[0]["params"] == {"num_leaves": 31}


_BUILDING_BLOCKS = importlib.util.find_spec("kumi.automl.families") is not None


@pytest.mark.slow
@pytest.mark.skipif(not _BUILDING_BLOCKS, reason="needs kumi.automl.families and Featurizer")
def test_script_retrains_the_model_on_a_csv_file(tmp_path: Path) -> None:
    families = importlib.import_module("kumi.automl.families").families
    detect_columns = importlib.import_module("kumi.automl.featurize").detect_columns

    case = binary_case()
    frame = case.features.assign(diagnosis=np.asarray(case.model.classes_)[case.y])
    frame.to_csv(tmp_path / "train.csv", index=False)
    family = families()["random_forest"]
    params = family.portfolio("classification", len(frame), case.features.shape[1])[0]
    model = SimpleNamespace(
        members=[SimpleNamespace(family="random_forest", params=params, weight=1.0)],
        featurizers={"trees": SimpleNamespace(columns=detect_columns(case.features, "auto"))},
    )
    source = retraining_script(
        model, target="diagnosis", task="classification", metric="auc", seed=0
    )
    (tmp_path / "retrain.py").write_text(source)
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "retrain.py", "train.csv", "--output", "model.pkl"],
        check=False, cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    value = float(re.search(r"auc on the \d+ held-out rows: ([0-9.]+)", done.stdout).group(1))
    assert value > 0.9
    fitted = pickle.loads((tmp_path / "model.pkl").read_bytes())
    assert fitted["members"][0]["family"] == "random_forest"
    assert list(fitted["classes"]) == ["benign", "malignant"]
