"""SMOTE: synthetic minority rows, untouched majority, seeds and clear refusals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.components.transform.smote import SmoteParams
from kumi.core import InvalidInputError, InvalidParameterError, Table, validate_params
from kumi.testing import example


def _imbalanced() -> Table:
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "x": np.r_[rng.normal(0, 1, 30), rng.normal(10, 1, 6)],
            "n": np.r_[rng.integers(0, 5, 30), rng.integers(100, 105, 6)],
            "y": ["no"] * 30 + ["yes"] * 6,
        }
    )
    return Table.of(frame, label="y")


def _smote(run, table: Table | None = None, **params) -> pd.DataFrame:
    return run("smote", params, samples=table or _imbalanced())["table"].frame


def test_adds_percentage_of_minority_rows_after_the_originals(run) -> None:
    table = _imbalanced()
    out = _smote(run, smote_percentage=200, number_of_nearest_neighbors=2)
    assert out["y"].value_counts().to_dict() == {"no": 30, "yes": 18}
    pd.testing.assert_frame_equal(out.iloc[:36], table.frame)
    synthetic = out.iloc[36:]
    minority = table.frame[table.frame["y"] == "yes"]
    assert synthetic["x"].between(minority["x"].min(), minority["x"].max()).all()
    assert synthetic["n"].dtype == np.int64  # whole-number columns stay whole


def test_seed_makes_it_reproducible(run) -> None:
    a = _smote(run, random_seed=5, number_of_nearest_neighbors=3)
    b = _smote(run, random_seed=5, number_of_nearest_neighbors=3)
    c = _smote(run, random_seed=6, number_of_nearest_neighbors=3)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)


def test_mixed_text_features(run) -> None:
    table = example("table")
    clean = Table.of(table.frame.dropna().reset_index(drop=True), label="label")
    out = _smote(run, clean, number_of_nearest_neighbors=2)
    assert len(out) > len(clean)
    assert set(out["city"]) <= {"Lisbon", "Osaka", "Quito"}


def test_refusals(run) -> None:
    with pytest.raises(InvalidInputError, match="exactly two classes"):
        _smote(run, example("multiclass_table"))
    with pytest.raises(InvalidInputError, match="Clean Missing Data"):
        _smote(run, example("table"))
    with pytest.raises(InvalidParameterError, match="at most 5"):
        _smote(run, number_of_nearest_neighbors=6)
    with pytest.raises(InvalidParameterError, match="smote_percentage"):
        validate_params(SmoteParams, {"smote_percentage": 150})
