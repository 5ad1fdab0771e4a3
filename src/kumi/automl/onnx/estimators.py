"""One fitted estimator's predictions as ONNX nodes: DOUBLE class probabilities
``[N, n_classes]`` (classification) or values ``[N, 1]`` (regression).

Tree ensembles are written directly (double thresholds, see :mod:`trees`); every other
estimator is converted by skl2onnx with double inputs and absorbed into the graph.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from skl2onnx import convert_sklearn
from skl2onnx.common.data_types import DoubleTensorType

from kumi.automl.onnx.tree_readers import ReadTrees, read_forest, read_lightgbm, read_xgboost
from kumi.automl.onnx.trees import emit_trees
from kumi.core.errors import NotDerivableError
from kumi.tracking.onnx.builder import DOUBLE, FLOAT, TARGET_OPSET, GraphBuilder

FOREST_NAMES = frozenset(
    {
        "RandomForestClassifier",
        "RandomForestRegressor",
        "ExtraTreesClassifier",
        "ExtraTreesRegressor",
    }
)
LIGHTGBM_NAMES = frozenset({"LGBMClassifier", "LGBMRegressor"})
XGBOOST_NAMES = frozenset({"XGBClassifier", "XGBRegressor"})


def estimator_scores(builder: GraphBuilder, matrix: str, estimator: Any, n_classes: int) -> str:
    """Nodes predicting with ``estimator`` from the DOUBLE feature ``matrix``; ``n_classes``
    is 0 for regression. Returns the DOUBLE probabilities / values tensor."""
    trees = _read_trees(estimator, n_classes)
    if trees is None:
        scores = _converted(builder, matrix, estimator, n_classes)
    else:
        scores = _tree_scores(builder, matrix, trees, n_classes)
    if n_classes:
        return _all_classes(builder, scores, estimator, n_classes)
    return scores


def class_positions(estimator: Any, n_classes: int) -> np.ndarray | None:
    """Where the estimator's probability columns go among ``0..n_classes-1`` when it saw
    fewer classes than the task has (a fold without some class); None when all."""
    classes = np.asarray(getattr(estimator, "classes_", np.arange(n_classes)))
    if len(classes) == n_classes:
        return None
    return classes.astype(np.int64)


def _read_trees(estimator: Any, n_classes: int) -> ReadTrees | None:
    name = type(estimator).__name__
    if name in FOREST_NAMES:
        return read_forest(estimator, len(estimator.classes_) if n_classes else 0)
    if name in LIGHTGBM_NAMES:
        return read_lightgbm(estimator)
    if name in XGBOOST_NAMES:
        return read_xgboost(estimator)
    return None


def _tree_scores(builder: GraphBuilder, matrix: str, trees: ReadTrees, n_classes: int) -> str:
    feed = matrix
    if trees.float32_input:
        feed = builder.cast(builder.cast(matrix, FLOAT), DOUBLE)
    scores = emit_trees(builder, feed, trees.table)
    if trees.link == "softmax":
        return builder.node("Softmax", [scores], axis=1)
    if trees.link == "exp":
        return builder.node("Exp", [scores])
    if trees.link == "sigmoid":
        positive = builder.node("Sigmoid", [scores])
        if not n_classes:
            return positive
        negative = builder.node("Sub", [builder.constant([[1.0]], np.float64), positive])
        return builder.node("Concat", [negative, positive], axis=1)
    return scores


def _converted(builder: GraphBuilder, matrix: str, estimator: Any, n_classes: int) -> str:
    width = int(getattr(estimator, "n_features_in_", 0)) or None
    options = {id(estimator): {"zipmap": False}} if n_classes else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            converted = convert_sklearn(
                estimator,
                initial_types=[("X", DoubleTensorType([None, width]))],
                target_opset=TARGET_OPSET,
                options=options,
            )
    except Exception as error:  # skl2onnx raises many unrelated types for one cause
        raise NotDerivableError(
            f"Estimator {type(estimator).__name__} has no ONNX converter ({error}); leave its "
            "model family out of the search to export the model.",
            details={"problems": [f"{type(estimator).__name__}: {error}"]},
        ) from error
    outputs = builder.absorb(converted, matrix)
    return builder.cast(outputs[-1] if n_classes else outputs[0], DOUBLE)


def _all_classes(builder: GraphBuilder, scores: str, estimator: Any, n_classes: int) -> str:
    positions = class_positions(estimator, n_classes)
    if positions is None:
        return scores
    placement = np.zeros((len(positions), n_classes))
    placement[np.arange(len(positions)), positions] = 1.0
    return builder.node("MatMul", [scores, builder.constant(placement, np.float64)])
