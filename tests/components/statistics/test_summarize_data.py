"""Summarize Data: each statistic against pandas/NumPy, and the rules for text and booleans."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.components.statistics._summary import STATISTICS
from kumi.core import Table


def _summary(run, frame: pd.DataFrame) -> pd.DataFrame:
    return run("summarize_data", {}, dataset=Table.of(frame))["result_dataset"].frame.set_index(
        "Feature"
    )


def test_numeric_statistics(run) -> None:
    values = pd.Series([1.0, 2.0, 2.0, 4.0, 10.0, np.nan])
    row = _summary(run, pd.DataFrame({"v": values})).loc["v"]
    present = values.dropna()
    expected = {
        "Count": 5,
        "Unique Value Count": 4,
        "Missing Value Count": 1,
        "Min": 1.0,
        "Max": 10.0,
        "Mean": present.mean(),
        "Mean Deviation": (present - present.mean()).abs().mean(),
        "1st Quartile": np.percentile(present, 25),
        "Median": 2.0,
        "3rd Quartile": np.percentile(present, 75),
        "Mode": 2.0,
        "Range": 9.0,
        "Sample Variance": present.var(ddof=1),
        "Sample Standard Deviation": present.std(ddof=1),
        "Sample Skewness": present.skew(),
        "Sample Kurtosis": present.kurt(),
        "P0.5": np.percentile(present, 0.5),
        "P99.5": np.percentile(present, 99.5),
    }
    for name, value in expected.items():
        assert row[name] == pytest.approx(value), name


def test_columns_are_azures_and_text_gets_only_counts(run) -> None:
    summary = _summary(run, pd.DataFrame({"t": ["a", "b", "a", None]}))
    assert ["Feature", *summary.columns] == list(STATISTICS)
    row = summary.loc["t"]
    assert (row["Count"], row["Unique Value Count"], row["Missing Value Count"]) == (3, 2, 1)
    assert row[list(STATISTICS[4:])].isna().all()


def test_boolean_rules(run) -> None:
    row = _summary(run, pd.DataFrame({"b": [True, False, True, True]})).loc["b"]
    assert (row["Min"], row["Max"], row["Range"], row["Mean"]) == (0.0, 1.0, 1.0, 0.75)
    same = _summary(run, pd.DataFrame({"b": [True, True]})).loc["b"]
    assert (same["Min"], same["Range"]) == (1.0, 0.0)
