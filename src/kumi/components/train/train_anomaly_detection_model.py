"""Train Anomaly Detection Model: fit an anomaly detector on (mostly normal) rows."""

from __future__ import annotations

from kumi.components._learning.training import require_kind
from kumi.core import (
    Category,
    Component,
    InputPort,
    Inputs,
    ModelKind,
    NoParams,
    OutputPort,
    Outputs,
    PortType,
    RunContext,
)


class TrainAnomalyDetectionModel(Component[NoParams]):
    id = "train_anomaly_detection_model"
    name = "Train Anomaly Detection Model"
    category = Category.ANOMALY_DETECTION
    description = (
        "Trains an anomaly detector on the feature columns of a dataset; a label column, if "
        "marked, is not used for training but kept for evaluation."
    )
    inputs = (
        InputPort("untrained_model", PortType.UNTRAINED_MODEL),
        InputPort("dataset", PortType.TABLE),
    )
    outputs = (OutputPort("trained_model", PortType.TRAINED_MODEL),)
    example_inputs = {"untrained_model": "anomaly_learner"}

    def run(self, params: NoParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        learner = inputs.untrained_model("untrained_model")
        table = inputs.table("dataset")
        require_kind(learner, (ModelKind.ANOMALY_DETECTOR,), self.name)
        ctx.log(f"Training {learner.learner_id} on {len(table)} rows.")
        return {"trained_model": learner.fit(table, table.label)}
