"""The featurizer's ONNX nodes reproduce transform() (onnxruntime, double precision)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from onnx import TensorProto

from kumi.automl.featurize import ColumnKind, ColumnSpec, Featurizer, detect_columns
from kumi.automl.settings import ColumnOverride
from tests.automl._featurize_tables import mixed_table, onnx_matrix, unseen_rows


def assert_same(featurizer: Featurizer, frame: pd.DataFrame) -> None:
    expected = featurizer.transform(frame)
    got = onnx_matrix(featurizer, frame)
    assert got.shape == expected.shape
    assert np.allclose(got, expected, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("encoding", ["trees", "linear"])
@pytest.mark.parametrize("task", ["binary", "multiclass", "regression"])
def test_onnx_matches_transform_on_every_column_kind(encoding: str, task: str) -> None:
    frame, y = mixed_table(rows=400, seed=7)
    target = {
        "binary": y,
        "multiclass": y + (frame["count"] > 20).to_numpy(),
        "regression": y * 1.5,
    }[task]
    featurizer = Featurizer(detect_columns(frame, "auto"), encoding, seed=1)  # type: ignore[arg-type]
    featurizer.fit(frame, target)
    assert_same(featurizer, frame)
    assert_same(featurizer, unseen_rows(frame))


@pytest.mark.parametrize("encoding", ["trees", "linear"])
def test_onnx_matches_with_overridden_imputation(encoding: str) -> None:
    frame, y = mixed_table(rows=200, seed=8)
    overrides = {
        "amount": ColumnOverride(impute="mean"),
        "count": ColumnOverride(purpose="categorical"),
        "city": ColumnOverride(impute="most_frequent"),
        "flag01": ColumnOverride(impute="constant"),
    }
    featurizer = Featurizer(detect_columns(frame, overrides), encoding).fit(frame, y)  # type: ignore[arg-type]
    rows = unseen_rows(frame)
    rows.loc[5, ["flag01", "count"]] = None
    assert_same(featurizer, rows)


def test_onnx_inputs_have_one_typed_input_per_used_column() -> None:
    frame, y = mixed_table(rows=100)
    featurizer = Featurizer(detect_columns(frame, "auto"), "trees").fit(frame, y)
    inputs = dict(featurizer.onnx_inputs())
    assert list(inputs) == featurizer.input_columns_
    assert inputs["amount"] == inputs["member"] == TensorProto.DOUBLE
    assert inputs["city"] == inputs["grade"] == inputs["review"] == TensorProto.STRING
    assert inputs["when"] == inputs["iso"] == TensorProto.INT64
    feed = featurizer.onnx_feed(unseen_rows(frame))
    assert all(array.shape == (6, 1) for array in feed.values())
    assert feed["city"][2, 0] == "" and np.isnan(feed["amount"][2, 0])
    assert feed["when"][2, 0] == feed["iso"][2, 0] == np.iinfo(np.int64).min


def test_onnx_text_features_match_with_unicode_and_case() -> None:
    notes = [
        "Café CRÈME très bon",
        "naïve über Straße",
        "ÉCOLE école ecole",
        "x y z",
        "",
        None,
        "İstanbul KELVIN",
    ] * 4
    frame = pd.DataFrame({"note": notes})
    spec = ColumnSpec("note", ColumnKind.TEXT, "override", 4, 6)
    featurizer = Featurizer([spec], "trees").fit(frame)
    assert "note:caf" in featurizer.feature_names_out_
    assert_same(featurizer, frame)
    assert_same(featurizer, pd.DataFrame({"note": ["brand new words", "CAF caf Caf"]}))
