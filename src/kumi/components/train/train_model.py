"""Train Model: fit a classification or regression learner on a labelled dataset."""

from __future__ import annotations

from pydantic import Field

from kumi.components._learning.training import label_column_of, require_supervised
from kumi.core import (
    Category,
    ColumnName,
    Component,
    InputPort,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
)


class TrainModelParams(Params):
    label_column: ColumnName | None = Field(
        None, description="Column to predict (unset: the column marked as label)."
    )


class TrainModel(Component[TrainModelParams]):
    id = "train_model"
    name = "Train Model"
    category = Category.MODEL_TRAINING
    description = "Trains a classification or regression learner on a dataset with a label."
    Params = TrainModelParams
    inputs = (
        InputPort("untrained_model", PortType.UNTRAINED_MODEL),
        InputPort("dataset", PortType.TABLE),
    )
    outputs = (OutputPort("trained_model", PortType.TRAINED_MODEL),)
    example_params = {"label_column": "label"}

    def run(self, params: TrainModelParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        learner = inputs.untrained_model("untrained_model")
        table = inputs.table("dataset")
        require_supervised(learner, self.name)
        label = label_column_of(table, params.label_column, self.name)
        if getattr(learner, "trainer_mode", "") == "parameter_range":
            ctx.log("The learner is in parameter range mode; Train Model uses its single values.")
        ctx.log(f"Training {learner.learner_id} on {len(table)} rows, label '{label}'.")
        return {"trained_model": learner.fit(table, label)}
