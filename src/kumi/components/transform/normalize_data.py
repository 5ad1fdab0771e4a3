"""Normalize Data: rescale numeric columns with one method (z-score, min-max ...)."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field

from kumi.components._transforms.columns import numeric_features, selected_columns
from kumi.components._transforms.normalize import NormalizationMethod, NormalizeTransformation
from kumi.core import (
    Category,
    ColumnInfo,
    ColumnSelection,
    ColumnType,
    Component,
    InputPort,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    TableSchema,
)


class NormalizeDataParams(Params):
    transformation_method: NormalizationMethod = Field(
        "zscore", description="zscore uses the population standard deviation."
    )
    use_0_for_constant_columns: bool = Field(
        True, description="Constant columns become 0 (else missing)."
    )
    columns_to_transform: ColumnSelection = Field(
        default=numeric_features(),
        description="Numeric columns to rescale (default: every numeric feature column).",
    )


class NormalizeData(Component[NormalizeDataParams]):
    id = "normalize_data"
    name = "Normalize Data"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Rescales numeric columns to a common scale (Zscore, MinMax, Logistic, LogNormal, "
        "TanH) and outputs the fitted transformation to apply to new data."
    )
    Params = NormalizeDataParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (
        OutputPort("transformed_dataset", PortType.TABLE),
        OutputPort("transformation_function", PortType.TRANSFORMATION),
    )

    def run(self, params: NormalizeDataParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        columns = selected_columns(table, params.columns_to_transform, "columns_to_transform")
        transformation = NormalizeTransformation(
            columns, params.transformation_method, params.use_0_for_constant_columns
        ).fit(table)
        constant = [c for c, scale in transformation.scale_.items() if scale == 0]
        if constant:
            ctx.log(f"Constant columns (no spread to rescale): {', '.join(constant)}")
        return {
            "transformed_dataset": transformation.apply(table),
            "transformation_function": transformation,
        }

    def infer_schemas(
        self, params: NormalizeDataParams, inputs: Mapping[str, TableSchema]
    ) -> Mapping[str, TableSchema] | None:
        schema = inputs.get("dataset")
        if schema is None:
            return None
        columns = set(selected_columns(schema, params.columns_to_transform, "columns_to_transform"))
        return {
            "transformed_dataset": TableSchema(
                tuple(
                    ColumnInfo(c.name, ColumnType.DOUBLE, c.role, c.categorical)
                    if c.name in columns
                    else c
                    for c in schema.columns
                )
            )
        }
