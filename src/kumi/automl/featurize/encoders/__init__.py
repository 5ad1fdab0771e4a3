"""One encoder per raw column, chosen by its kind and the encoding a family wants."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kumi.automl.featurize.columns import DEFAULT_IMPUTE, ColumnKind, ColumnSpec
from kumi.automl.featurize.encoders.base import ColumnEncoder
from kumi.automl.featurize.encoders.categorical import OneHotEncoder, OrdinalEncoder
from kumi.automl.featurize.encoders.datetime import DatetimeEncoder
from kumi.automl.featurize.encoders.numeric import NumericEncoder
from kumi.automl.featurize.encoders.target import TargetEncoder
from kumi.automl.featurize.encoders.text import TOKENIZER_DOMAIN, TextEncoder

MAX_ONE_HOT_LEVELS = 30
"""Linear encoding: categories with more levels are target encoded."""


def make_encoder(spec: ColumnSpec, encoding: str, values: np.ndarray, seed: int) -> ColumnEncoder:
    """The unfitted encoder of ``spec`` (``values``: its column as ``read`` gives it)."""
    impute = spec.impute or DEFAULT_IMPUTE[spec.kind]
    if spec.kind in (ColumnKind.NUMERIC, ColumnKind.BOOLEAN):
        return NumericEncoder(spec.name, impute, boolean=spec.kind == ColumnKind.BOOLEAN)
    if spec.kind == ColumnKind.DATETIME:
        return DatetimeEncoder(spec.name, impute)
    if spec.kind == ColumnKind.TEXT:
        return TextEncoder(spec.name, impute)
    if encoding == "trees":
        return OrdinalEncoder(spec.name, impute)
    levels = len(pd.unique(values[values != ""]))
    if levels <= MAX_ONE_HOT_LEVELS:
        return OneHotEncoder(spec.name, impute)
    return TargetEncoder(spec.name, impute, seed)


def reader(kind: ColumnKind) -> type[ColumnEncoder]:
    """The encoder class whose ``read`` turns a raw column of ``kind`` into its values."""
    if kind in (ColumnKind.NUMERIC, ColumnKind.BOOLEAN):
        return NumericEncoder
    if kind == ColumnKind.DATETIME:
        return DatetimeEncoder
    if kind == ColumnKind.TEXT:
        return TextEncoder
    return OrdinalEncoder


__all__ = ["TOKENIZER_DOMAIN", "ColumnEncoder", "make_encoder", "reader"]
