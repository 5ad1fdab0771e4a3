"""Feature columns as a model sees them: which are numeric, which categorical, and how a
table's columns are turned into the frame the fitted pipeline was trained on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from kumi.core import ColumnNotFoundError, ColumnType, ColumnTypeError, Table, column_type_of

MAX_CATEGORIES = 1000
"""More distinct values than this in a string feature is an identifier or free text."""


@dataclass(frozen=True)
class FeatureSchema:
    """The feature columns of a model, in training order, split by how they are encoded."""

    columns: tuple[str, ...]
    numeric: tuple[str, ...]
    categorical: tuple[str, ...]
    types: tuple[tuple[str, ColumnType], ...]

    @classmethod
    def of(cls, table: Table, columns: Sequence[str]) -> FeatureSchema:
        """Classify ``columns`` of ``table``: string or categorical-flagged columns are
        categorical; integer, double, boolean and datetime columns are numeric."""
        table.require_columns(columns, purpose="the model's features")
        numeric: list[str] = []
        categorical: list[str] = []
        types: list[tuple[str, ColumnType]] = []
        for name in columns:
            kind = column_type_of(table.frame[name])
            types.append((name, kind))
            if kind == ColumnType.STRING or name in table.categorical:
                _check_cardinality(table.frame[name], name)
                categorical.append(name)
            else:
                numeric.append(name)
        return cls(tuple(columns), tuple(numeric), tuple(categorical), tuple(types))

    def model_frame(self, table: Table) -> pd.DataFrame:
        """The feature columns of ``table`` converted as in training (numbers as float64,
        categories as strings with NaN for missing). Raises a clear error for missing
        columns and for text in a column that was numeric in training."""
        missing = [c for c in self.columns if c not in table.columns]
        if missing:
            raise ColumnNotFoundError(
                f"The model needs column(s) {', '.join(repr(c) for c in missing)} that are not "
                "in the dataset. Score a dataset with the same feature columns as the training "
                f"data (expected: {', '.join(self.columns[:30])}).",
                details={"missing": missing, "expected": list(self.columns)},
            )
        frame = table.frame
        result = frame[list(self.columns)].copy(deep=False)
        for name in self.columns:
            column = result[name]
            numeric = name not in self.categorical
            values = _as_number(column, name) if numeric else _as_category(column)
            if values is not column:
                result[name] = values
        return result


def _as_number(series: pd.Series, name: str) -> pd.Series:
    """``series`` as float64 (``series`` itself when it is float64 already)."""
    if series.dtype == np.float64:
        return series
    if ptypes.is_bool_dtype(series.dtype):
        return series.astype("float64")
    if ptypes.is_datetime64_any_dtype(series.dtype):
        values = series.astype("int64").astype("float64") / 1e9
        return values.where(series.notna(), np.nan)
    if ptypes.is_numeric_dtype(series.dtype):
        return series.astype("float64")
    converted = pd.to_numeric(series, errors="coerce")
    bad = series[converted.isna() & series.notna()]
    if len(bad):
        raise ColumnTypeError(
            f"Column '{name}' was numeric when the model was trained but holds text such as "
            f"{str(bad.iloc[0])!r} here. Clean or convert the column so it holds numbers.",
            details={"column": name, "example": str(bad.iloc[0])},
        )
    return converted.astype("float64")


def _as_category(series: pd.Series) -> pd.Series:
    """``series`` as Python strings with NaN for missing (itself when it is that already)."""
    if series.dtype == object and not series.hasnans and _all_strings(series):
        return series
    text = series.astype(object).map(str, na_action="ignore")
    return text.where(series.notna(), np.nan).astype(object)


def _check_cardinality(series: pd.Series, name: str) -> None:
    distinct = series.nunique(dropna=True)
    if distinct > MAX_CATEGORIES:
        raise ColumnTypeError(
            f"Column '{name}' has {distinct} distinct text values, too many to use as a "
            "categorical feature (likely an identifier or free text). Remove it with Select "
            "Columns in Dataset or mark it as ignored with Edit Metadata.",
            details={"column": name, "distinct_values": int(distinct), "limit": MAX_CATEGORIES},
        )


def _all_strings(series: pd.Series) -> bool:
    return bool(ptypes.infer_dtype(series, skipna=False) == "string")
