"""Both ends of a derived pipeline: where data enters and where scores leave, per kind."""

from __future__ import annotations

from typing import Any

from kumi.graph import NodeSpec

WEB_INPUT, WEB_OUTPUT, EXPORT = "web_service_input", "web_service_output", "export"


def source_nodes(
    kind: str, source: NodeSpec, port: str, input_schema: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, str]], str, dict[str, Any]]:
    """Nodes, edges, the endpoint the path continues from and the pipeline parameters,
    for the source node ``source`` (output ``port``)."""
    node = source.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    node.setdefault("params", {})
    if kind == "batch":
        parameters = _parameterise(source, node)
        return [node], [], f"{source.id}.{port}", parameters
    web_input = {
        "id": WEB_INPUT,
        "component": "web_service_input",
        "params": {"name": "input1", "input_schema": input_schema},
        "position": _below(source),
    }
    edges = [{"from": f"{source.id}.{port}", "to": f"{WEB_INPUT}.dataset"}]
    return [node, web_input], edges, f"{WEB_INPUT}.data", {}


def _parameterise(source: NodeSpec, node: dict[str, Any]) -> dict[str, Any]:
    """Batch: the dataset (name, version) or file path becomes a pipeline parameter."""
    params = node["params"]
    if source.component == "dataset":
        parameters = {
            "dataset_name": params.get("name", ""),
            "dataset_version": params.get("version"),
        }
        params["name"] = "${parameters.dataset_name}"
        params["version"] = "${parameters.dataset_version}"
        return parameters
    if source.component == "import_data" and not params.get("database_url"):
        parameters = {"data_path": params.get("path", "")}
        params["path"] = "${parameters.data_path}"
        return parameters
    return {}


def sink_nodes(
    kind: str, pipeline: str, scored: str, near: NodeSpec | None
) -> tuple[list[dict[str, Any]], list[dict[str, str]], dict[str, Any]]:
    """Nodes, edges and parameters that take the scored table ``scored`` out."""
    position = _below(near) if near is not None else None
    if kind == "batch":
        export = {
            "id": EXPORT,
            "component": "export_data",
            "params": {"path": "${parameters.output_path}"},
        }
        if position:
            export["position"] = position
        default = f"datastore://{pipeline}/{{run_id}}/scored.parquet"
        return [export], [{"from": scored, "to": f"{EXPORT}.dataset"}], {"output_path": default}
    output: dict[str, Any] = {
        "id": WEB_OUTPUT,
        "component": "web_service_output",
        "params": {"name": "output1"},
    }
    if position:
        output["position"] = position
    return [output], [{"from": scored, "to": f"{WEB_OUTPUT}.data"}], {}


def _below(node: NodeSpec | None) -> dict[str, float] | None:
    if node is None or node.position is None:
        return None
    return {"x": node.position.x, "y": node.position.y + 90}
