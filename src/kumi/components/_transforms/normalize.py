"""Normalize Data's fitted transformation: per-column shift and scale (plain numbers)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from kumi.components._transforms.base import ColumnTransformation
from kumi.core import Table

NormalizationMethod = Literal["zscore", "minmax", "logistic", "lognormal", "tanh"]


class NormalizeTransformation(ColumnTransformation):
    """Rescales numeric columns.

    zscore: (x - mean) / population std; minmax: (x - min) / (max - min); logistic:
    1 / (1 + e^-x); lognormal: the log-normal CDF with mu and sigma fitted on ln(x);
    tanh: tanh(x). For zscore, minmax and lognormal ``shift_`` and ``scale_`` hold the
    fitted numbers: z = (x - shift) / scale (on ln(x) for lognormal). A constant column
    (scale 0) becomes 0 when ``constant_to_zero`` is set, else missing.
    """

    source_component = "normalize_data"
    display_name = "Normalize Data"

    def __init__(
        self, columns: Sequence[str], method: NormalizationMethod, constant_to_zero: bool = True
    ) -> None:
        super().__init__(columns)
        self.method = method
        self.constant_to_zero = constant_to_zero

    def _fit(self, table: Table) -> None:
        table.require_numeric(self.columns, purpose=self.display_name)
        self.shift_: dict[str, float] = {}
        self.scale_: dict[str, float] = {}
        for column in self.columns:
            values = _as_float(table.frame[column])
            shift, scale = _fitted_shift_scale(values, self.method)
            self.shift_[column], self.scale_[column] = shift, scale

    def _apply(self, table: Table, columns: list[str]) -> Table:
        table.require_numeric(columns, purpose=self.display_name)
        frame = table.frame.copy(deep=False)  # columns are replaced, never changed in place
        for column in columns:
            frame[column] = self.transform_values(column, _as_float(frame[column]))
        return table.derive(frame)

    def transform_values(self, column: str, values: pd.Series) -> pd.Series:
        """The normalized values of one fitted column."""
        with np.errstate(all="ignore"):
            if self.method == "logistic":
                return 1.0 / (1.0 + np.exp(-values))
            if self.method == "tanh":
                return np.tanh(values)
            shift, scale = self.shift_[column], self.scale_[column]
            base = np.log(values.where(values > 0)) if self.method == "lognormal" else values
            if scale == 0 or not np.isfinite(scale):
                filler = 0.0 if self.constant_to_zero else np.nan
                return pd.Series(filler, index=values.index).where(base.notna())
            scaled = base.to_numpy(dtype="float64", copy=True)  # one new array, scaled in place
            np.subtract(scaled, shift, out=scaled)
            np.divide(scaled, scale, out=scaled)
            if self.method == "lognormal":
                scaled = stats.norm.cdf(scaled)
            return pd.Series(scaled, index=values.index, name=values.name)


def _as_float(values: pd.Series) -> pd.Series:
    """``values`` as float64, without a copy when they are already (they are only read)."""
    return values if values.dtype == np.float64 else values.astype("float64")


def _fitted_shift_scale(values: pd.Series, method: NormalizationMethod) -> tuple[float, float]:
    present = values.dropna()
    if method == "lognormal":
        present = np.log(present[present > 0])
    if method in ("logistic", "tanh"):
        return 0.0, 1.0
    if present.empty:
        return 0.0, 0.0
    if method == "minmax":
        low, high = float(present.min()), float(present.max())
        return low, high - low
    return float(present.mean()), float(present.std(ddof=0))
