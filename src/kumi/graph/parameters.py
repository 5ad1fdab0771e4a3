"""Pipeline parameters: ``"${parameters.name}"`` references inside node params.

A string that is exactly one reference takes the parameter's value with its type (a
number stays a number); references embedded in longer text are formatted as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kumi.graph.document import PipelineDocument
from kumi.graph.problems import Problem, validation_error

REFERENCE = re.compile(r"\$\{parameters\.([A-Za-z_][A-Za-z0-9_]*)\}")


def references(value: Any) -> set[str]:
    """Names of the pipeline parameters referenced anywhere in ``value``."""
    if isinstance(value, str):
        return set(REFERENCE.findall(value))
    if isinstance(value, Mapping):
        return set().union(*(references(v) for v in value.values()))
    if isinstance(value, list | tuple):
        return set().union(*(references(v) for v in value))
    return set()


def substitute(value: Any, values: Mapping[str, Any]) -> Any:
    """``value`` with every reference replaced; names missing from ``values`` stay as
    written (validation reports them)."""
    if isinstance(value, str):
        whole = REFERENCE.fullmatch(value)
        if whole and whole.group(1) in values:
            return values[whole.group(1)]
        return REFERENCE.sub(lambda m: _text(m, values), value)
    if isinstance(value, Mapping):
        return {k: substitute(v, values) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [substitute(v, values) for v in value]
    return value


def _text(match: re.Match[str], values: Mapping[str, Any]) -> str:
    name = match.group(1)
    return str(values[name]) if name in values else match.group(0)


def merged_values(doc: PipelineDocument, values: Mapping[str, Any] | None) -> dict[str, Any]:
    """The document's parameter defaults overridden by ``values``."""
    return {**doc.parameters, **dict(values or {})}


def parameter_problems(
    doc: PipelineDocument, values: Mapping[str, Any] | None = None
) -> list[Problem]:
    """Undefined references in node params and supplied values the pipeline does not
    declare."""
    problems = [
        Problem(
            "unknown_pipeline_parameter",
            f"A value was given for pipeline parameter '{name}', which the pipeline does "
            f"not declare. Declared: {', '.join(doc.parameters) or '(none)'}.",
            parameter=name,
            details={"declared": list(doc.parameters)},
        )
        for name in (values or {})
        if name not in doc.parameters
    ]
    for node in doc.nodes:
        for param, raw in node.params.items():
            for name in sorted(references(raw) - set(doc.parameters)):
                problems.append(
                    Problem(
                        "undefined_parameter",
                        f"Node '{node.id}' parameter '{param}' refers to pipeline parameter "
                        f"'{name}', which is not defined; add it under 'parameters' or fix "
                        "the reference.",
                        node=node.id,
                        parameter=param,
                        details={"reference": name, "declared": list(doc.parameters)},
                    )
                )
    return problems


def resolve_parameters(
    doc: PipelineDocument, values: Mapping[str, Any] | None = None
) -> PipelineDocument:
    """A copy of ``doc`` whose node params have every reference replaced by the value
    in ``values`` (else the parameter's default); ``parameters`` holds the values used.
    PipelineValidationError on undefined references or undeclared values."""
    problems = parameter_problems(doc, values)
    if problems:
        raise validation_error(problems)
    merged = merged_values(doc, values)
    nodes = [
        node.model_copy(update={"params": substitute(node.params, merged)}) for node in doc.nodes
    ]
    return doc.model_copy(update={"parameters": merged, "nodes": nodes})
