"""Select Columns in Dataset: project a subset of columns."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field

from kumi.core import (
    Category,
    ColumnSelection,
    Component,
    InputPort,
    Inputs,
    InvalidParameterError,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    TableSchema,
)


class SelectColumnsInDatasetParams(Params):
    select_columns: ColumnSelection = Field(
        default_factory=ColumnSelection.all, description="Columns to keep."
    )


class SelectColumnsInDataset(Component[SelectColumnsInDatasetParams]):
    id = "select_columns_in_dataset"
    name = "Select Columns in Dataset"
    category = Category.DATA_TRANSFORMATION
    description = "Keeps the selected columns of a dataset, dropping the others."
    Params = SelectColumnsInDatasetParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("results_dataset", PortType.TABLE),)

    def run(self, params: SelectColumnsInDatasetParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        names = self._selected(params, table.schema())
        return {"results_dataset": table.derive(table.frame[names])}

    def infer_schemas(
        self, params: SelectColumnsInDatasetParams, inputs: Mapping[str, TableSchema]
    ) -> Mapping[str, TableSchema] | None:
        schema = inputs.get("dataset")
        if schema is None:
            return None
        names = self._selected(params, schema)
        return {"results_dataset": TableSchema(tuple(schema.get(n) for n in names))}  # type: ignore[misc]

    @staticmethod
    def _selected(params: SelectColumnsInDatasetParams, schema: TableSchema) -> list[str]:
        names = params.select_columns.resolve(schema)
        if not names:
            raise InvalidParameterError(
                "The column selection matches no column; pick at least one column.",
                details={"parameter": "select_columns"},
            )
        return names
