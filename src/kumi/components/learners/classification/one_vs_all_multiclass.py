"""One-vs-All Multiclass: a multiclass learner made of a two-class learner."""

from __future__ import annotations

from kumi.components._learning.multiclass import as_multiclass
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


class OneVsAllMulticlass(Component[NoParams]):
    id = "one_vs_all_multiclass"
    name = "One-vs-All Multiclass"
    category = Category.CLASSIFICATION
    description = (
        "Turns a two-class learner into a multiclass one by training one binary model per "
        "class (that class against all others); a row gets the class whose model is most "
        "confident."
    )
    inputs = (InputPort("untrained_binary_classification_model", PortType.UNTRAINED_MODEL),)
    outputs = (OutputPort("untrained_model", PortType.UNTRAINED_MODEL),)

    def run(self, params: NoParams, inputs: Inputs, ctx: RunContext) -> Outputs:
        binary = inputs.untrained_model("untrained_binary_classification_model")
        return {"untrained_model": as_multiclass(binary, self.id, "one_vs_all")}
