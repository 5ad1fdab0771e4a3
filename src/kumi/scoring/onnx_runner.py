"""Score columns of values with a self-describing kumi ONNX model, needing only numpy and
onnxruntime: the one runner behind SQL ``PREDICT`` (DuckDB, and inside PostgreSQL, whose
PL/Python function embeds this module's source), the enrich path and Spark.

Every ONNX graph kumi registers carries, in its metadata under ``kumi.scoring``, a JSON spec:

    {"version": 1,
     "inputs":  [{"column", "tensor", "kind": "number"|"text"|"datetime",
                  "missing_text", "whole_numbers_as_integers"}],
     "outputs": [{"column", "tensor", "index": null | position in a 2-D tensor,
                  "type": "double"|"bigint"|"boolean"|"text"}]}

Inputs are fed as ``[N, 1]`` tensors: numbers as double (missing → NaN, booleans 1/0),
text as strings (missing → ``missing_text``), datetimes as int64 seconds since the epoch in
UTC (missing → the smallest int64). Outputs are the model's score columns in their types.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import onnxruntime as ort

SPEC_KEY = "kumi.scoring"
MISSING_SECONDS = np.iinfo(np.int64).min
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC)


class ModelInputError(ValueError):
    """The values given cannot feed the model (a column missing or of the wrong type)."""

    def __init__(self, message: str, column: str) -> None:
        super().__init__(message)
        self.column = column


class OnnxRunner:
    """An onnxruntime session over a kumi ONNX model and the spec it carries."""

    def __init__(self, model_bytes: bytes, *, threads: int = 1) -> None:
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            model_bytes, options, providers=["CPUExecutionProvider"]
        )
        meta = self.session.get_modelmeta().custom_metadata_map
        if SPEC_KEY not in meta:
            raise ValueError(
                "This ONNX model carries no kumi scoring spec; register it with kumi "
                "(AutoML or a deployed endpoint) to score it in SQL or Spark."
            )
        self.spec: dict[str, Any] = json.loads(meta[SPEC_KEY])
        self.inputs: list[dict[str, Any]] = list(self.spec["inputs"])
        self.outputs: list[dict[str, Any]] = list(self.spec["outputs"])
        self._fetches = sorted({o["tensor"] for o in self.outputs})

    @property
    def input_columns(self) -> list[str]:
        return [i["column"] for i in self.inputs]

    @property
    def output_columns(self) -> list[tuple[str, str]]:
        """(score column, SQL-ish type) in order."""
        return [(o["column"], o["type"]) for o in self.outputs]

    def score(self, columns: Mapping[str, Any]) -> dict[str, np.ndarray]:
        """The score columns (1-D arrays) of rows given as one sequence per input column."""
        feeds = {}
        for spec in self.inputs:
            column = spec["column"]
            if column not in columns:
                raise ModelInputError(
                    f"Column '{column}' is missing; the model reads "
                    f"{', '.join(self.input_columns)}.",
                    column,
                )
            feeds[spec["tensor"]] = feed_array(columns[column], spec).reshape(-1, 1)
        fetched = dict(zip(self._fetches, self.session.run(self._fetches, feeds), strict=True))
        scores: dict[str, np.ndarray] = {}
        for spec in self.outputs:
            values = fetched[spec["tensor"]]
            values = values[:, spec["index"]] if spec.get("index") is not None else values
            scores[spec["column"]] = output_array(values.reshape(-1), spec["type"])
        return scores


def feed_array(values: Any, spec: Mapping[str, Any]) -> np.ndarray:
    """One input column's values as the 1-D array its tensor takes."""
    kind = spec["kind"]
    if kind == "number":
        return _numbers(values, spec["column"])
    if kind == "datetime":
        return _seconds(values, spec["column"])
    return _text(values, spec.get("missing_text", ""), bool(spec.get("whole_numbers_as_integers")))


def output_array(values: np.ndarray, kind: str) -> np.ndarray:
    """A score tensor's values in the output column's type."""
    if kind == "double":
        return values.astype(np.float64, copy=False)
    if kind == "bigint":
        return values.astype(np.int64, copy=False)
    if kind == "boolean":
        return values.astype(bool)
    return values.astype(object, copy=False)


def _numbers(values: Any, column: str) -> np.ndarray:
    array = np.asarray(values)
    if array.dtype == np.float64:
        return array
    if array.dtype.kind in "biuf":
        return array.astype(np.float64)
    out = np.empty(len(array), dtype=np.float64)
    for i, value in enumerate(array):
        if _missing(value):
            out[i] = np.nan
            continue
        try:
            out[i] = float(value)
        except (TypeError, ValueError):
            raise ModelInputError(
                f"Column '{column}' must hold numbers, but holds {value!r}; map a numeric "
                "column to it or cast it.",
                column,
            ) from None
    return out


def _text(values: Any, missing: str, whole_numbers_as_integers: bool) -> np.ndarray:
    if isinstance(values, np.ndarray) and values.dtype.kind == "U":
        return values  # numpy strings: text already, nothing missing
    array = np.asarray(values, dtype=object)
    if set(map(type, array)) <= {str, type(None)}:  # text with gaps marked None: no loop
        out = array.copy()
        out[array == None] = missing  # noqa: E711 (elementwise, in C)
        return out
    out = np.empty(len(array), dtype=object)
    for i, value in enumerate(array):
        if _missing(value):
            out[i] = missing
        elif isinstance(value, str):
            out[i] = value
        elif whole_numbers_as_integers and _whole(value):
            out[i] = str(int(value))
        else:
            out[i] = str(value)
    return out


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _whole(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        return False
    number = float(value)
    return not math.isnan(number) and abs(number) < 2**53 and number == int(number)


def _seconds(values: Any, column: str) -> np.ndarray:
    array = np.asarray(values)
    if array.dtype.kind == "M":
        stamps = array.astype("datetime64[ns]")
        seconds = np.floor_divide(stamps.view(np.int64), 10**9)
        seconds[np.isnat(stamps)] = MISSING_SECONDS
        return seconds
    out = np.empty(len(array), dtype=np.int64)
    for i, value in enumerate(array):
        out[i] = _one_second(value, column)
    return out


def _one_second(value: Any, column: str) -> int:
    if _missing(value):
        return int(MISSING_SECONDS)
    if isinstance(value, str):
        try:
            value = _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return int(MISSING_SECONDS)
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.UTC)
        return int((value - _EPOCH) // _dt.timedelta(seconds=1))
    if isinstance(value, _dt.date):
        return int(
            (
                _dt.datetime(value.year, value.month, value.day, tzinfo=_dt.UTC) - _EPOCH
            ).total_seconds()
        )
    if isinstance(value, np.datetime64):
        return int(_seconds(np.array([value]), column)[0])
    raise ModelInputError(
        f"Column '{column}' must hold dates or times, but holds {value!r}.", column
    )


def columns_of_rows(
    rows: Sequence[Mapping[str, Any]], names: Sequence[str]
) -> dict[str, list[Any]]:
    """Row mappings as one list per named column (absent keys count as missing)."""
    return {name: [row.get(name) for row in rows] for name in names}
