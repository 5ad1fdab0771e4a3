"""Group Data into Bins: quantize numeric columns into quantile, equal-width or custom bins."""

from __future__ import annotations

from pydantic import Field

from kumi.components._transforms.binning import (
    BinningMode,
    BinningTransformation,
    QuantileNormalization,
    parse_edges,
)
from kumi.components._transforms.columns import numeric_features, selected_columns
from kumi.components._transforms.output_mode import OutputMode
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


class GroupDataIntoBinsParams(Params):
    binning_mode: BinningMode = "quantiles"
    number_of_bins: int = Field(10, ge=1, le=10_000, description="For quantiles and equal_width.")
    columns_to_bin: ColumnSelection = Field(default=numeric_features())
    output_mode: OutputMode = "append"
    tag_columns_as_categorical: bool = True
    quantile_normalization: QuantileNormalization = Field(
        "percent", description="How quantile bins are reported: percent, p_quantile or index."
    )
    comma_separated_list_of_bin_edges: str = Field(
        "",
        description="Ascending edges for custom_edges, e.g. '0, 10, 20' (a value equal to "
        "an edge falls in the lower bin).",
    )


class GroupDataIntoBins(Component[GroupDataIntoBinsParams]):
    id = "group_data_into_bins"
    name = "Group Data into Bins"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Puts the values of numeric columns into bins (quantiles, equal width or custom "
        "edges) and outputs the binning transformation for new data."
    )
    Params = GroupDataIntoBinsParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (
        OutputPort("quantized_dataset", PortType.TABLE),
        OutputPort("binning_transformation", PortType.TRANSFORMATION),
    )

    def run(self, params: GroupDataIntoBinsParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        columns = selected_columns(table, params.columns_to_bin, "columns_to_bin")
        edges = (
            parse_edges(params.comma_separated_list_of_bin_edges)
            if params.binning_mode == "custom_edges"
            else []
        )
        transformation = BinningTransformation(
            columns,
            mode=params.binning_mode,
            number_of_bins=params.number_of_bins,
            custom_edges=edges,
            normalization=params.quantile_normalization,
            output_mode=params.output_mode,
            categorical=params.tag_columns_as_categorical,
        ).fit(table)
        return {
            "quantized_dataset": transformation.apply(table),
            "binning_transformation": transformation,
        }
