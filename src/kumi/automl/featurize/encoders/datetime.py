"""Datetimes: calendar parts (those that vary in training), missing → the median time plus
an indicator when training had gaps."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kumi.automl.featurize.encoders.base import ColumnEncoder, as_double, concat
from kumi.automl.featurize.encoders.calendar import (
    PARTS,
    NumpyArithmetic,
    OnnxArithmetic,
    calendar_parts,
)
from kumi.automl.featurize.values import MISSING_SECONDS, as_seconds
from kumi.tracking.onnx.builder import INT64, GraphBuilder


class DatetimeEncoder(ColumnEncoder):
    """Reads int64 seconds since the epoch (UTC); missing is ``MISSING_SECONDS``."""

    input_type = INT64

    def __init__(self, column: str, impute: str) -> None:
        super().__init__(column, impute)
        self.fill_ = 0
        self.parts_: list[str] = []
        self.indicator_ = False

    @staticmethod
    def read(series: pd.Series) -> np.ndarray:
        return as_seconds(series)

    def fit_transform(self, values: np.ndarray, y: np.ndarray | None) -> np.ndarray:
        present = values[values != MISSING_SECONDS]
        self.fill_ = int(np.median(present)) if len(present) else 0
        self.indicator_ = len(present) < len(values)
        parts = calendar_parts(NumpyArithmetic(), present)
        varying = [p for p in PARTS if len(present) and np.ptp(parts[p]) > 0]
        self.parts_ = varying or ["year"]
        self.names = [f"{self.column}_{part}" for part in self.parts_]
        self.names += [f"{self.column}_missing"] * self.indicator_
        gaps = " + missing indicator" if self.indicator_ else ""
        self.steps = [f"datetime parts ({', '.join(self.parts_)}){gaps}"]
        return self.transform(values)

    def transform(self, values: np.ndarray) -> np.ndarray:
        missing = values == MISSING_SECONDS
        parts = calendar_parts(NumpyArithmetic(), np.where(missing, self.fill_, values))
        blocks = [parts[p].astype(np.float64) for p in self.parts_]
        blocks += [missing.astype(np.float64)] * self.indicator_
        return np.column_stack(blocks)

    def to_onnx(self, builder: GraphBuilder, tensor: str) -> str:
        missing = builder.node("Equal", [tensor, builder.constant([MISSING_SECONDS], np.int64)])
        filled = builder.where(missing, builder.constant([self.fill_], np.int64), tensor)
        parts = calendar_parts(OnnxArithmetic(builder), filled)
        blocks = [parts[p] for p in self.parts_] + [builder.cast(missing, INT64)] * self.indicator_
        return as_double(builder, concat(builder, blocks))
