"""The table an AutoML job learns from: feature columns and the target, checked and encoded."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kumi.automl.settings import Task
from kumi.core.errors import ColumnNotFoundError, InvalidInputError


@dataclass(frozen=True)
class TaskData:
    """Features (raw columns, target removed, index 0..n-1) and the encoded target: class
    indices into ``classes`` for classification, floats for regression."""

    features: pd.DataFrame
    y: np.ndarray
    task: Task
    target: str
    classes: np.ndarray | None
    dropped_rows: int = 0
    """Rows left out because their target was missing or infinite."""

    @property
    def n_classes(self) -> int:
        return 0 if self.classes is None else len(self.classes)

    @property
    def n_rows(self) -> int:
        return len(self.y)


def prepare(
    frame: pd.DataFrame, target: str, task: Task, classes: np.ndarray | None = None
) -> TaskData:
    """Check and encode ``frame``; ``classes`` (from the training table) encodes a validation
    table the same way. InvalidInputError says what is wrong with the target."""
    if not isinstance(frame, pd.DataFrame):
        raise InvalidInputError(
            f"AutoML needs a pandas DataFrame, not {type(frame).__name__}.",
            details={"type": type(frame).__name__},
        )
    if target not in frame.columns:
        raise ColumnNotFoundError(
            f"Target column '{target}' is not in the table; choose one of "
            f"{', '.join(map(str, frame.columns[:20]))}.",
            details={"column": target, "columns": [str(c) for c in frame.columns]},
        )
    usable = _usable_target(frame[target], task)
    kept = frame.loc[usable].reset_index(drop=True)
    if len(kept) == 0:
        raise InvalidInputError(
            f"Target column '{target}' has no usable values (all missing or infinite).",
            details={"column": target},
        )
    features = kept.drop(columns=[target])
    if task == "regression":
        y = _numeric_target(kept[target], target)
        return TaskData(features, y, task, target, None, int((~usable).sum()))
    y, found = _class_indices(kept[target], target, classes)
    return TaskData(features, y, task, target, found, int((~usable).sum()))


def _usable_target(values: pd.Series, task: Task) -> np.ndarray:
    usable = values.notna().to_numpy()
    if task == "regression" and pd.api.types.is_numeric_dtype(values):
        usable = usable & np.isfinite(values.to_numpy(dtype="float64", na_value=np.nan))
    return usable


def _numeric_target(values: pd.Series, target: str) -> np.ndarray:
    converted = pd.to_numeric(values, errors="coerce")
    if converted.isna().any():
        bad = values[converted.isna()].iloc[0]
        raise InvalidInputError(
            f"Regression needs a numeric target, but '{target}' holds {bad!r}; choose the "
            "classification task or a numeric target column.",
            details={"column": target, "value": str(bad)},
        )
    y = converted.to_numpy(dtype="float64")
    if np.ptp(y) == 0:
        raise InvalidInputError(
            f"Target column '{target}' has one value only ({y[0]:g}); there is nothing to learn.",
            details={"column": target},
        )
    return y


def _class_indices(
    values: pd.Series, target: str, classes: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    found = pd.Index(sorted(pd.unique(values), key=_sort_key)).to_numpy()
    if classes is None:
        if len(found) < 2:
            raise InvalidInputError(
                f"Target column '{target}' has one class only ({found[0]!r}); classification "
                "needs rows of at least two classes.",
                details={"column": target, "classes": [str(c) for c in found]},
            )
        classes = found
    index = {value: i for i, value in enumerate(classes)}
    unknown = [v for v in found if v not in index]
    if unknown:
        raise InvalidInputError(
            f"The validation table has target value(s) {unknown[:5]!r} that the training "
            "table does not have; use tables with the same classes.",
            details={"column": target, "unknown": [str(v) for v in unknown[:20]]},
        )
    return values.map(index).to_numpy(dtype="int64"), np.asarray(classes)


def _sort_key(value: object) -> tuple[int, object]:
    """Numbers before text, each in natural order (mixed types do not compare)."""
    if isinstance(value, (int, float, np.integer, np.floating, bool, np.bool_)):
        return (0, float(value))
    return (1, str(value))
