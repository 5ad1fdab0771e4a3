"""Arrow tables (as DuckDB hands them over) in and out of the ONNX runner: check that a
table can feed a model (every input column present, of a usable type), turn its columns
into the arrays the runner takes, and turn the runner's scores back into Arrow columns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from kumi.core.errors import ColumnNotFoundError, ColumnTypeError
from kumi.scoring.onnx_runner import ModelInputError, OnnxRunner, feed_array
from kumi.scoring.registered import RegisteredOnnx

ARROW_TYPES = {
    "double": pa.float64(),
    "bigint": pa.int64(),
    "boolean": pa.bool_(),
    "text": pa.string(),
}
SQL_TYPES = {"double": "DOUBLE", "bigint": "BIGINT", "boolean": "BOOLEAN", "text": "VARCHAR"}
_SHORT_TEXT = 64  # longer values stay Python strings, not fixed-width numpy ones
INPUT_SQL_TYPES = {"number": "DOUBLE", "text": "VARCHAR", "datetime": "TIMESTAMP"}


def match_columns(
    schema: pa.Schema, model: RegisteredOnnx, mapping: Mapping[str, str] | None = None
) -> dict[str, str]:
    """{model input column → table column}, checked: ColumnNotFoundError names an input the
    table lacks, ColumnTypeError one whose type cannot feed the model."""
    matched = {}
    for column, kind in model.input_columns:
        wanted = (mapping or {}).get(column, column)
        source = _find_column(schema.names, wanted)
        if source is None:
            raise ColumnNotFoundError(
                f"Model '{model.name}:{model.version}' reads column '{column}', which the data "
                f"lacks (its columns: {', '.join(schema.names)}). Give the data that column, "
                f'e.g. DATA = (SELECT *, other_column AS "{column}" FROM table) AS d.',
                details={"column": column, "model": model.name, "columns": schema.names},
            )
        _check_type(source, schema.field(source).type, kind, model)
        matched[column] = source
    return matched


def runner_columns(
    table: pa.Table, model: RegisteredOnnx, matched: Mapping[str, str]
) -> dict[str, Any]:
    """The table's columns as the runner's input arrays (text through a dictionary, so each
    distinct value is converted once)."""
    kinds = dict(model.input_columns)
    specs = {spec["column"]: spec for spec in model.spec["inputs"]}
    columns: dict[str, Any] = {}
    for column, source in matched.items():
        values = table.column(source)
        if kinds[column] == "text":
            columns[column] = _text_values(values, specs[column])
        elif kinds[column] == "number":
            columns[column] = _float_values(values)
        else:
            columns[column] = _time_values(values)
    return columns


def score_table(
    runner: OnnxRunner, model: RegisteredOnnx, table: pa.Table, matched: Mapping[str, str]
) -> dict[str, pa.Array]:
    """Every score column of ``table``'s rows, as Arrow arrays in the spec's types."""
    if table.num_rows == 0:
        return {name: pa.array([], ARROW_TYPES[kind]) for name, kind in model.output_columns}
    try:
        scores = runner.score(runner_columns(table, model, matched))
    except ModelInputError as error:
        raise ColumnTypeError(
            f"{error} (model '{model.name}:{model.version}')",
            details={"column": error.column, "model": model.name},
        ) from None
    return {
        name: pa.array(scores[name], ARROW_TYPES[kind], from_pandas=True)
        for name, kind in model.output_columns
    }


def _find_column(names: list[str], wanted: str) -> str | None:
    if wanted in names:
        return wanted
    folded = [name for name in names if name.lower() == wanted.lower()]
    return folded[0] if len(folded) == 1 else None


def _check_type(source: str, arrow_type: pa.DataType, kind: str, model: RegisteredOnnx) -> None:
    if pa.types.is_dictionary(arrow_type):
        arrow_type = arrow_type.value_type
    usable = {
        "number": _is_numeric(arrow_type),
        "text": _is_numeric(arrow_type) or _is_text(arrow_type),
        "datetime": pa.types.is_temporal(arrow_type) or _is_text(arrow_type),
    }[kind]
    if usable or pa.types.is_null(arrow_type):
        return
    needs = {"number": "numbers", "text": "text", "datetime": "dates or times"}[kind]
    cast = INPUT_SQL_TYPES[kind]
    raise ColumnTypeError(
        f"Column '{source}' holds {arrow_type} values, but model '{model.name}:{model.version}' "
        f"needs {needs} there. Give it a column of {needs}, or convert it in a subquery: "
        f'DATA = (SELECT * REPLACE (TRY_CAST("{source}" AS {cast}) AS "{source}") '
        "FROM table) AS d.",
        details={"column": source, "type": str(arrow_type), "expected": needs, "model": model.name},
    )


def _is_numeric(arrow_type: pa.DataType) -> bool:
    return (
        pa.types.is_integer(arrow_type)
        or pa.types.is_floating(arrow_type)
        or pa.types.is_decimal(arrow_type)
        or pa.types.is_boolean(arrow_type)
    )


def _is_text(arrow_type: pa.DataType) -> bool:
    return (
        pa.types.is_string(arrow_type)
        or pa.types.is_large_string(arrow_type)
        or (str(arrow_type) == "string_view")
    )


def _float_values(values: pa.ChunkedArray) -> np.ndarray:
    if pa.types.is_null(values.type):
        return np.full(len(values), np.nan)
    floats = pc.cast(values, pa.float64()) if values.type != pa.float64() else values
    return np.asarray(floats.to_numpy(zero_copy_only=False), dtype=np.float64)


def _time_values(values: pa.ChunkedArray) -> np.ndarray:
    arrow_type = values.type
    if pa.types.is_date(arrow_type):
        values = pc.cast(values, pa.timestamp("s"))
    elif pa.types.is_timestamp(arrow_type) and arrow_type.tz is not None:
        values = pc.cast(values, pa.timestamp(arrow_type.unit))
    return np.asarray(values.to_numpy(zero_copy_only=False))


def _text_values(values: pa.ChunkedArray, spec: Mapping[str, Any]) -> np.ndarray:
    """Text input values: each distinct value converted once by the runner's own rule, then
    spread over the rows as a numpy string array."""
    if pa.types.is_null(values.type):
        values = values.cast(pa.string())
    combined = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    encoded = combined if pa.types.is_dictionary(combined.type) else pc.dictionary_encode(combined)
    distinct = np.empty(len(encoded.dictionary) + 1, dtype=object)
    distinct[:-1] = encoded.dictionary.to_numpy(zero_copy_only=False)
    distinct[-1] = None
    converted = feed_array(distinct, spec)
    if max(map(len, converted), default=0) <= _SHORT_TEXT:
        converted = converted.astype(str)
    indices = encoded.indices.fill_null(len(distinct) - 1)
    return converted[np.asarray(indices.to_numpy(zero_copy_only=False), dtype=np.intp)]
