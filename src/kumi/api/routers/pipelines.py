"""Saved pipelines (by name, each save a new version): CRUD, clone, validate, YAML."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from kumi.api.dependencies import WorkspaceDep
from kumi.core.errors import ConflictError, InvalidInputError, NotFoundError
from kumi.graph import GraphFacts, PipelineDocument, analyze, column_parameter_ports
from kumi.registry import ComponentRegistry
from kumi.storage.records import Pipeline
from kumi.storage.workspace import Workspace

router = APIRouter(prefix="/pipelines", tags=["pipelines"])


class DocumentBody(BaseModel):
    """A pipeline document (drafts welcome: it is checked for shape, not runnability)."""

    document: dict[str, Any]
    description: str = ""


class CloneBody(BaseModel):
    name: str = Field(min_length=1, max_length=256)


class ValidateBody(BaseModel):
    document: dict[str, Any]
    parameters: dict[str, Any] = Field(default_factory=dict)


def pipeline_json(record: Pipeline) -> dict[str, Any]:
    data = record.to_dict()
    return {"id": record.name, **data}


def _parsed(document: dict[str, Any]) -> PipelineDocument:
    return PipelineDocument.from_dict(document)


def _registry(request: Request) -> ComponentRegistry:
    registry: ComponentRegistry = request.app.state.registry
    return registry


def _exists(workspace: WorkspaceDep, name: str) -> bool:
    try:
        workspace.pipelines.get(name)
    except NotFoundError:
        return False
    return True


@router.get("")
def list_pipelines(workspace: WorkspaceDep) -> dict[str, Any]:
    """The latest version of every saved pipeline, most recently changed first."""
    records = sorted(workspace.pipelines.list(), key=lambda r: r.updated_at, reverse=True)
    return {
        "pipelines": [
            {
                "id": r.name,
                "name": r.name,
                "description": r.description,
                "version": r.version,
                "nodes": len(r.document.get("nodes", [])),
                "updated_at": r.to_dict()["updated_at"],
            }
            for r in records
        ]
    }


@router.post("", status_code=201)
def create_pipeline(body: DocumentBody, workspace: WorkspaceDep) -> dict[str, Any]:
    """Save a new pipeline under its document's name."""
    document = _parsed(body.document)
    if _exists(workspace, document.name):
        raise ConflictError(
            f"A pipeline named '{document.name}' exists already; choose another name (or open "
            "it and save a new version).",
            details={"pipeline": document.name},
        )
    record = workspace.pipelines.save(
        document.name, document.to_dict(), description=body.description
    )
    return pipeline_json(record)


@router.post("/import", status_code=201)
def import_yaml(
    workspace: WorkspaceDep,
    text: Annotated[str, Body(media_type="application/yaml", description="YAML or JSON.")],
) -> dict[str, Any]:
    """Save a pipeline document given as YAML (or JSON) text; a new version if it exists."""
    document = PipelineDocument.from_yaml(text)
    return pipeline_json(workspace.pipelines.save(document.name, document.to_dict()))


def _analysis(
    body: ValidateBody, request: Request, workspace: Workspace
) -> tuple[PipelineDocument, GraphFacts]:
    """The document of ``body`` and what validating it (with its parameters) learned."""
    document = _parsed(body.document)
    facts = analyze(
        document,
        _registry(request),
        datasets=workspace.dataset_resolver(),
        parameter_values=body.parameters,
    )
    return document, facts


@router.post("/validate")
def validate(body: ValidateBody, request: Request, workspace: WorkspaceDep) -> dict[str, Any]:
    """Every problem that would stop the document from running, and warnings."""
    problems = _analysis(body, request, workspace)[1].problems
    return {
        "valid": not any(p.is_error for p in problems),
        "problems": [p.to_dict() for p in problems],
    }


@router.post("/columns")
def columns(body: ValidateBody, request: Request, workspace: WorkspaceDep) -> dict[str, Any]:
    """The columns known before running at each node's table inputs (from registered
    datasets, followed through components that can tell their output columns), and which
    input each column parameter names columns of. Drafts welcome; unknown inputs are left
    out."""
    document, facts = _analysis(body, request, workspace)
    nodes: dict[str, Any] = {}
    for node in document.nodes:
        component = facts.components.get(node.id)
        if component is None:
            continue
        inputs = facts.input_schemas(node.id)
        nodes[node.id] = {
            "inputs": {port: schema.to_list() for port, schema in inputs.items()},
            "parameters": column_parameter_ports(component),
        }
    return {"nodes": nodes}


@router.get("/{name}")
def get_pipeline(name: str, workspace: WorkspaceDep, version: int | None = None) -> dict[str, Any]:
    """A saved pipeline (the latest version unless ``version`` is given)."""
    return pipeline_json(workspace.pipelines.get(name, version))


@router.get("/{name}/versions")
def versions(name: str, workspace: WorkspaceDep) -> dict[str, Any]:
    return {"versions": [pipeline_json(r) for r in workspace.pipelines.versions(name)]}


@router.get("/{name}/yaml", response_class=PlainTextResponse)
def export_yaml(name: str, workspace: WorkspaceDep, version: int | None = None) -> str:
    """The document as YAML, as ``kumi run`` takes it."""
    return _parsed(workspace.pipelines.get(name, version).document).to_yaml()


@router.put("/{name}")
def save_pipeline(name: str, body: DocumentBody, workspace: WorkspaceDep) -> dict[str, Any]:
    """Save the document as the next version of ``name`` (a draft may be incomplete)."""
    document = _parsed(body.document)
    if document.name != name:
        raise InvalidInputError(
            f"The document is named '{document.name}' but is saved as '{name}'. Use the same "
            "name, or clone the pipeline to rename it.",
            details={"pipeline": name, "document_name": document.name},
        )
    return pipeline_json(
        workspace.pipelines.save(name, document.to_dict(), description=body.description)
    )


@router.post("/{name}/clone", status_code=201)
def clone(name: str, body: CloneBody, workspace: WorkspaceDep) -> dict[str, Any]:
    """Save a copy of the latest version under a new name."""
    source = workspace.pipelines.get(name)
    if _exists(workspace, body.name):
        raise ConflictError(
            f"A pipeline named '{body.name}' exists already; choose another name.",
            details={"pipeline": body.name},
        )
    document = {**source.document, "name": body.name}
    return pipeline_json(
        workspace.pipelines.save(body.name, document, description=source.description)
    )


@router.delete("/{name}", status_code=204)
def delete_pipeline(name: str, workspace: WorkspaceDep) -> None:
    workspace.pipelines.delete(name)
