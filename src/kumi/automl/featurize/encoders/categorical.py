"""Categories: ordinal codes (trees), one-hot (linear, few levels) or target encoding
(linear, many levels). Missing values travel as "" and, like values unseen in training,
get a dedicated code."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kumi.automl.featurize.encoders.base import ColumnEncoder, as_double
from kumi.automl.featurize.values import as_text
from kumi.tracking.onnx.builder import STRING, GraphBuilder

MAX_ORDINAL_LEVELS = 254
"""Most frequent levels given their own code (the rest share the "other" code)."""
MIN_ONE_HOT_COUNT = 3
"""Training rows a level needs for its own one-hot column (rarer ones go to "other")."""


class CategoryEncoder(ColumnEncoder):
    """Shared part: the levels kept (most frequent first) and their integer codes."""

    input_type = STRING

    def __init__(self, column: str, impute: str) -> None:
        super().__init__(column, impute)
        self.levels_: list[str] = []
        self.mode_ = ""

    @staticmethod
    def read(series: pd.Series) -> np.ndarray:
        return as_text(series)

    def _count(self, values: np.ndarray) -> pd.Series:
        counts = pd.Series(values).value_counts(sort=False)
        counts = counts[counts.index != ""]
        order = np.lexsort((counts.index.to_numpy(dtype=str), -counts.to_numpy()))
        counts = counts.iloc[order]
        self.mode_ = str(counts.index[0]) if len(counts) else ""
        return counts

    def codes(self, values: np.ndarray) -> np.ndarray:
        """Code of each value: its level's position, ``len(levels_)`` for anything else."""
        if self.impute == "most_frequent":
            values = np.where(values == "", self.mode_, values)
        codes = pd.Index(self.levels_, dtype=object).get_indexer(pd.Index(values))
        codes[codes < 0] = len(self.levels_)
        return codes

    def onnx_codes(self, builder: GraphBuilder, tensor: str) -> str:
        """int64 [N, 1] codes, as ``codes``."""
        keys, codes = list(self.levels_), list(range(len(self.levels_)))
        if self.impute == "most_frequent" and self.mode_ in self.levels_:
            keys.append("")
            codes.append(self.levels_.index(self.mode_))
        if not keys:
            keys, codes = [""], [len(self.levels_)]
        return builder.text_codes(tensor, keys, codes, len(self.levels_))


class OrdinalEncoder(CategoryEncoder):
    """Trees: one column of codes, most frequent level first; others share the last code."""

    def fit_transform(self, values: np.ndarray, y: np.ndarray | None) -> np.ndarray:
        counts = self._count(values)
        self.levels_ = [str(v) for v in counts.index[:MAX_ORDINAL_LEVELS]]
        self.names = [self.column]
        self.categorical = [0]
        self.steps = [f"ordinal codes ({len(self.levels_)} levels; unseen/missing → own code)"]
        return self.transform(values)

    def transform(self, values: np.ndarray) -> np.ndarray:
        return self.codes(values).astype(np.float64).reshape(-1, 1)

    def to_onnx(self, builder: GraphBuilder, tensor: str) -> str:
        return as_double(builder, self.onnx_codes(builder, tensor))


class OneHotEncoder(CategoryEncoder):
    """Linear: a 0/1 column per level; rare, missing and unseen values share "other" (a
    column of its own when training had any)."""

    def fit_transform(self, values: np.ndarray, y: np.ndarray | None) -> np.ndarray:
        counts = self._count(values)
        kept = counts[counts >= MIN_ONE_HOT_COUNT]
        self.levels_ = [str(v) for v in kept.index]
        other = len(kept) < len(counts) or bool((values == "").any())
        self.names = [f"{self.column}={level}" for level in self.levels_]
        self.names += [f"{self.column}=other"] * other
        self.steps = [f"one-hot ({len(self.levels_)} levels{' + other' if other else ''})"]
        return self.transform(values)

    def transform(self, values: np.ndarray) -> np.ndarray:
        codes = self.codes(values)
        return (codes[:, None] == np.arange(len(self.names))).astype(np.float64)

    def to_onnx(self, builder: GraphBuilder, tensor: str) -> str:
        codes = self.onnx_codes(builder, tensor)
        positions = builder.constant(np.arange(len(self.names)), np.int64)
        return as_double(builder, builder.node("Equal", [codes, positions]))
