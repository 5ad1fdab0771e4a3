"""Convert to CSV: the dataset as a downloadable CSV file."""

from __future__ import annotations

from kumi.core import (
    Category,
    Component,
    FileArtifact,
    InputPort,
    Inputs,
    NoParams,
    OutputPort,
    Outputs,
    PortType,
    RunContext,
)


class ConvertToCsv(Component[NoParams]):
    id = "convert_to_csv"
    name = "Convert to CSV"
    category = Category.DATA_TRANSFORMATION
    description = "Writes the dataset as a UTF-8 CSV file (data.csv) with a header row."
    inputs = (InputPort("dataset", PortType.TABLE),)
    outputs = (OutputPort("results_dataset", PortType.FILE),)

    def run(self, params: NoParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        table = inputs.table("dataset")
        content = table.frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
        return {"results_dataset": FileArtifact("data.csv", content, "text/csv")}
