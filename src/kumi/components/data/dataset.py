"""Dataset: a registered dataset of the workspace, by name and version."""

from __future__ import annotations

from pydantic import Field

from kumi.core import (
    Category,
    Component,
    Inputs,
    InvalidParameterError,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
)


class DatasetParams(Params):
    name: str = Field("", description="Registered dataset name.")
    version: int | None = Field(None, ge=1, description="Version number; empty = latest.")


class Dataset(Component[DatasetParams]):
    id = "dataset"
    name = "Dataset"
    category = Category.DATASETS
    description = (
        "Loads a registered dataset of the workspace (a given version, or the latest) with "
        "its column roles. A new version makes the pipeline re-run from here."
    )
    Params = DatasetParams
    outputs = (OutputPort("dataset", PortType.TABLE),)
    example_params = {"name": "table"}

    def run(self, params: DatasetParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        name = _required_name(params)
        table = ctx.require_datasets().load_table(name, params.version)
        ctx.log(f"Loaded dataset '{name}' ({len(table)} rows)")
        return {"dataset": table}

    def fingerprint(self, params: DatasetParams, ctx: RunContext) -> str | None:
        if ctx.datasets is None or not params.name:
            return None
        return ctx.datasets.version_token(params.name, params.version)


def _required_name(params: DatasetParams) -> str:
    if not params.name.strip():
        raise InvalidParameterError(
            "No dataset chosen; set 'name' to a registered dataset (kumi datasets list).",
            details={"parameter": "name"},
        )
    return params.name
