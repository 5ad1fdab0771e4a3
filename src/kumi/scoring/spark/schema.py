"""A Spark DataFrame's schema checked against a model's scoring spec, and the Spark fields
of its score columns: bad input is named before any Spark job runs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pyspark.sql import types as spark_types

from kumi.core.errors import ColumnNotFoundError, ColumnTypeError, InvalidInputError

_ACCEPTED: dict[str, tuple[type[spark_types.DataType], ...]] = {
    "number": (spark_types.NumericType, spark_types.BooleanType),
    "text": (spark_types.StringType, spark_types.NumericType, spark_types.BooleanType),
    "datetime": (
        spark_types.TimestampType,
        spark_types.TimestampNTZType,
        spark_types.DateType,
        spark_types.StringType,
    ),
}
_WANTED = {
    "number": "a numeric or boolean column",
    "text": "a string (or number) column",
    "datetime": "a timestamp, date or ISO-text column",
}
_SPARK_TYPES: dict[str, spark_types.DataType] = {
    "double": spark_types.DoubleType(),
    "bigint": spark_types.LongType(),
    "boolean": spark_types.BooleanType(),
    "text": spark_types.StringType(),
}


def check_inputs(
    schema: spark_types.StructType, inputs: Sequence[Mapping[str, Any]], mapping: Mapping[str, str]
) -> dict[str, str]:
    """Model input column → DataFrame column for every input of the spec; raises
    ColumnNotFoundError / ColumnTypeError naming the column when one is missing or of a type
    the model cannot read, InvalidInputError for a mapping of a column the model lacks."""
    expected = [str(i["column"]) for i in inputs]
    unknown = sorted(set(mapping) - set(expected))
    if unknown:
        raise InvalidInputError(
            f"The mapping names {', '.join(unknown)}, which the model does not read; map "
            f"only the model's input columns: {', '.join(expected)}.",
            details={"unknown": unknown, "inputs": expected},
        )
    fields = {f.name: f for f in schema.fields}
    sources: dict[str, str] = {}
    for spec in inputs:
        column = str(spec["column"])
        source = mapping.get(column, column)
        field = fields.get(source)
        if field is None:
            raise _missing(column, source, list(fields))
        if not isinstance(field.dataType, _ACCEPTED[spec["kind"]]):
            raise ColumnTypeError(
                f"Column '{source}' is {field.dataType.simpleString()}, but the model reads "
                f"'{column}' as {spec['kind']}; cast it to {_WANTED[spec['kind']]} or map "
                "another column to it.",
                details={
                    "column": source,
                    "model_column": column,
                    "found": field.dataType.simpleString(),
                    "expected": spec["kind"],
                },
            )
        sources[column] = source
    return sources


def _missing(column: str, source: str, present: list[str]) -> ColumnNotFoundError:
    mapped = f" (mapped from the model's '{column}')" if source != column else ""
    return ColumnNotFoundError(
        f"The DataFrame has no column '{source}'{mapped}, which the model reads; its columns "
        f"are {', '.join(present) or 'none'}. Add or rename it, or map the model's column to "
        "another one with mapping={...}.",
        details={"column": source, "model_column": column, "columns": present},
    )


def score_fields(outputs: Sequence[Mapping[str, Any]]) -> list[spark_types.StructField]:
    """The Spark fields of the spec's score columns, in order."""
    return [
        spark_types.StructField(str(o["column"]), _SPARK_TYPES[str(o["type"])], nullable=True)
        for o in outputs
    ]
