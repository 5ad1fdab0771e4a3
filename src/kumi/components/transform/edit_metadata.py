"""Edit Metadata: change data types, categorical flags, roles and names of columns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from kumi.components._transforms.columns import selected_columns
from kumi.components._transforms.metadata import edit_schema, edit_table, new_names
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
    TableSchema,
)

DataType = Literal["unchanged", "string", "integer", "double", "boolean", "datetime"]
Categorical = Literal["unchanged", "categorical", "non_categorical"]
Fields = Literal["unchanged", "feature", "label", "clear_feature", "clear_label", "clear_score"]


class EditMetadataParams(Params):
    column: ColumnSelection = Field(default_factory=ColumnSelection, description="Columns to edit.")
    data_type: DataType = "unchanged"
    date_time_format: str = Field("", description="Python strftime format, e.g. %Y-%m-%d.")
    categorical: Categorical = "unchanged"
    fields: Fields = Field(
        "unchanged",
        description="feature / label marks the columns; clear_feature makes them ignored.",
    )
    new_column_names: str = Field("", description="Comma-separated, one per selected column.")


class EditMetadata(Component[EditMetadataParams]):
    id = "edit_metadata"
    name = "Edit Metadata"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Changes the data type, categorical flag, role (feature, label, ignored) or name of "
        "the selected columns."
    )
    Params = EditMetadataParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("results_dataset", PortType.TABLE),)
    example_params = {"column": {"names": ["city"]}, "categorical": "non_categorical"}

    def run(self, params: EditMetadataParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        columns = selected_columns(table, params.column, "column")
        edited = edit_table(
            table,
            columns,
            data_type=params.data_type,
            date_time_format=params.date_time_format,
            categorical=params.categorical,
            fields=params.fields,
            renames=new_names(params.new_column_names, columns, table.columns),
        )
        return {"results_dataset": edited}

    def infer_schemas(
        self, params: EditMetadataParams, inputs: Mapping[str, TableSchema]
    ) -> Mapping[str, TableSchema] | None:
        schema = inputs.get("dataset")
        if schema is None:
            return None
        columns = selected_columns(schema, params.column, "column")
        renamed = new_names(params.new_column_names, columns, schema.names)
        return {
            "results_dataset": edit_schema(
                schema,
                columns,
                data_type=params.data_type,
                categorical=params.categorical,
                fields=params.fields,
                renames=renamed,
            )
        }
