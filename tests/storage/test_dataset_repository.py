"""Registered datasets on SQLite and PostgreSQL: versions, roles, content, bad input."""

from __future__ import annotations

import multiprocessing
import pickle
import sqlite3
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kumi.core import ColumnRole, DatasetResolver
from kumi.core.errors import (
    ColumnNotFoundError,
    DataFormatError,
    InvalidInputError,
    NotFoundError,
)
from kumi.storage import Workspace

State = Callable[[Workspace], tuple[list[str], list[tuple[object, ...]]]]

FRAME = pd.DataFrame(
    {
        "age": [25, 32, 47, 51, 38, 29],
        "income": [31.5, 48.0, np.nan, 72.25, 55.0, 39.5],
        "city": ["Oslo", "Lima", "Oslo", None, "Pune", "Oslo"],
        "id": ["a", "b", "c", "d", "e", "f"],
        "churn": [0, 1, 0, 1, 1, 0],
    }
)


def test_register_dataframe_with_roles(bare_workspace: Workspace) -> None:
    record = bare_workspace.datasets.register(
        "churn", FRAME, description="d", label="churn", categorical=["city"], ignore=["id"]
    )
    assert (record.name, record.version, record.row_count, record.label) == ("churn", 1, 6, "churn")
    schema = {c.name: c for c in record.schema.columns}
    assert schema["id"].role == ColumnRole.IGNORE
    assert schema["city"].categorical and not schema["age"].categorical
    assert schema["income"].type.value == "double"
    table = bare_workspace.datasets.load_table("churn")
    pd.testing.assert_frame_equal(table.frame, FRAME)
    assert table.label == "churn"
    assert table.role("id") == ColumnRole.IGNORE
    assert table.categorical == frozenset({"city"})
    assert table.feature_columns() == ["age", "income", "city"]


def test_versions_are_immutable_and_identical_content_is_not_duplicated(
    bare_workspace: Workspace,
) -> None:
    datasets = bare_workspace.datasets
    first = datasets.register("d", FRAME, label="churn")
    assert datasets.register("d", FRAME.copy(), label="churn") == first
    changed = FRAME.assign(age=FRAME["age"] + 1)
    second = datasets.register("d", changed, label="churn")
    relabelled = datasets.register("d", changed, label="age")  # same rows, other roles
    assert [v.version for v in datasets.versions("d")] == [1, 2, 3]
    assert second.content_hash != first.content_hash
    assert relabelled.content_hash == second.content_hash and relabelled.label == "age"
    assert datasets.get("d").version == 3
    pd.testing.assert_frame_equal(datasets.load_table("d", 1).frame, FRAME)
    assert datasets.load_table("d", 2).frame["age"].tolist() == (FRAME["age"] + 1).tolist()
    assert datasets.get("d", 1).version_token != datasets.get("d", 2).version_token


def test_register_files_of_every_format(bare_workspace: Workspace, tmp_path: Path) -> None:
    FRAME.to_csv(tmp_path / "t.csv", index=False)
    FRAME.to_csv(tmp_path / "t.tsv", sep="\t", index=False)
    FRAME.to_parquet(tmp_path / "t.parquet")
    FRAME.to_json(tmp_path / "t.jsonl", orient="records", lines=True)
    for name in ("t.csv", "t.tsv", "t.parquet", "t.jsonl"):
        record = bare_workspace.datasets.register(name.replace(".", "-"), tmp_path / name)
        assert record.source == str(tmp_path / name)
        loaded = bare_workspace.datasets.load_table(record.name).frame
        pd.testing.assert_frame_equal(loaded, FRAME, check_dtype=False)


def test_register_sql_query(bare_workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x INTEGER, y TEXT)")
        connection.executemany("INSERT INTO t VALUES (?, ?)", [(1, "a"), (2, "b"), (3, "a")])
    record = bare_workspace.datasets.register_sql(
        "from-sql", f"sqlite:///{path}", "SELECT x, y FROM t WHERE x > 1", label="y"
    )
    assert record.row_count == 2 and "SELECT x, y" in record.source
    assert bare_workspace.datasets.load_table("from-sql").frame.to_dict("list") == {
        "x": [2, 3],
        "y": ["b", "a"],
    }


def test_preview_and_list(bare_workspace: Workspace) -> None:
    datasets = bare_workspace.datasets
    datasets.register("b-set", FRAME)
    datasets.register("a-set", FRAME.head(3))
    datasets.register("a-set", FRAME.head(4))
    assert [(d.name, d.version) for d in datasets.list()] == [("a-set", 2), ("b-set", 1)]
    assert datasets.names() == ["a-set", "b-set"]
    pd.testing.assert_frame_equal(datasets.preview("b-set", rows=2), FRAME.head(2))
    assert len(datasets.preview("a-set", version=1, rows=10)) == 3


def test_profile_matches_pandas(bare_workspace: Workspace) -> None:
    bare_workspace.datasets.register("p", FRAME, label="churn", categorical=["city"])
    profile = bare_workspace.datasets.profile("p")
    columns = {c["name"]: c for c in profile["columns"]}
    assert profile["row_count"] == 6
    income = columns["income"]
    assert income["missing"] == 1 and income["distinct"] == 5
    assert income["min"] == 31.5 and income["max"] == 72.25
    assert income["mean"] == pytest.approx(FRAME["income"].mean())
    assert income["std"] == pytest.approx(FRAME["income"].std())
    assert sum(income["histogram"]["counts"]) == 5
    assert len(income["histogram"]["edges"]) == len(income["histogram"]["counts"]) + 1
    city = columns["city"]
    assert city["missing"] == 1 and city["categorical"] is True
    assert city["top_values"][0] == {"value": "Oslo", "count": 3}
    assert columns["churn"]["role"] == "label"


