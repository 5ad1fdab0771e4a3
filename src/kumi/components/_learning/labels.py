"""Label checks per task: what a learner may be trained on, with errors that say what to use."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from kumi.core import ColumnTypeError, InvalidInputError, ModelKind, Table

CLASSIFIERS = (ModelKind.BINARY_CLASSIFIER, ModelKind.MULTICLASS_CLASSIFIER)
REGRESSORS = (ModelKind.REGRESSOR, ModelKind.QUANTILE_REGRESSOR)
SUPERVISED = (*CLASSIFIERS, *REGRESSORS)


def plain_values(series: pd.Series) -> pd.Series:
    """``series`` with pandas extension dtypes (Int64, boolean, string) as numpy dtypes."""
    dtype = series.dtype
    if ptypes.is_bool_dtype(dtype):
        return series.astype(bool)
    if ptypes.is_integer_dtype(dtype):
        return series.astype("int64")
    if ptypes.is_float_dtype(dtype):
        return series.astype("float64")
    if ptypes.is_numeric_dtype(dtype) or ptypes.is_datetime64_any_dtype(dtype):
        return series
    return series.astype(object)


def training_label(
    table: Table, column: str, kind: ModelKind, learner: str, *, non_negative: bool = False
) -> pd.Series:
    """The label of the rows that have one, checked for ``kind``."""
    table.require_columns([column], purpose="the label")
    raw = table.frame[column]
    label = plain_values(raw[raw.notna()])
    if label.empty:
        raise InvalidInputError(
            f"Label column '{column}' has no values; choose a label column with values.",
            details={"column": column},
        )
    if kind in CLASSIFIERS:
        _check_classes(label, column, kind, learner)
    else:
        _check_numeric(label, column, learner, non_negative)
    return label


def sorted_classes(label: pd.Series, column: str) -> list[Any]:
    """Distinct label values in sort order (the greater of two is the positive class)."""
    try:
        values = np.unique(label.to_numpy())
    except TypeError:
        raise ColumnTypeError(
            f"Label column '{column}' mixes values of different types (e.g. numbers and "
            "text); convert it to one type with Convert to Dataset or Edit Metadata.",
            details={"column": column},
        ) from None
    return list(values.tolist())


def _check_classes(label: pd.Series, column: str, kind: ModelKind, learner: str) -> None:
    classes = sorted_classes(label, column)
    if len(classes) < 2:
        raise InvalidInputError(
            f"Label column '{column}' has a single class ({classes[0]!r}); a classifier needs "
            "rows of at least two classes.",
            details={"column": column, "classes": classes},
        )
    if kind == ModelKind.BINARY_CLASSIFIER and len(classes) > 2:
        multiclass = learner.replace("two_class_", "multiclass_")
        raise InvalidInputError(
            f"'{learner}' is a two-class learner but label column '{column}' has "
            f"{len(classes)} classes. Use a multiclass learner such as '{multiclass}' or "
            "wrap this one in One-vs-All Multiclass.",
            details={"column": column, "classes": classes[:20], "learner": learner},
        )


def _check_numeric(label: pd.Series, column: str, learner: str, non_negative: bool) -> None:
    if not ptypes.is_numeric_dtype(label.dtype) or ptypes.is_bool_dtype(label.dtype):
        raise ColumnTypeError(
            f"'{learner}' is a regression learner but label column '{column}' is not numeric. "
            "Use a classification learner, or convert the column to numbers.",
            details={"column": column, "learner": learner},
        )
    if non_negative and bool((label < 0).any()):
        raise InvalidInputError(
            f"'{learner}' models counts, but label column '{column}' has negative values "
            f"(minimum {label.min()}). Use a label of non-negative counts, or Linear Regression.",
            details={"column": column, "minimum": float(label.min())},
        )
