"""Normalize Data: each method's formula, constant columns, the fitted transformation."""

from __future__ import annotations

import cloudpickle
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from kumi.components.transform.normalize_data import NormalizeData, NormalizeDataParams
from kumi.core import ColumnNotFoundError, ColumnSelection, ColumnType, ColumnTypeError, Table
from kumi.testing import example


def _numeric() -> Table:
    return example("numeric_table")


def test_zscore_uses_population_standard_deviation(run) -> None:
    table = _numeric()
    out = run("normalize_data", {}, dataset=table)["transformed_dataset"].frame
    for column in ("age", "income", "balance"):
        x = table.frame[column].astype(float)
        expected = (x - x.mean()) / x.std(ddof=0)
        np.testing.assert_allclose(out[column], expected, rtol=1e-12)
    assert out["label"].tolist() == table.frame["label"].tolist()  # the label is left alone


@pytest.mark.parametrize(
    ("method", "formula"),
    [
        ("minmax", lambda x: (x - x.min()) / (x.max() - x.min())),
        ("logistic", lambda x: 1 / (1 + np.exp(-x))),
        ("tanh", np.tanh),
        (
            "lognormal",
            lambda x: stats.norm.cdf((np.log(x) - np.log(x).mean()) / np.log(x).std(ddof=0)),
        ),
    ],
)
def test_methods_match_their_formulas(run, method, formula) -> None:
    table = Table.of(pd.DataFrame({"x": [0.5, 1.0, 2.0, 4.0, 9.0]}))
    out = run("normalize_data", {"transformation_method": method}, dataset=table)
    np.testing.assert_allclose(
        out["transformed_dataset"].frame["x"], formula(table.frame["x"]), rtol=1e-12
    )


@pytest.mark.parametrize(("use_zero", "expected"), [(True, 0.0), (False, None)])
def test_constant_columns(run, use_zero, expected) -> None:
    table = Table.of(pd.DataFrame({"c": [3.0, 3.0, 3.0], "x": [1.0, 2.0, 3.0]}))
    out = run("normalize_data", {"use_0_for_constant_columns": use_zero}, dataset=table)
    values = out["transformed_dataset"].frame["c"]
    if expected is None:
        assert values.isna().all()
    else:
        assert values.tolist() == [expected] * 3


def test_transformation_replays_training_numbers_on_new_data(run) -> None:
    table = _numeric()
    outputs = run("normalize_data", {"transformation_method": "minmax"}, dataset=table)
    transformation = cloudpickle.loads(cloudpickle.dumps(outputs["transformation_function"]))
    again = transformation.apply(table)
    pd.testing.assert_frame_equal(again.frame, outputs["transformed_dataset"].frame)
    new = Table.of(pd.DataFrame({"age": [18, 79, 100], "income": [0.0] * 3, "balance": [1.0] * 3}))
    scaled = transformation.apply(new).frame["age"]
    age = table.frame["age"]
    expected = (np.array([18, 79, 100]) - age.min()) / (age.max() - age.min())
    np.testing.assert_allclose(scaled, expected)  # training min/max, not the new data's


def test_transformation_needs_its_feature_columns(run) -> None:
    transformation = run("normalize_data", {}, dataset=_numeric())["transformation_function"]
    with pytest.raises(ColumnNotFoundError, match="income"):
        transformation.apply(Table.of(pd.DataFrame({"age": [1], "balance": [2.0]})))


def test_text_column_is_rejected_by_name(run) -> None:
    params = {"columns_to_transform": ColumnSelection.of("age", "city").model_dump()}
    with pytest.raises(ColumnTypeError, match="'city'"):
        run("normalize_data", params, dataset=example("table"))


def test_default_selection_skips_text_boolean_and_label(run) -> None:
    out = run("normalize_data", {}, dataset=example("table"))["transformed_dataset"]
    assert out.frame["member"].dtype == bool
    assert out.frame["label"].tolist() == example("table").frame["label"].tolist()
    assert out.label == "label"


def test_infer_schemas_marks_normalized_columns_double() -> None:
    schema = example("numeric_table").schema()
    inferred = NormalizeData().infer_schemas(NormalizeDataParams(), {"dataset": schema})
    types = {c.name: c.type for c in inferred["transformed_dataset"].columns}
    assert types == {
        "age": ColumnType.DOUBLE,
        "income": ColumnType.DOUBLE,
        "balance": ColumnType.DOUBLE,
        "label": ColumnType.INTEGER,
    }
