"""SMOTE with imbalanced-learn: numeric features interpolate, text and boolean features
(SMOTE-NC) take the most frequent neighbour value."""

from __future__ import annotations

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE, SMOTEN, SMOTENC
from pandas.api import types as ptypes

from kumi.components._transforms.columns import is_numeric
from kumi.core import InvalidInputError, InvalidParameterError, Table


def minority_class(labels: pd.Series, column: str) -> tuple[object, int]:
    """The less frequent of exactly two label values and its count."""
    counts = labels.value_counts(sort=True, ascending=True)
    if len(counts) != 2:
        raise InvalidInputError(
            f"SMOTE works on a label with exactly two classes, but column '{column}' has "
            f"{len(counts)} ({', '.join(map(str, counts.index[:10]))}). Use a binary label.",
            details={"column": column, "classes": [str(c) for c in counts.index[:50]]},
        )
    return counts.index[0], int(counts.iloc[0])


def oversample(
    table: Table, label: str, percentage: int, neighbours: int, seed: int
) -> pd.DataFrame:
    """The rows of ``table`` followed by ``percentage``% synthetic minority rows."""
    frame = table.frame.reset_index(drop=True)
    _require_complete(frame)
    minority, count = minority_class(frame[label], label)
    synthetic = count * percentage // 100
    if synthetic == 0:
        return frame
    if neighbours >= count:
        raise InvalidParameterError(
            f"number_of_nearest_neighbors is {neighbours} but the minority class "
            f"'{minority}' has only {count} rows; use at most {count - 1}.",
            details={"parameter": "number_of_nearest_neighbors", "minority_rows": count},
        )
    features = [c for c in frame.columns if c != label]
    sampler = _sampler(frame[features], {minority: count + synthetic}, neighbours, seed)
    x_new, y_new = sampler.fit_resample(frame[features], frame[label])
    result = pd.DataFrame(x_new, columns=features)
    result[label] = np.asarray(y_new)
    return _restore_types(result[frame.columns], frame)


def _sampler(
    features: pd.DataFrame, strategy: dict[object, int], neighbours: int, seed: int
) -> SMOTE | SMOTEN | SMOTENC:
    discrete = [i for i, c in enumerate(features.columns) if not is_numeric(features[c])]
    if not discrete:
        return SMOTE(sampling_strategy=strategy, k_neighbors=neighbours, random_state=seed)
    if len(discrete) == features.shape[1]:
        return SMOTEN(sampling_strategy=strategy, k_neighbors=neighbours, random_state=seed)
    return SMOTENC(
        categorical_features=discrete,
        sampling_strategy=strategy,
        k_neighbors=neighbours,
        random_state=seed,
    )


def _require_complete(frame: pd.DataFrame) -> None:
    incomplete = [str(c) for c in frame.columns if frame[c].isna().any()]
    if incomplete:
        raise InvalidInputError(
            f"SMOTE cannot use rows with missing values (columns: {', '.join(incomplete)}). "
            "Clean them first with Clean Missing Data.",
            details={"columns": incomplete},
        )


def _restore_types(result: pd.DataFrame, original: pd.DataFrame) -> pd.DataFrame:
    """Synthetic values keep the original column types (whole numbers are rounded)."""
    for column in original.columns:
        dtype = original[column].dtype
        if ptypes.is_integer_dtype(dtype) and not ptypes.is_bool_dtype(dtype):
            result[column] = result[column].astype("float64").round().astype(dtype)
        elif ptypes.is_float_dtype(dtype) or ptypes.is_bool_dtype(dtype):
            result[column] = result[column].astype(dtype)
    return result
