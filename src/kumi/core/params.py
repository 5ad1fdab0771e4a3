"""Typed component parameters.

A component declares its parameters as a :class:`Params` subclass (a frozen pydantic
model): defaults, bounds (``Field(ge=..., le=...)``), enums (``Literal[...]``), booleans,
strings, column selections, code and SQL. The JSON Schema the page renders comes from it;
``x-kumi-widget`` tells the page which editor to use where the type alone does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from kumi.core.errors import InvalidParameterError


class Params(BaseModel):
    """Base of every component's parameter model."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class NoParams(Params):
    """For components without parameters."""


def widget(kind: str, **extra: Any) -> dict[str, Any]:
    """JSON Schema extras naming the page widget for a parameter."""
    return {"x-kumi-widget": kind, **{f"x-kumi-{k}": v for k, v in extra.items()}}


ColumnName = Annotated[str, Field(min_length=1, json_schema_extra=widget("column"))]
"""One column of the (first) input table, e.g. a label column."""

ColumnNames = Annotated[list[str], Field(json_schema_extra=widget("columns"))]
"""A list of columns of the (first) input table, in order."""

PythonCode = Annotated[str, Field(json_schema_extra=widget("code", language="python"))]
"""Python source code, edited in a code editor."""

SqlText = Annotated[str, Field(json_schema_extra=widget("code", language="sql"))]
"""SQL text, edited in a code editor."""

LongText = Annotated[str, Field(json_schema_extra=widget("textarea"))]
"""Multi-line free text (e.g. pasted CSV data)."""


def validate_params(model: type[Params], values: Mapping[str, Any], *, where: str = "") -> Params:
    """Validate raw values into ``model``; a failure becomes :class:`InvalidParameterError`
    naming each offending parameter."""
    try:
        return model.model_validate(dict(values))
    except PydanticValidationError as exc:
        problems = [
            {"parameter": ".".join(str(p) for p in err["loc"]) or "(params)", "message": err["msg"]}
            for err in exc.errors()
        ]
        prefix = f"{where}: " if where else ""
        summary = "; ".join(f"'{p['parameter']}': {p['message']}" for p in problems)
        raise InvalidParameterError(
            f"{prefix}invalid parameter value(s) — {summary}.", details={"problems": problems}
        ) from None
