"""Apply Math Operation: one math function over selected numeric columns."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kumi.components._transforms.columns import selected_columns
from kumi.components._transforms.math_apply import math_results
from kumi.components._transforms.math_operations import (
    CATEGORIES,
    ArithmeticOperation,
    BasicMathFunction,
    ComparisonFunction,
    MathCategory,
    MathOperation,
    RoundingOperation,
    SpecialMathFunction,
    TrigonometricFunction,
)
from kumi.components._transforms.output_mode import OutputMode, combine_results
from kumi.core import (
    Category,
    ColumnSelection,
    Component,
    InputPort,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
)

ArgumentType = Literal["constant", "column_set"]


class ApplyMathOperationParams(Params):
    category: MathCategory = "basic"
    basic_math_function: BasicMathFunction = "abs"
    comparison_function: ComparisonFunction = "equal_to"
    arithmetic_operation: ArithmeticOperation = "add"
    rounding_operation: RoundingOperation = "ceiling"
    special_math_function: SpecialMathFunction = "beta"
    trigonometric_function: TrigonometricFunction = "acos"
    column_set: ColumnSelection = Field(
        default_factory=ColumnSelection, description="Numeric columns to operate on."
    )
    second_argument_type: ArgumentType = "constant"
    second_argument: float = Field(1.0, description="Constant second argument.")
    second_argument_column_set: ColumnSelection = Field(
        default_factory=ColumnSelection,
        description="One column for all, or one per selected column (paired in order).",
    )
    precision_type: ArgumentType = Field("constant", description="Rounding: digits from where.")
    constant_precision: int = Field(0, ge=-15, le=15, description="Rounding: decimal digits.")
    precision_column_set: ColumnSelection = Field(default_factory=ColumnSelection)
    output_mode: OutputMode = "append"


_FUNCTION_PARAMETER = {
    "basic": "basic_math_function",
    "compare": "comparison_function",
    "operations": "arithmetic_operation",
    "rounding": "rounding_operation",
    "special": "special_math_function",
    "trigonometric": "trigonometric_function",
}


class ApplyMathOperation(Component[ApplyMathOperationParams]):
    id = "apply_math_operation"
    name = "Apply Math Operation"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Applies one function (basic, compare, arithmetic, rounding, special or "
        "trigonometric) to selected numeric columns, with a constant or column as second "
        "argument; results are appended (named like 'Add(col_$10)'), written in place, or "
        "returned alone."
    )
    Params = ApplyMathOperationParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("result_dataset", PortType.TABLE),)
    example_params = {"column_set": {"names": ["age", "balance"]}}

    def run(self, params: ApplyMathOperationParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        columns = selected_columns(table, params.column_set, "column_set")
        table.require_numeric(columns, purpose="Apply Math Operation")
        operation = operation_of(params)
        constant, second = _second_argument(params)
        second_columns, second_parameter = None, ""
        if operation.binary and second is not None:
            second_columns = selected_columns(table, *second)
            second_parameter = second[1]
            table.require_numeric(second_columns, purpose="Apply Math Operation")
        results = math_results(
            table,
            columns,
            operation,
            constant=constant,
            second_columns=second_columns,
            second_parameter=second_parameter,
        )
        return {"result_dataset": combine_results(table, results, params.output_mode)}


def operation_of(params: ApplyMathOperationParams) -> MathOperation:
    """The operation the parameters choose."""
    name = getattr(params, _FUNCTION_PARAMETER[params.category])
    return CATEGORIES[params.category][name]


def _second_argument(
    params: ApplyMathOperationParams,
) -> tuple[float, tuple[ColumnSelection, str] | None]:
    """The constant, and the column selection (with its parameter name) when used."""
    if params.category == "rounding":
        if params.precision_type == "column_set":
            return 0.0, (params.precision_column_set, "precision_column_set")
        return float(params.constant_precision), None
    if params.second_argument_type == "column_set":
        return params.second_argument, (
            params.second_argument_column_set,
            "second_argument_column_set",
        )
    return params.second_argument, None
