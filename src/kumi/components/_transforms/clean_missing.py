"""Clean Missing Data's fitted transformation: per-column fill values or removals."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from pandas.api import types as ptypes

from kumi.components._transforms.base import ColumnTransformation
from kumi.components._transforms.columns import is_numeric
from kumi.core import ColumnTypeError, InvalidParameterError, Table, column_type_of

CleaningMode = Literal[
    "custom_substitution_value",
    "replace_with_mean",
    "replace_with_median",
    "replace_with_mode",
    "remove_entire_row",
    "remove_entire_column",
]
INDICATOR_SUFFIX = "_is_missing"
_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "0"}


class CleanMissingTransformation(ColumnTransformation):
    """Fills missing values of the fitted columns with ``fill_values_`` (learned mean,
    median, mode, or the custom value), or removes rows / columns that have them; with
    ``indicator`` a ``<column>_is_missing`` 0/1 column is appended per cleaned column
    (label columns excepted). Remove entire column drops the columns that had missing values
    while fitting."""

    source_component = "clean_missing_data"
    display_name = "Clean Missing Data"

    def __init__(
        self,
        columns: Sequence[str],
        mode: CleaningMode,
        replacement_value: str = "0",
        indicator: bool = False,
    ) -> None:
        super().__init__(columns)
        self.mode = mode
        self.replacement_value = replacement_value
        self.indicator = indicator

    def _fit(self, table: Table) -> None:
        self.fill_values_: dict[str, Any] = {}
        self.removed_columns_: list[str] = []
        if self.mode == "remove_entire_column":
            self.removed_columns_ = [c for c in self.columns if table.frame[c].isna().any()]
        if self.mode.startswith("remove_"):
            return
        for column in self.columns:
            self.fill_values_[column] = self._fill_value(table.frame[column], column)

    def _apply(self, table: Table, columns: list[str]) -> Table:
        frame = table.frame.copy(deep=False)  # columns are replaced, never changed in place
        needs_masks = self.indicator or self.mode == "remove_entire_row"
        missing = {c: frame[c].isna() for c in columns} if needs_masks else {}
        if self.mode == "remove_entire_column":
            frame = frame.drop(columns=[c for c in self.removed_columns_ if c in columns])
        elif self.mode == "remove_entire_row":
            keep = ~pd.DataFrame(missing).any(axis=1) if columns else None
            if keep is not None and not keep.all():
                frame = frame[keep]
        else:
            for column in columns:
                frame[column] = _filled(frame[column], self.fill_values_[column])
        if self.indicator:
            for column in (c for c in columns if c not in self.optional_columns_):
                indicator = missing[column].astype("int64")
                frame[f"{column}{INDICATOR_SUFFIX}"] = indicator.loc[frame.index]
        if len(frame) != len(table.frame):
            frame = frame.reset_index(drop=True)
        return table.derive(frame)

    def _fill_value(self, series: pd.Series, column: str) -> Any:
        present = series.dropna()
        if self.mode == "custom_substitution_value":
            return _converted(self.replacement_value, series, column)
        if self.mode == "replace_with_mode":
            modes = present.mode()
            return _plain(modes.iloc[0]) if len(modes) else None
        numeric = _as_numeric(present, column, allow_bool=self.mode == "replace_with_mean")
        if numeric.empty:
            return None
        value = numeric.mean() if self.mode == "replace_with_mean" else numeric.median()
        return float(value)


def _as_numeric(present: pd.Series, column: str, *, allow_bool: bool) -> pd.Series:
    if is_numeric(present):
        return present.astype("float64")
    if allow_bool and _all_bool(present):
        return present.astype("float64")
    kinds = "numeric or boolean" if allow_bool else "numeric"
    raise ColumnTypeError(
        f"Column '{column}' holds {column_type_of(present).value} values; replacing missing "
        f"values with the mean or median needs {kinds} columns. Exclude it from "
        "'columns_to_be_cleaned' or use replace_with_mode / custom_substitution_value.",
        details={"column": column, "type": column_type_of(present).value},
    )


def _all_bool(values: pd.Series) -> bool:
    return bool(ptypes.is_bool_dtype(values.dtype)) or all(
        isinstance(v, bool | np.bool_) for v in values
    )


def _converted(text: str, series: pd.Series, column: str) -> Any:
    """The custom replacement value in the type of ``series``."""
    try:
        if _all_bool(series.dropna()) and len(series.dropna()):
            lowered = text.strip().lower()
            if lowered not in _TRUE | _FALSE:
                raise ValueError(text)
            return lowered in _TRUE
        if is_numeric(series):
            number = float(text)
            return (
                int(number)
                if ptypes.is_integer_dtype(series.dtype) and number.is_integer()
                else number
            )
        if ptypes.is_datetime64_any_dtype(series.dtype):
            return pd.Timestamp(text)
    except (ValueError, TypeError):
        raise InvalidParameterError(
            f"Replacement value '{text}' does not fit column '{column}', which holds "
            f"{column_type_of(series).value} values. Enter a value of that type, or clean that "
            "column in a separate Clean Missing Data step.",
            details={"parameter": "replacement_value", "column": column},
        ) from None
    return text


def _filled(series: pd.Series, value: Any) -> pd.Series:
    missing = series.isna()
    if value is None or not missing.any():
        return series
    if isinstance(value, float) and not ptypes.is_float_dtype(series.dtype):
        series = series.astype("float64")  # integers or booleans filled with a mean
    if ptypes.is_object_dtype(series.dtype) or isinstance(value, bool | str):
        result = series.astype(object)
        result[missing] = value
        return result.astype(bool) if _all_bool(result) else result
    return series.fillna(value)


def _plain(value: Any) -> Any:
    """numpy scalars → Python scalars (picklable, JSON-friendly)."""
    return value.item() if isinstance(value, np.generic) else value
