"""Clean Missing Data: replace or remove missing values in selected columns."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field, model_validator

from kumi.components._transforms.clean_missing import (
    INDICATOR_SUFFIX,
    CleaningMode,
    CleanMissingTransformation,
)
from kumi.components._transforms.columns import selected_columns
from kumi.core import (
    Category,
    ColumnInfo,
    ColumnRole,
    ColumnSelection,
    ColumnType,
    Component,
    InputPort,
    Inputs,
    InvalidParameterError,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    Table,
    TableSchema,
)


class CleanMissingDataParams(Params):
    columns_to_be_cleaned: ColumnSelection = Field(default_factory=ColumnSelection.all)
    minimum_missing_value_ratio: float = Field(0.0, ge=0.0, le=1.0)
    maximum_missing_value_ratio: float = Field(1.0, ge=0.0, le=1.0)
    cleaning_mode: CleaningMode = "custom_substitution_value"
    replacement_value: str = Field("0", description="Used by custom_substitution_value.")
    generate_missing_value_indicator_column: bool = False

    @model_validator(mode="after")
    def _ratios_ordered(self) -> CleanMissingDataParams:
        if self.minimum_missing_value_ratio > self.maximum_missing_value_ratio:
            raise ValueError(
                "minimum_missing_value_ratio must not exceed maximum_missing_value_ratio"
            )
        return self


class CleanMissingData(Component[CleanMissingDataParams]):
    id = "clean_missing_data"
    name = "Clean Missing Data"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Replaces missing values (custom value, mean, median or mode) or removes the rows or "
        "columns that have them, in columns whose missing ratio is within the bounds; outputs "
        "the cleaning transformation for new data."
    )
    Params = CleanMissingDataParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (
        OutputPort("cleaned_dataset", PortType.TABLE),
        OutputPort("cleaning_transformation", PortType.TRANSFORMATION),
    )

    def run(self, params: CleanMissingDataParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        columns = self._columns_in_ratio(params, table)
        ctx.log(f"Cleaning {len(columns)} column(s): {', '.join(columns) or '(none)'}")
        transformation = CleanMissingTransformation(
            columns,
            params.cleaning_mode,
            params.replacement_value,
            params.generate_missing_value_indicator_column,
        ).fit(table)
        return {
            "cleaned_dataset": transformation.apply(table),
            "cleaning_transformation": transformation,
        }

    @staticmethod
    def _columns_in_ratio(params: CleanMissingDataParams, table: Table) -> list[str]:
        selected = selected_columns(table, params.columns_to_be_cleaned, "columns_to_be_cleaned")
        if len(table) == 0:
            raise InvalidParameterError(
                "The dataset has no rows, so missing value ratios cannot be computed.",
                details={"port": "dataset"},
            )
        ratios = table.frame[selected].isna().mean()
        low, high = params.minimum_missing_value_ratio, params.maximum_missing_value_ratio
        return [c for c in selected if low <= ratios[c] <= high]

    def infer_schemas(
        self, params: CleanMissingDataParams, inputs: Mapping[str, TableSchema]
    ) -> Mapping[str, TableSchema] | None:
        schema = inputs.get("dataset")
        if schema is None:
            return None
        selected = selected_columns(schema, params.columns_to_be_cleaned, "columns_to_be_cleaned")
        every_column = (params.minimum_missing_value_ratio, params.maximum_missing_value_ratio)
        if params.cleaning_mode == "remove_entire_column" or every_column != (0.0, 1.0):
            return None  # which columns are cleaned depends on the data
        columns = list(schema.columns)
        if params.generate_missing_value_indicator_column:
            columns += [
                ColumnInfo(f"{c.name}{INDICATOR_SUFFIX}", ColumnType.INTEGER)
                for c in schema.columns
                if c.name in selected and c.role != ColumnRole.LABEL
            ]
        return {"cleaned_dataset": TableSchema(tuple(columns))}
