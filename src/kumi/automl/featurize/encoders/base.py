"""What every column encoder offers: fit, transform, ONNX nodes, names and a summary."""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np
import pandas as pd

from kumi.tracking.onnx.builder import DOUBLE, GraphBuilder


class ColumnEncoder(ABC):
    """Turns one raw column into a block of float64 matrix columns.

    ``read`` gives the values that both ``transform`` and the ONNX graph consume (the ONNX
    feed is ``read(...)`` shaped ``[N, 1]``, of type ``input_type``).
    """

    input_type: int = DOUBLE

    def __init__(self, column: str, impute: str) -> None:
        self.column = column
        self.impute = impute
        self.names: list[str] = []
        self.categorical: list[int] = []
        """Positions (inside the block) holding ordinal category codes."""
        self.steps: list[str] = []
        """Human-readable transformations, for the featurization summary."""

    @staticmethod
    @abstractmethod
    def read(series: pd.Series) -> np.ndarray:
        """The raw values as the 1-D array the encoder and the ONNX graph consume."""

    @abstractmethod
    def fit_transform(self, values: np.ndarray, y: np.ndarray | None) -> np.ndarray:
        """Fit on training values; the training block (out-of-fold where it matters)."""

    @abstractmethod
    def transform(self, values: np.ndarray) -> np.ndarray:
        """The block ``(rows, len(names))``, float64, finite."""

    @abstractmethod
    def to_onnx(self, builder: GraphBuilder, tensor: str) -> str:
        """Nodes computing ``transform`` from ``tensor`` ([N, 1] of ``input_type``); the
        name of the DOUBLE [N, len(names)] result."""


def concat(builder: GraphBuilder, tensors: list[str]) -> str:
    """``tensors`` side by side (axis 1)."""
    return tensors[0] if len(tensors) == 1 else builder.node("Concat", tensors, axis=1)


def as_double(builder: GraphBuilder, tensor: str) -> str:
    return builder.cast(tensor, DOUBLE)
