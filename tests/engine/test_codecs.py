"""Codecs: every port type round-trips through a directory, with a stable content hash."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from engine_components import MeanModel

from kumi.core import (
    ColumnRole,
    EvaluationReport,
    FileArtifact,
    InvalidInputError,
    NotFoundError,
    OutputRef,
    PortType,
    Table,
)
from kumi.engine import (
    hash_files,
    load_output,
    load_value,
    publish,
    save_snapshot,
    save_value,
)
from kumi.storage import LocalArtifactStore


def mixed_table() -> Table:
    frame = pd.DataFrame(
        {
            "age": np.array([30, 41, 52], dtype="int64"),
            "income": [1.5, np.nan, 3.25],
            "city": pd.Categorical(["Lisbon", "Osaka", "Lisbon"]),
            "name": ["a", None, "c"],
            "member": [True, False, True],
            "when": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
            "count": pd.array([1, None, 3], dtype="Int64"),
            "label": [0, 1, 0],
        },
        index=[10, 11, 12],
    )
    return Table.of(frame, label="label", roles={"name": ColumnRole.IGNORE})


def test_table_round_trip_keeps_values_types_index_and_roles(tmp_path: Path):
    table = mixed_table()
    save_value(table, PortType.TABLE, tmp_path / "t")
    assert (tmp_path / "t" / "table.arrow").is_file()
    back = load_value(tmp_path / "t", "table")
    pd.testing.assert_frame_equal(back.frame, table.frame)
    assert back.roles == {"label": ColumnRole.LABEL, "name": ColumnRole.IGNORE}
    assert back.categorical == frozenset({"city"})
    assert back.schema() == table.schema()


def test_content_hash_is_stable_and_follows_content_and_metadata(tmp_path: Path):
    table = mixed_table()
    first = save_value(table, "table", tmp_path / "a")
    assert save_value(mixed_table(), "table", tmp_path / "b") == first
    changed = table.frame.copy()
    changed.loc[10, "age"] = 31
    assert save_value(table.derive(changed), "table", tmp_path / "c") != first
    relabelled = table.with_label("member")
    assert save_value(relabelled, "table", tmp_path / "d") != first
    assert len(first) == 64


def test_the_hash_taken_while_writing_is_the_hash_of_the_written_files(tmp_path: Path):
    for port_type, value in [
        ("table", mixed_table()),
        ("trained_model", MeanModel(1.0)),
        ("file", FileArtifact("a.txt", b"x" * (5 << 20), "text/plain")),
    ]:
        folder = tmp_path / port_type
        content_hash, snapshot = save_snapshot(value, port_type, folder)
        names = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
        assert content_hash == hash_files(folder, names)
        again = snapshot.value()
        assert type(again) is type(value) and again is not value


def test_frames_arrow_cannot_hold_fall_back_to_pickle(tmp_path: Path):
    table = Table.of(pd.DataFrame({"mixed": [1, "two", {"three": 3}]}))
    h1 = save_value(table, "table", tmp_path / "m")
    assert (tmp_path / "m" / "table.pkl").is_file()
    back = load_value(tmp_path / "m", "table")
    assert back.frame["mixed"].tolist() == [1, "two", {"three": 3}]
    assert save_value(table, "table", tmp_path / "m2") == h1


@pytest.mark.parametrize(
    "port_type", [PortType.TRAINED_MODEL, PortType.UNTRAINED_MODEL, PortType.TRANSFORMATION]
)
def test_models_round_trip_with_cloudpickle(tmp_path: Path, port_type):
    save_value(MeanModel(2.5), port_type, tmp_path / "m")
    back = load_value(tmp_path / "m", port_type)
    assert isinstance(back, MeanModel) and back.mean_ == 2.5


def test_evaluation_report_is_json_with_numpy_values(tmp_path: Path):
    report = EvaluationReport(
        "binary",
        {"auc": np.float64(0.9)},
        charts={"roc": np.array([0.0, 0.5, 1.0])},
        compared=EvaluationReport("binary", {"auc": 0.8}),
    )
    save_value(report, "evaluation_report", tmp_path / "r")
    assert '"auc": 0.9' in (tmp_path / "r" / "report.json").read_text()
    back = load_value(tmp_path / "r", "evaluation_report")
    assert back.metrics == {"auc": 0.9} and back.charts == {"roc": [0.0, 0.5, 1.0]}
    assert back.compared is not None and back.compared.metrics == {"auc": 0.8}


def test_file_is_stored_raw_under_a_safe_name(tmp_path: Path):
    artifact = FileArtifact("../../etc/out.csv", b"a,b\n1,2\n", "text/csv")
    save_value(artifact, "file", tmp_path / "f")
    assert (tmp_path / "f" / "file" / "out.csv").read_bytes() == b"a,b\n1,2\n"
    assert load_value(tmp_path / "f", "file") == artifact


def test_publish_and_load_output_through_a_store(tmp_path: Path):
    store = LocalArtifactStore(tmp_path / "store")
    ref = publish(mixed_table(), PortType.TABLE, store, tmp_path / "work" / "a")
    assert ref.key.startswith("artifacts/") and ref.key.endswith(ref.content_hash)
    again = publish(mixed_table(), PortType.TABLE, store, tmp_path / "work" / "b")
    assert again == ref and not (tmp_path / "work" / "b").exists()
    loaded = load_output(store, OutputRef.from_dict(ref.to_dict()))
    pd.testing.assert_frame_equal(loaded.frame, mixed_table().frame)


def test_a_million_rows_write_and_read_well_under_a_second(tmp_path: Path):
    rng = np.random.default_rng(0)
    n = 1_000_000
    frame = pd.DataFrame({f"x{i}": rng.normal(size=n) for i in range(8)})
    frame["k"] = rng.integers(0, 100, n)
    frame["label"] = rng.integers(0, 2, n)
    table = Table.of(frame, label="label")
    best = float("inf")
    for attempt in range(2):
        start = time.perf_counter()
        save_value(table, "table", tmp_path / f"big{attempt}")
        back = load_value(tmp_path / f"big{attempt}", "table")
        best = min(best, time.perf_counter() - start)
    assert len(back.frame) == n and back.label == "label"
    assert best < 1.0, f"1M x 10 write+read took {best:.2f} s"


def test_local_store_keeps_an_existing_key_and_rejects_escaping_keys(tmp_path: Path):
    store = LocalArtifactStore(tmp_path / "store")
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    (first / "a.txt").write_text("first")
    second.mkdir()
    (second / "a.txt").write_text("second")
    uri = store.put_dir(first, "artifacts/k")
    assert uri.startswith("file://") and store.exists("artifacts/k")
    store.put_dir(second, "artifacts/k")
    assert (store.get_dir("artifacts/k") / "a.txt").read_text() == "first"
    assert not first.exists() and not second.exists()
    for bad in ("../outside", "/abs/path", ""):
        with pytest.raises(InvalidInputError):
            store.exists(bad)
    with pytest.raises(NotFoundError):
        store.get_dir("artifacts/missing")
    store.delete("artifacts/k")
    assert not store.exists("artifacts/k")
