"""Datasets through the client: list, get, upload (file or DataFrame), preview, profile,
inspect, delete."""

from __future__ import annotations

import httpx
import pandas as pd
import pytest

from kumi.core.errors import DataFormatError, NotFoundError
from kumi.sdk import Client

CSV = "age,city,churned\n31,Lyon,1\n45,,0\n27,Nice,1\n"


def test_the_sample_datasets_are_listed_and_described(client):
    listed = {d["name"]: d for d in client.datasets.list()}
    assert "breast-cancer" in listed and len(listed) >= 4
    detail = client.datasets.get("breast-cancer")
    assert detail["latest_version"] == listed["breast-cancer"]["latest_version"]
    assert detail["versions"][0]["rows"] == listed["breast-cancer"]["rows"]


def test_a_csv_file_uploads_with_its_label_and_previews_as_a_dataframe(client, tmp_path):
    path = tmp_path / "customers.csv"
    path.write_text(CSV)
    created = client.datasets.upload(path, "sdk-customers", label="churned", description="d")
    assert (created["rows"], created["label"], created["description"]) == (3, "churned", "d")
    head = client.datasets.preview("sdk-customers", rows=2)
    expected = pd.DataFrame({"age": [31, 45], "city": ["Lyon", None], "churned": [1, 0]})
    pd.testing.assert_frame_equal(head, expected)
    profile = client.datasets.profile("sdk-customers")
    assert profile["version"] == 1 and "age" in str(profile["profile"])


def test_a_dataframe_round_trips_through_parquet_and_versions_resolve(client):
    frame = pd.DataFrame(
        {
            "x": [1.5, None, 3.25],
            "n": [1, 2, 3],
            "label": ["a", "b", None],
            "flag": [True, False, True],
            "when": pd.to_datetime(["2024-01-01 00:00", "2024-06-30 12:00", "2025-02-03 08:30"]),
        }
    )
    first = client.datasets.upload(frame, "sdk-frame")
    assert first["latest_version"] == 1 and first["rows"] == 3
    pd.testing.assert_frame_equal(client.datasets.preview("sdk-frame"), frame)
    client.datasets.upload(frame.head(1), "sdk-frame")
    assert len(client.datasets.preview("sdk-frame")) == 1
    assert len(client.datasets.preview("sdk-frame", version=1)) == 3
    assert client.datasets.profile("sdk-frame", version=1)["version"] == 1


def test_bad_files_are_refused_and_deleted_datasets_are_gone(client, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(DataFormatError, match="empty"):
        client.datasets.upload(empty, "sdk-empty")
    client.datasets.upload(pd.DataFrame({"a": [1]}), "sdk-gone")
    assert client.datasets.delete("sdk-gone") is None
    with pytest.raises(NotFoundError):
        client.datasets.get("sdk-gone")


def test_how_to_read_a_file_is_sent_as_form_fields(tmp_path):
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(201, json={"name": "t"})

    path = tmp_path / "t.tsv"
    path.write_text("a\tb\n1\t2\n")
    with Client("http://kumi.test", transport=httpx.MockTransport(answer)) as client:
        client.datasets.upload(
            path,
            "t",
            categorical=["a", "b"],
            ignore=["b"],
            file_format="tsv",
            encoding="latin-1",
            has_header=False,
        )
        client.datasets.inspect(pd.DataFrame({"a": [1]}), file_format="csv", rows=5)
    upload, inspect = (request.read().decode("latin-1") for request in sent)
    assert sent[0].url.path == "/api/datasets" and sent[1].url.path == "/api/datasets/inspect"
    for field, value in [
        ("name", "t"),
        ("categorical", "a"),
        ("categorical", "b"),
        ("ignore", "b"),
        ("file_format", "tsv"),
        ("encoding", "latin-1"),
        ("has_header", "false"),
    ]:
        assert f'name="{field}"\r\n\r\n{value}\r\n' in upload
    assert 'filename="t.tsv"' in upload and "1\t2" in upload
    assert 'name="rows"\r\n\r\n5\r\n' in inspect and 'filename="dataframe.parquet"' in inspect
    assert 'name="file_format"\r\n\r\nparquet\r\n' in inspect and 'name="name"' not in inspect


def test_inspect_reads_a_file_without_registering_it(client, tmp_path):
    path = tmp_path / "peek.csv"
    path.write_text(CSV)
    before = client.datasets.list()
    found = client.datasets.inspect(path, rows=2)
    assert (found["filename"], found["rows"]) == ("peek.csv", 3)
    assert [c["name"] for c in found["columns"]] == ["age", "city", "churned"]
    assert found["preview"] == [
        {"age": 31, "city": "Lyon", "churned": 1},
        {"age": 45, "city": None, "churned": 0},
    ]
    assert client.datasets.list() == before
    assert client.datasets.inspect(pd.DataFrame({"a": [1.5]}))["rows"] == 1


def test_categorical_and_ignored_columns_are_registered(client):
    frame = pd.DataFrame({"zip": [75001, 69001], "id": [1, 2], "y": [0, 1]})
    client.datasets.upload(frame, "sdk-roles", label="y", categorical=["zip"], ignore=["id"])
    columns = {c["name"]: c for c in client.datasets.get("sdk-roles")["versions"][0]["columns"]}
    assert columns["zip"]["categorical"] is True
    assert (columns["id"]["role"], columns["y"]["role"]) == ("ignore", "label")


def test_column_types_are_sent_with_the_upload(client, tmp_path):
    path = tmp_path / "zips.csv"
    path.write_text("zip,amount\n01234,7\n75001,8\n")
    types = {"zip": "string", "amount": "double"}
    created = client.datasets.upload(path, "zips", column_types=types)
    assert {c["name"]: c["type"] for c in created["version"]["columns"]} == types
    assert client.datasets.preview("zips")["zip"].tolist() == ["01234", "75001"]
