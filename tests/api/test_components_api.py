"""The component library over REST: the manifest the designer is built from."""

from __future__ import annotations

from kumi.registry import default_registry
from tests.api.conftest import assert_error


def test_health_names_the_workspace(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["workspace"].endswith("ws")


def test_every_registered_component_is_listed_with_typed_ports_and_schema(client):
    components = client.get("/api/components").json()["components"]
    assert {c["id"] for c in components} == set(default_registry().ids())
    split = next(c for c in components if c["id"] == "split_data")
    assert [p["name"] for p in split["outputs"]] == ["results_dataset1", "results_dataset2"]
    assert {p["type"] for p in split["inputs"]} == {"table"}
    schema = split["params_schema"]
    assert schema["properties"]["fraction_of_rows_in_the_first_output_dataset"]["maximum"] == 1


def test_one_component_and_an_unknown_one(client):
    assert client.get("/api/components/train_model").json()["name"] == "Train Model"
    error = assert_error(client.get("/api/components/train_modle"), 404, "not_found")
    assert "train_model" in error["message"]  # the close match is suggested


def test_unknown_api_paths_answer_the_error_shape(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.post("/api/components"), 405, "http_405")
