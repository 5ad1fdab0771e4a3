"""Featurization: column type detection and the fitted featurizer (part of every model)."""

from typing import Literal

Encoding = Literal["trees", "linear"]
"""How a family wants its features: ``trees`` (categoricals as ordinal codes, for native
categorical splits; missing numbers imputed with indicator columns) or ``linear`` (one-hot
or target encoding, imputed and standardised)."""

__all__ = ["Encoding"]
