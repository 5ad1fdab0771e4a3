"""Export Data: files of each format (atomic local writes), fsspec URLs and SQL tables."""

from __future__ import annotations

from pathlib import Path

import fsspec
import pandas as pd
import pytest
import sqlalchemy as sa

from kumi.components.data.export_data import ExportData
from kumi.core import DataFormatError, InvalidInputError, InvalidParameterError, Table
from kumi.core.readers import read_table

TABLE = Table.of(pd.DataFrame({"id": [1, 2], "name": ["a", None], "x": [0.5, 1.5]}))


@pytest.mark.parametrize("suffix", ["csv", "tsv", "parquet", "jsonl"])
def test_writes_each_format_readably(run, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / "out" / f"table.{suffix}"
    assert run("export_data", {"path": str(target)}, dataset=TABLE) == {}
    back = read_table(target)
    assert back["id"].tolist() == [1, 2] and back["x"].tolist() == [0.5, 1.5]
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary files


def test_replaces_an_existing_file_atomically(run, tmp_path: Path) -> None:
    target = tmp_path / "table.csv"
    target.write_text("old\n")
    run("export_data", {"path": str(target), "file_format": "csv"}, dataset=TABLE)
    assert target.read_text().splitlines()[0] == "id,name,x"


def test_writes_to_an_fsspec_url(run) -> None:
    url = "memory://kumi-export-test/table.csv"
    run("export_data", {"path": url}, dataset=TABLE)
    with fsspec.open(url, "rb") as handle:
        assert pd.read_csv(handle)["id"].tolist() == [1, 2]


def test_sql_table_policies(run, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'out.db'}"
    params = {"database_url": url, "table_name": "scores"}
    run("export_data", params, dataset=TABLE)
    run("export_data", params, dataset=TABLE)  # default: append
    count = "SELECT count(*) FROM scores"
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        assert connection.execute(sa.text(count)).scalar() == 4
    run("export_data", {**params, "if_exists": "replace"}, dataset=TABLE)
    with engine.connect() as connection:
        assert connection.execute(sa.text(count)).scalar() == 2
    engine.dispose()
    with pytest.raises(InvalidInputError, match="already exists"):
        run("export_data", {**params, "if_exists": "fail"}, dataset=TABLE)


def test_errors(run, tmp_path: Path) -> None:
    with pytest.raises(InvalidParameterError, match="table_name"):
        run("export_data", {"database_url": "sqlite://"}, dataset=TABLE)
    with pytest.raises(DataFormatError, match="extension"):
        run("export_data", {"path": str(tmp_path / "table.xyz")}, dataset=TABLE)
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(InvalidInputError, match="Could not write"):
        run("export_data", {"path": str(blocker / "sub" / "t.csv")}, dataset=TABLE)
    with pytest.raises(DataFormatError, match="scores"):
        url = f"sqlite:///{tmp_path / 'missing' / 'x.db'}"
        run("export_data", {"database_url": url, "table_name": "scores"}, dataset=TABLE)


def test_always_runs() -> None:
    assert ExportData.cacheable is False and ExportData.outputs == ()
