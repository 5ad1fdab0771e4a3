"""Two-class scores sorted once: the confusion counts at every threshold, from which the
ROC and precision-recall curves, the AUC and the lift chart follow without sorting again.

The curves equal scikit-learn's ``roc_curve`` (with ``drop_intermediate``),
``precision_recall_curve`` and ``roc_auc_score``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class BinaryCurves:
    """Counts when every row scoring at or above a threshold is called positive."""

    thresholds: np.ndarray
    """The distinct scores, highest first."""
    true_positives: np.ndarray
    false_positives: np.ndarray
    row_hits: np.ndarray
    """Positives among the first k rows taken in decreasing score order (ties keep row order)."""

    @classmethod
    def of(cls, actual: np.ndarray, probability: np.ndarray) -> BinaryCurves:
        """``actual``: booleans (True = positive class); ``probability``: its scores."""
        order = np.argsort(-probability, kind="stable")
        scores = probability[order]
        row_hits = np.cumsum(actual[order], dtype=np.int64)
        last_of_each = np.r_[np.flatnonzero(np.diff(scores)), len(scores) - 1]
        true_positives = row_hits[last_of_each]
        return cls(
            thresholds=scores[last_of_each],
            true_positives=true_positives,
            false_positives=last_of_each + 1 - true_positives,
            row_hits=row_hits,
        )

    def roc(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """False positive rate, true positive rate and thresholds (the first is +inf)."""
        fps, tps, thresholds = self.false_positives, self.true_positives, self.thresholds
        if len(fps) > 2:
            corner = np.logical_or(np.diff(fps, 2), np.diff(tps, 2))
            keep = np.flatnonzero(np.r_[True, corner, True])
            fps, tps, thresholds = fps[keep], tps[keep], thresholds[keep]
        fps, tps = np.r_[0, fps], np.r_[0, tps]
        fpr = fps / fps[-1] if fps[-1] > 0 else np.full(len(fps), np.nan)
        tpr = tps / tps[-1] if tps[-1] > 0 else np.full(len(tps), np.nan)
        return fpr, tpr, np.r_[np.inf, thresholds.astype("float64")]

    def auc(self) -> float:
        """Area under the ROC curve (NaN unless both classes occur)."""
        fpr, tpr, _ = self.roc()
        return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2.0))

    def precision_recall(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Precision and recall (ending with 1 and 0) and thresholds, lowest threshold first."""
        tps, fps = self.true_positives, self.false_positives
        called = tps + fps
        precision = np.divide(tps, called, out=np.zeros(len(tps)), where=called != 0)
        recall = tps / tps[-1] if tps[-1] > 0 else np.ones(len(tps))
        return np.r_[precision[::-1], 1.0], np.r_[recall[::-1], 0.0], self.thresholds[::-1]

    def gain_at(self, counts: np.ndarray) -> np.ndarray:
        """Share of all positives found among the ``counts`` highest-scoring rows."""
        total = self.row_hits[-1] if len(self.row_hits) else 0
        if total <= 0:
            return np.zeros(len(counts))
        return self.row_hits[counts - 1] / total
