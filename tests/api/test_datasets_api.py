"""Datasets over REST: list, versions, preview, profile, upload and bad uploads."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from tests.api.conftest import assert_error, studio_client

CSV = "age,city,churned\n31,Lyon,1\n45,,0\n27,Nice,1\n"


def upload(client, name: str, content: bytes, filename: str = "data.csv", **form: str):
    files = {"file": (filename, io.BytesIO(content), "text/csv")}
    return client.post("/api/datasets", files=files, data={"name": name, **form})


def test_the_sample_datasets_are_listed(client):
    datasets = {d["name"]: d for d in client.get("/api/datasets").json()["datasets"]}
    assert len(datasets) >= 4
    sample = next(iter(datasets.values()))
    assert sample["rows"] > 0 and sample["columns"] > 0 and sample["latest_version"] >= 1


def test_an_uploaded_csv_becomes_a_dataset_with_preview_and_profile(client):
    response = upload(client, "customers", CSV.encode(), label="churned")
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["rows"] == 3 and created["label"] == "churned"
    detail = client.get("/api/datasets/customers").json()
    assert [v["version"] for v in detail["versions"]] == [1]
    assert detail["versions"][0]["source"] == "upload:data.csv"
    roles = {c["name"]: c["role"] for c in detail["versions"][0]["columns"]}
    assert roles["churned"] == "label"
    head = client.get("/api/datasets/customers/versions/1/preview?rows=2").json()
    assert head["total_rows"] == 3
    assert head["rows"] == [
        {"age": 31, "city": "Lyon", "churned": 1},
        {"age": 45, "city": None, "churned": 0},
    ]
    profile = client.get("/api/datasets/customers/versions/1/profile").json()["profile"]
    assert "age" in str(profile)


def test_a_parquet_upload_and_a_second_version(client, tmp_path):
    frame = pd.DataFrame({"x": [1.5, 2.5], "y": ["a", "b"]})
    path = tmp_path / "t.parquet"
    frame.to_parquet(path)
    assert upload(client, "pq", path.read_bytes(), filename="t.parquet").status_code == 201
    again = upload(client, "pq", b"x,y\n9,z\n", filename="t.csv")
    assert again.status_code == 201
    versions = client.get("/api/datasets/pq").json()["versions"]
    assert [(v["version"], v["rows"]) for v in versions] == [(2, 1), (1, 2)]


@pytest.mark.parametrize(
    ("content", "filename", "form"),
    [
        pytest.param(b"", "empty.csv", {}, id="empty file"),
        pytest.param(
            b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 20, "picture.parquet", {}, id="not a table"
        ),
        pytest.param("name\nJosé\n".encode("latin-1"), "latin.csv", {}, id="wrong encoding"),
        pytest.param(b"a,b\n1,2\n", "t.csv", {"label": "missing"}, id="unknown label column"),
    ],
)
def test_bad_uploads_get_a_clear_400_and_keep_what_was_saved(client, content, filename, form):
    assert upload(client, "kept", b"a,b\n1,2\n").status_code == 201
    before = client.get("/api/datasets/kept").json()["versions"]
    response = upload(client, "kept", content, filename=filename, **form)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"]["message"]
    assert "kumi-upload-" not in response.text  # the server's temporary copy is not shown
    assert client.get("/api/datasets/kept").json()["versions"] == before


def test_a_file_over_the_limit_is_refused_with_413(tmp_path):
    with studio_client(tmp_path, max_upload_bytes=100) as small:
        response = upload(small, "big", b"a,b\n" + b"1,2\n" * 100)
        error = assert_error(response, 413, "upload_too_large")
        assert error["details"]["limit_bytes"] == 100
        assert "big" not in {d["name"] for d in small.get("/api/datasets").json()["datasets"]}


def test_missing_things_and_wrong_types(client):
    assert_error(client.get("/api/datasets/nope"), 404, "not_found")
    assert_error(client.get("/api/datasets/customers/versions/9/preview"), 404, "not_found")
    error = assert_error(
        client.get("/api/datasets/customers/versions/1/preview?rows=0"), 422, "invalid_request"
    )
    assert error["details"]["problems"][0]["where"] == "query.rows"
    assert_error(client.post("/api/datasets", data={"name": "x"}), 422, "invalid_request")


def test_a_dataset_can_be_deleted(client):
    assert upload(client, "gone", b"a\n1\n").status_code == 201
    assert client.delete("/api/datasets/gone").status_code == 204
    assert_error(client.get("/api/datasets/gone"), 404, "not_found")


def test_inspect_reads_a_file_and_saves_nothing(client):
    before = client.get("/api/datasets").json()["datasets"]
    files = {"file": ("people.csv", io.BytesIO(CSV.encode()), "text/csv")}
    answer = client.post("/api/datasets/inspect", files=files, data={"rows": "2"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["rows"] == 3 and body["filename"] == "people.csv"
    types = {c["name"]: c["type"] for c in body["columns"]}
    assert types["age"] == "integer" and types["city"] == "string"
    assert body["preview"] == [
        {"age": 31, "city": "Lyon", "churned": 1},
        {"age": 45, "city": None, "churned": 0},
    ]
    assert client.get("/api/datasets").json()["datasets"] == before
    bad = {"file": ("x.csv", io.BytesIO("é\n".encode("latin-1")), "text/csv")}
    assert 400 <= client.post("/api/datasets/inspect", files=bad).status_code < 500


def test_upload_sets_categorical_and_ignored_columns(client):
    files = {"file": ("c.csv", io.BytesIO(CSV.encode()), "text/csv")}
    form = {"name": "roles", "label": "churned", "categorical": ["city"], "ignore": ["age"]}
    assert client.post("/api/datasets", files=files, data=form).status_code == 201
    columns = client.get("/api/datasets/roles").json()["versions"][0]["columns"]
    by_name = {c["name"]: c for c in columns}
    assert by_name["city"]["categorical"] is True
    assert by_name["age"]["role"] == "ignore" and by_name["churned"]["role"] == "label"


def test_column_types_chosen_at_upload_replace_the_inferred_ones(client):
    content = b"zip,signed,score\n01234,2024-03-01,7\n75001,2024-04-15,\n"
    types = '{"zip": "string", "signed": "datetime", "score": "double"}'
    response = upload(client, "typed", content, column_types=types)
    assert response.status_code == 201, response.text
    columns = {c["name"]: c["type"] for c in response.json()["version"]["columns"]}
    assert columns == {"zip": "string", "signed": "datetime", "score": "double"}
    head = client.get("/api/datasets/typed/versions/1/preview").json()
    assert head["rows"][0]["zip"] == "01234"  # the leading zero kept


@pytest.mark.parametrize(
    ("types", "code", "said"),
    [
        ('{"nope": "string"}', "invalid_input", "does not have"),
        ('{"zip": "text"}', "invalid_input", "not a column type"),
        ('{"city": "integer"}', "invalid_data", "cannot be converted to integer"),
        ("[1, 2]", "invalid_input", "JSON object"),
        ("{not json", "invalid_input", "JSON object"),
    ],
)
def test_bad_column_types_are_refused_and_nothing_is_saved(client, types, code, said):
    content = b"zip,city\n01234,Lyon\n75001,Nice\n"
    error = assert_error(upload(client, "typed-bad", content, column_types=types), 400, code)
    assert said in error["message"]
    assert client.get("/api/datasets/typed-bad").status_code == 404
