"""Column type detection: kinds, dropped columns and overrides."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.automl.featurize import ColumnKind, detect_columns
from kumi.automl.settings import ColumnOverride
from kumi.core.errors import ColumnNotFoundError
from tests.automl._featurize_tables import mixed_table


def kinds(frame: pd.DataFrame, featurization: object = "auto") -> dict[str, ColumnKind]:
    return {spec.name: spec.kind for spec in detect_columns(frame, featurization)}  # type: ignore[arg-type]


def test_every_kind_is_detected_on_a_mixed_table() -> None:
    frame, _ = mixed_table()
    assert kinds(frame) == {
        "amount": ColumnKind.NUMERIC,
        "count": ColumnKind.NUMERIC,
        "member": ColumnKind.BOOLEAN,
        "flag01": ColumnKind.BOOLEAN,
        "city": ColumnKind.CATEGORICAL,
        "shop": ColumnKind.CATEGORICAL,
        "grade": ColumnKind.CATEGORICAL,
        "when": ColumnKind.DATETIME,
        "iso": ColumnKind.DATETIME,
        "review": ColumnKind.TEXT,
        "row_id": ColumnKind.DROPPED,
        "constant": ColumnKind.DROPPED,
    }


def test_specs_count_missing_and_distinct_values_and_say_why() -> None:
    frame, _ = mixed_table()
    specs = {spec.name: spec for spec in detect_columns(frame, "auto")}
    assert specs["amount"].missing == int(frame["amount"].isna().sum()) > 0
    assert specs["amount"].impute == "median"
    assert specs["count"].impute is None
    assert specs["city"].unique == 4
    assert "identifier" in specs["row_id"].reason
    assert "constant" in specs["constant"].reason
    assert specs["amount"].reason == "detected"


def test_string_identifiers_all_missing_columns_and_numeric_strings() -> None:
    rows = 50
    frame = pd.DataFrame(
        {
            "code": [f"C-{i:05d}" for i in range(rows)],
            "empty": [None] * rows,
            "numbers": [str(v) for v in np.linspace(0, 1, rows)],
            "mostly_missing": [np.nan] * (rows - 3) + [1.0, 2.0, 3.0],
        }
    )
    specs = {spec.name: spec for spec in detect_columns(frame, "auto")}
    assert specs["code"].kind == ColumnKind.DROPPED
    assert specs["empty"].kind == ColumnKind.DROPPED
    assert specs["empty"].reason == "all values missing"
    assert specs["numbers"].kind == ColumnKind.NUMERIC
    assert specs["mostly_missing"].kind == ColumnKind.NUMERIC


def test_short_labels_with_many_levels_stay_categorical() -> None:
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"zip": [f"z{v}" for v in rng.integers(0, 400, 1000)]})
    assert kinds(frame)["zip"] == ColumnKind.CATEGORICAL


def test_featurization_off_keeps_numbers_and_booleans_only() -> None:
    frame, _ = mixed_table()
    specs = {spec.name: spec for spec in detect_columns(frame, "off")}
    assert specs["amount"].kind == ColumnKind.NUMERIC
    assert specs["member"].kind == ColumnKind.BOOLEAN
    for name in ("city", "grade", "when", "iso", "review"):
        assert specs[name].kind == ColumnKind.DROPPED
        assert specs[name].reason == "featurization off"


def test_overrides_win_over_detection() -> None:
    frame, _ = mixed_table()
    overrides = {
        "count": ColumnOverride(purpose="categorical"),
        "city": ColumnOverride(purpose="drop"),
        "amount": ColumnOverride(impute="mean"),
        "row_id": ColumnOverride(purpose="numeric"),
    }
    specs = {spec.name: spec for spec in detect_columns(frame, overrides)}
    assert specs["count"].kind == ColumnKind.CATEGORICAL
    assert specs["count"].reason == "override"
    assert specs["city"].kind == ColumnKind.DROPPED
    assert specs["amount"].kind == ColumnKind.NUMERIC
    assert specs["amount"].impute == "mean"
    assert specs["row_id"].kind == ColumnKind.NUMERIC
    assert specs["grade"].reason == "detected"


def test_an_override_of_an_unknown_column_is_an_error() -> None:
    frame, _ = mixed_table()
    with pytest.raises(ColumnNotFoundError, match="nope"):
        detect_columns(frame, {"nope": ColumnOverride(purpose="drop")})


def test_a_boolean_override_on_words_becomes_categorical() -> None:
    frame = pd.DataFrame({"answer": ["yes", "no", None] * 10, "flag": [1, 0, None] * 10})
    overrides = {n: ColumnOverride(purpose="boolean") for n in frame.columns}
    specs = {spec.name: spec for spec in detect_columns(frame, overrides)}
    assert specs["answer"].kind == ColumnKind.CATEGORICAL
    assert specs["flag"].kind == ColumnKind.BOOLEAN
