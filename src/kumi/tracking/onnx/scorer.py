"""Score with a compiled chain in onnxruntime.

Inputs: numeric and boolean request columns are fed as double (missing = NaN; booleans as
1.0/0.0), text and categorical columns as strings (missing travels as ``MISSING_TEXT``;
other values as ``str(value)``, like the model frame). ``run_columns`` is the fast path of
the serving runtime; ``score_frame`` answers exactly what Score Model answers for the same
rows (columns, order, label dtype; request columns that pass unchanged keep their dtype).
Columns of the frame that are not request columns of the chain are ignored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import onnxruntime as ort
import pandas as pd
from pandas.api import types as ptypes

from kumi.core import SCORED_LABELS, ColumnNotFoundError, ColumnTypeError
from kumi.tracking.onnx.chain import MISSING_TEXT, ColumnKind
from kumi.tracking.onnx.compile import CompiledOnnx, OnnxOutput
from kumi.tracking.onnx.spec import chain_spec


class OnnxScorer:
    """Runs a :class:`CompiledOnnx` graph; picklable (the session is rebuilt lazily)."""

    def __init__(self, compiled: CompiledOnnx, *, intra_op_num_threads: int = 1) -> None:
        self.compiled = compiled
        self.intra_op_num_threads = intra_op_num_threads
        self.input_columns = [i.column for i in compiled.inputs]
        self.output_columns = [o.column for o in compiled.outputs]
        self.score_columns = list(compiled.score_columns)
        self._feeds = [(i.column, i.tensor, i.kind) for i in compiled.inputs]
        self._fetches = [o.tensor for o in compiled.outputs]
        self._session: ort.InferenceSession | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_session": None}

    @property
    def session(self) -> ort.InferenceSession:
        if self._session is None:
            options = ort.SessionOptions()
            options.intra_op_num_threads = self.intra_op_num_threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            self._session = ort.InferenceSession(
                self.compiled.model_bytes, options, providers=["CPUExecutionProvider"]
            )
        return self._session

    def onnx_spec(self, graph: Any = None) -> dict[str, Any]:
        """The scoring spec the registered graph carries (see ``kumi.tracking.onnx.spec``);
        ``graph`` is the compiled model itself, already known here."""
        return chain_spec(self.compiled)

    def run_columns(self, columns: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Score 1-D arrays per request column; 1-D arrays per output column (text outputs
        hold None where missing)."""
        return self._run(columns, self.compiled.outputs)

    def _run(
        self, columns: Mapping[str, np.ndarray], outputs: Sequence[OnnxOutput]
    ) -> dict[str, np.ndarray]:
        feeds = {}
        for column, tensor, kind in self._feeds:
            if column not in columns:
                raise _missing_column(column, self.input_columns)
            feeds[tensor] = _input_array(columns[column], column, kind).reshape(-1, 1)
        if len(outputs) == len(self._fetches):
            fetches = self._fetches
        else:
            fetches = [o.tensor for o in outputs]
        results = self.session.run(fetches, feeds)
        scored: dict[str, np.ndarray] = {}
        for output, values in zip(outputs, results, strict=True):
            flat = values.reshape(-1)
            text = output.kind == ColumnKind.TEXT
            scored[output.column] = _restore_missing_text(flat) if text else flat
        return scored

    def score_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Score Model's output table for the rows of ``frame``."""
        frame = frame.reset_index(drop=True)
        arrays = {}
        for column in self.input_columns:
            if column not in frame.columns:
                raise _missing_column(column, self.input_columns)
            arrays[column] = frame[column].to_numpy()
        kept = {o.column: frame[o.source] for o in self.compiled.outputs if _unchanged(o, frame)}
        computed = [o for o in self.compiled.outputs if o.column not in kept]
        scored = self._run(arrays, computed)
        data = {
            o.column: kept[o.column] if o.column in kept else self._series(o, scored[o.column])
            for o in self.compiled.outputs
        }
        return pd.DataFrame(data, index=frame.index)

    def _series(self, output: OnnxOutput, values: np.ndarray) -> Any:
        if output.column == SCORED_LABELS and self.compiled.label_dtype is not None:
            return pd.Series(values).astype(self.compiled.label_dtype)
        if output.kind == ColumnKind.TEXT:
            return pd.Series(values, dtype=object).where(pd.notna(values), np.nan)
        return values


def _unchanged(output: OnnxOutput, frame: pd.DataFrame) -> bool:
    """Whether an output column is its request column as sent (its dtype kept, no copy)."""
    if output.source is None or output.source not in frame.columns:
        return False
    return output.passthrough or _never_missing(frame[output.source].dtype)


def _input_array(values: Any, column: str, kind: ColumnKind) -> np.ndarray:
    array = np.asarray(values)
    if kind == ColumnKind.TEXT:
        return _text_array(array)
    if array.dtype == np.float64:
        return array
    try:
        return array.astype(np.float64)
    except (TypeError, ValueError):
        pass
    try:
        return np.array([np.nan if pd.isna(v) else float(v) for v in array], dtype=np.float64)
    except (TypeError, ValueError):
        example = next((v for v in array if _not_number(v)), None)
        raise ColumnTypeError(
            f"Column '{column}' must hold numbers, but holds {example!r}. Send numbers (or null "
            "for a missing value) in this column.",
            details={"column": column, "example": str(example)},
        ) from None


def _text_array(array: np.ndarray) -> np.ndarray:
    if array.dtype.kind == "U":
        return array.astype(object)
    missing = pd.isna(array)
    if ptypes.infer_dtype(array, skipna=True) not in ("string", "empty"):
        array = np.array([v if isinstance(v, str) else str(v) for v in array], dtype=object)
    if missing.any():
        return np.where(missing, MISSING_TEXT, array).astype(object)
    return array.astype(object, copy=False)


def _restore_missing_text(values: np.ndarray) -> np.ndarray:
    missing = values == MISSING_TEXT
    if not missing.any():
        return values
    restored = values.copy()
    restored[missing] = None
    return restored


def _not_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return not pd.isna(value)
    return False


def _never_missing(dtype: Any) -> bool:
    return bool(ptypes.is_integer_dtype(dtype) or ptypes.is_bool_dtype(dtype)) and not isinstance(
        dtype, pd.api.extensions.ExtensionDtype
    )


def _missing_column(column: str, expected: list[str]) -> ColumnNotFoundError:
    return ColumnNotFoundError(
        f"Column '{column}' is missing from the data to score. Send every request column "
        f"(expected: {', '.join(expected[:30])}).",
        details={"missing": [column], "expected": expected},
    )
