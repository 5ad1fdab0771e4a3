"""The pipeline document: versioned data describing nodes, edges and pipeline parameters.

The same model is read from and written to JSON and YAML::

    schema_version: 1
    name: credit-approval
    parameters: {data_path: samples/credit.csv}
    nodes:
      - {id: data, component: import_data, params: {path: "${parameters.data_path}"}}
    edges:
      - {from: data.results_dataset, to: split.dataset}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from kumi.core.errors import NotFoundError, PipelineValidationError
from kumi.graph.migrations import migrate
from kumi.graph.problems import Problem, validation_error


class Position(BaseModel):
    """Where the page draws a node on the canvas."""

    model_config = ConfigDict(extra="forbid")

    x: float = 0.0
    y: float = 0.0


class NodeSpec(BaseModel):
    """One step: a component with its parameter values."""

    model_config = ConfigDict(extra="forbid")

    id: str
    component: str
    version: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    position: Position | None = None
    regenerate_output: bool = False
    comment: str | None = None


class PortRef(BaseModel):
    """A parsed ``"node.port"`` endpoint."""

    model_config = ConfigDict(frozen=True)

    node: str
    port: str

    def __str__(self) -> str:
        return f"{self.node}.{self.port}"

    @classmethod
    def parse(cls, text: str) -> PortRef | None:
        """``"node.port"`` → PortRef; None when the text is not of that form."""
        node, dot, port = text.rpartition(".")
        if not dot or not node.strip() or not port.strip():
            return None
        return cls(node=node, port=port)


class EdgeSpec(BaseModel):
    """A wire from an output port to an input port, both written ``"node.port"``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: str = Field(alias="from")
    to: str

    @property
    def source(self) -> PortRef | None:
        return PortRef.parse(self.from_)

    @property
    def target(self) -> PortRef | None:
        return PortRef.parse(self.to)

    def __str__(self) -> str:
        return f"{self.from_} -> {self.to}"


class PipelineDocument(BaseModel):
    """A saved pipeline (schema version 1)."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = 1
    name: str
    description: str = ""
    parameters: dict[str, Any] = Field(default_factory=dict)
    nodes: list[NodeSpec] = Field(default_factory=list)
    edges: list[EdgeSpec] = Field(default_factory=list)

    # -- lookup ------------------------------------------------------------------------
    def node(self, node_id: str) -> NodeSpec:
        """The node with ``node_id``; NotFoundError naming the known ids otherwise."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise NotFoundError(
            f"Pipeline '{self.name}' has no node '{node_id}'. Nodes: "
            f"{', '.join(n.id for n in self.nodes) or '(none)'}.",
            details={"node": node_id, "nodes": [n.id for n in self.nodes]},
        )

    # -- reading -----------------------------------------------------------------------
    @classmethod
    def from_dict(cls, raw: Any) -> PipelineDocument:
        """Migrate and validate a parsed document; PipelineValidationError if malformed."""
        if not isinstance(raw, dict):
            problem = Problem(
                "invalid_document",
                f"A pipeline document must be a mapping, got {type(raw).__name__}.",
            )
            raise validation_error([problem])
        try:
            return cls.model_validate(migrate(raw))
        except PydanticValidationError as exc:
            raise validation_error(_shape_problems(exc)) from None

    @classmethod
    def from_json(cls, text: str) -> PipelineDocument:
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _unreadable("JSON", str(exc)) from None
        return cls.from_dict(raw)

    @classmethod
    def from_yaml(cls, text: str) -> PipelineDocument:
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise _unreadable("YAML", str(exc)) from None
        return cls.from_dict(raw)

    # -- writing -----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form with defaults left out (``from``/``to`` keys for edges)."""
        data: dict[str, Any] = {"schema_version": self.schema_version, "name": self.name}
        if self.description:
            data["description"] = self.description
        if self.parameters:
            data["parameters"] = dict(self.parameters)
        data["nodes"] = [_node_dict(n) for n in self.nodes]
        data["edges"] = [e.model_dump(mode="json", by_alias=True) for e in self.edges]
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True)

    def dump(self, path: str | Path) -> Path:
        """Write to ``path``: YAML for ``.yaml``/``.yml``, JSON otherwise."""
        target = Path(path)
        text = self.to_yaml() if target.suffix.lower() in (".yaml", ".yml") else self.to_json()
        target.write_text(text, encoding="utf-8")
        return target


def _node_dict(node: NodeSpec) -> dict[str, Any]:
    """A node without its defaults, but with a whole position (x = 0 is a place too)."""
    data = {"id": node.id, "component": node.component} | node.model_dump(
        mode="json", exclude_defaults=True, exclude={"position"}
    )
    if node.position is not None:
        data["position"] = node.position.model_dump(mode="json")
    return data


def load_pipeline(source: str | Path) -> PipelineDocument:
    """Read a document from a file path or from JSON/YAML text."""
    if isinstance(source, Path) or _looks_like_path(source):
        path = Path(source)
        if not path.is_file():
            raise NotFoundError(
                f"Pipeline file '{path}' does not exist; check the path.",
                details={"path": str(path)},
            )
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".json":
            return PipelineDocument.from_json(text)
        return PipelineDocument.from_yaml(text)
    if source.lstrip().startswith("{"):
        return PipelineDocument.from_json(source)
    return PipelineDocument.from_yaml(source)


def _looks_like_path(text: str) -> bool:
    if "\n" in text or text.lstrip().startswith("{"):
        return False
    return text.strip().lower().endswith((".json", ".yaml", ".yml")) or Path(text).is_file()


def _unreadable(kind: str, reason: str) -> PipelineValidationError:
    problem = Problem(
        "invalid_document",
        f"The pipeline document is not valid {kind}: {reason}. Fix the syntax and load it again.",
    )
    return validation_error([problem])


def _shape_problems(exc: PydanticValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(document)"
        problems.append(
            Problem(
                "invalid_document",
                f"Pipeline document field '{where}': {err['msg']}.",
                details={"location": where},
            )
        )
    return problems