def test_unknown_names_and_versions(bare_workspace: Workspace) -> None:
    bare_workspace.datasets.register("known", FRAME)
    with pytest.raises(NotFoundError, match=r"'nope'.*known"):
        bare_workspace.datasets.get("nope")
    with pytest.raises(NotFoundError, match="no version 7") as excinfo:
        bare_workspace.datasets.load_table("known", 7)
    assert excinfo.value.details["versions"] == [1]


@pytest.mark.parametrize("name", ["", "has space", "../escape", "-lead", "x" * 129])
def test_invalid_dataset_names(bare_workspace: Workspace, name: str) -> None:
    with pytest.raises(InvalidInputError, match="not valid"):
        bare_workspace.datasets.register(name, FRAME)


def test_delete_removes_rows_and_files(bare_workspace: Workspace, stored_state: State) -> None:
    bare_workspace.datasets.register("gone", FRAME)
    bare_workspace.datasets.register("gone", FRAME.head(2))
    bare_workspace.datasets.delete("gone")
    assert stored_state(bare_workspace) == ([], [])
    with pytest.raises(NotFoundError):
        bare_workspace.datasets.delete("gone")


# -- failed registrations change nothing --------------------------------------------------
BAD_FILES = {
    "ragged.csv": (b"a,b\n1,2\n3,4,5\n", DataFormatError, "line 3"),
    "empty.csv": (b"", DataFormatError, "empty"),
    "header-only.csv": (b"age,churn\n", DataFormatError, "no rows"),
    "latin.csv": ("age,city\n1,Bogotá\n".encode("cp1252"), DataFormatError, "encoding="),
    "dupes.csv": (b"age,age\n1,2\n", DataFormatError, "duplicate column names: 'age'"),
    "noise.csv": (b"\x00\x01\x02garbage\xff\x00", DataFormatError, "binary"),
}


@pytest.mark.parametrize("file_name", sorted(BAD_FILES))
def test_failed_registration_from_file_stores_nothing(
    bare_workspace: Workspace, stored_state: State, tmp_path: Path, file_name: str
) -> None:
    datasets = bare_workspace.datasets
    original = datasets.register("data", FRAME, label="churn")
    before = stored_state(bare_workspace)
    content, error, message = BAD_FILES[file_name]
    (tmp_path / file_name).write_bytes(content)
    with pytest.raises(error, match=message) as excinfo:
        datasets.register("data", tmp_path / file_name)
    assert file_name in excinfo.value.message
    assert stored_state(bare_workspace) == before
    assert datasets.get("data") == original
    pd.testing.assert_frame_equal(datasets.load_table("data").frame, FRAME)


@pytest.mark.parametrize(
    ("roles", "column"),
    [({"label": "chrun"}, "chrun"), ({"categorical": ["town"]}, "town"), ({"ignore": ["x"]}, "x")],
)
def test_unknown_role_column_stores_nothing(
    bare_workspace: Workspace,
    stored_state: State,
    tmp_path: Path,
    roles: dict[str, object],
    column: str,
) -> None:
    datasets = bare_workspace.datasets
    datasets.register("data", FRAME, label="churn")
    before = stored_state(bare_workspace)
    FRAME.to_csv(tmp_path / "new.csv", index=False)
    with pytest.raises(ColumnNotFoundError, match=rf"'{column}'.*new\.csv") as excinfo:
        datasets.register("data", tmp_path / "new.csv", **roles)  # type: ignore[arg-type]
    assert excinfo.value.details["column"] == column
    with pytest.raises(ColumnNotFoundError):
        datasets.register("fresh", FRAME, **roles)  # type: ignore[arg-type]
    assert stored_state(bare_workspace) == before


def test_label_cannot_be_ignored(bare_workspace: Workspace, stored_state: State) -> None:
    with pytest.raises(InvalidInputError, match="churn"):
        bare_workspace.datasets.register("x", FRAME, label="churn", ignore=["churn"])
    assert stored_state(bare_workspace) == ([], [])


def test_database_failure_removes_the_new_artifact(
    bare_workspace: Workspace, stored_state: State, monkeypatch: pytest.MonkeyPatch
) -> None:
    datasets = bare_workspace.datasets
    datasets.register("data", FRAME)
    before = stored_state(bare_workspace)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(datasets, "_insert_version", broken)
    with pytest.raises(RuntimeError):
        datasets.register("data", FRAME.head(3))
    assert stored_state(bare_workspace) == before


# -- resolver -------------------------------------------------------------------------------
def _load_in_child(resolver: DatasetResolver, queue: multiprocessing.Queue[object]) -> None:
    table = resolver.load_table("data")
    queue.put((table.frame.shape, table.label, resolver.version_token("data", 1)))


def test_resolver_is_picklable_and_works_in_another_process(bare_workspace: Workspace) -> None:
    bare_workspace.datasets.register("data", FRAME, label="churn")
    record = bare_workspace.datasets.register("data", FRAME.head(4), label="churn")
    resolver = bare_workspace.dataset_resolver()
    assert isinstance(resolver, DatasetResolver)
    assert resolver.version_token("data") == record.version_token
    assert resolver.table_schema("data") == record.schema
    resolver.load_table("data")  # opens connections; pickling must still work
    clone = pickle.loads(pickle.dumps(resolver))
    assert clone.load_table("data", 1).frame.shape == (6, 5)
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[object] = context.Queue()
    child = context.Process(target=_load_in_child, args=(resolver, queue))
    child.start()
    result = queue.get(timeout=60)
    child.join(timeout=60)
    assert result == ((4, 5), "churn", bare_workspace.datasets.get("data", 1).version_token)
    with pytest.raises(NotFoundError):
        resolver.load_table("missing")
    resolver.close()
    clone.close()
