"""Apply Transformation: re-apply a fitted transformation to new data."""

from __future__ import annotations

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
)


class ApplyTransformation(Component[NoParams]):
    id = "apply_transformation"
    name = "Apply Transformation"
    category = Category.MODEL_SCORING_EVALUATION
    description = (
        "Applies a transformation learned by another component (Normalize Data, Clean "
        "Missing Data ...) to a dataset with the same columns."
    )
    inputs = (
        InputPort("transformation", PortType.TRANSFORMATION),
        InputPort("dataset", PortType.TABLE),
    )
    outputs = (OutputPort("transformed_dataset", PortType.TABLE),)
    example_inputs = {"dataset": "numeric_table"}

    def run(self, params: NoParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        transformation = inputs.transformation("transformation")
        return {"transformed_dataset": transformation.apply(inputs.table("dataset"))}
