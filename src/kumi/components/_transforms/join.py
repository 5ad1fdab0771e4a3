"""Join Data's database-style join: missing keys never match, optional case-insensitive keys."""

from __future__ import annotations

from typing import Literal

import pandas as pd
from pandas.api import types as ptypes

from kumi.components._transforms.columns import is_numeric
from kumi.core import ColumnTypeError, InvalidParameterError, column_type_of

JoinType = Literal["inner", "left_outer", "full_outer", "left_semi_join"]
_HOW: dict[str, Literal["inner", "left", "outer"]] = {
    "inner": "inner",
    "left_outer": "left",
    "full_outer": "outer",
}
_KEY = "__kumi_join_key_{}"


def check_keys(
    left: pd.DataFrame, right: pd.DataFrame, left_keys: list[str], right_keys: list[str]
) -> None:
    """Same number of keys on both sides, pairwise comparable types."""
    if len(left_keys) != len(right_keys):
        raise InvalidParameterError(
            f"{len(left_keys)} left key column(s) ({', '.join(left_keys)}) but "
            f"{len(right_keys)} right key column(s) ({', '.join(right_keys)}). Select the same "
            "number of key columns on both sides, in matching order.",
            details={"left_keys": left_keys, "right_keys": right_keys},
        )
    for lk, rk in zip(left_keys, right_keys, strict=True):
        a, b = left[lk], right[rk]
        if (is_numeric(a) and is_numeric(b)) or column_type_of(a) == column_type_of(b):
            continue
        raise ColumnTypeError(
            f"Key column '{lk}' ({column_type_of(a).value}) cannot be matched with right key "
            f"column '{rk}' ({column_type_of(b).value}). Convert one with Edit Metadata.",
            details={"left_key": lk, "right_key": rk},
        )


def join_frames(
    left: pd.DataFrame,
    right: pd.DataFrame,
    left_keys: list[str],
    right_keys: list[str],
    *,
    join_type: JoinType,
    match_case: bool,
) -> pd.DataFrame:
    """Join on the key pairs (right columns must already have names distinct from the
    left ones). Rows with a missing key value match nothing."""
    temp = [_KEY.format(i) for i in range(len(left_keys))]
    left_keyed = _with_keys(left, left_keys, temp, match_case)
    right_keyed = _with_keys(right, right_keys, temp, match_case)
    left_valid = left_keyed[temp].notna().all(axis=1)
    right_valid = right_keyed[temp].notna().all(axis=1)
    if join_type == "left_semi_join":
        matches = right_keyed.loc[right_valid, temp].drop_duplicates()
        joined = left_keyed[left_valid].merge(matches, on=temp, how="inner")
        return joined.drop(columns=temp).reset_index(drop=True)
    joined = left_keyed[left_valid].merge(right_keyed[right_valid], on=temp, how=_HOW[join_type])
    extras = []
    if join_type in ("left_outer", "full_outer"):
        extras.append(left_keyed[~left_valid])
    if join_type == "full_outer":
        extras.append(right_keyed[~right_valid])
    frames = [f for f in (joined, *extras) if len(f)]
    result = pd.concat(frames, ignore_index=True, sort=False) if frames else joined
    columns = [*left.columns, *right.columns]
    return result.reindex(columns=columns).reset_index(drop=True)


def _with_keys(
    frame: pd.DataFrame, keys: list[str], temp: list[str], match_case: bool
) -> pd.DataFrame:
    keyed = frame.copy()
    for key, name in zip(keys, temp, strict=True):
        values = frame[key]
        if not match_case and not ptypes.is_numeric_dtype(values.dtype):
            values = values.map(lambda v: v.casefold() if isinstance(v, str) else v)
        elif is_numeric(values):
            values = values.astype("float64")
        keyed[name] = values
    return keyed
