"""Column checks before running: table schemas flow along edges.

A schema is known at a registered ``dataset`` node (from the DatasetResolver) and after
any component whose ``infer_schemas`` can compute its outputs from its inputs; where a
schema is unknown, checking stops downstream. Column parameters (``ColumnName``,
``ColumnNames``, ``ColumnSelection``) are checked against the node's first table input,
or the input named by the field's ``x-kumi-input`` schema extra.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kumi.core.columns import ColumnSelection
from kumi.core.component import Component
from kumi.core.contracts import DatasetResolver
from kumi.core.errors import KumiError, NotFoundError
from kumi.core.params import Params
from kumi.core.table import TableSchema
from kumi.core.types import PortType
from kumi.graph.document import PortRef
from kumi.graph.problems import Problem

DATASET_COMPONENT = "dataset"

logger = logging.getLogger(__name__)

_COLUMN_WIDGETS = ("column", "columns", "column_selector")


@dataclass(frozen=True)
class ColumnField:
    """A parameter naming columns of an input table."""

    name: str
    input_port: str | None


@dataclass
class SchemaContext:
    """What the schema pass needs from the structural pass."""

    components: Mapping[str, type[Component]]
    params: Mapping[str, Params]
    inputs: Mapping[str, Mapping[str, PortRef]]
    order: list[str]
    datasets: DatasetResolver | None
    known: dict[tuple[str, str], TableSchema] = field(default_factory=dict)
    """Filled by :func:`column_problems`: the schema of each (node, output port) known."""


def column_problems(ctx: SchemaContext) -> list[Problem]:
    """Unknown columns found by propagating schemas in ``ctx.order`` (recording every
    schema learned in ``ctx.known``)."""
    known = ctx.known
    problems: list[Problem] = []
    for node_id in ctx.order:
        cls, params = ctx.components.get(node_id), ctx.params.get(node_id)
        if cls is None or params is None:
            continue
        if cls.id == DATASET_COMPONENT:
            problems.extend(_dataset_schema(node_id, cls, params, ctx.datasets, known))
            continue
        schemas = {
            port: known[(ref.node, ref.port)]
            for port, ref in ctx.inputs.get(node_id, {}).items()
            if (ref.node, ref.port) in known
        }
        connected = ctx.inputs.get(node_id, {})
        found = _check_columns(node_id, cls, params, schemas, connected)
        problems.extend(found)
        table_inputs = [p.name for p in cls.inputs if p.type == PortType.TABLE]
        if found or any(p in connected and p not in schemas for p in table_inputs):
            continue  # outputs unknown: checking stops downstream of this node
        problems.extend(_infer(node_id, cls, params, schemas, known))
    return problems


def _dataset_schema(
    node_id: str,
    cls: type[Component],
    params: Params,
    datasets: DatasetResolver | None,
    known: dict[tuple[str, str], TableSchema],
) -> list[Problem]:
    name = getattr(params, "name", None)
    if datasets is None or not cls.outputs or not isinstance(name, str):
        return []
    version = getattr(params, "version", None)
    try:
        known[(node_id, cls.outputs[0].name)] = datasets.table_schema(name, version)
    except NotFoundError as exc:
        return [
            Problem(
                "unknown_dataset",
                f"Node '{node_id}': {exc.message}",
                node=node_id,
                parameter="name",
                details={"dataset": name, "version": version, **exc.details},
            )
        ]
    return []


def _infer(
    node_id: str,
    cls: type[Component],
    params: Params,
    schemas: Mapping[str, TableSchema],
    known: dict[tuple[str, str], TableSchema],
) -> list[Problem]:
    """Record the node's output schemas when its table inputs' schemas are all known
    (``schemas`` holds the known ones of the connected inputs)."""
    try:
        outputs = cls().infer_schemas(params, schemas)
    except KumiError as exc:
        code = "unknown_column" if exc.code == "column_not_found" else "invalid_parameter"
        return [
            Problem(
                code,
                f"Node '{node_id}' ({cls.id}): {exc.message}",
                node=node_id,
                parameter=exc.details.get("parameter"),
                column=exc.details.get("column"),
                details=dict(exc.details),
            )
        ]
    except Exception as exc:  # a component's schema inference is best effort
        logger.debug("infer_schemas of %s failed on node %s: %r", cls.id, node_id, exc)
        return []
    for port, schema in (outputs or {}).items():
        known[(node_id, port)] = schema
    return []


def _check_columns(
    node_id: str,
    cls: type[Component],
    params: Params,
    schemas: Mapping[str, TableSchema],
    connected: Mapping[str, PortRef],
) -> list[Problem]:
    problems = []
    for column_field in column_fields(type(params)):
        port = column_field.input_port or _first_table_input(cls)
        if port is None or port not in schemas:
            continue
        available = schemas[port].names
        for column in named_columns(getattr(params, column_field.name)):
            if column not in available:
                problems.append(
                    _unknown_column(
                        PortRef(node=node_id, port=port),
                        column_field.name,
                        column,
                        connected[port],
                        available,
                    )
                )
    return problems


def _first_table_input(cls: type[Component]) -> str | None:
    return next((p.name for p in cls.inputs if p.type == PortType.TABLE), None)


def column_parameter_ports(cls: type[Component]) -> dict[str, str]:
    """Each column parameter of ``cls`` (by its JSON name) and the input port whose
    columns it names."""
    ports = {}
    for column_field in column_fields(cls.Params):
        port = column_field.input_port or _first_table_input(cls)
        if port is not None:
            info = cls.Params.model_fields[column_field.name]
            ports[info.alias or column_field.name] = port
    return ports


def _unknown_column(
    target: PortRef, param: str, column: str, source: PortRef, available: list[str]
) -> Problem:
    node_id, port = target.node, target.port
    close = difflib.get_close_matches(column, available, n=3)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    shown = ", ".join(available[:30]) + (" ..." if len(available) > 30 else "")
    return Problem(
        "unknown_column",
        f"Node '{node_id}' parameter '{param}': column '{column}' is not in input '{port}' "
        f"(from {source}).{hint} Available columns: {shown}.",
        node=node_id,
        port=port,
        parameter=param,
        column=column,
        details={"available": available, "suggestions": close, "source": str(source)},
    )


def named_columns(value: Any) -> list[str]:
    """Column names literally written in a column parameter value."""
    if isinstance(value, ColumnSelection):
        return value.named_columns()
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


@lru_cache(maxsize=512)
def column_fields(model: type[Params]) -> tuple[ColumnField, ...]:
    """The parameters of ``model`` that name input columns (by their page widget)."""
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    props = schema.get("properties", {})
    fields = []
    for name, info in model.model_fields.items():
        found = _widget(props.get(info.alias or name, {}), defs)
        if found is not None and found[0] in _COLUMN_WIDGETS:
            fields.append(ColumnField(name, found[1]))
    return tuple(fields)


def _widget(prop: Mapping[str, Any], defs: Mapping[str, Any]) -> tuple[str, str | None] | None:
    if "x-kumi-widget" in prop:
        return str(prop["x-kumi-widget"]), prop.get("x-kumi-input")
    ref = prop.get("$ref")
    subs = [*prop.get("anyOf", []), *prop.get("allOf", [])]
    if isinstance(ref, str):
        subs.insert(0, defs.get(ref.rsplit("/", 1)[-1], {}))
    for sub in subs:
        found = _widget(sub, defs)
        if found is not None:
            return found[0], prop.get("x-kumi-input", found[1])
    return None
