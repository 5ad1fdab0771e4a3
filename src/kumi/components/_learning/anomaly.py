"""PCA-based anomaly detection: rows far from the principal subspace of normal data."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.extmath import randomized_svd
from sklearn.utils.validation import check_array, check_is_fitted

TAIL_QUANTILE = 0.99
"""Training reconstruction error at this quantile scores probability 0.5 (the threshold)."""


class PcaAnomalyDetector(BaseEstimator):
    """Fits a randomized PCA; a row's anomaly score is its squared reconstruction error
    divided by the training error at the 99th percentile, mapped to a probability
    ``e / (e + 1)`` (0.5 at that percentile). Rows above 0.5 are labelled 1."""

    def __init__(self, n_components: int = 2, oversampling: int = 2, random_state: int = 0):
        self.n_components = n_components
        self.oversampling = oversampling
        self.random_state = random_state

    def fit(self, x: Any, y: Any = None) -> PcaAnomalyDetector:
        data = check_array(x, dtype="float64")
        rank = max(1, min(self.n_components, data.shape[1], data.shape[0]))
        _, _, components = randomized_svd(
            data, rank, n_oversamples=self.oversampling, random_state=self.random_state
        )
        self.components_ = components
        errors = self._errors(data)
        tail = float(np.quantile(errors, TAIL_QUANTILE))
        self.error_scale_ = tail if tail > 0 else float(errors.max()) or 1e-12
        self.classes_ = np.array([0, 1])
        return self

    def _errors(self, data: np.ndarray) -> np.ndarray:
        projected = data @ self.components_.T @ self.components_
        return np.asarray(((data - projected) ** 2).sum(axis=1))

    def predict_proba(self, x: Any) -> np.ndarray:
        check_is_fitted(self, "components_")
        normalized = self._errors(check_array(x, dtype="float64")) / self.error_scale_
        probability = normalized / (normalized + 1.0)
        return np.column_stack([1.0 - probability, probability])

    def predict(self, x: Any) -> np.ndarray:
        return (self.predict_proba(x)[:, 1] > 0.5).astype("int64")
