"""Import Data: files of each format, SQL queries, cache fingerprints, clear errors."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import fsspec
import pandas as pd
import pytest

from kumi.components.data.import_data import ImportData, ImportDataParams
from kumi.core import DataFormatError, InvalidParameterError, RunContext

FRAME = pd.DataFrame({"id": [1, 2, 3], "name": ["a", "b", None], "score": [0.5, 1.5, 2.5]})


@pytest.mark.parametrize("suffix", ["csv", "tsv", "parquet", "jsonl"])
def test_reads_each_format(run, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"data.{suffix}"
    if suffix == "parquet":
        FRAME.to_parquet(path, index=False)
    elif suffix == "jsonl":
        FRAME.to_json(path, orient="records", lines=True)
    else:
        FRAME.to_csv(path, index=False, sep="\t" if suffix == "tsv" else ",")
    out = run("import_data", {"path": str(path)})["results_dataset"]
    assert out.frame["id"].tolist() == [1, 2, 3]
    assert out.frame["name"].tolist()[:2] == ["a", "b"] and pd.isna(out.frame["name"][2])


def test_explicit_format_and_no_header(run, tmp_path: Path) -> None:
    path = tmp_path / "rows.txt"
    path.write_text("1;x\n2;y\n".replace(";", "\t"))
    params = {"path": str(path), "file_format": "tsv", "has_header": False}
    assert run("import_data", params)["results_dataset"].columns == ["col1", "col2"]


def test_sql_query_on_sqlite(run, tmp_path: Path) -> None:
    database = tmp_path / "shop.db"
    with sqlite3.connect(database) as connection:
        FRAME.to_sql("items", connection, index=False)
    params = {
        "database_url": f"sqlite:///{database}",
        "query": "SELECT id FROM items WHERE score > 1",
    }
    assert run("import_data", params)["results_dataset"].frame["id"].tolist() == [2, 3]


def test_exactly_one_source(run, tmp_path: Path) -> None:
    with pytest.raises(InvalidParameterError, match="neither"):
        run("import_data", {})
    with pytest.raises(InvalidParameterError, match="both"):
        run("import_data", {"path": "x.csv", "database_url": "sqlite://"})


def test_missing_file_names_it(run, tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match=r"nothing\.csv"):
        run("import_data", {"path": str(tmp_path / "nothing.csv")})


def test_fingerprint_changes_when_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    FRAME.to_csv(path, index=False)
    component, ctx = ImportData(), RunContext(node_id="n", work_dir=tmp_path)
    params = ImportDataParams(path=str(path))
    first = component.fingerprint(params, ctx)
    assert component.fingerprint(params, ctx) == first
    FRAME.head(2).to_csv(path, index=False)
    os.utime(path, ns=(1, 1))
    assert component.fingerprint(params, ctx) != first
    query = ImportDataParams(database_url="sqlite://", query="SELECT 1")
    assert component.fingerprint(query, ctx) != component.fingerprint(query, ctx)


def test_reads_and_fingerprints_an_fsspec_url(run, tmp_path: Path) -> None:
    url = "memory://kumi-import-test/data.csv"
    with fsspec.open(url, "wb") as handle:
        handle.write(b"id,x\n1,2\n")
    assert run("import_data", {"path": url})["results_dataset"].frame["x"].tolist() == [2]
    component, ctx = ImportData(), RunContext(node_id="n", work_dir=tmp_path)
    first = component.fingerprint(ImportDataParams(path=url), ctx)
    with fsspec.open(url, "wb") as handle:
        handle.write(b"id,x\n1,3\n")
    assert component.fingerprint(ImportDataParams(path=url), ctx) != first
