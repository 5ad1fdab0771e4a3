"""Enter Data Manually: a small dataset typed or pasted as CSV or TSV text."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kumi.core import (
    Category,
    Component,
    DataFormatError,
    Inputs,
    InvalidParameterError,
    LongText,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    Table,
)
from kumi.core.readers import read_table

_SHOWN_AS = "the entered data"


class EnterDataManuallyParams(Params):
    data_format: Literal["csv", "tsv"] = "csv"
    has_header: bool = Field(True, description="The first line names the columns.")
    data: LongText = Field("", description="One row per line, values separated by , or tab.")


class EnterDataManually(Component[EnterDataManuallyParams]):
    id = "enter_data_manually"
    name = "Enter Data Manually"
    category = Category.DATA_INPUT_OUTPUT
    description = (
        "Creates a small dataset from CSV or TSV text typed or pasted in the 'data' "
        "parameter; without a header row the columns are named col1, col2 ..."
    )
    Params = EnterDataManuallyParams
    outputs = (OutputPort("dataset", PortType.TABLE),)
    example_params = {"data": "name,score\nada,3.5\nbob,4\n"}

    def run(self, params: EnterDataManuallyParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        if not params.data.strip():
            raise InvalidParameterError(
                "No data entered; type or paste rows into the 'data' parameter (e.g. "
                "'name,score' then one row per line).",
                details={"parameter": "data"},
            )
        path = ctx.work_dir / f"entered_data.{params.data_format}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(params.data, encoding="utf-8")
        try:
            frame = read_table(path, file_format=params.data_format, has_header=params.has_header)
        except DataFormatError as error:
            details = {**error.details, "source": _SHOWN_AS, "parameter": "data"}
            raise DataFormatError(
                error.message.replace(f"File '{path}'", "The entered data")
                .replace(f"'{path}'", _SHOWN_AS)
                .replace(str(path), _SHOWN_AS),
                details=details,
            ) from None
        return {"dataset": Table.of(frame)}
