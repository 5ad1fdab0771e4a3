"""Evaluate Model: metrics and charts of one scored dataset, optionally compared with another."""

from __future__ import annotations

from kumi.components._learning.evaluation import evaluate
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


class EvaluateModel(Component[NoParams]):
    id = "evaluate_model"
    name = "Evaluate Model"
    category = Category.MODEL_SCORING_EVALUATION
    description = (
        "Compares scores with the label column: accuracy, precision, recall, F1, AUC and log "
        "loss with ROC, precision-recall and lift curves for two classes; accuracy and "
        "averaged precision/recall for more; MAE, RMSE, relative errors and R² for "
        "regression; distances to cluster centres for clustering. Undefined metrics (e.g. AUC "
        "when only one class is present) are left out."
    )
    inputs = (
        InputPort("scored_dataset", PortType.TABLE),
        InputPort("scored_dataset_to_compare", PortType.TABLE, optional=True),
    )
    outputs = (OutputPort("evaluation_results", PortType.EVALUATION_REPORT),)
    example_inputs = {"scored_dataset": "scored_binary_table"}

    def run(self, params: NoParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        report = evaluate(inputs.table("scored_dataset"), "scored_dataset")
        other = inputs.optional_table("scored_dataset_to_compare")
        if other is not None:
            report.compared = evaluate(other, "scored_dataset_to_compare")
        for name, value in report.metrics.items():
            ctx.log(f"{name}: {value:.6g}")
        return {"evaluation_results": report}
