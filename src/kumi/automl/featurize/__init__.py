"""Featurization: column type detection and the fitted featurizer (part of every model)."""

from typing import Literal

Encoding = Literal["trees", "linear"]
"""How a family wants its features: ``trees`` (categoricals as ordinal codes, for native
categorical splits; missing numbers imputed with indicator columns) or ``linear`` (one-hot
or target encoding, imputed and standardised)."""

from kumi.automl.featurize.columns import ColumnKind, ColumnSpec  # noqa: E402
from kumi.automl.featurize.detect import detect_columns  # noqa: E402
from kumi.automl.featurize.featurizer import Featurizer  # noqa: E402

__all__ = ["ColumnKind", "ColumnSpec", "Encoding", "Featurizer", "detect_columns"]
