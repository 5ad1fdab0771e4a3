"""Partition and Sample: take the head, a sample, fold assignments or one fold of a dataset."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import Field

from kumi.components._transforms.columns import require_in_schema
from kumi.components._transforms.folds import FOLD_COLUMN, assign_folds, pick_fold
from kumi.components._transforms.sampling import fraction_mask, strata_of
from kumi.core import (
    Category,
    ColumnInfo,
    ColumnName,
    ColumnRole,
    ColumnType,
    Component,
    InputPort,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    Table,
    TableSchema,
)


class PartitionAndSampleParams(Params):
    partition_or_sample_mode: Literal["head", "sampling", "assign_to_folds", "pick_fold"] = "head"
    number_of_rows_to_select: int = Field(10, ge=0, description="Head: rows from the top.")
    rate_of_sampling: float = Field(0.1, ge=0.0, le=1.0, description="Sampling: row fraction.")
    random_seed_for_sampling: int = Field(0, ge=0)
    stratified_split_for_sampling: bool = False
    stratification_key_column_for_sampling: ColumnName | None = None
    use_replacement_in_the_partitioning: bool = False
    randomized_split: bool = Field(True, description="Assign to folds: else round-robin.")
    random_seed: int = Field(0, ge=0)
    specify_the_partitioner_method: Literal[
        "partition_evenly", "partition_with_customized_proportions"
    ] = "partition_evenly"
    specify_number_of_folds_to_split_evenly_into: int = Field(5, ge=1, le=1000)
    list_of_proportions_separated_by_comma: str = Field("", description="e.g. '.5, .25, .25'")
    stratified_split: bool = False
    stratification_key_column: ColumnName | None = None
    specify_which_fold_to_be_sampled_from: int = Field(1, ge=1, description="1-based fold.")
    pick_complement_of_the_selected_fold: bool = False


class PartitionAndSample(Component[PartitionAndSampleParams]):
    id = "partition_and_sample"
    name = "Partition and Sample"
    category = Category.DATA_TRANSFORMATION
    description = (
        "Head: the first rows. Sampling: a random (optionally stratified) fraction of rows. "
        f"Assign to Folds: adds a '{FOLD_COLUMN}' column (role ignore) numbering each row's "
        "fold. Pick Fold: the rows of one fold (or all others) of an assigned dataset."
    )
    Params = PartitionAndSampleParams
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("results_dataset", PortType.TABLE),)

    def run(self, params: PartitionAndSampleParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        mode = params.partition_or_sample_mode
        if mode == "assign_to_folds":
            result = assign_folds(table, params)
        elif mode == "pick_fold":
            result = pick_fold(
                table,
                params.specify_which_fold_to_be_sampled_from,
                complement=params.pick_complement_of_the_selected_fold,
            )
        elif mode == "sampling":
            result = _sample(table, params)
        else:
            result = table.derive(table.frame.head(params.number_of_rows_to_select))
        ctx.log(f"{mode}: {len(result)} of {len(table)} rows")
        return {"results_dataset": result}

    def infer_schemas(
        self, params: PartitionAndSampleParams, inputs: Mapping[str, TableSchema]
    ) -> Mapping[str, TableSchema] | None:
        schema = inputs.get("dataset")
        if schema is None:
            return None
        mode = params.partition_or_sample_mode
        if mode == "sampling" and params.stratified_split_for_sampling:
            key = params.stratification_key_column_for_sampling
            require_in_schema(schema, [key], "the stratification key")
        if mode == "assign_to_folds":
            if params.stratified_split:
                require_in_schema(schema, [params.stratification_key_column], "the strata")
            fold = ColumnInfo(FOLD_COLUMN, ColumnType.INTEGER, ColumnRole.IGNORE)
            kept = tuple(c for c in schema.columns if c.name != FOLD_COLUMN)
            return {"results_dataset": TableSchema((*kept, fold))}
        if mode == "pick_fold":
            kept = tuple(c for c in schema.columns if c.name != FOLD_COLUMN)
            return {"results_dataset": TableSchema(kept)}
        return {"results_dataset": schema}


def _sample(table: Table, params: PartitionAndSampleParams) -> Table:
    strata = (
        strata_of(
            table,
            params.stratification_key_column_for_sampling,
            "stratification_key_column_for_sampling",
        )
        if params.stratified_split_for_sampling
        else None
    )
    rng = np.random.default_rng(params.random_seed_for_sampling)
    mask = fraction_mask(len(table), params.rate_of_sampling, strata, rng)
    frame: pd.DataFrame = table.frame[mask].reset_index(drop=True)
    return table.derive(frame)
