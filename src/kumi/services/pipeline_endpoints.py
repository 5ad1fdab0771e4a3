"""Pipeline endpoints: publish a saved pipeline as a versioned endpoint and start its runs
with Azure's published-pipeline request (``ExperimentName``, ``ParameterAssignments``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from kumi.core.errors import InvalidParameterError
from kumi.engine import Engine
from kumi.graph import PipelineDocument, ensure_valid
from kumi.registry import ComponentRegistry, default_registry
from kumi.services.pipeline_runs import submit_run
from kumi.storage.pipeline_endpoints import PipelineEndpoint, PipelineEndpointRun
from kumi.storage.records import Run
from kumi.storage.workspace import Workspace


class RunSubmitter(Protocol):
    """Something that records a queued run (the studio's :class:`RunQueue`)."""

    def submit(
        self,
        document: PipelineDocument,
        *,
        parameter_values: Mapping[str, Any] | None = None,
        experiment: str | None = None,
        regenerate: bool | Sequence[str] = False,
    ) -> Run: ...


@dataclass(frozen=True)
class QueuedRuns:
    """Records runs as queued, for the studio serving the workspace (``kumi up``) to run."""

    workspace: Workspace
    engine: Engine

    def submit(
        self,
        document: PipelineDocument,
        *,
        parameter_values: Mapping[str, Any] | None = None,
        experiment: str | None = None,
        regenerate: bool | Sequence[str] = False,
    ) -> Run:
        return submit_run(
            self.workspace,
            self.engine,
            document,
            parameter_values=parameter_values,
            experiment=experiment,
            regenerate=regenerate,
        )


@dataclass(frozen=True)
class SubmittedRun:
    """A queued run and its record on the endpoint."""

    run: Run
    endpoint_run: PipelineEndpointRun


def publish(
    workspace: Workspace,
    name: str,
    pipeline: str,
    *,
    pipeline_version: int | None = None,
    description: str | None = None,
    set_default: bool | None = None,
    registry: ComponentRegistry | None = None,
) -> PipelineEndpoint:
    """Snapshot saved pipeline ``pipeline`` as the next version of endpoint ``name``; the
    pipeline must be runnable with its parameters' defaults (PipelineValidationError)."""
    saved = workspace.pipelines.get(pipeline, pipeline_version)
    document = PipelineDocument.from_dict(saved.document)
    ensure_valid(
        document,
        registry or default_registry(),
        datasets=workspace.dataset_resolver(),
        parameter_values=document.parameters,
    )
    return workspace.pipeline_endpoints.publish(
        name,
        document.model_dump(mode="json", by_alias=True),
        pipeline_name=saved.name,
        pipeline_version=saved.version,
        description=description,
        set_default=set_default,
    )


def submit(
    workspace: Workspace,
    runs: RunSubmitter,
    name: str,
    *,
    experiment_name: str | None = None,
    parameter_assignments: Mapping[str, Any] | None = None,
    version: int | None = None,
    description: str = "",
    tags: Mapping[str, Any] | None = None,
    trigger: str = "api",
    schedule_id: str | None = None,
) -> SubmittedRun:
    """Queue a run of endpoint ``name`` (its default version unless ``version``) with
    ``parameter_assignments`` checked against the pipeline's parameters."""
    endpoint = workspace.pipeline_endpoints.get(name)
    chosen = endpoint.version(version)
    values = check_assignments(name, chosen.parameters, parameter_assignments or {})
    run = runs.submit(
        PipelineDocument.from_dict(chosen.document),
        parameter_values=values,
        experiment=experiment_name or name,
    )
    record = workspace.pipeline_endpoints.record_run(
        name,
        version=chosen.version,
        run_id=run.id,
        trigger=trigger,
        schedule_id=schedule_id,
        description=description,
        tags=dict(tags or {}),
    )
    return SubmittedRun(run, record)


def check_assignments(
    endpoint: str, parameters: Mapping[str, Any], assignments: Mapping[str, Any]
) -> dict[str, Any]:
    """``assignments`` as values of the pipeline's parameters: unknown names and values of
    another type than the default fail (strings such as "7" or "true" are read as the
    default's type, as Azure's clients send them)."""
    values: dict[str, Any] = {}
    for key, value in assignments.items():
        if key not in parameters:
            known = ", ".join(sorted(parameters)) or "none"
            raise InvalidParameterError(
                f"Pipeline endpoint '{endpoint}' has no parameter '{key}' (its parameters: "
                f"{known}). Fix the name in ParameterAssignments.",
                details={"parameter": key, "known": sorted(parameters)},
            )
        values[key] = _as_type_of(endpoint, key, value, parameters[key])
    return values


def _as_type_of(endpoint: str, key: str, value: Any, default: Any) -> Any:
    if default is None:
        return value
    converted = _converted(value, default)
    if converted is _WRONG:
        expected = _TYPE_NAMES.get(type(default), type(default).__name__)
        raise InvalidParameterError(
            f"Parameter '{key}' of pipeline endpoint '{endpoint}' takes {expected} (its "
            f"default is {json.dumps(default)}), not {json.dumps(value)}. Pass a value such "
            f"as {json.dumps({key: default})}.",
            details={"parameter": key, "expected": expected, "value": value},
        )
    return converted


_WRONG = object()
_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
_TEXT_BOOLEANS = {"true": True, "false": False}


def _converted(value: Any, default: Any) -> Any:
    """``value`` as the type of ``default``, or ``_WRONG``."""
    kind = type(default)
    if isinstance(value, bool) or kind is bool:
        if kind is bool and isinstance(value, str):
            return _TEXT_BOOLEANS.get(value.strip().lower(), _WRONG)
        return value if type(value) is kind else _WRONG
    if kind in (int, float) and isinstance(value, str):
        return _number(value, kind)
    if kind is float and isinstance(value, int | float):
        return float(value)
    if kind is int and isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, kind) else _WRONG


def _number(text: str, kind: type) -> Any:
    try:
        return kind(text.strip())
    except ValueError:
        return _WRONG
