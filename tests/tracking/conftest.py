"""Real tables and fitted kumi steps for the ONNX scoring-chain tests."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources

import numpy as np
import pandas as pd
import pytest

from kumi.components._transforms.clean_missing import CleanMissingTransformation
from kumi.components._transforms.indicators import IndicatorValuesTransformation
from kumi.components._transforms.normalize import NormalizeTransformation
from kumi.core import Table, TrainedModel, Transformation, column_type_of
from kumi.registry import default_registry
from kumi.tracking.onnx import InputColumn, ScoringChain


@pytest.fixture(scope="session")
def penguins() -> pd.DataFrame:
    """Penguins (numeric and text columns with missing values), a few more holes punched."""
    path = resources.files("kumi.samples") / "data" / "penguins.csv"
    frame = pd.read_csv(str(path))
    rng = np.random.default_rng(7)
    for column in ("bill_length_mm", "flipper_length_mm", "island"):
        holes = rng.choice(len(frame), size=12, replace=False)
        frame.loc[holes, column] = np.nan
    frame["heavy"] = frame["body_mass_g"].fillna(0) > 4200
    return frame


def learner(component_id: str, **params: object) -> object:
    component = default_registry().get(component_id)()
    return component.learner(component.Params(**params))  # type: ignore[attr-defined]


def python_scores(
    frame: pd.DataFrame, steps: Sequence[Transformation], model: TrainedModel
) -> pd.DataFrame:
    table = Table.of(frame)
    for step in steps:
        table = step.apply(table)
    return model.score(table).frame


def chain_of(frame: pd.DataFrame, steps: list[Transformation], model: TrainedModel) -> ScoringChain:
    inputs = [InputColumn(str(c), column_type_of(frame[c])) for c in frame.columns]
    return ScoringChain(inputs, steps, model)


def assert_same_scores(
    onnx_frame: pd.DataFrame, python_frame: pd.DataFrame, tolerance: float = 1e-5
) -> float:
    """Same columns in the same order, equal labels and texts, numbers within tolerance;
    returns the largest numeric difference."""
    assert list(onnx_frame.columns) == list(python_frame.columns)
    largest = 0.0
    for column in python_frame.columns:
        expected, actual = python_frame[column], onnx_frame[column]
        if pd.api.types.is_float_dtype(expected.dtype):
            assert pd.api.types.is_float_dtype(actual.dtype), column
            np.testing.assert_array_equal(actual.isna(), expected.isna(), err_msg=column)
            difference = np.nanmax(np.abs(actual - expected), initial=0.0)
            assert difference <= tolerance, (column, difference)
            largest = max(largest, float(difference))
        else:
            assert actual.dtype == expected.dtype, (column, actual.dtype, expected.dtype)
            assert actual.isna().equals(expected.isna()), column
            assert actual[expected.notna()].tolist() == expected[expected.notna()].tolist(), column
    return largest


@pytest.fixture(scope="session")
def fitted_steps(penguins: pd.DataFrame) -> list[Transformation]:
    """Clean Missing (mode, with indicators) → Normalize (z-score) → indicator values."""
    table = Table.of(penguins)
    clean = CleanMissingTransformation(
        ["bill_length_mm", "island"], "replace_with_mode", indicator=True
    ).fit(table)
    table = clean.apply(table)
    normalize = NormalizeTransformation(["bill_length_mm", "bill_depth_mm", "year"], "zscore")
    table = normalize.fit(table).apply(table)
    indicators = IndicatorValuesTransformation(["island"]).fit(table)
    return [clean, normalize, indicators]


def fitted_model(
    frame: pd.DataFrame, steps: Sequence[Transformation], learner_id: str, label: str
) -> TrainedModel:
    table = Table.of(frame)
    for step in steps:
        table = step.apply(table)
    return learner(learner_id).fit(table, label)  # type: ignore[attr-defined,no-any-return]
