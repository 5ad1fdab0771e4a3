"""Convert to Indicator Values: one-hot encode categorical columns."""

from __future__ import annotations

from pydantic import Field

from kumi.components._transforms.columns import (
    categorical_features,
    require_categorical,
    selected_columns,
)
from kumi.components._transforms.indicators import IndicatorValuesTransformation
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


class ConvertToIndicatorValuesParams(Params):
    categorical_columns_to_convert: ColumnSelection = Field(
        default=categorical_features(), description="Columns flagged categorical."
    )
    overwrite_categorical_columns: bool = Field(
        False, description="Replace each source column by its indicator columns."
    )


class ConvertToIndicatorValues(Component[ConvertToIndicatorValuesParams]):
    id = "convert_to_indicator_values"
    name = "Convert to Indicator Values"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Turns each categorical column into 0/1 indicator columns named '<column> - <value>' "
        "('<column> - Missing' for missing values) and outputs the transformation for new data."
    )
    Params = ConvertToIndicatorValuesParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (
        OutputPort("results_dataset", PortType.TABLE),
        OutputPort("indicator_values_transformation", PortType.TRANSFORMATION),
    )

    def run(
        self, params: ConvertToIndicatorValuesParams, inputs: Inputs, ctx: RunContext
    ) -> Outputs:
        table = inputs.table("dataset")
        columns = selected_columns(
            table, params.categorical_columns_to_convert, "categorical_columns_to_convert"
        )
        require_categorical(table, columns, "Convert to Indicator Values")
        transformation = IndicatorValuesTransformation(
            columns, params.overwrite_categorical_columns
        ).fit(table)
        return {
            "results_dataset": transformation.apply(table),
            "indicator_values_transformation": transformation,
        }
