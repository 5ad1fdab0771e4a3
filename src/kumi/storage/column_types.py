"""Column types chosen when registering a dataset, instead of the inferred ones."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import pandas as pd

from kumi.components._transforms.type_conversion import TargetType, convert_column
from kumi.core.errors import InvalidInputError
from kumi.core.types import ColumnType

_TYPES = tuple(t.value for t in ColumnType)


def with_column_types(frame: pd.DataFrame, column_types: Mapping[str, str]) -> pd.DataFrame:
    """``frame`` with the named columns converted (missing values stay missing); a clear
    error naming the column and a value that cannot be converted otherwise."""
    unknown = [c for c in column_types if c not in frame.columns]
    if unknown:
        raise InvalidInputError(
            f"Column types were given for {', '.join(repr(c) for c in unknown)}, which the "
            f"file does not have. Its columns: {', '.join(map(str, frame.columns))}.",
            details={"columns": unknown, "available": [str(c) for c in frame.columns]},
        )
    bad = {c: t for c, t in column_types.items() if t not in _TYPES}
    if bad:
        column, kind = next(iter(bad.items()))
        raise InvalidInputError(
            f"Column '{column}': '{kind}' is not a column type; use one of {', '.join(_TYPES)}.",
            details={"column": column, "type": kind, "allowed": list(_TYPES)},
        )
    converted = frame.copy()
    for column, kind in column_types.items():
        converted[column] = convert_column(frame[column], cast(TargetType, kind), column)
    return converted
