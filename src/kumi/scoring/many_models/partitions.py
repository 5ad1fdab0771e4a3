"""Partition keys: the text form of each partition's values (how training and scoring match
rows to models), a readable label, and the registered model name of a partition."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from kumi.core.errors import InvalidParameterError

MISSING = "null"
"""The text of a missing partition value."""
_UNSAFE = re.compile(r"[^A-Za-z0-9_.]+")
_NAME_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def value_text(value: Any) -> str:
    """A partition value as text: ``1`` and ``numpy.int64(1)`` are both ``"1"``."""
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        return MISSING
    item = getattr(value, "item", None)
    return str(item() if callable(item) else value)


def partition_key(columns: Sequence[str], values: Sequence[Any]) -> dict[str, str]:
    """``{column: value text}`` of one partition, in column order."""
    return {column: value_text(value) for column, value in zip(columns, values, strict=True)}


def key_json(key: dict[str, str]) -> str:
    """The key as JSON text (the registry tag and the Spark column)."""
    return json.dumps(key, separators=(",", ":"))


def key_label(key: dict[str, str]) -> str:
    """``store=3, region=north``: how errors and the summary name a partition."""
    return ", ".join(f"{column}={value}" for column, value in key.items())


def model_name(name: str, key: dict[str, str]) -> str:
    """``{name}-{values}`` with unsafe characters as ``_``; a short hash of the key is added
    when that changed a value, so that two partitions never share a name."""
    raw = "-".join(key.values())
    safe = "-".join(_UNSAFE.sub("_", value) for value in key.values())
    if safe != raw:
        safe += "-" + hashlib.sha1(key_json(key).encode()).hexdigest()[:8]
    return f"{name}-{safe}"


def check_name(name: str) -> str:
    """``name`` when it can prefix registered model names; else InvalidParameterError."""
    if not _NAME_OK.match(name or ""):
        raise InvalidParameterError(
            f"'{name}' cannot name a set of models; use letters, digits, '_', '.' and '-', "
            "starting with a letter or digit (e.g. 'sales').",
            details={"name": name},
        )
    return name


def split_partitions(
    df: pd.DataFrame, columns: Sequence[str]
) -> Iterator[tuple[dict[str, str], pd.DataFrame]]:
    """Each partition's key and rows (missing values form a partition of their own)."""
    grouped = df.groupby(list(columns), dropna=False, sort=True, observed=True)
    for values, rows in grouped:
        yield partition_key(columns, _as_tuple(values)), rows


def row_keys(df: pd.DataFrame, columns: Sequence[str]) -> pd.Series:
    """Each row's partition key as JSON text (for routing)."""
    texts = [df[column].map(value_text) for column in columns]
    return pd.Series(
        [key_json(dict(zip(columns, values, strict=True))) for values in zip(*texts, strict=True)],
        index=df.index,
        dtype="object",
    )


def _as_tuple(values: Any) -> tuple[Any, ...]:
    return values if isinstance(values, tuple) else (values,)


def sort_key(key: dict[str, str]) -> tuple[tuple[int, float, str], ...]:
    """Order partitions by their values: numbers numerically, before text."""
    return tuple(_value_order(value) for value in key.values())


def _value_order(text: str) -> tuple[int, float, str]:
    try:
        return (0, float(text), text)
    except ValueError:
        return (1, 0.0, text)
