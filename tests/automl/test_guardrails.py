"""Data guardrails: each check passes on a clean table and reports on a faulty one."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.automl.data import prepare
from kumi.automl.featurize import detect_columns
from kumi.automl.guardrails import Guardrail, check_guardrails
from kumi.automl.validation import make_plan
from kumi.core.errors import InvalidInputError

NAMES = [
    "Validation split handling",
    "Missing feature values imputation",
    "High cardinality feature detection",
    "Class balancing detection",
    "Constant and ID column removal",
    "Target leakage detection",
    "Missing target values",
]


def guardrails(frame: pd.DataFrame, task: str = "classification") -> dict[str, Guardrail]:
    data = prepare(frame, "target", task)  # type: ignore[arg-type]
    columns = detect_columns(data.features, "auto")
    plan = make_plan(data, "auto", seed=0)
    found = check_guardrails(data, columns, plan)
    assert [g.name for g in found] == [
        n for n in NAMES if task == "classification" or "Class" not in n
    ]
    return {g.name: g for g in found}


def clean(rows: int = 400, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=rows)
    return pd.DataFrame(
        {
            "x": x,
            "z": rng.normal(size=rows),
            "colour": rng.choice(["red", "green", "blue"], rows),
            "target": np.where(x + rng.normal(size=rows) > 0, "yes", "no"),
        }
    )


def test_a_clean_table_passes_everything_but_the_split() -> None:
    found = guardrails(clean())
    assert found["Validation split handling"].status == "done"
    assert "5-fold" in found["Validation split handling"].description
    for name in NAMES[1:]:
        assert found[name].status == "passed", name


def test_missing_values_are_reported_with_counts_and_method() -> None:
    frame = clean()
    frame.loc[:9, "x"] = np.nan
    frame.loc[:4, "colour"] = None
    found = guardrails(frame)["Missing feature values imputation"]
    assert found.status == "done"
    assert {"column": "x", "missing": 10, "impute": "median"} in found.details
    assert {"column": "colour", "missing": 5, "impute": "constant"} in found.details


def test_high_cardinality_columns_are_named() -> None:
    frame = clean()
    frame["shop"] = [f"s{v}" for v in np.random.default_rng(1).integers(0, 100, len(frame))]
    found = guardrails(frame)["High cardinality feature detection"]
    assert found.status == "done"
    assert [d["column"] for d in found.details] == ["shop"]
    assert "target encoding" in found.details[0]["encoding"]


def test_imbalanced_classes_alert_with_per_class_details() -> None:
    frame = clean()
    frame["target"] = np.where(np.arange(len(frame)) < 30, "rare", "common")
    found = guardrails(frame)["Class balancing detection"]
    assert found.status == "alerted"
    assert {d["class"]: d["rows"] for d in found.details} == {"common": 370, "rare": 30}


def test_a_class_with_a_single_row_alerts() -> None:
    frame = clean()
    frame.loc[0, "target"] = "single"
    found = guardrails(frame)["Class balancing detection"]
    assert found.status == "alerted"
    assert "single row" in found.description


def test_constant_and_identifier_columns_are_reported() -> None:
    frame = clean()
    frame["id"] = np.arange(len(frame))
    frame["same"] = "x"
    found = guardrails(frame)["Constant and ID column removal"]
    assert found.status == "done"
    assert {d["column"] for d in found.details} == {"id", "same"}


@pytest.mark.parametrize("task", ["classification", "regression"])
def test_a_column_copying_the_target_is_named_as_leakage(task: str) -> None:
    frame = clean()
    rng = np.random.default_rng(2)
    if task == "regression":
        frame["target"] = frame["x"] * 3 + rng.normal(size=len(frame))
        frame["leak"] = frame["target"] + rng.normal(scale=0.01, size=len(frame))
    else:
        frame["leak"] = (frame["target"] == "yes") + rng.normal(scale=0.05, size=len(frame))
    found = guardrails(frame, task)["Target leakage detection"]
    assert found.status == "alerted"
    assert [d["column"] for d in found.details] == ["leak"]
    assert "'leak'" in found.description


def test_regression_without_leakage_passes_and_has_no_class_check() -> None:
    frame = clean()
    frame["target"] = frame["x"] + np.random.default_rng(3).normal(size=len(frame))
    assert guardrails(frame, "regression")["Target leakage detection"].status == "passed"


def test_rows_without_target_are_reported() -> None:
    frame = clean()
    frame.loc[:6, "target"] = None
    found = guardrails(frame)["Missing target values"]
    assert found.status == "done"
    assert found.details[0]["rows_dropped"] == 7


def test_all_features_dropped_is_an_error_naming_them() -> None:
    frame = pd.DataFrame({"id": np.arange(50), "same": 1, "target": [0, 1] * 25})
    data = prepare(frame, "target", "classification")
    columns = detect_columns(data.features, "auto")
    with pytest.raises(InvalidInputError, match=r"id: identifier.*same: constant"):
        check_guardrails(data, columns, make_plan(data, "auto", seed=0))
