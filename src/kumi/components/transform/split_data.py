"""Split Data: divide the rows of a dataset into two outputs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import numpy as np
from pydantic import Field

from kumi.components._transforms.columns import require_in_schema
from kumi.components._transforms.sampling import fraction_mask, strata_of
from kumi.components._transforms.split_expressions import regex_mask, relational_mask
from kumi.core import (
    Category,
    ColumnName,
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


class SplitDataParams(Params):
    splitting_mode: Literal["split_rows", "regular_expression", "relative_expression"] = (
        "split_rows"
    )
    fraction_of_rows_in_the_first_output_dataset: float = Field(0.5, ge=0.0, le=1.0)
    randomized_split: bool = True
    random_seed: int = Field(0, ge=0)
    stratified_split: bool = False
    stratification_key_column: ColumnName | None = None
    regular_expression: str = Field(
        "", description='Column then Python regex, e.g. \\"Text" Gryphon or (\\1) ^[a-f].'
    )
    relational_expression: str = Field(
        "", description='Column then conditions, e.g. \\"Year" > 2010 or (\\0)<=30 & !=20.'
    )


class SplitData(Component[SplitDataParams]):
    id = "split_data"
    name = "Split Data"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Splits rows into two datasets: a (random, optionally stratified) fraction of rows, "
        "the rows matching a regular expression, or the rows meeting a relational expression."
    )
    Params = SplitDataParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (
        OutputPort("results_dataset1", PortType.TABLE),
        OutputPort("results_dataset2", PortType.TABLE),
    )

    def run(self, params: SplitDataParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        mask = self._first_rows(params, table)
        ctx.log(f"First output: {int(mask.sum())} rows; second output: {int((~mask).sum())} rows")
        return {
            "results_dataset1": table.derive(table.frame[mask].reset_index(drop=True)),
            "results_dataset2": table.derive(table.frame[~mask].reset_index(drop=True)),
        }

    @staticmethod
    def _first_rows(params: SplitDataParams, table: Table) -> np.ndarray:
        if params.splitting_mode == "regular_expression":
            return regex_mask(table, _required(params.regular_expression, "regular_expression"))
        if params.splitting_mode == "relative_expression":
            expression = _required(params.relational_expression, "relational_expression")
            return relational_mask(table, expression)
        strata = (
            strata_of(table, params.stratification_key_column, "stratification_key_column")
            if params.stratified_split
            else None
        )
        rng = np.random.default_rng(params.random_seed) if params.randomized_split else None
        fraction = params.fraction_of_rows_in_the_first_output_dataset
        return fraction_mask(len(table), fraction, strata, rng)

    def infer_schemas(
        self, params: SplitDataParams, inputs: Mapping[str, TableSchema]
    ) -> Mapping[str, TableSchema] | None:
        schema = inputs.get("dataset")
        if schema is None:
            return None
        if params.stratified_split:
            require_in_schema(schema, [params.stratification_key_column], "the stratification key")
        return {"results_dataset1": schema, "results_dataset2": schema}


def _required(expression: str, parameter: str) -> str:
    if not expression.strip():
        raise InvalidParameterError(
            f"Splitting mode needs '{parameter}'; enter an expression such as "
            + ('\\"Text" Gryphon.' if parameter == "regular_expression" else '\\"Year" > 2010.'),
            details={"parameter": parameter},
        )
    return expression
