"""Score Model: predict with a trained model."""

from __future__ import annotations

from pydantic import Field

from kumi.components._learning.columns import result_only
from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
)


class ScoreModelParams(Params):
    append_score_columns_to_output: bool = Field(
        True, description="Keep the dataset's columns, or output the scores (and label) only."
    )


class ScoreModel(Component[ScoreModelParams]):
    id = "score_model"
    name = "Score Model"
    category = Category.MODEL_SCORING_EVALUATION
    description = (
        "Predicts with a trained model: appends Scored Labels (and Scored Probabilities for "
        "classifiers) to the dataset."
    )
    Params = ScoreModelParams
    inputs = (
        InputPort("trained_model", PortType.TRAINED_MODEL),
        InputPort("dataset", PortType.TABLE),
    )
    outputs = (OutputPort("scored_dataset", PortType.TABLE),)

    def run(self, params: ScoreModelParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        model = inputs.trained_model("trained_model")
        scored = model.score(inputs.table("dataset"))
        if not params.append_score_columns_to_output:
            scored = result_only(scored)
        return {"scored_dataset": scored}
