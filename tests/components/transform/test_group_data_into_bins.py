"""Group Data into Bins: quantile, equal-width and custom-edge bins, output modes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.core import ColumnSelection, ColumnTypeError, InvalidParameterError, Table


def _table() -> Table:
    return Table.of(pd.DataFrame({"x": np.arange(1.0, 21.0), "y": [0, 1] * 10}), label="y")


def _bins(run, table: Table | None = None, **params) -> dict:
    params.setdefault("columns_to_bin", ColumnSelection.of("x").model_dump())
    return run("group_data_into_bins", params, dataset=table or _table())


def test_quantile_bins_hold_equal_counts(run) -> None:
    out = _bins(run, number_of_bins=4, quantile_normalization="quantile_index")
    frame = out["quantized_dataset"].frame
    assert frame["x_quantized"].value_counts().sort_index().tolist() == [5, 5, 5, 5]
    assert "x_quantized" in out["quantized_dataset"].categorical


@pytest.mark.parametrize(
    ("normalization", "values"),
    [("percent", [25.0, 50.0, 75.0, 100.0]), ("p_quantile", [0.25, 0.5, 0.75, 1.0])],
)
def test_quantile_normalization(run, normalization, values) -> None:
    out = _bins(run, number_of_bins=4, quantile_normalization=normalization)
    assert sorted(out["quantized_dataset"].frame["x_quantized"].unique()) == values


def test_equal_width_bins(run) -> None:
    table = Table.of(pd.DataFrame({"x": [0.0, 1.0, 4.9, 5.1, 10.0]}))
    out = _bins(run, table, binning_mode="equal_width", number_of_bins=2, output_mode="inplace")
    assert out["quantized_dataset"].frame["x"].tolist() == [1, 1, 1, 2, 2]


def test_custom_edges_put_edge_values_in_the_lower_bin(run) -> None:
    table = Table.of(pd.DataFrame({"x": [-1.0, 0.0, 0.1, 10.0, 11.0, np.nan]}))
    out = _bins(
        run,
        table,
        binning_mode="custom_edges",
        comma_separated_list_of_bin_edges="0, 10",
        output_mode="result_only",
    )
    frame = out["quantized_dataset"].frame
    assert list(frame.columns) == ["x_quantized"]
    assert frame["x_quantized"].tolist()[:5] == [1, 1, 2, 2, 3]
    assert np.isnan(frame["x_quantized"].tolist()[5])


def test_transformation_bins_new_data_with_training_edges(run) -> None:
    out = _bins(run, number_of_bins=4, quantile_normalization="quantile_index")
    transformation = out["binning_transformation"]
    pd.testing.assert_frame_equal(
        transformation.apply(_table()).frame, out["quantized_dataset"].frame
    )
    new = Table.of(pd.DataFrame({"x": [-100.0, 5.0, 100.0]}))
    assert transformation.apply(new).frame["x_quantized"].tolist() == [1, 1, 4]


@pytest.mark.parametrize("edges", ["", "10, 5", "a, b"])
def test_bad_custom_edges(run, edges) -> None:
    with pytest.raises(InvalidParameterError, match="edges"):
        _bins(run, binning_mode="custom_edges", comma_separated_list_of_bin_edges=edges)


def test_text_columns_are_refused(run) -> None:
    table = Table.of(pd.DataFrame({"x": ["a", "b"]}))
    with pytest.raises(ColumnTypeError, match="'x'"):
        _bins(run, table)
