"""Saved pipelines over REST: create, versions, drafts, clone, validate, YAML."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.api.conftest import assert_error

SAMPLE = Path(__file__).parents[2] / "src" / "kumi" / "samples" / "pipelines" / "breast-cancer.yaml"


def sample_document(name: str) -> dict:
    return {**yaml.safe_load(SAMPLE.read_text()), "name": name}


def test_create_get_and_list(client):
    created = client.post("/api/pipelines", json={"document": sample_document("bc")})
    assert created.status_code == 201, created.text
    assert created.json()["id"] == "bc" and created.json()["version"] == 1
    fetched = client.get("/api/pipelines/bc").json()
    assert fetched["document"]["nodes"][0]["id"] == "data"
    listed = {p["id"]: p for p in client.get("/api/pipelines").json()["pipelines"]}
    assert listed["bc"]["nodes"] == len(fetched["document"]["nodes"])
    assert_error(
        client.post("/api/pipelines", json={"document": sample_document("bc")}), 409, "conflict"
    )


def test_saving_changes_makes_a_new_version_and_drafts_may_be_incomplete(client):
    client.post("/api/pipelines", json={"document": sample_document("draft")})
    document = sample_document("draft")
    document["nodes"].append({"id": "extra", "component": "split_data", "params": {}})
    saved = client.put("/api/pipelines/draft", json={"document": document})
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"] == 2
    assert [v["version"] for v in client.get("/api/pipelines/draft/versions").json()["versions"]]
    old = client.get("/api/pipelines/draft?version=1").json()
    assert len(old["document"]["nodes"]) == len(document["nodes"]) - 1
    problems = client.post("/api/pipelines/validate", json={"document": document}).json()
    assert problems["valid"] is False
    assert any(p.get("node") == "extra" for p in problems["problems"])


def test_a_valid_document_validates(client):
    answer = client.post("/api/pipelines/validate", json={"document": sample_document("ok")})
    assert answer.json() == {"valid": True, "problems": answer.json()["problems"]}
    assert answer.json()["valid"] is True


def test_malformed_documents_and_name_mismatch_are_refused(client):
    bad = sample_document("bad")
    bad["nodes"] = "not a list"
    assert_error(client.post("/api/pipelines", json={"document": bad}), 400, "invalid_pipeline")
    client.post("/api/pipelines", json={"document": sample_document("named")})
    error = assert_error(
        client.put("/api/pipelines/named", json={"document": sample_document("other")}),
        400,
        "invalid_input",
    )
    assert "clone" in error["message"]
    assert client.get("/api/pipelines/named").json()["version"] == 1


def test_clone_yaml_export_import_and_delete(client):
    client.post("/api/pipelines", json={"document": sample_document("orig")})
    copy = client.post("/api/pipelines/orig/clone", json={"name": "copy"})
    assert copy.status_code == 201 and copy.json()["document"]["name"] == "copy"
    assert_error(client.post("/api/pipelines/orig/clone", json={"name": "copy"}), 409, "conflict")
    text = client.get("/api/pipelines/copy/yaml").text
    assert yaml.safe_load(text)["name"] == "copy"
    imported = client.post(
        "/api/pipelines/import",
        content=text.replace("name: copy", "name: imported"),
        headers={"content-type": "application/yaml"},
    )
    assert imported.status_code == 201, imported.text
    assert imported.json()["id"] == "imported"
    assert_error(
        client.post(
            "/api/pipelines/import",
            content="nodes: [",
            headers={"content-type": "application/yaml"},
        ),
        400,
        "invalid_pipeline",
    )
    assert client.delete("/api/pipelines/copy").status_code == 204
    assert_error(client.get("/api/pipelines/copy"), 404, "not_found")


def test_node_positions_come_back_whole(client):
    document = sample_document("positions")
    document["nodes"][0]["position"] = {"x": 0, "y": 120}
    client.post("/api/pipelines", json={"document": document})
    node = client.get("/api/pipelines/positions").json()["document"]["nodes"][0]
    assert node["position"] == {"x": 0, "y": 120}


def test_columns_follow_the_graph_to_each_column_parameter(client):
    document = {
        "schema_version": 1,
        "name": "cols",
        "nodes": [
            {"id": "data", "component": "dataset", "params": {"name": "breast-cancer"}},
            {
                "id": "keep",
                "component": "select_columns_in_dataset",
                "params": {"select_columns": {"names": ["mean radius", "diagnosis"]}},
            },
            {"id": "split", "component": "split_data", "params": {}},
            {"id": "train", "component": "train_model", "params": {}},
            {"id": "script", "component": "execute_python_script", "params": {}},
            {"id": "dangling", "component": "normalize_data", "params": {}},
        ],
        "edges": [
            {"from": "data.dataset", "to": "keep.dataset"},
            {"from": "keep.results_dataset", "to": "split.dataset"},
            {"from": "split.results_dataset1", "to": "train.dataset"},
            {"from": "data.dataset", "to": "script.dataset1"},
        ],
    }
    answer = client.post("/api/pipelines/columns", json={"document": document})
    assert answer.status_code == 200, answer.text
    nodes = answer.json()["nodes"]
    assert nodes["train"]["parameters"] == {"label_column": "dataset"}
    trained_on = nodes["train"]["inputs"]["dataset"]
    assert [c["name"] for c in trained_on] == ["mean radius", "diagnosis"]
    assert {c["name"]: c["role"] for c in trained_on}["diagnosis"] == "label"
    assert len(nodes["keep"]["inputs"]["dataset"]) == 31  # the registered dataset's columns
    assert nodes["dangling"]["inputs"] == {}  # nothing connected: nothing known
    assert "dataset" in nodes["dangling"]["parameters"].values()
    assert nodes["data"]["inputs"] == {}


def test_columns_of_a_malformed_document_is_a_400(client):
    answer = client.post("/api/pipelines/columns", json={"document": {"nodes": "no"}})
    assert_error(answer, 400, "invalid_pipeline")
