"""Saved pipelines through the client: create, versions, save, clone, validate, YAML,
delete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from kumi.core.errors import InvalidInputError, NotFoundError, PipelineValidationError
from tests.sdk.conftest import SAMPLE


def sample(name: str) -> dict[str, Any]:
    return {**yaml.safe_load(SAMPLE.read_text()), "name": name}


@dataclass
class Built:
    """A document object of another library: anything with ``to_dict()``."""

    name: str

    def to_dict(self) -> dict[str, Any]:
        return sample(self.name)


def test_create_get_list_and_versions(client):
    created = client.pipelines.create(sample("sdk-bc"), description="first")
    assert (created["id"], created["version"], created["description"]) == ("sdk-bc", 1, "first")
    assert client.pipelines.get("sdk-bc")["document"]["nodes"][0]["id"] == "data"
    listed = {p["id"]: p for p in client.pipelines.list()}
    assert listed["sdk-bc"]["nodes"] == len(sample("x")["nodes"])
    draft = sample("sdk-bc")
    draft["nodes"].append({"id": "extra", "component": "split_data", "params": {}})
    assert client.pipelines.save("sdk-bc", draft)["version"] == 2
    assert sorted(v["version"] for v in client.pipelines.versions("sdk-bc")) == [1, 2]
    assert len(client.pipelines.get("sdk-bc", version=1)["document"]["nodes"]) == 8
    assert len(client.pipelines.get("sdk-bc")["document"]["nodes"]) == 9


def test_an_object_with_to_dict_is_a_document(client):
    assert client.pipelines.create(Built("sdk-built"))["id"] == "sdk-built"
    assert client.pipelines.validate(Built("sdk-built"))["valid"] is True
    with pytest.raises(TypeError, match="to_dict"):
        client.pipelines.create(42)


def test_validate_lists_problems_and_takes_parameters(client):
    draft = sample("sdk-draft")
    draft["nodes"].append({"id": "extra", "component": "split_data", "params": {}})
    answer = client.pipelines.validate(draft)
    assert answer["valid"] is False and any(p.get("node") == "extra" for p in answer["problems"])
    assert client.pipelines.validate(sample("sdk-ok"), parameters={"seed": 7})["valid"] is True


def test_columns_known_at_each_node(client):
    nodes = client.pipelines.columns(sample("sdk-columns"))["nodes"]
    label_port = nodes["train"]["parameters"]["label_column"]
    assert "diagnosis" in [c["name"] for c in nodes["train"]["inputs"][label_port]]


def test_saving_under_another_name_is_refused(client):
    client.pipelines.create(sample("sdk-named"))
    with pytest.raises(InvalidInputError, match="clone"):
        client.pipelines.save("sdk-named", sample("sdk-other"))


def test_clone_export_import_and_delete(client, tmp_path):
    client.pipelines.create(sample("sdk-orig"))
    assert client.pipelines.clone("sdk-orig", "sdk-copy")["document"]["name"] == "sdk-copy"
    text = client.pipelines.export_yaml("sdk-copy")
    assert yaml.safe_load(text)["name"] == "sdk-copy"
    imported = client.pipelines.import_yaml(text.replace("name: sdk-copy", "name: sdk-text"))
    assert imported["id"] == "sdk-text"
    path = tmp_path / "from-file.yaml"
    path.write_text(text.replace("name: sdk-copy", "name: sdk-file"))
    assert client.pipelines.import_yaml(path)["id"] == "sdk-file"
    path.write_text(path.read_text().replace("seed: 42", "seed: 7"))
    assert client.pipelines.import_yaml(str(path))["version"] == 2
    assert yaml.safe_load(client.pipelines.export_yaml("sdk-file", version=1))["name"] == "sdk-file"
    with pytest.raises(PipelineValidationError):
        client.pipelines.import_yaml("nodes: [")
    assert client.pipelines.delete("sdk-copy") is None
    with pytest.raises(NotFoundError):
        client.pipelines.get("sdk-copy")
