"""Trained kumi models as ONNX: featurizer nodes, the estimator converted by skl2onnx
(LightGBM through onnxmltools' converters), then Score Model's columns."""

from __future__ import annotations

import warnings
from functools import cache
from typing import Any

import numpy as np
from lightgbm import LGBMClassifier, LGBMRegressor
from onnxmltools.convert.lightgbm.operator_converters.LightGbm import convert_lightgbm
from skl2onnx import convert_sklearn, update_registered_converter
from skl2onnx.common.data_types import DoubleTensorType, FloatTensorType
from skl2onnx.common.shape_calculator import (
    calculate_linear_classifier_output_shapes,
    calculate_linear_regressor_output_shapes,
)
from sklearn.ensemble import (
    ExtraTreesClassifier,
    ExtraTreesRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge, SGDRegressor

import onnx
from kumi.components._learning.columns import probability_column
from kumi.components._learning.trained import SklearnTrainedModel
from kumi.core import SCORED_LABELS, SCORED_PROBABILITIES, ModelKind, TrainedModel
from kumi.tracking.onnx.builder import DOUBLE, TARGET_OPSET, GraphBuilder
from kumi.tracking.onnx.chain import ColumnKind, GraphColumn, UnsupportedStep
from kumi.tracking.onnx.features import featurize
from kumi.tracking.onnx.transforms import Columns

DOUBLE_ESTIMATORS = (LogisticRegression, LinearRegression, Ridge, SGDRegressor)
"""Converted with double inputs and arithmetic (MatMul), equal to scikit-learn's scores."""
FLOAT_ESTIMATORS = (
    RandomForestClassifier,
    RandomForestRegressor,
    ExtraTreesClassifier,
    ExtraTreesRegressor,
    LGBMClassifier,
    LGBMRegressor,
)
"""Tree ensembles: ONNX tree operators (ai.onnx.ml 3) compare and sum in float32."""
SCORED_KINDS = (ModelKind.BINARY_CLASSIFIER, ModelKind.MULTICLASS_CLASSIFIER, ModelKind.REGRESSOR)


def score_columns(builder: GraphBuilder, columns: Columns, model: TrainedModel) -> Columns:
    """Score Model's output columns: the table's columns, then the score columns."""
    trained = _supported(model)
    steps = list(trained.pipeline_.steps)
    matrix = featurize(builder, columns, trained.schema_, steps[:-1])
    outputs = _estimator_outputs(builder, matrix, steps[-1][1])
    scores = _scores(builder, trained, outputs)
    kept = {name: column for name, column in columns.items() if name not in scores}
    return {**kept, **scores}


def _supported(model: TrainedModel) -> SklearnTrainedModel:
    if not isinstance(model, SklearnTrainedModel) or model.kind not in SCORED_KINDS:
        raise UnsupportedStep(
            f"model '{model.learner_id}' ({model.kind.value}) has no ONNX form; supported: "
            "classifiers and regressors trained by Train Model"
        )
    estimator = model.pipeline_.steps[-1][1]
    if not isinstance(estimator, DOUBLE_ESTIMATORS + FLOAT_ESTIMATORS):
        raise UnsupportedStep(
            f"estimator {type(estimator).__name__} of '{model.learner_id}' has no ONNX converter "
            "here; supported: logistic and linear regression, decision forests, boosted trees"
        )
    return model


def _estimator_outputs(builder: GraphBuilder, matrix: str, estimator: Any) -> list[str]:
    """The estimator's ONNX outputs (label, probabilities | prediction), fed by ``matrix``."""
    _register_lightgbm()
    in_double = isinstance(estimator, DOUBLE_ESTIMATORS)
    feed = matrix if in_double else builder.cast(matrix, onnx.TensorProto.FLOAT)
    tensor_type = DoubleTensorType if in_double else FloatTensorType
    width = int(estimator.n_features_in_)
    options = {id(estimator): {"zipmap": False}} if hasattr(estimator, "classes_") else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        converted = convert_sklearn(
            estimator,
            initial_types=[("X", tensor_type([None, width]))],
            target_opset=TARGET_OPSET,
            options=options,
        )
    return builder.absorb(converted, feed)


def _scores(builder: GraphBuilder, model: SklearnTrainedModel, outputs: list[str]) -> Columns:
    if model.kind == ModelKind.REGRESSOR:
        prediction = builder.cast(outputs[-1], DOUBLE)
        return {SCORED_LABELS: GraphColumn(prediction, ColumnKind.NUMBER)}
    probabilities = builder.cast(outputs[-1], DOUBLE)
    classes = list(model.classes_ or [])
    index = builder.node("ArgMax", [probabilities], axis=1, keepdims=1)
    labels, label_kind = _class_constant(builder, classes)
    scores: Columns = {
        SCORED_LABELS: GraphColumn(builder.node("Gather", [labels, index], axis=0), label_kind)
    }
    if model.kind == ModelKind.BINARY_CLASSIFIER:
        scores[SCORED_PROBABILITIES] = GraphColumn(
            _class_column(builder, probabilities, 1), ColumnKind.NUMBER
        )
        return scores
    for position, label_class in enumerate(classes):
        column = _class_column(builder, probabilities, position)
        scores[probability_column(label_class)] = GraphColumn(column, ColumnKind.NUMBER)
    return scores


def _class_column(builder: GraphBuilder, probabilities: str, position: int) -> str:
    start = builder.constant([position], np.int64)
    end = builder.constant([position + 1], np.int64)
    return builder.node("Slice", [probabilities, start, end, builder.constant([1], np.int64)])


def _class_constant(builder: GraphBuilder, classes: list[Any]) -> tuple[str, ColumnKind]:
    """The classes as a constant tensor and the kind of label they make."""
    if all(isinstance(c, bool | np.bool_) for c in classes):
        return builder.constant(classes, np.bool_), ColumnKind.BOOLEAN
    if all(isinstance(c, int | np.integer) for c in classes):
        return builder.constant(classes, np.int64), ColumnKind.INTEGER
    if all(isinstance(c, float | np.floating) for c in classes):
        return builder.constant(classes, np.float64), ColumnKind.NUMBER
    return builder.constant([str(c) for c in classes], object), ColumnKind.TEXT


@cache
def _register_lightgbm() -> None:
    """Teach skl2onnx LightGBM's estimators (onnxmltools' converters), once."""
    update_registered_converter(
        LGBMClassifier,
        "LightGbmLGBMClassifier",
        calculate_linear_classifier_output_shapes,
        convert_lightgbm,
        options={"nocl": [True, False], "zipmap": [True, False, "columns"]},
    )
    update_registered_converter(
        LGBMRegressor,
        "LightGbmLGBMRegressor",
        calculate_linear_regressor_output_shapes,
        convert_lightgbm,
        options={"split": None},
    )
