"""Probabilities for linear classifiers that only give a margin (SVM, perceptron)."""

from __future__ import annotations

from typing import Any

from sklearn.calibration import CalibratedClassifierCV

CALIBRATION_FOLDS = 3


def calibrated(margin_classifier: Any) -> CalibratedClassifierCV:
    """Wrap a margin classifier so that it also predicts probabilities: a sigmoid is fitted
    to its margins on held-out folds, then the classifier is refitted on all rows."""
    return CalibratedClassifierCV(
        margin_classifier, method="sigmoid", cv=CALIBRATION_FOLDS, ensemble=False
    )
