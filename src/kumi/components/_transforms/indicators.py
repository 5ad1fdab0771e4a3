"""Convert to Indicator Values' fitted transformation: the categories seen per column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from kumi.components._transforms.base import ColumnTransformation
from kumi.components._transforms.columns import format_number, unique_name
from kumi.core import Table

MISSING_CATEGORY = "Missing"


class IndicatorValuesTransformation(ColumnTransformation):
    """One 0/1 column ``"<column> - <value>"`` per category seen while fitting (in order of
    first appearance), plus ``"<column> - Missing"`` when values were missing. Values not
    seen while fitting get 0 in every indicator column of their column."""

    source_component = "convert_to_indicator_values"
    display_name = "Convert to Indicator Values"

    def __init__(self, columns: Sequence[str], overwrite: bool = False) -> None:
        super().__init__(columns)
        self.overwrite = overwrite

    def _fit(self, table: Table) -> None:
        self.categories_: dict[str, list[Any]] = {}
        self.has_missing_: dict[str, bool] = {}
        for column in self.columns:
            series = table.frame[column]
            self.categories_[column] = [_plain(v) for v in pd.unique(series.dropna())]
            self.has_missing_[column] = bool(series.isna().any())

    def indicator_names(self, column: str) -> list[str]:
        """The output column names for one fitted column."""
        names = [f"{column} - {_label(v)}" for v in self.categories_[column]]
        if self.has_missing_[column]:
            names.append(f"{column} - {MISSING_CATEGORY}")
        return names

    def _apply(self, table: Table, columns: list[str]) -> Table:
        pieces: list[pd.DataFrame] = []
        taken = [c for c in table.columns if not (self.overwrite and c in columns)]
        created: list[str] = []
        for column in table.columns:
            if not (self.overwrite and column in columns):
                pieces.append(table.frame[[column]])
            if column in columns:
                block = self._indicators(table.frame[column], column, taken)
                taken.extend(block.columns)
                created.extend(block.columns)
                pieces.append(block)
        frame = pd.concat(pieces, axis=1) if pieces else pd.DataFrame(index=table.frame.index)
        return table.derive(frame.reset_index(drop=True))

    def _indicators(self, series: pd.Series, column: str, taken: list[str]) -> pd.DataFrame:
        data: dict[str, np.ndarray] = {}
        names = self.indicator_names(column)
        for category, name in zip(self.categories_[column], names, strict=False):
            data[unique_name(name, [*taken, *data])] = _equals(series, category)
        if self.has_missing_[column]:
            name = f"{column} - {MISSING_CATEGORY}"
            data[unique_name(name, [*taken, *data])] = series.isna().to_numpy().astype("int64")
        return pd.DataFrame(data, index=series.index)


def _equals(series: pd.Series, category: Any) -> np.ndarray:
    return series.eq(category).to_numpy(dtype="bool", na_value=False).astype("int64")


def _label(value: Any) -> str:
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value
