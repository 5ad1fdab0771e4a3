"""Request bodies of the two scoring shapes, read into rows (lists of column → value)."""

from __future__ import annotations

from typing import Any

import orjson

from kumi.core import DataFormatError

Rows = list[dict[str, Any]]
MLFLOW_KEYS = ("dataframe_split", "dataframe_records", "instances", "inputs")


def parse_json(body: bytes) -> Any:
    """The body as JSON; DataFormatError saying where it is malformed."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise DataFormatError(
            f"The request body is not valid JSON ({error}). Send a JSON object such as "
            '{"Inputs": {"input1": [{...}]}, "GlobalParameters": {}}.',
            details={"problem": "malformed_json"},
        ) from None


def azure_rows(payload: Any, input_name: str) -> Any:
    """The rows of ``{"Inputs": {input_name: rows}, "GlobalParameters": {...}}``."""
    inputs = payload.get("Inputs") if isinstance(payload, dict) else None
    if not isinstance(inputs, dict):
        raise DataFormatError(
            f'The body must be {{"Inputs": {{"{input_name}": [rows]}}, "GlobalParameters": '
            '{}}; it has no "Inputs" object.',
            details={"problem": "missing_inputs"},
        )
    if input_name not in inputs:
        raise DataFormatError(
            f'"Inputs" has no "{input_name}" (found: {", ".join(map(str, inputs)) or "nothing"}); '
            f'send the rows as "Inputs": {{"{input_name}": [...]}}.',
            details={"problem": "missing_input", "input": input_name},
        )
    return inputs[input_name]


def mlflow_rows(payload: Any, columns: list[str]) -> Rows:
    """Rows of MLflow's scoring protocol (``dataframe_split``, ``dataframe_records``,
    ``instances`` or ``inputs``); ``columns`` name the values of list-shaped rows."""
    found = [k for k in MLFLOW_KEYS if isinstance(payload, dict) and k in payload]
    if len(found) != 1:
        raise DataFormatError(
            "The body must have exactly one of "
            f"{', '.join(MLFLOW_KEYS)} (MLflow's scoring protocol), e.g. "
            '{"dataframe_records": [{...}]}.',
            details={"problem": "invalid_mlflow_shape", "found": found},
        )
    key = found[0]
    value = payload[key]
    if key == "dataframe_split":
        return _split_rows(value)
    if isinstance(value, dict):
        return _columnar_rows(value, key)
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return _split_rows({"columns": columns, "data": value})
    if not isinstance(value, list):
        raise DataFormatError(
            f'"{key}" must be a list of rows or an object of columns.',
            details={"problem": "invalid_mlflow_shape", "key": key},
        )
    return value


def _split_rows(split: Any) -> Rows:
    if not isinstance(split, dict) or not isinstance(split.get("columns"), list):
        raise DataFormatError(
            '"dataframe_split" must be {"columns": [names], "data": [[values], ...]}.',
            details={"problem": "invalid_dataframe_split"},
        )
    names = [str(c) for c in split["columns"]]
    data = split.get("data")
    if not isinstance(data, list):
        raise DataFormatError(
            '"dataframe_split.data" must be a list of rows (lists of values).',
            details={"problem": "invalid_dataframe_split"},
        )
    rows: Rows = []
    for index, values in enumerate(data):
        if not isinstance(values, list) or len(values) != len(names):
            raise DataFormatError(
                f"Row {index} of the data must be a list of {len(names)} values (one per column).",
                details={"row": index, "problem": "row_length"},
            )
        rows.append(dict(zip(names, values, strict=True)))
    return rows


def _columnar_rows(columns: dict[str, Any], key: str) -> Rows:
    lengths = {len(v) if isinstance(v, list) else -1 for v in columns.values()}
    if len(lengths) > 1 or -1 in lengths:
        raise DataFormatError(
            f'"{key}" as an object must map every column to a list of values of one length.',
            details={"problem": "ragged_columns", "key": key},
        )
    count = lengths.pop() if lengths else 0
    return [{name: values[i] for name, values in columns.items()} for i in range(count)]
