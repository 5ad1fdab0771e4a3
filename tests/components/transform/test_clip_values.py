"""Clip Values: peaks, subpeaks, percentiles, substitutes and indicator columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.core import ColumnSelection, ColumnTypeError, Table


def _table() -> Table:
    return Table.of(pd.DataFrame({"v": np.arange(1.0, 11.0), "t": list("abcdefghij")}))


def _clip(run, **params) -> pd.DataFrame:
    params.setdefault("list_of_columns", ColumnSelection.of("v").model_dump())
    return run("clip_values", params, dataset=_table())["results_dataset"].frame


def test_constant_peak_is_replaced_by_the_threshold(run) -> None:
    out = _clip(run, constant_value_for_upper_threshold=8)
    assert out["v"].tolist() == [1, 2, 3, 4, 5, 6, 7, 8, 8, 8]


def test_percentile_thresholds_with_missing_substitutes_and_indicators(run) -> None:
    out = _clip(
        run,
        set_of_thresholds="clip_peaks_and_subpeaks",
        upper_threshold="percentile",
        percentile_number_for_upper_threshold=90,
        lower_threshold="percentile",
        percentile_number_for_lower_threshold=20,
        substitute_value_for_peaks="missing",
        substitute_value_for_subpeaks="missing",
        overwrite_flag=False,
        add_indicator_columns=True,
    )
    assert out["v"].tolist() == list(np.arange(1.0, 11.0))  # original kept
    assert out["v_clipped"].isna().tolist() == [True, True] + [False] * 7 + [True]
    assert out["v_is_clipped"].tolist() == [1, 1, 0, 0, 0, 0, 0, 0, 0, 1]


@pytest.mark.parametrize(("substitute", "value"), [("mean", 5.5), ("median", 5.5)])
def test_mean_and_median_come_from_the_unclipped_column(run, substitute, value) -> None:
    out = _clip(
        run,
        set_of_thresholds="clip_subpeaks",
        constant_value_for_lower_threshold=3,
        substitute_value_for_subpeaks=substitute,
    )
    assert out["v"].tolist()[:3] == [value, value, 3.0]  # the boundary value is kept


def test_text_columns_are_refused(run) -> None:
    with pytest.raises(ColumnTypeError, match="'t'"):
        _clip(run, list_of_columns=ColumnSelection.of("t").model_dump())
