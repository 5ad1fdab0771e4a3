"""Quantile regression forest: a random forest whose leaves keep samples of their training
labels; a row's quantiles are those of the labels in the leaves it falls into."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.ensemble import RandomForestRegressor
from sklearn.utils.validation import check_is_fitted

ROWS_PER_CHUNK = 1024


class QuantileForestRegressor(RegressorMixin, BaseEstimator):
    """Predicts one column per quantile in ``quantiles``. Each leaf keeps
    ``sample_count`` labels drawn (with replacement) from its training rows."""

    def __init__(
        self,
        *,
        quantiles: Sequence[float] = (0.25, 0.5, 0.75),
        n_estimators: int = 100,
        max_leaf_nodes: int = 20,
        min_samples_leaf: int = 10,
        max_samples: float = 0.7,
        max_features: float = 0.7,
        sample_count: int = 100,
        random_state: int = 0,
    ):
        self.quantiles = quantiles
        self.n_estimators = n_estimators
        self.max_leaf_nodes = max_leaf_nodes
        self.min_samples_leaf = min_samples_leaf
        self.max_samples = max_samples
        self.max_features = max_features
        self.sample_count = sample_count
        self.random_state = random_state

    def fit(self, x: Any, y: Any) -> QuantileForestRegressor:
        target = np.asarray(y, dtype="float64")
        self.forest_ = RandomForestRegressor(
            n_estimators=self.n_estimators,
            max_leaf_nodes=self.max_leaf_nodes,
            min_samples_leaf=self.min_samples_leaf,
            max_samples=self.max_samples,
            max_features=self.max_features,
            random_state=self.random_state,
        ).fit(x, target)
        rng = np.random.default_rng(self.random_state)
        leaves = self.forest_.apply(x)
        self.leaf_samples_ = [
            self._leaf_samples(tree.tree_.node_count, leaves[:, t], target, rng)
            for t, tree in enumerate(self.forest_.estimators_)
        ]
        return self

    def _leaf_samples(
        self, nodes: int, leaf_of_row: np.ndarray, target: np.ndarray, rng: np.random.Generator
    ) -> np.ndarray:
        samples = np.zeros((nodes, self.sample_count))
        order = np.argsort(leaf_of_row, kind="stable")
        leaves, starts, counts = np.unique(
            leaf_of_row[order], return_index=True, return_counts=True
        )
        for leaf, start, count in zip(leaves, starts, counts, strict=True):
            values = target[order[start : start + count]]
            samples[leaf] = rng.choice(values, self.sample_count, replace=True)
        return samples

    def predict(self, x: Any) -> np.ndarray:
        check_is_fitted(self, "forest_")
        leaves = self.forest_.apply(x)
        chunks = []
        for start in range(0, len(leaves), ROWS_PER_CHUNK):
            rows = leaves[start : start + ROWS_PER_CHUNK]
            pooled = np.concatenate(
                [samples[rows[:, t]] for t, samples in enumerate(self.leaf_samples_)], axis=1
            )
            chunks.append(np.quantile(pooled, list(self.quantiles), axis=1).T)
        return np.vstack(chunks) if chunks else np.empty((0, len(self.quantiles)))
