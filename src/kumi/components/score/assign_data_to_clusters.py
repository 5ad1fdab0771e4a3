"""Assign Data to Clusters: score a trained clustering model."""

from __future__ import annotations

from pydantic import Field

from kumi.components._learning.columns import result_only
from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    InvalidInputError,
    ModelKind,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
)


class AssignDataToClustersParams(Params):
    check_for_append_or_uncheck_for_result_only: bool = Field(
        True, description="Append the assignments to the dataset, or output them alone."
    )


class AssignDataToClusters(Component[AssignDataToClustersParams]):
    id = "assign_data_to_clusters"
    name = "Assign Data to Clusters"
    category = Category.MODEL_SCORING_EVALUATION
    description = (
        "Assigns each row to the nearest cluster of a trained clustering model (Assignments) "
        "and gives its distance to every cluster centre."
    )
    Params = AssignDataToClustersParams
    inputs = (
        InputPort("trained_model", PortType.TRAINED_MODEL),
        InputPort("dataset", PortType.TABLE),
    )
    outputs = (OutputPort("results_dataset", PortType.TABLE),)
    example_inputs = {"trained_model": "clustering_trained_model"}

    def run(self, params: AssignDataToClustersParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        model = inputs.trained_model("trained_model")
        if model.kind != ModelKind.CLUSTERER:
            raise InvalidInputError(
                f"Assign Data to Clusters needs a trained clustering model, got "
                f"'{model.learner_id}' ({model.kind.value}); use Score Model for it.",
                details={"port": "trained_model", "kind": model.kind.value},
            )
        results = model.score(inputs.table("dataset"))
        if not params.check_for_append_or_uncheck_for_result_only:
            results = result_only(results)
        return {"results_dataset": results}
