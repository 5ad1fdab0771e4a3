"""The OpenAPI (3.0) document of an endpoint, from its stored signature and example."""

from __future__ import annotations

from typing import Any

_JSON_TYPES = {
    "integer": {"type": "integer", "format": "int64"},
    "double": {"type": "number", "format": "double"},
    "boolean": {"type": "boolean"},
    "string": {"type": "string"},
    "datetime": {"type": "string", "format": "date-time"},
}


def swagger_document(name: str, signature: dict[str, Any]) -> dict[str, Any]:
    """Paths ``/score`` and ``/invocations`` with the request and response schemas."""
    inputs: dict[str, list[dict[str, Any]]] = signature.get("inputs", {})
    outputs: dict[str, list[dict[str, Any]]] = signature.get("outputs", {})
    example = signature.get("input_example", {"Inputs": {}, "GlobalParameters": {}})
    input_rows = {n: _rows(cols) for n, cols in inputs.items()}
    output_rows = {n: _rows(cols) for n, cols in outputs.items()}
    score_request = _object({"Inputs": _object(input_rows), "GlobalParameters": {"type": "object"}})
    security: list[dict[str, list[str]]] = [{"Bearer": []}]
    return {
        "openapi": "3.0.3",
        "info": {"title": f"kumi endpoint {name}", "version": "1.0"},
        "servers": [{"url": f"/endpoints/{name}"}],
        "components": {
            "securitySchemes": {"Bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "ScoreRequest": score_request,
                "ScoreResponse": _object({"Results": _object(output_rows)}),
            },
        },
        "paths": {
            "/score": _post(
                "Score rows (Azure designer shape).",
                {"$ref": "#/components/schemas/ScoreRequest"},
                {"$ref": "#/components/schemas/ScoreResponse"},
                example,
                security,
            ),
            "/invocations": _post(
                "Score rows (MLflow scoring protocol: dataframe_split, dataframe_records, "
                "instances or inputs).",
                {"type": "object"},
                _object({"predictions": {"type": "array", "items": {"type": "object"}}}),
                {"dataframe_records": next(iter(example.get("Inputs", {}).values()), [])},
                security,
            ),
        },
    }


def _rows(columns: list[dict[str, Any]]) -> dict[str, Any]:
    properties = {c["name"]: _JSON_TYPES.get(c["type"], {}) for c in columns}
    required = [c["name"] for c in columns if c.get("required")]
    item: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        item["required"] = required
    return {"type": "array", "items": item}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


def _post(
    summary: str,
    request: dict[str, Any],
    response: dict[str, Any],
    example: Any,
    security: list[dict[str, list[str]]],
) -> dict[str, Any]:
    return {
        "post": {
            "summary": summary,
            "security": security,
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": request, "example": example}},
            },
            "responses": {
                "200": {
                    "description": "Scores.",
                    "content": {"application/json": {"schema": response}},
                },
                "400": {"description": "The rows do not match the signature."},
                "401": {"description": "Missing or wrong key."},
                "413": {"description": "The body is too large."},
            },
        }
    }
