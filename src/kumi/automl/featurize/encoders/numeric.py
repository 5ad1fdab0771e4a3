"""Numbers and booleans: imputed values plus a missing indicator when training had gaps."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kumi.automl.featurize.encoders.base import ColumnEncoder, as_double, concat
from kumi.automl.featurize.values import as_numbers
from kumi.tracking.onnx.builder import GraphBuilder

INDICATOR = "{column}_missing"


class NumericEncoder(ColumnEncoder):
    """A number column (non-finite counts as missing) imputed by mean, median, most frequent
    value or 0 (``constant``); ``boolean`` ones are rescaled to 0/1 (lowest → 0)."""

    def __init__(self, column: str, impute: str, boolean: bool = False) -> None:
        super().__init__(column, impute)
        self.boolean = boolean
        self.fill_ = 0.0
        self.low_ = 0.0
        self.span_ = 1.0
        self.indicator_ = False

    @staticmethod
    def read(series: pd.Series) -> np.ndarray:
        return as_numbers(series)

    def fit_transform(self, values: np.ndarray, y: np.ndarray | None) -> np.ndarray:
        finite = values[np.isfinite(values)]
        self.fill_ = _statistic(finite, self.impute)
        self.indicator_ = len(finite) < len(values)
        if self.boolean and len(finite):
            self.low_ = float(finite.min())
            self.span_ = float(finite.max() - finite.min()) or 1.0
        self.names = [self.column] + ([INDICATOR.format(column=self.column)] * self.indicator_)
        self.steps = [self._describe()]
        return self.transform(values)

    def _describe(self) -> str:
        scale = "rescaled to 0/1" if self.boolean else "as is"
        gaps = f", missing → {self.impute} ({self.fill_:g}) + indicator" if self.indicator_ else ""
        return f"value {scale}{gaps}"

    def transform(self, values: np.ndarray) -> np.ndarray:
        bad = ~np.isfinite(values)
        filled = np.where(bad, self.fill_, values)
        if self.boolean:
            filled = (filled - self.low_) / self.span_
        blocks = [filled] + ([bad.astype(np.float64)] if self.indicator_ else [])
        return np.column_stack(blocks)

    def to_onnx(self, builder: GraphBuilder, tensor: str) -> str:
        bad = builder.node("Or", [builder.node("IsNaN", [tensor]), builder.node("IsInf", [tensor])])
        filled = builder.where(bad, builder.constant([self.fill_], np.float64), tensor)
        if self.boolean:
            shifted = builder.node("Sub", [filled, builder.constant([self.low_], np.float64)])
            filled = builder.node("Div", [shifted, builder.constant([self.span_], np.float64)])
        if not self.indicator_:
            return filled
        return concat(builder, [filled, as_double(builder, bad)])


def _statistic(values: np.ndarray, how: str) -> float:
    if not len(values) or how == "constant":
        return 0.0
    if how == "mean":
        return float(values.mean())
    if how == "most_frequent":
        distinct, counts = np.unique(values, return_counts=True)
        return float(distinct[np.argmax(counts)])
    return float(np.median(values))
