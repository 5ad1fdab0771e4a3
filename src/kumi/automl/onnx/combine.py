"""The whole AutoML model as one graph: raw inputs → featurizers → members' fold
estimators (averaged) → voting or the meta-model → ``label`` and ``probabilities`` |
``variable``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import onnx
from onnx import helper

from kumi.automl.onnx.estimators import estimator_scores
from kumi.core.errors import NotDerivableError
from kumi.tracking.onnx.builder import DOUBLE, FLOAT, INT64, STRING, GraphBuilder

if TYPE_CHECKING:
    from kumi.automl.ensemble import LinearMeta
    from kumi.automl.model import AutoMLModel, Member

OUTPUTS = ("label", "probabilities", "variable")


def model_to_onnx(model: AutoMLModel) -> onnx.ModelProto:
    """The model's ONNX graph (ai.onnx 17, ai.onnx.ml 3)."""
    inputs = graph_inputs(model)
    builder = GraphBuilder(reserved=[*inputs, *OUTPUTS])
    for name, elem_type in inputs.items():
        builder.add_input(name, elem_type)
    matrices = {
        encoding: featurizer.to_onnx(builder, {c: c for c, _ in featurizer.onnx_inputs()})
        for encoding, featurizer in model.featurizers.items()
    }
    scores = [_member(builder, matrices[m.encoding], m, model.n_classes) for m in model.members]
    if model.meta is not None:
        combined = _stacked(builder, scores, model.meta)
    else:
        combined = _voted(builder, scores, [m.weight for m in model.members])
    if model.n_classes:
        _classification_outputs(builder, combined, model.classes_)
    else:
        builder.add_output("variable", combined, DOUBLE)
    return builder.build("kumi_automl")


def graph_inputs(model: AutoMLModel) -> dict[str, int]:
    """Raw column → ONNX element type, over all featurizers (they must agree)."""
    inputs: dict[str, int] = {}
    for featurizer in model.featurizers.values():
        for name, elem_type in featurizer.onnx_inputs():
            if inputs.setdefault(name, elem_type) != elem_type:
                raise NotDerivableError(
                    f"Column '{name}' reaches the featurizers as two different types; "
                    "featurize it with one column type (a column override).",
                    details={"problems": [f"column {name}: conflicting input types"]},
                )
    return inputs


def _member(builder: GraphBuilder, matrix: str, member: Member, n_classes: int) -> str:
    folds = [estimator_scores(builder, matrix, e, n_classes) for e in member.estimators]
    if len(folds) == 1:
        return folds[0]
    total = builder.node("Sum", folds)
    return builder.node("Mul", [total, builder.constant(1.0 / len(folds), np.float64)])


def _voted(builder: GraphBuilder, scores: list[str], weights: list[float]) -> str:
    total = sum(weights)
    weighted = [
        builder.node("Mul", [score, builder.constant(weight / total, np.float64)])
        for score, weight in zip(scores, weights, strict=True)
    ]
    return weighted[0] if len(weighted) == 1 else builder.node("Sum", weighted)


def _stacked(builder: GraphBuilder, scores: list[str], meta: LinearMeta) -> str:
    features = scores[0] if len(scores) == 1 else builder.node("Concat", scores, axis=1)
    product = builder.node("MatMul", [features, builder.constant(meta.coef, np.float64)])
    linear = builder.node("Add", [product, builder.constant(meta.intercept, np.float64)])
    if meta.link == "softmax":
        return builder.node("Softmax", [linear], axis=1)
    if meta.link == "sigmoid":
        positive = builder.node("Sigmoid", [linear])
        negative = builder.node("Sub", [builder.constant([[1.0]], np.float64), positive])
        return builder.node("Concat", [negative, positive], axis=1)
    return linear


def _classification_outputs(builder: GraphBuilder, probabilities: str, classes: Any) -> None:
    index = builder.node("ArgMax", [probabilities], axis=1, keepdims=0)
    labels, elem_type = _labels(builder, classes)
    _expose(builder, "label", builder.node("Gather", [labels, index], axis=0), elem_type, [None])
    width = len(classes)
    _expose(builder, "probabilities", builder.cast(probabilities, FLOAT), FLOAT, [None, width])


def _labels(builder: GraphBuilder, classes: Any) -> tuple[str, int]:
    """The classes as a constant: int64 for integer / boolean labels, else strings."""
    values = list(np.asarray(classes).tolist())
    if all(isinstance(v, bool | int) for v in values):
        return builder.constant([int(v) for v in values], np.int64), INT64
    return builder.constant([str(v) for v in values], object), STRING


def _expose(
    builder: GraphBuilder, name: str, tensor: str, elem_type: int, shape: list[Any]
) -> None:
    builder.nodes.append(helper.make_node("Identity", [tensor], [name]))
    builder.outputs.append(helper.make_tensor_value_info(name, elem_type, shape))
