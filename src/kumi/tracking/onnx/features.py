"""The featurizer of a kumi learner pipeline (model frame → imputed, scaled, one-hot matrix)
as ONNX nodes in double precision, mirroring ``FeatureSchema.model_frame`` and
``build_featurizer``."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, Normalizer, OneHotEncoder, StandardScaler

from kumi.components._learning.frame import FeatureSchema
from kumi.tracking.onnx.builder import DOUBLE, GraphBuilder
from kumi.tracking.onnx.chain import MISSING_TEXT, ColumnKind, UnsupportedStep
from kumi.tracking.onnx.transforms import Columns, as_number


def featurize(builder: GraphBuilder, columns: Columns, schema: FeatureSchema, steps: list) -> str:
    """The [N, features] double matrix the estimator of ``steps`` consumes."""
    if not steps or not isinstance(steps[0][1], ColumnTransformer):
        raise UnsupportedStep("the model's pipeline does not start with the kumi featurizer")
    missing = [c for c in schema.columns if c not in columns]
    if missing:
        raise UnsupportedStep(
            f"the model needs column(s) {', '.join(repr(c) for c in missing)} that the "
            "transformations do not provide"
        )
    blocks = [_branch(builder, columns, branch) for branch in steps[0][1].transformers_]
    present = [b for b in blocks if b is not None]
    matrix = present[0] if len(present) == 1 else builder.node("Concat", present, axis=1)
    for _, step in steps[1:]:
        if not isinstance(step, Normalizer) or step.norm != "l2":
            raise UnsupportedStep(f"featurizer step {type(step).__name__} has no ONNX form")
        matrix = _unit_rows(builder, matrix)
    return matrix


def _branch(builder: GraphBuilder, columns: Columns, branch: tuple) -> str | None:
    name, transformer, names = branch
    if transformer == "drop" or not len(names):
        return None
    if name == "numeric":
        return _numeric(builder, columns, list(names), transformer)
    if name == "categorical":
        return _categorical(builder, columns, list(names), transformer)
    raise UnsupportedStep(f"featurizer branch '{name}' has no ONNX form")


def _numeric(builder: GraphBuilder, columns: Columns, names: list[str], steps: Any) -> str:
    tensors = [as_number(builder, n, columns[n], "the model") for n in names]
    x = tensors[0] if len(tensors) == 1 else builder.node("Concat", tensors, axis=1)
    for _, step in steps.steps if isinstance(steps, Pipeline) else []:
        x = _numeric_step(builder, x, step)
    return x


def _numeric_step(builder: GraphBuilder, x: str, step: Any) -> str:
    if isinstance(step, SimpleImputer) and _missing_is_nan(step):
        fill = builder.constant(step.statistics_.astype(np.float64), np.float64)
        return builder.where(builder.node("IsNaN", [x]), fill, x)
    if isinstance(step, StandardScaler):
        if step.with_mean:
            x = builder.node("Sub", [x, builder.constant(step.mean_, np.float64)])
        if step.with_std:
            x = builder.node("Div", [x, builder.constant(step.scale_, np.float64)])
        return x
    if isinstance(step, MinMaxScaler) and not step.clip:
        x = builder.node("Mul", [x, builder.constant(step.scale_, np.float64)])
        return builder.node("Add", [x, builder.constant(step.min_, np.float64)])
    raise UnsupportedStep(f"numeric featurizer step {type(step).__name__} has no ONNX form")


def _categorical(builder: GraphBuilder, columns: Columns, names: list[str], steps: Any) -> str:
    imputer, encoder = _categorical_steps(steps)
    blocks = []
    for index, name in enumerate(names):
        column = columns[name]
        if column.kind != ColumnKind.TEXT:
            raise UnsupportedStep(
                f"column '{name}' is categorical for the model but holds numbers here"
            )
        categories = [str(c) for c in encoder.categories_[index]]
        codes = list(range(len(categories)))
        keys, values = list(categories), list(codes)
        fill = str(imputer.statistics_[index])
        keys.append(MISSING_TEXT)
        values.append(categories.index(fill) if fill in categories else -1)
        code = builder.text_codes(column.tensor, keys, values, -1)
        equal = builder.node("Equal", [code, builder.constant(codes, np.int64)])
        blocks.append(builder.cast(equal, DOUBLE))
    return blocks[0] if len(blocks) == 1 else builder.node("Concat", blocks, axis=1)


def _categorical_steps(steps: Any) -> tuple[SimpleImputer, OneHotEncoder]:
    parts = dict(steps.steps) if isinstance(steps, Pipeline) else {}
    imputer, encoder = parts.get("impute"), parts.get("one_hot")
    if not isinstance(imputer, SimpleImputer) or not isinstance(encoder, OneHotEncoder):
        raise UnsupportedStep("the categorical featurizer is not impute + one-hot")
    if encoder.handle_unknown != "ignore":
        raise UnsupportedStep(
            "the model refuses categories unseen in training (an error per request cannot be "
            "raised from ONNX); allow unknown categorical values in the learner"
        )
    if encoder.drop is not None or getattr(encoder, "infrequent_categories_", None):
        raise UnsupportedStep("one-hot encoding with dropped or infrequent categories")
    return imputer, encoder


def _missing_is_nan(imputer: SimpleImputer) -> bool:
    value = imputer.missing_values
    return isinstance(value, float) and np.isnan(value)


def _unit_rows(builder: GraphBuilder, x: str) -> str:
    squares = builder.node("Mul", [x, x])
    total = builder.node("ReduceSum", [squares, builder.constant([1], np.int64)], keepdims=1)
    norms = builder.node("Sqrt", [total])
    zero = builder.node("Equal", [norms, builder.constant([0.0], np.float64)])
    safe = builder.where(zero, builder.constant([1.0], np.float64), norms)
    return builder.node("Div", [x, safe])
