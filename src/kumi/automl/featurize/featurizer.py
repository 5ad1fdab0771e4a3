"""The fitted featurizer: raw table → float64 matrix, in Python and as ONNX nodes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Self

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from kumi.automl.featurize import Encoding
from kumi.automl.featurize.columns import ColumnKind, ColumnSpec
from kumi.automl.featurize.encoders import ColumnEncoder, make_encoder, reader
from kumi.automl.featurize.encoders.base import concat
from kumi.automl.featurize.summary import featurization_summary
from kumi.core.errors import ColumnNotFoundError, InvalidInputError, NotFittedError
from kumi.tracking.onnx.builder import GraphBuilder


class Featurizer(TransformerMixin, BaseEstimator):
    """Encodes the used columns of ``columns`` for a family's ``encoding``: ``trees``
    (ordinal category codes, listed in ``categorical_features_``) or ``linear`` (one-hot
    or target encoding, then every feature standardised)."""

    def __init__(self, columns: Sequence[ColumnSpec], encoding: Encoding, seed: int = 0) -> None:
        self.columns = columns
        self.encoding = encoding
        self.seed = seed

    def fit(self, X: pd.DataFrame, y: np.ndarray | None = None) -> Self:  # noqa: N803 (scikit-learn's name)
        self.fit_transform(X, y)
        return self

    def fit_transform(self, X: pd.DataFrame, y: np.ndarray | None = None, **_: Any) -> np.ndarray:  # noqa: N803 (scikit-learn's name)
        """Fit and transform ``X``; target encodings are cross-fitted (out of fold) here.
        ``y``: class indices (integers) for classification, floats for regression."""
        used = _used_columns(self.columns)
        _require(X, [spec.name for spec in used])
        self.encoders_: list[ColumnEncoder] = []
        blocks = []
        for spec in used:
            values = reader(spec.kind).read(X[spec.name])
            encoder = make_encoder(spec, self.encoding, values, self.seed)
            blocks.append(encoder.fit_transform(values, y))
            self.encoders_.append(encoder)
        matrix = _stack(blocks, len(X))
        self.mean_, self.scale_ = _standardisation(matrix, self.encoding == "linear")
        self._describe()
        return self._scaled(matrix)

    def _describe(self) -> None:
        self.input_columns_ = [encoder.column for encoder in self.encoders_]
        self.feature_names_out_: list[str] = []
        self.feature_sources_: list[str] = []
        self.categorical_features_: list[int] = []
        for encoder in self.encoders_:
            offset = len(self.feature_names_out_)
            self.categorical_features_ += [offset + i for i in encoder.categorical]
            self.feature_names_out_ += encoder.names
            self.feature_sources_ += [encoder.column] * len(encoder.names)

    def transform(self, X: pd.DataFrame) -> np.ndarray:  # noqa: N803 (scikit-learn's name)
        """float64 ``(rows, len(feature_names_out_))``, finite everywhere."""
        encoders = self._fitted()
        _require(X, self.input_columns_)
        blocks = [e.transform(e.read(X[e.column])) for e in encoders]
        return self._scaled(_stack(blocks, len(X)))

    def _scaled(self, matrix: np.ndarray) -> np.ndarray:
        if self.mean_ is not None:
            matrix -= self.mean_
            matrix /= self.scale_
        return matrix

    def _fitted(self) -> list[ColumnEncoder]:
        if not hasattr(self, "encoders_"):
            raise NotFittedError(
                "The featurizer is not fitted yet; call fit(X, y) before transform(X).",
                details={"encoding": self.encoding},
            )
        return self.encoders_

    def onnx_inputs(self) -> list[tuple[str, int]]:
        """(raw column, TensorProto element type) of each graph input, shaped [None, 1]."""
        return [(encoder.column, encoder.input_type) for encoder in self._fitted()]

    def onnx_feed(self, X: pd.DataFrame) -> dict[str, np.ndarray]:  # noqa: N803 (scikit-learn's name)
        """The graph inputs for the rows of ``X`` (``[N, 1]`` arrays)."""
        _require(X, self.input_columns_)
        return {e.column: e.read(X[e.column]).reshape(-1, 1) for e in self._fitted()}

    def to_onnx(self, builder: GraphBuilder, inputs: Mapping[str, str]) -> str:
        """Adds nodes computing ``transform`` from the named input tensors (raw column →
        tensor); returns the DOUBLE [N, n_features] result."""
        encoders = [e for e in self._fitted() if e.names]
        if not encoders:
            raise InvalidInputError(
                "The featurizer makes no features, so there is nothing to export; keep at "
                "least one informative column.",
                details={"columns": self.input_columns_},
            )
        matrix = concat(builder, [e.to_onnx(builder, inputs[e.column]) for e in encoders])
        if self.mean_ is None:
            return matrix
        shifted = builder.node("Sub", [matrix, builder.constant(self.mean_, np.float64)])
        return builder.node("Div", [shifted, builder.constant(self.scale_, np.float64)])

    def summary(self) -> list[dict[str, Any]]:
        """One row per raw column: column, type_detected, dropped, engineered_features,
        transformations."""
        encoders = {e.column: e for e in self._fitted()}
        return featurization_summary(self.columns, encoders, self.encoding)


def _used_columns(columns: Sequence[ColumnSpec]) -> list[ColumnSpec]:
    used = [spec for spec in columns if spec.kind != ColumnKind.DROPPED]
    if not used:
        reasons = {spec.name: spec.reason for spec in columns}
        listed = "; ".join(f"{name}: {reason}" for name, reason in reasons.items())
        raise InvalidInputError(
            f"Every feature column was dropped ({listed or 'no columns'}); add informative "
            "columns or override the featurization of some.",
            details={"dropped": reasons},
        )
    return used


def _require(frame: pd.DataFrame, names: list[str]) -> None:
    absent = [name for name in names if name not in frame.columns]
    if absent:
        raise ColumnNotFoundError(
            f"The table lacks column(s) {', '.join(map(repr, absent))} the featurizer was "
            "fitted on; pass a table with the training columns.",
            details={"columns": absent},
        )


def _stack(blocks: list[np.ndarray], rows: int) -> np.ndarray:
    present = [block for block in blocks if block.shape[1]]
    return np.hstack(present) if present else np.zeros((rows, 0))


def _standardisation(matrix: np.ndarray, linear: bool) -> tuple[Any, Any]:
    if not linear:
        return None, None
    mean = matrix.mean(axis=0)
    std = matrix.std(axis=0)
    return mean, np.where(std > 1e-12, std, 1.0)
