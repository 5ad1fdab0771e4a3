"""Codecs: every port type round-trips through a directory, with a stable content hash."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from engine_components import MeanModel

from kumi.core import (
    ColumnRole,
    DataFormatError,
    EvaluationReport,
    FileArtifact,
    InvalidInputError,
    NotFoundError,
    OutputRef,
    PortType,
    Table,
)
from kumi.engine import (
    column_digest,
    hash_files,
    load_output,
    load_table_head,
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


@pytest.fixture
def store(tmp_path: Path) -> LocalArtifactStore:
    return LocalArtifactStore(tmp_path / "store")


def test_table_round_trip_keeps_values_types_index_and_roles(
    tmp_path: Path, store: LocalArtifactStore
):
    table = mixed_table()
    save_value(table, PortType.TABLE, tmp_path / "t", store)
    assert (tmp_path / "t" / "table.json").is_file()
    back = load_value(tmp_path / "t", "table", store)
    pd.testing.assert_frame_equal(back.frame, table.frame)
    assert back.roles == {"label": ColumnRole.LABEL, "name": ColumnRole.IGNORE}
    assert back.categorical == frozenset({"city"})
    assert back.schema() == table.schema()


def test_content_hash_is_stable_and_follows_content_and_metadata(
    tmp_path: Path, store: LocalArtifactStore
):
    table = mixed_table()
    first = save_value(table, "table", tmp_path / "a", store)
    assert save_value(mixed_table(), "table", tmp_path / "b", store) == first
    changed = table.frame.copy()
    changed.loc[10, "age"] = 31
    assert save_value(table.derive(changed), "table", tmp_path / "c", store) != first
    relabelled = table.with_label("member")
    assert save_value(relabelled, "table", tmp_path / "d", store) != first
    assert len(first) == 64


def test_the_hash_taken_while_writing_is_the_hash_of_the_written_files(
    tmp_path: Path, store: LocalArtifactStore
):
    for port_type, value in [
        ("table", mixed_table()),
        ("trained_model", MeanModel(1.0)),
        ("file", FileArtifact("a.txt", b"x" * (5 << 20), "text/plain")),
    ]:
        folder = tmp_path / port_type
        content_hash, snapshot = save_snapshot(value, port_type, folder, store)
        names = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
        assert content_hash == hash_files(folder, names)
        again = snapshot.value()
        assert type(again) is type(value) and again is not value


def test_frames_arrow_cannot_hold_fall_back_to_pickle(tmp_path: Path, store: LocalArtifactStore):
    table = Table.of(pd.DataFrame({"mixed": [1, "two", {"three": 3}]}))
    h1 = save_value(table, "table", tmp_path / "m", store)
    assert (tmp_path / "m" / "table.pkl").is_file()
    back = load_value(tmp_path / "m", "table", store)
    assert back.frame["mixed"].tolist() == [1, "two", {"three": 3}]
    assert save_value(table, "table", tmp_path / "m2", store) == h1


@pytest.mark.parametrize(
    "port_type", [PortType.TRAINED_MODEL, PortType.UNTRAINED_MODEL, PortType.TRANSFORMATION]
)
def test_models_round_trip_with_cloudpickle(tmp_path: Path, port_type, store: LocalArtifactStore):
    save_value(MeanModel(2.5), port_type, tmp_path / "m", store)
    back = load_value(tmp_path / "m", port_type, store)
    assert isinstance(back, MeanModel) and back.mean_ == 2.5


def test_evaluation_report_is_json_with_numpy_values(tmp_path: Path, store: LocalArtifactStore):
    report = EvaluationReport(
        "binary",
        {"auc": np.float64(0.9)},
        charts={"roc": np.array([0.0, 0.5, 1.0])},
        compared=EvaluationReport("binary", {"auc": 0.8}),
    )
    save_value(report, "evaluation_report", tmp_path / "r", store)
    assert '"auc": 0.9' in (tmp_path / "r" / "report.json").read_text()
    back = load_value(tmp_path / "r", "evaluation_report", store)
    assert back.metrics == {"auc": 0.9} and back.charts == {"roc": [0.0, 0.5, 1.0]}
    assert back.compared is not None and back.compared.metrics == {"auc": 0.8}


def test_file_is_stored_raw_under_a_safe_name(tmp_path: Path, store: LocalArtifactStore):
    artifact = FileArtifact("../../etc/out.csv", b"a,b\n1,2\n", "text/csv")
    save_value(artifact, "file", tmp_path / "f", store)
    assert (tmp_path / "f" / "file" / "out.csv").read_bytes() == b"a,b\n1,2\n"
    assert load_value(tmp_path / "f", "file", store) == artifact


def test_publish_and_load_output_through_a_store(tmp_path: Path):
    store = LocalArtifactStore(tmp_path / "store")
    ref = publish(mixed_table(), PortType.TABLE, store, tmp_path / "work" / "a")
    assert ref.key.startswith("artifacts/") and ref.key.endswith(ref.content_hash)
    again = publish(mixed_table(), PortType.TABLE, store, tmp_path / "work" / "b")
    assert again == ref and not (tmp_path / "work" / "b").exists()
    loaded = load_output(store, OutputRef.from_dict(ref.to_dict()))
    pd.testing.assert_frame_equal(loaded.frame, mixed_table().frame)


def test_columns_are_stored_once_and_shared_between_tables(
    tmp_path: Path, store: LocalArtifactStore
):
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({f"x{i}": rng.normal(size=1000) for i in range(4)})
    save_value(Table.of(frame), "table", tmp_path / "all", store)
    assert len(chunk_files(store)) == 4
    changed = frame[["x0", "x1"]].assign(x1=frame["x1"] * 2, x9=1.0)
    save_value(Table.of(changed), "table", tmp_path / "changed", store)
    assert len(chunk_files(store)) == 6  # x0 reused; the new x1 and x9 written
    back = load_value(tmp_path / "changed", "table", store)
    pd.testing.assert_frame_equal(back.frame, changed)


def test_column_digest_follows_content_type_and_dictionary():
    a = pa.chunked_array([pa.array([1.0, None, 3.0])])
    assert column_digest(a) == column_digest(pa.chunked_array([pa.array([1.0, None, 3.0])]))
    assert column_digest(a) != column_digest(pa.chunked_array([pa.array([1.0, 2.0, 3.0])]))
    assert column_digest(a) != column_digest(a.cast(pa.float32()))
    one = pa.chunked_array([pa.array(["x", "y", "x"]).dictionary_encode()])
    other = pa.chunked_array([pa.array(["x", "z", "x"]).dictionary_encode()])
    assert column_digest(one) != column_digest(other)


def test_tables_stored_as_one_arrow_file_still_load(tmp_path: Path, store: LocalArtifactStore):
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    folder = tmp_path / "old"
    folder.mkdir()
    arrow = pa.Table.from_pandas(frame, preserve_index=None)
    arrow = arrow.replace_schema_metadata(
        {**arrow.schema.metadata, b"kumi.roles": b'{"a": "label"}', b"kumi.categorical": b"[]"}
    )
    with (
        pa.OSFile(str(folder / "table.arrow"), "wb") as sink,
        pa.ipc.new_file(sink, arrow.schema) as writer,
    ):
        writer.write_table(arrow)
    back = load_value(folder, "table", store)
    pd.testing.assert_frame_equal(back.frame, frame)
    assert back.label == "a"


def test_a_table_whose_column_is_missing_names_the_damage(
    tmp_path: Path, store: LocalArtifactStore
):
    save_value(mixed_table(), "table", tmp_path / "t", store)
    manifest = tmp_path / "t" / "table.json"
    broken = manifest.read_text().replace('"columns": ["', '"columns": ["0', 1)
    manifest.write_text(broken)
    with pytest.raises(NotFoundError):
        load_value(tmp_path / "t", "table", store)


def test_a_table_whose_columns_do_not_match_its_schema_is_reported_damaged(
    tmp_path: Path, store: LocalArtifactStore
):
    save_value(mixed_table(), "table", tmp_path / "t", store)
    manifest = tmp_path / "t" / "table.json"
    data = json.loads(manifest.read_text())
    data["columns"] = list(reversed(data["columns"]))
    manifest.write_text(json.dumps(data))
    with pytest.raises(DataFormatError, match="damaged"):
        load_value(tmp_path / "t", "table", store)


def chunk_files(store: LocalArtifactStore) -> list[Path]:
    return sorted((store.root / "columns").rglob("column.arrow"))


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


@pytest.mark.parametrize(
    "frame",
    [pd.DataFrame(index=range(5)), pd.DataFrame(index=[3, 4]), pd.DataFrame({"a": []})],
    ids=["rows-no-columns", "index-no-columns", "columns-no-rows"],
)
def test_tables_without_rows_or_columns_keep_their_shape(
    tmp_path: Path, store: LocalArtifactStore, frame: pd.DataFrame
):
    save_value(Table.of(frame), "table", tmp_path / "t", store)
    back = load_value(tmp_path / "t", "table", store).frame
    assert back.shape == frame.shape and back.index.tolist() == frame.index.tolist()


def test_the_head_of_a_stored_table_converts_only_its_first_rows(tmp_path: Path):
    store = LocalArtifactStore(tmp_path / "store")
    ref = publish(mixed_table(), PortType.TABLE, store, tmp_path / "work" / "a")
    head = load_table_head(store, ref, 2)
    pd.testing.assert_frame_equal(head.frame, mixed_table().frame.head(2))
    assert head.label == "label" and head.categorical == frozenset({"city"})
    model = publish(MeanModel(1.0), PortType.TRAINED_MODEL, store, tmp_path / "work" / "m")
    with pytest.raises(DataFormatError, match="not a table"):
        load_table_head(store, model, 2)
