"""K-fold cross-validation of a learner (Cross Validate Model, Tune Model Hyperparameters)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.model_selection import KFold, StratifiedKFold

from kumi.components._learning.columns import FOLD_NUMBER
from kumi.components._learning.evaluation import evaluate
from kumi.components._learning.labels import CLASSIFIERS
from kumi.core import ColumnRole, InvalidParameterError, Table, UntrainedModel


@dataclass(frozen=True)
class CrossValidation:
    """Out-of-fold scores of every row (with its fold number) and metrics per fold."""

    scored: Table
    fold_ids: list[int]
    fold_sizes: list[int]
    fold_metrics: list[dict[str, float]]

    def mean_metrics(self) -> dict[str, float]:
        names = dict.fromkeys(name for metrics in self.fold_metrics for name in metrics)
        return {
            name: float(np.nanmean([m.get(name, np.nan) for m in self.fold_metrics]))
            for name in names
        }


def assign_folds(label: pd.Series, folds: int, seed: int, stratify: bool) -> np.ndarray:
    """Fold number (0-based) of each row; stratified by ``label`` when every class has at
    least ``folds`` rows."""
    if folds > len(label):
        raise InvalidParameterError(
            f"Cannot make {folds} folds from {len(label)} rows; use fewer folds.",
            details={"parameter": "number_of_folds", "rows": len(label)},
        )
    assigned = np.zeros(len(label), dtype="int64")
    known = label.notna().to_numpy()
    counts = label[known].astype(str).value_counts()
    if stratify and len(counts) and counts.min() >= folds:
        splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
        positions = np.flatnonzero(known)
        splits = splitter.split(positions, label[known].astype(str))
        for fold, (_, test) in enumerate(splits):
            assigned[positions[test]] = fold
        unknown = np.flatnonzero(~known)
        assigned[unknown] = np.arange(len(unknown)) % folds
        return assigned
    for fold, (_, test) in enumerate(KFold(folds, shuffle=True, random_state=seed).split(label)):
        assigned[test] = fold
    return assigned


def random_folds(
    learner: UntrainedModel, table: Table, label: str, folds: int, seed: int
) -> np.ndarray:
    """Random fold numbers, stratified by the label for classifiers."""
    return assign_folds(table.frame[label], folds, seed, learner.kind in CLASSIFIERS)


def cross_validate(
    learner: UntrainedModel, table: Table, label: str, assigned: np.ndarray
) -> CrossValidation:
    """For each fold number in ``assigned`` (one per row): train on the other rows and
    score the rows of that fold."""
    frame = table.frame.reset_index(drop=True)
    data = table.derive(frame)
    fold_ids = sorted(int(f) for f in np.unique(assigned))
    parts: list[pd.DataFrame] = []
    sizes: list[int] = []
    metrics: list[dict[str, float]] = []
    scored_roles = None
    for fold in fold_ids:
        test = assigned == fold
        model = learner.fit(data.derive(frame[~test]), label)
        scored = model.score(data.derive(frame[test]))
        parts.append(scored.frame.assign(**{FOLD_NUMBER: fold}))
        sizes.append(int(test.sum()))
        metrics.append(evaluate(scored).metrics)
        scored_roles = scored.roles
    combined = pd.concat(parts).sort_index().set_axis(table.frame.index)
    roles = {**(scored_roles or {}), FOLD_NUMBER: ColumnRole.IGNORE}
    return CrossValidation(table.derive(combined, roles=roles), fold_ids, sizes, metrics)
