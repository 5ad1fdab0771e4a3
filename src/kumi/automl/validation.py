"""How trials are validated: k folds, a holdout, or a user's validation table.

A plan is a list of folds over the rows of the training table (plus, for a user table, the
rows of that table as the one validation set). Classification folds are stratified when
every class has enough rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split

from kumi.automl.data import TaskData

AUTO_KFOLD_MAX_ROWS = 20_000
AUTO_FOLDS = 5
AUTO_HOLDOUT = 0.1

PlanKind = Literal["kfold", "holdout", "user"]


@dataclass(frozen=True)
class Fold:
    train: np.ndarray
    """Row positions fitted on."""
    valid: np.ndarray
    """Row positions scored (into the training table; for a user table, into that table)."""


@dataclass(frozen=True)
class ValidationPlan:
    kind: PlanKind
    folds: tuple[Fold, ...]
    stratified: bool
    description: str

    @property
    def out_of_fold(self) -> bool:
        """True when every training row is scored exactly once (k-fold)."""
        return self.kind == "kfold"


def make_plan(
    data: TaskData, validation: str | int | float, seed: int, user_rows: int | None = None
) -> ValidationPlan:
    """The plan for ``validation`` ("auto", folds, holdout fraction); ``user_rows`` (the size
    of a user validation table) wins over everything."""
    rows = np.arange(data.n_rows)
    if user_rows is not None:
        fold = Fold(rows, np.arange(user_rows))
        return ValidationPlan("user", (fold,), False, f"user validation table ({user_rows} rows)")
    if validation == "auto":
        validation = AUTO_FOLDS if data.n_rows < AUTO_KFOLD_MAX_ROWS else AUTO_HOLDOUT
    if isinstance(validation, float):
        return _holdout(data, validation, seed)
    return _kfold(data, int(validation), seed)


def _stratifiable(data: TaskData, parts: int) -> bool:
    if data.task != "classification":
        return False
    return int(np.bincount(data.y).min()) >= parts


def _kfold(data: TaskData, k: int, seed: int) -> ValidationPlan:
    k = min(k, data.n_rows)
    stratified = _stratifiable(data, k)
    splitter = (StratifiedKFold if stratified else KFold)(k, shuffle=True, random_state=seed)
    folds = tuple(Fold(t, v) for t, v in splitter.split(np.zeros(data.n_rows), data.y))
    kind = "stratified " if stratified else ""
    return ValidationPlan("kfold", folds, stratified, f"{k}-fold {kind}cross-validation")


def _holdout(data: TaskData, fraction: float, seed: int) -> ValidationPlan:
    stratified = _stratifiable(data, 2)
    train, valid = train_test_split(
        np.arange(data.n_rows),
        test_size=fraction,
        random_state=seed,
        stratify=data.y if stratified else None,
    )
    kind = "stratified " if stratified else ""
    description = f"{kind}holdout of {fraction:.0%} of the rows ({len(valid)} rows)"
    return ValidationPlan(
        "holdout", (Fold(np.sort(train), np.sort(valid)),), stratified, description
    )
