"""Data guardrails: checks run on the training table before the search, each reported as
passed, done (kumi fixed something) or alerted (the user should look)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from sklearn.metrics import r2_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from kumi.automl.data import TaskData
from kumi.automl.featurize import ColumnKind, ColumnSpec, Featurizer
from kumi.automl.featurize.encoders import MAX_ONE_HOT_LEVELS
from kumi.automl.validation import ValidationPlan
from kumi.core.errors import InvalidInputError

GuardrailStatus = Literal["passed", "done", "alerted"]
IMBALANCE_SHARE = 0.2
"""The smallest class below this share of the largest one is an imbalance."""
IMBALANCE_ROWS = 10
LEAKAGE_SCORE = 0.99
"""A single column whose shallow tree reaches this AUC (or R²) on a holdout is suspect."""
LEAKAGE_SAMPLE_ROWS = 5_000


@dataclass(frozen=True)
class Guardrail:
    name: str
    status: GuardrailStatus
    description: str
    details: Sequence[dict[str, Any]] = field(default_factory=tuple)


def check_guardrails(
    data: TaskData, columns: list[ColumnSpec], plan: ValidationPlan
) -> list[Guardrail]:
    """The guardrails in their reporting order; InvalidInputError when every feature
    column is dropped."""
    _require_features(columns)
    checks = [
        Guardrail("Validation split handling", "done", plan.description),
        _missing_values(columns),
        _high_cardinality(columns),
        *([_class_balance(data)] if data.task == "classification" else []),
        _dropped_columns(columns),
        _target_leakage(data, columns),
        _missing_target(data),
    ]
    return checks


def _require_features(columns: list[ColumnSpec]) -> None:
    if any(spec.kind != ColumnKind.DROPPED for spec in columns):
        return
    reasons = {spec.name: spec.reason for spec in columns}
    listed = "; ".join(f"{name}: {reason}" for name, reason in reasons.items())
    raise InvalidInputError(
        f"Every feature column was dropped ({listed or 'the table has no feature columns'}); "
        "add informative columns or override the featurization of some.",
        details={"dropped": reasons},
    )


def _missing_values(columns: list[ColumnSpec]) -> Guardrail:
    name = "Missing feature values imputation"
    gaps = [s for s in columns if s.missing and s.kind != ColumnKind.DROPPED]
    if not gaps:
        return Guardrail(name, "passed", "No missing feature values were found.")
    details = [{"column": s.name, "missing": s.missing, "impute": s.impute} for s in gaps]
    return Guardrail(
        name, "done", f"Missing values were imputed in {len(gaps)} column(s).", details
    )


def _high_cardinality(columns: list[ColumnSpec]) -> Guardrail:
    name = "High cardinality feature detection"
    many = [
        s for s in columns if s.kind == ColumnKind.CATEGORICAL and s.unique > MAX_ONE_HOT_LEVELS
    ]
    if not many:
        return Guardrail(name, "passed", "No high-cardinality categorical features were found.")
    encoding = "ordinal codes for tree models, target encoding for linear models"
    details = [{"column": s.name, "unique": s.unique, "encoding": encoding} for s in many]
    return Guardrail(name, "done", f"{len(many)} categorical column(s) have many levels.", details)


def _class_balance(data: TaskData) -> Guardrail:
    name = "Class balancing detection"
    counts = np.bincount(data.y, minlength=data.n_classes)
    classes = data.classes if data.classes is not None else np.arange(len(counts))
    details = [
        {"class": _plain(label), "rows": int(n), "share": float(n / counts.sum())}
        for label, n in zip(classes, counts, strict=True)
    ]
    smallest, largest = int(counts.min()), int(counts.max())
    if smallest < IMBALANCE_SHARE * largest or smallest < IMBALANCE_ROWS:
        description = (
            f"The classes are imbalanced: the smallest has {smallest} row(s) against "
            f"{largest} for the largest"
            + ("; a class with a single row cannot be validated" if smallest == 1 else "")
            + ". Consider more data for the small classes or a metric such as AUC or f1."
        )
        return Guardrail(name, "alerted", description, details)
    return Guardrail(name, "passed", "The classes are balanced enough.", details)


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _dropped_columns(columns: list[ColumnSpec]) -> Guardrail:
    name = "Constant and ID column removal"
    dropped = [s for s in columns if s.kind == ColumnKind.DROPPED]
    if not dropped:
        return Guardrail(name, "passed", "No constant, identifier or empty columns were found.")
    details = [{"column": s.name, "reason": s.reason} for s in dropped]
    return Guardrail(name, "done", f"{len(dropped)} column(s) were left out.", details)


def _missing_target(data: TaskData) -> Guardrail:
    name = "Missing target values"
    if not data.dropped_rows:
        return Guardrail(name, "passed", "Every row has a target value.")
    return Guardrail(
        name,
        "done",
        f"{data.dropped_rows} row(s) without a usable target value were left out.",
        [{"rows_dropped": data.dropped_rows}],
    )


def _target_leakage(data: TaskData, columns: list[ColumnSpec]) -> Guardrail:
    name = "Target leakage detection"
    scores = single_column_scores(data, columns)
    suspects = [
        {"column": column, "score": round(score, 4)}
        for column, score in scores.items()
        if score >= LEAKAGE_SCORE
    ]
    if not suspects:
        return Guardrail(name, "passed", "No single feature predicts the target on its own.")
    metric = "AUC" if data.task == "classification" else "R²"
    names = ", ".join(repr(s["column"]) for s in suspects)
    description = (
        f"Column(s) {names} alone predict the target almost perfectly ({metric} ≥ "
        f"{LEAKAGE_SCORE}); check that they are not derived from the target."
    )
    return Guardrail(name, "alerted", description, suspects)


def single_column_scores(data: TaskData, columns: list[ColumnSpec]) -> dict[str, float]:
    """Holdout AUC (classification) or R² (regression) of a shallow tree on each used
    column alone, on a sample of at most ``LEAKAGE_SAMPLE_ROWS`` rows."""
    rows = np.arange(data.n_rows)
    if data.n_rows > LEAKAGE_SAMPLE_ROWS:
        rows = np.random.default_rng(0).choice(rows, LEAKAGE_SAMPLE_ROWS, replace=False)
    if len(rows) < 20:
        return {}
    stratify = data.y[rows] if _stratifiable(data, rows) else None
    fit, held = train_test_split(rows, test_size=0.3, random_state=0, stratify=stratify)
    featurizer = Featurizer(columns, "trees")
    train = featurizer.fit_transform(data.features.iloc[fit], data.y[fit])
    test = featurizer.transform(data.features.iloc[held])
    sources = np.asarray(featurizer.feature_sources_)
    return {
        column: _score(
            data, train[:, sources == column], data.y[fit], test[:, sources == column], data.y[held]
        )
        for column in featurizer.input_columns_
        if (sources == column).any()
    }


def _stratifiable(data: TaskData, rows: np.ndarray) -> bool:
    return (
        data.task == "classification"
        and int(np.bincount(data.y[rows]).min() if len(rows) else 0) >= 2
    )


def _score(
    data: TaskData, train: np.ndarray, y_train: np.ndarray, test: np.ndarray, y_test: np.ndarray
) -> float:
    if data.task == "regression":
        tree = DecisionTreeRegressor(max_depth=6, random_state=0).fit(train, y_train)
        return float(r2_score(y_test, tree.predict(test)))
    model = DecisionTreeClassifier(max_depth=4, random_state=0).fit(train, y_train)
    probabilities = model.predict_proba(test)
    scores = [
        roc_auc_score(y_test == label, probabilities[:, k])
        for k, label in enumerate(model.classes_)
        if 0 < (y_test == label).sum() < len(y_test)
    ]
    return float(np.mean(scores)) if scores else 0.0
