"""Target encoding for many-valued categories (linear models): the smoothed mean target of
each level, cross-fitted on the training rows so a row never sees its own target."""

from __future__ import annotations

import numpy as np
from sklearn.model_selection import KFold

from kumi.automl.featurize.encoders.categorical import CategoryEncoder
from kumi.tracking.onnx.builder import GraphBuilder

SMOOTHING = 10.0
"""Rows of prior mixed into each level's mean (rare levels lean on the overall mean)."""
CROSS_FOLDS = 5


class TargetEncoder(CategoryEncoder):
    """Regression: the level's mean target; classification: the positive-class rate
    (binary) or each class's rate (multiclass). Without a target: the level's frequency.
    Missing and unseen values get the overall value."""

    def __init__(self, column: str, impute: str, seed: int = 0) -> None:
        super().__init__(column, impute)
        self.seed = seed
        self.table_ = np.zeros((1, 1))

    def fit_transform(self, values: np.ndarray, y: np.ndarray | None) -> np.ndarray:
        counts = self._count(values)
        self.levels_ = [str(v) for v in counts.index]
        codes = self.codes(values)
        targets = _targets(y, len(values))
        self.table_ = _table(codes, targets, len(self.levels_), frequency=y is None)
        labels = ["frequency"] if y is None else _labels(targets.shape[1], y)
        self.names = [f"{self.column}:{label}" for label in labels]
        self.steps = [f"{'frequency' if y is None else 'target'} encoding ({len(counts)} levels)"]
        if y is None:
            return self.table_[codes]
        return self._cross_fitted(codes, targets)

    def _cross_fitted(self, codes: np.ndarray, targets: np.ndarray) -> np.ndarray:
        folds = min(CROSS_FOLDS, len(codes))
        if folds < 2:
            return self.table_[codes]
        result = np.empty((len(codes), targets.shape[1]))
        splitter = KFold(folds, shuffle=True, random_state=self.seed)
        for fit_rows, out_rows in splitter.split(codes):
            table = _table(codes[fit_rows], targets[fit_rows], len(self.levels_), False)
            result[out_rows] = table[codes[out_rows]]
        return result

    def transform(self, values: np.ndarray) -> np.ndarray:
        return self.table_[self.codes(values)]

    def to_onnx(self, builder: GraphBuilder, tensor: str) -> str:
        codes = builder.node("Squeeze", [self.onnx_codes(builder, tensor), _axis(builder)])
        return builder.node("Gather", [builder.constant(self.table_, np.float64), codes], axis=0)


def _axis(builder: GraphBuilder) -> str:
    return builder.constant([1], np.int64)


def _targets(y: np.ndarray | None, rows: int) -> np.ndarray:
    """The encoded targets ``(rows, outputs)``: values, a positive flag or class flags."""
    if y is None:
        return np.ones((rows, 1))
    y = np.asarray(y)
    if y.dtype.kind == "f":
        return y.astype(np.float64).reshape(-1, 1)
    classes = int(y.max()) + 1
    if classes <= 2:
        return (y == 1).astype(np.float64).reshape(-1, 1)
    return (y[:, None] == np.arange(classes)).astype(np.float64)


def _labels(outputs: int, y: np.ndarray) -> list[str]:
    if np.asarray(y).dtype.kind == "f":
        return ["mean"]
    return ["rate"] if outputs == 1 else [f"rate_{k}" for k in range(outputs)]


def _table(codes: np.ndarray, targets: np.ndarray, levels: int, frequency: bool) -> np.ndarray:
    """Row per level plus a last row for missing/unseen values."""
    counts = np.bincount(codes, minlength=levels + 1)[: levels + 1].astype(np.float64)
    if frequency:
        shares = counts / max(len(codes), 1)
        shares[levels] = 0.0
        return shares.reshape(-1, 1)
    prior = targets.mean(axis=0) if len(targets) else np.zeros(targets.shape[1])
    sums = np.stack(
        [
            np.bincount(codes, weights=targets[:, k], minlength=levels + 1)
            for k in range(targets.shape[1])
        ],
        axis=1,
    )[: levels + 1]
    table = (sums + SMOOTHING * prior) / (counts[:, None] + SMOOTHING)
    table[levels] = prior
    return table
