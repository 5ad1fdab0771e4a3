"""Summarize Data: one row of descriptive statistics per column."""

from __future__ import annotations

import pandas as pd

from kumi.components.statistics._summary import STATISTICS, summarize_column
from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    NoParams,
    OutputPort,
    Outputs,
    PortType,
    RunContext,
    Table,
)


class SummarizeData(Component[NoParams]):
    id = "summarize_data"
    name = "Summarize Data"
    category = Category.STATISTICAL_FUNCTIONS
    description = (
        "One row per input column: Count (non-missing), Unique Value Count, Missing Value "
        "Count, Min, Max, Mean, Mean Deviation, quartiles, Mode, Range, sample variance, "
        "standard deviation, skewness and kurtosis, and the 0.5/1/5/95/99.5 percentiles "
        "(counts only for text and date columns)."
    )
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("result_dataset", PortType.TABLE),)

    def run(self, params: NoParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        rows = [summarize_column(c, table.frame[c]) for c in table.columns]
        frame = pd.DataFrame(rows, columns=list(STATISTICS))
        for column in STATISTICS[1:4]:
            frame[column] = frame[column].astype("int64")
        return {"result_dataset": Table.of(frame)}
