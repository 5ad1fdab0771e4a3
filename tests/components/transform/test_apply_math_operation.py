"""Apply Math Operation: results, Azure's result names, output modes, every operation."""

from __future__ import annotations

import warnings
from typing import get_args

import numpy as np
import pandas as pd
import pytest
from scipy import special

from kumi.components._transforms import math_operations as ops
from kumi.core import ColumnSelection, ColumnTypeError, InvalidParameterError, Table


def _table() -> Table:
    frame = pd.DataFrame(
        {"a": [1.0, 2.5, -2.5, np.nan], "b": [2.0, 2.0, 4.0, 1.0], "t": ["x", "y", "z", "w"]}
    )
    return Table.of(frame)


def _math(run, table: Table | None = None, **params) -> pd.DataFrame:
    params.setdefault("column_set", ColumnSelection.of("a").model_dump())
    out = run("apply_math_operation", params, dataset=table or _table())
    return out["result_dataset"].frame


def test_unary_result_is_appended_under_azure_name(run) -> None:
    frame = _math(run, basic_math_function="square")
    assert list(frame.columns) == ["a", "b", "t", "Square(a)"]
    np.testing.assert_allclose(frame["Square(a)"], [1.0, 6.25, 6.25, np.nan])


def test_constant_second_argument(run) -> None:
    frame = _math(run, basic_math_function="pow", second_argument=3)
    np.testing.assert_allclose(frame["Pow(a_$3)"], [1.0, 15.625, -15.625, np.nan])


def test_column_second_argument_subtracts_in_azure_order(run) -> None:
    frame = _math(
        run,
        category="operations",
        arithmetic_operation="subtract",
        column_set=ColumnSelection.of("b").model_dump(),
        second_argument_type="column_set",
        second_argument_column_set=ColumnSelection.of("a").model_dump(),
    )
    np.testing.assert_allclose(frame["Subtract(b_a)"], [1.0, -0.5, 6.5, np.nan])


def test_comparison_returns_booleans_with_missing_kept(run) -> None:
    frame = _math(run, category="compare", comparison_function="greater_than", second_argument=0)
    assert frame["GreaterThan(a_$0)"].tolist() == [True, True, False, pd.NA]


@pytest.mark.parametrize(
    ("operation", "precision", "expected"),
    [
        ("round_digits", 0, [1.0, 3.0, -3.0]),
        ("floor", 0, [1.0, 2.0, -3.0]),
        ("ceiling", 0, [1.0, 3.0, -2.0]),
        ("round_down", 0, [1.0, 2.0, -2.0]),
        ("round_up", 0, [1.0, 3.0, -3.0]),
        ("to_even", 0, [2.0, 4.0, -4.0]),
        ("to_odd", 0, [1.0, 3.0, -3.0]),
        ("mod", 2, [1.0, 0.5, 1.5]),
        ("quotient", 2, [0.0, 1.0, -1.0]),
        ("remainder", 2, [1.0, 0.5, -0.5]),
    ],
)
def test_rounding_operations(run, operation, precision, expected) -> None:
    frame = _math(
        run,
        category="rounding",
        rounding_operation=operation,
        constant_precision=precision,
        output_mode="result_only",
    )
    np.testing.assert_allclose(frame.iloc[:3, 0], expected)


def test_round_digits_with_precision(run) -> None:
    table = Table.of(pd.DataFrame({"a": [1.234, 1.235, -1.2351]}))
    frame = _math(
        run, table, category="rounding", rounding_operation="round_digits", constant_precision=2
    )
    np.testing.assert_allclose(frame["RoundDigits(a_$2)"], [1.23, 1.24, -1.24])


def test_special_and_trigonometric_functions(run) -> None:
    erf = _math(run, category="special", special_math_function="erf", output_mode="result_only")
    np.testing.assert_allclose(erf["Erf(a)"], special.erf(_table().frame["a"]))
    sine = _math(run, category="trigonometric", trigonometric_function="sin_degrees")
    np.testing.assert_allclose(sine["SinDegrees(a)"], np.sin(np.radians(_table().frame["a"])))


def test_inplace_replaces_the_selected_columns(run) -> None:
    frame = _math(
        run,
        basic_math_function="abs",
        column_set=ColumnSelection.of("a", "b").model_dump(),
        output_mode="inplace",
    )
    assert list(frame.columns) == ["a", "b", "t"]
    np.testing.assert_allclose(frame["a"], [1.0, 2.5, 2.5, np.nan])


def test_second_columns_pair_in_order(run) -> None:
    frame = _math(
        run,
        category="operations",
        arithmetic_operation="add",
        column_set=ColumnSelection.of("a", "b").model_dump(),
        second_argument_type="column_set",
        second_argument_column_set=ColumnSelection.of("b", "a").model_dump(),
        output_mode="result_only",
    )
    assert list(frame.columns) == ["Add(a_b)", "Add(b_a)"]


def test_errors_name_the_problem(run) -> None:
    with pytest.raises(ColumnTypeError, match="'t'"):
        _math(run, column_set=ColumnSelection.of("t").model_dump())
    with pytest.raises(InvalidParameterError, match="column_set"):
        _math(run, column_set={})
    with pytest.raises(InvalidParameterError, match="second_argument_column_set"):
        _math(
            run,
            category="operations",
            second_argument_type="column_set",
            second_argument_column_set=ColumnSelection.of("a", "b").model_dump(),
        )


CATEGORY_PARAMETER = {
    "basic": ("basic_math_function", ops.BasicMathFunction, ops.BASIC),
    "compare": ("comparison_function", ops.ComparisonFunction, ops.COMPARE),
    "operations": ("arithmetic_operation", ops.ArithmeticOperation, ops.OPERATIONS),
    "rounding": ("rounding_operation", ops.RoundingOperation, ops.ROUNDING),
    "special": ("special_math_function", ops.SpecialMathFunction, ops.SPECIAL),
    "trigonometric": ("trigonometric_function", ops.TrigonometricFunction, ops.TRIGONOMETRIC),
}


def test_parameter_enums_match_the_operation_tables() -> None:
    assert set(get_args(ops.MathCategory)) == set(ops.CATEGORIES)
    assert sum(len(table) for table in ops.CATEGORIES.values()) == 98
    for _, enum, table in CATEGORY_PARAMETER.values():
        assert get_args(enum) == tuple(table)


@pytest.mark.parametrize(
    ("category", "operation"),
    [(c, name) for c, (_, _, table) in CATEGORY_PARAMETER.items() for name in table],
)
def test_every_operation_runs_quietly(run, category, operation) -> None:
    parameter = CATEGORY_PARAMETER[category][0]
    table = Table.of(pd.DataFrame({"a": [0.25, 0.5, 2.0, -1.0, np.nan]}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = _math(
            run, table, category=category, output_mode="result_only", **{parameter: operation}
        )
    assert frame.shape == (5, 1)
    assert pd.isna(frame.iloc[4, 0])  # a missing input gives a missing result
