"""Train Clustering Model: fit a clustering learner and assign the training rows."""

from __future__ import annotations

from pydantic import Field

from kumi.components._learning.columns import result_only
from kumi.components._learning.training import require_kind
from kumi.core import (
    Category,
    ColumnRole,
    ColumnSelection,
    Component,
    InputPort,
    Inputs,
    InvalidParameterError,
    ModelKind,
    OutputPort,
    Outputs,
    Params,
    PortType,
    RunContext,
    Table,
)


class TrainClusteringModelParams(Params):
    column_set: ColumnSelection = Field(
        default_factory=ColumnSelection.all,
        description="Columns to cluster on (the label column is never used).",
    )
    check_for_append_or_uncheck_for_result_only: bool = Field(
        True, description="Append the assignments to the dataset, or output them alone."
    )


class TrainClusteringModel(Component[TrainClusteringModelParams]):
    id = "train_clustering_model"
    name = "Train Clustering Model"
    category = Category.MODEL_TRAINING
    description = (
        "Trains a clustering learner on the chosen columns and outputs the training rows "
        "with their cluster assignments."
    )
    Params = TrainClusteringModelParams
    inputs = (
        InputPort("untrained_model", PortType.UNTRAINED_MODEL),
        InputPort("dataset", PortType.TABLE),
    )
    outputs = (
        OutputPort("trained_model", PortType.TRAINED_MODEL),
        OutputPort("results_dataset", PortType.TABLE),
    )
    example_inputs = {"untrained_model": "clustering_learner"}

    def run(self, params: TrainClusteringModelParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        learner = inputs.untrained_model("untrained_model")
        table = inputs.table("dataset")
        require_kind(learner, (ModelKind.CLUSTERER,), self.name)
        model = learner.fit(_only_selected(table, params.column_set), None)
        results = model.score(table)
        if not params.check_for_append_or_uncheck_for_result_only:
            results = result_only(results)
        return {"trained_model": model, "results_dataset": results}


def _only_selected(table: Table, selection: ColumnSelection) -> Table:
    """``table`` with the columns outside ``selection`` marked as ignored."""
    chosen = set(selection.resolve(table.schema()))
    if not chosen:
        raise InvalidParameterError(
            "The column set matches no column; choose the columns to cluster on.",
            details={"parameter": "column_set"},
        )
    ignored = {c: ColumnRole.IGNORE for c in table.columns if c not in chosen}
    return table.derive(table.frame, roles=ignored)
