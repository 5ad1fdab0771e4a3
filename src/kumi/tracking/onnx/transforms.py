"""The kumi column transformations as ONNX nodes, replaying their ``apply`` exactly.

``Columns`` maps each table column (in table order) to the tensor holding it; every
function takes the columns before a transformation and returns the columns after it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from kumi.components._transforms.base import ColumnTransformation
from kumi.components._transforms.clean_missing import INDICATOR_SUFFIX, CleanMissingTransformation
from kumi.components._transforms.columns import unique_name
from kumi.components._transforms.indicators import MISSING_CATEGORY, IndicatorValuesTransformation
from kumi.components._transforms.normalize import NormalizeTransformation
from kumi.components._transforms.select_columns import SelectColumnsTransformation
from kumi.core import Transformation
from kumi.tracking.onnx.builder import BOOL, DOUBLE, FLOAT, INT64, GraphBuilder
from kumi.tracking.onnx.chain import MISSING_TEXT, ColumnKind, GraphColumn, UnsupportedStep

Columns = dict[str, GraphColumn]


def apply_transformation(
    builder: GraphBuilder, columns: Columns, transformation: Transformation
) -> Columns:
    """The columns after ``transformation``; raises UnsupportedStep when it has no ONNX form."""
    for kind, apply in _APPLIERS.items():
        if type(transformation) is kind:
            assert isinstance(transformation, ColumnTransformation)
            present = _present_columns(columns, transformation)
            return apply(builder, columns, transformation, present)
    raise UnsupportedStep(
        f"{type(transformation).__name__} ('{transformation.source_component}') has no ONNX "
        "form; supported: Clean Missing Data, Normalize Data, Convert to Indicator Values, "
        "Select Columns"
    )


def missing_mask(builder: GraphBuilder, column: GraphColumn) -> str:
    """A bool tensor: where ``column`` holds a missing value."""
    if column.kind == ColumnKind.NUMBER:
        return builder.node("IsNaN", [column.tensor])
    if column.kind == ColumnKind.TEXT:
        codes = builder.text_codes(column.tensor, [MISSING_TEXT], [1], 0)
        return builder.cast(codes, BOOL)
    return builder.node("IsNaN", [builder.cast(column.tensor, DOUBLE)])  # never missing


def as_number(builder: GraphBuilder, name: str, column: GraphColumn, purpose: str) -> str:
    """``column`` as a double tensor; text cannot be read as numbers here."""
    if column.kind == ColumnKind.TEXT:
        raise UnsupportedStep(f"column '{name}' holds text where {purpose} needs numbers")
    return (
        column.tensor if column.kind == ColumnKind.NUMBER else builder.cast(column.tensor, DOUBLE)
    )


def _present_columns(columns: Columns, transformation: ColumnTransformation) -> list[str]:
    optional = set(transformation.optional_columns_)
    absent = [c for c in transformation.columns_ if c not in columns and c not in optional]
    if absent:
        raise UnsupportedStep(
            f"fitted column(s) {', '.join(repr(c) for c in absent)} are not among the request "
            "columns"
        )
    return [c for c in transformation.columns_ if c in columns]


def _clean_missing(
    builder: GraphBuilder, columns: Columns, step: Any, present: list[str]
) -> Columns:
    if step.mode == "remove_entire_row":
        raise UnsupportedStep(
            "Clean Missing Data removes rows with missing values, and a request row cannot be "
            "dropped; choose a replacement mode for scoring"
        )
    result = dict(columns)
    masks = {c: missing_mask(builder, columns[c]) for c in present} if step.indicator else {}
    for name in present:
        if name in step.removed_columns_:
            del result[name]
        elif step.fill_values_.get(name) is not None:
            result[name] = _filled(builder, name, columns[name], step.fill_values_[name])
    for name in (c for c in present if c not in step.optional_columns_ and step.indicator):
        flag = builder.cast(masks[name], INT64)
        result[f"{name}{INDICATOR_SUFFIX}"] = GraphColumn(flag, ColumnKind.INTEGER)
    return result


def _filled(builder: GraphBuilder, name: str, column: GraphColumn, value: Any) -> GraphColumn:
    if column.kind in (ColumnKind.INTEGER, ColumnKind.BOOLEAN):
        return column  # never missing
    if column.kind == ColumnKind.TEXT:
        fill = builder.constant([str(value)], object)
    elif isinstance(value, bool | int | float):
        fill = builder.constant([float(value)], np.float64)
    else:
        raise UnsupportedStep(f"fill value {value!r} of column '{name}' is not a number")
    tensor = builder.where(missing_mask(builder, column), fill, column.tensor)
    return GraphColumn(tensor, column.kind, column.source)


def _normalize(builder: GraphBuilder, columns: Columns, step: Any, present: list[str]) -> Columns:
    result = dict(columns)
    for name in present:
        values = as_number(builder, name, columns[name], "Normalize Data")
        result[name] = GraphColumn(_normalized(builder, step, name, values), ColumnKind.NUMBER)
    return result


def _normalized(builder: GraphBuilder, step: Any, name: str, x: str) -> str:
    if step.method == "logistic":
        one = builder.constant([1.0], np.float64)
        exp = builder.node("Exp", [builder.node("Neg", [x])])
        return builder.node("Div", [one, builder.node("Add", [one, exp])])
    if step.method == "tanh":
        return builder.node("Tanh", [x])
    shift, scale = step.shift_[name], step.scale_[name]
    base = x
    if step.method == "lognormal":
        positive = builder.node("Greater", [x, builder.constant([0.0], np.float64)])
        nan = builder.constant([math.nan], np.float64)
        base = builder.node("Log", [builder.where(positive, x, nan)])
    if scale == 0 or not math.isfinite(scale):
        filler = builder.constant([0.0 if step.constant_to_zero else math.nan], np.float64)
        nan = builder.constant([math.nan], np.float64)
        return builder.where(builder.node("IsNaN", [base]), nan, filler)
    shifted = builder.node("Sub", [base, builder.constant([shift], np.float64)])
    scaled = builder.node("Div", [shifted, builder.constant([scale], np.float64)])
    if step.method != "lognormal":
        return scaled
    return _normal_cdf(builder, scaled)


def _normal_cdf(builder: GraphBuilder, z: str) -> str:
    """Φ(z) = (1 + erf(z / √2)) / 2; Erf runs in float (onnxruntime has no double Erf)."""
    ratio = builder.node("Div", [z, builder.constant([math.sqrt(2.0)], np.float64)])
    erf = builder.cast(builder.node("Erf", [builder.cast(ratio, FLOAT)]), DOUBLE)
    one, half = builder.constant([1.0], np.float64), builder.constant([0.5], np.float64)
    return builder.node("Mul", [builder.node("Add", [one, erf]), half])


def _indicators(builder: GraphBuilder, columns: Columns, step: Any, present: list[str]) -> Columns:
    result: Columns = {}
    taken = [c for c in columns if not (step.overwrite and c in present)]
    for name, column in columns.items():
        if not (step.overwrite and name in present):
            result[name] = column
        if name in present:
            block = _indicator_block(builder, step, name, column, taken)
            taken.extend(block)
            result.update(block)
    return result


def _indicator_block(
    builder: GraphBuilder, step: Any, name: str, column: GraphColumn, taken: list[str]
) -> Columns:
    block: Columns = {}
    categories = step.categories_[name]
    labels = step.indicator_names(name)
    for category, label in zip(categories, labels, strict=False):
        equal = _equals(builder, name, column, category)
        block[unique_name(label, [*taken, *block])] = GraphColumn(
            builder.cast(equal, INT64), ColumnKind.INTEGER
        )
    if step.has_missing_[name]:
        label = unique_name(f"{name} - {MISSING_CATEGORY}", [*taken, *block])
        flag = builder.cast(missing_mask(builder, column), INT64)
        block[label] = GraphColumn(flag, ColumnKind.INTEGER)
    return block


def _equals(builder: GraphBuilder, name: str, column: GraphColumn, category: Any) -> str:
    if column.kind == ColumnKind.TEXT:
        codes = builder.text_codes(column.tensor, [str(category)], [1], 0)
        return builder.cast(codes, BOOL)
    if not isinstance(category, bool | int | float):
        raise UnsupportedStep(f"category {category!r} of column '{name}' is not a number")
    values = as_number(builder, name, column, "Convert to Indicator Values")
    return builder.node("Equal", [values, builder.constant([float(category)], np.float64)])


def _select(builder: GraphBuilder, columns: Columns, step: Any, present: list[str]) -> Columns:
    return {name: columns[name] for name in present}


_APPLIERS: dict[type, Callable[[GraphBuilder, Columns, Any, list[str]], Columns]] = {
    CleanMissingTransformation: _clean_missing,
    NormalizeTransformation: _normalize,
    IndicatorValuesTransformation: _indicators,
    SelectColumnsTransformation: _select,
}
