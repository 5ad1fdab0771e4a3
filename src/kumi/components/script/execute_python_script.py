"""Execute Python Script: run the user's ``azureml_main`` on up to two tables."""

from __future__ import annotations

import pandas as pd
from pydantic import Field

from kumi.components.script._runner import run_script
from kumi.core import (
    Category,
    Component,
    FileArtifact,
    InputPort,
    Inputs,
    InvalidInputError,
    OutputPort,
    Outputs,
    Params,
    PortType,
    PythonCode,
    RunContext,
    Table,
)

TEMPLATE = """# The script MUST contain a function named azureml_main,
# which is the entry point for this component.
#
# The entry point function must have two input arguments:
#   dataframe1: the table connected to the dataset1 port (or None)
#   dataframe2: the table connected to the dataset2 port (or None)
# and return up to two pandas DataFrames, e.g. `return dataframe1,`.
# A zip connected to script_bundle is unpacked into "./Script Bundle" and importable.
import pandas as pd


def azureml_main(dataframe1=None, dataframe2=None):
    # Execution logic goes here
    print(f"Input pandas.DataFrame #1: {dataframe1}")

    return dataframe1,
"""


class ExecutePythonScriptParams(Params):
    python_script: PythonCode = Field(TEMPLATE, description="Defines azureml_main.")
    timeout_seconds: int = Field(
        600, ge=1, le=86400, description="Stop the script after this many seconds."
    )


class ExecutePythonScript(Component[ExecutePythonScriptParams]):
    id = "execute_python_script"
    name = "Execute Python Script"
    category = Category.PYTHON_LANGUAGE
    description = (
        "Runs azureml_main(dataframe1, dataframe2) of a Python script in a separate process; "
        "the returned DataFrames become the outputs and printed lines go to the log."
    )
    Params = ExecutePythonScriptParams
    inputs = (
        InputPort("dataset1", PortType.TABLE, optional=True),
        InputPort("dataset2", PortType.TABLE, optional=True),
        InputPort("script_bundle", PortType.FILE, optional=True),
    )
    outputs = (
        OutputPort("result_dataset", PortType.TABLE),
        OutputPort("result_dataset2", PortType.TABLE),
    )
    example_inputs = {"dataset1": "table"}

    def run(self, params: ExecutePythonScriptParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        first, second = inputs.optional_table("dataset1"), inputs.optional_table("dataset2")
        timeout = float(params.timeout_seconds)
        if ctx.timeout_s is not None:
            timeout = min(timeout, ctx.timeout_s)
        frames = run_script(
            params.python_script,
            [t.frame if t is not None else None for t in (first, second)],
            bundle=_bundle(inputs),
            work_dir=ctx.work_dir,
            timeout=timeout,
            logger=ctx.logger,
        )
        results = [
            _table(frame, source) for frame, source in zip(frames, (first, second), strict=True)
        ]
        return {"result_dataset": results[0], "result_dataset2": results[1]}


def _bundle(inputs: Inputs) -> FileArtifact | None:
    value = inputs.get("script_bundle")
    if value is not None and not isinstance(value, FileArtifact):
        raise InvalidInputError(
            "Input port 'script_bundle' expects a zip file.", details={"port": "script_bundle"}
        )
    return value


def _table(frame: pd.DataFrame | None, source: Table | None) -> Table:
    """Outputs keep the column roles of the matching input where column names survive."""
    if frame is None:
        return Table.of(pd.DataFrame())
    return source.derive(frame) if source is not None else Table.of(frame)
