"""Artifact stores: local folder (atomic move) and fsspec URLs (tested on memory://)."""

from __future__ import annotations

import pickle
import threading
import uuid
from pathlib import Path

import fsspec
import pytest

from kumi.core.errors import ConfigurationError, InvalidInputError, NotFoundError
from kumi.storage import FsspecArtifactStore, LocalArtifactStore, open_artifact_store


def _artifact(tmp_path: Path, text: str = "hello", name: str = "out") -> Path:
    folder = tmp_path / f"{name}-{uuid.uuid4().hex[:6]}"
    (folder / "sub").mkdir(parents=True)
    (folder / "data.txt").write_text(text)
    (folder / "sub" / "more.txt").write_text(text.upper())
    return folder


def _read(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text() for p in folder.rglob("*") if p.is_file()
    }


# -- local ----------------------------------------------------------------------------------
def test_local_put_moves_folder_and_get_returns_it(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path / "store")
    source = _artifact(tmp_path)
    uri = store.put_dir(source, "steps/abc/out")
    assert not source.exists()
    assert uri == (tmp_path / "store" / "steps/abc/out").as_uri()
    assert _read(store.get_dir("steps/abc/out")) == {"data.txt": "hello", "sub/more.txt": "HELLO"}
    assert store.exists("steps/abc/out")
    assert not store.exists("steps/abc/other")


def test_local_existing_key_is_kept(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path / "store")
    store.put_dir(_artifact(tmp_path, "first"), "k")
    store.put_dir(_artifact(tmp_path, "second"), "k")
    assert _read(store.get_dir("k"))["data.txt"] == "first"


def test_local_concurrent_puts_of_one_key_leave_one_complete_copy(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path / "store")
    sources = [_artifact(tmp_path, "same", f"w{i}") for i in range(8)]
    errors: list[BaseException] = []

    def put(folder: Path) -> None:
        try:
            store.put_dir(folder, "shared/key")
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=put, args=(s,)) for s in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _read(store.get_dir("shared/key")) == {"data.txt": "same", "sub/more.txt": "SAME"}
    assert list((tmp_path / "store" / ".staging").iterdir()) == []


def test_local_delete_and_missing(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path / "store")
    store.put_dir(_artifact(tmp_path), "a/b")
    store.delete("a/b")
    store.delete("a/b")  # absent: ignored
    assert not store.exists("a/b")
    with pytest.raises(NotFoundError, match="a/b") as excinfo:
        store.get_dir("a/b")
    assert excinfo.value.details["key"] == "a/b"


@pytest.mark.parametrize("key", ["", "/abs", "../up", "a/../b", "a\\b", ".staging/x"])
def test_bad_keys_are_refused(tmp_path: Path, key: str) -> None:
    store = LocalArtifactStore(tmp_path / "store")
    with pytest.raises(InvalidInputError):
        store.put_dir(_artifact(tmp_path), key)
    assert not (tmp_path / "up").exists()


def test_put_of_a_missing_folder(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path / "store")
    with pytest.raises(InvalidInputError, match="not a folder"):
        store.put_dir(tmp_path / "nothing", "k")


def test_local_store_pickles(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path / "store")
    store.put_dir(_artifact(tmp_path), "k")
    clone = pickle.loads(pickle.dumps(store))
    assert clone.uri == store.uri
    assert _read(clone.get_dir("k"))["data.txt"] == "hello"


# -- fsspec ---------------------------------------------------------------------------------
@pytest.fixture
def memory_url() -> str:
    return f"memory://kumi-tests/{uuid.uuid4().hex}"


def test_fsspec_put_get_round_trip(tmp_path: Path, memory_url: str) -> None:
    store = FsspecArtifactStore(memory_url, cache_dir=tmp_path / "cache")
    assert store.put_dir(_artifact(tmp_path), "runs/r1/out") == f"{memory_url}/runs/r1/out"
    fs = fsspec.filesystem("memory")
    remote = memory_url.removeprefix("memory://")
    assert fs.cat_file(f"{remote}/runs/r1/out/sub/more.txt") == b"HELLO"
    assert store.exists("runs/r1/out")
    # a fresh store (another process) downloads into its own cache
    other = FsspecArtifactStore(memory_url, cache_dir=tmp_path / "cache2")
    local = other.get_dir("runs/r1/out")
    assert local.is_relative_to(tmp_path / "cache2")
    assert _read(local) == {"data.txt": "hello", "sub/more.txt": "HELLO"}


def test_fsspec_incomplete_upload_is_not_an_artifact(tmp_path: Path, memory_url: str) -> None:
    store = FsspecArtifactStore(memory_url, cache_dir=tmp_path / "cache")
    fs = fsspec.filesystem("memory")
    fs.pipe_file(f"{memory_url.removeprefix('memory://')}/half/data.txt", b"partial")
    assert not store.exists("half")
    with pytest.raises(NotFoundError):
        store.get_dir("half")


def test_fsspec_delete_removes_remote_and_cache(tmp_path: Path, memory_url: str) -> None:
    store = FsspecArtifactStore(memory_url, cache_dir=tmp_path / "cache")
    store.put_dir(_artifact(tmp_path), "k")
    cached = store.get_dir("k")
    store.delete("k")
    assert not store.exists("k")
    assert not cached.exists()
    assert not fsspec.filesystem("memory").exists(f"{memory_url.removeprefix('memory://')}/k")


def test_fsspec_store_pickles_without_its_filesystem(tmp_path: Path, memory_url: str) -> None:
    store = FsspecArtifactStore(memory_url, cache_dir=tmp_path / "cache")
    store.put_dir(_artifact(tmp_path), "k")
    state = store.__getstate__()
    assert state["_fs"] is None
    clone = pickle.loads(pickle.dumps(store))
    assert clone.exists("k")


# -- opening by URI -------------------------------------------------------------------------
def test_open_artifact_store_by_scheme(tmp_path: Path, memory_url: str) -> None:
    assert isinstance(open_artifact_store(tmp_path / "a"), LocalArtifactStore)
    assert isinstance(open_artifact_store(str(tmp_path / "a")), LocalArtifactStore)
    local = open_artifact_store((tmp_path / "b").as_uri())
    assert isinstance(local, LocalArtifactStore)
    assert local.uri == (tmp_path / "b").as_uri()
    assert isinstance(open_artifact_store(memory_url), FsspecArtifactStore)


def test_open_artifact_store_unknown_scheme() -> None:
    with pytest.raises(ConfigurationError, match="nosuchscheme://bucket"):
        open_artifact_store("nosuchscheme://bucket/prefix")
