"""Opening workspaces: layout, environment overrides, sample datasets, concurrency."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pandas as pd
import pytest

from kumi.core import ColumnRole
from kumi.core.errors import ConfigurationError
from kumi.samples import SAMPLES
from kumi.storage import FsspecArtifactStore, LocalArtifactStore, Workspace


def test_new_workspace_layout_and_samples(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as workspace:
        root = (tmp_path / "ws").resolve()
        assert workspace.path == root
        assert workspace.database_url == f"sqlite:///{root / 'kumi.db'}"
        assert (root / "kumi.db").is_file()
        assert isinstance(workspace.artifacts, LocalArtifactStore)
        assert workspace.artifacts.uri == (root / "artifacts").as_uri()
        assert workspace.tracking_uri == f"sqlite:///{root / 'mlflow.db'}"
        assert workspace.mlflow_artifact_uri == (root / "mlruns").as_uri()
        assert workspace.datasets.names() == sorted(SAMPLES)
        for sample in SAMPLES.values():
            table = workspace.datasets.load_table(sample.name)
            assert table.label == sample.label
            assert set(sample.categorical) <= table.categorical
            assert all(table.role(c) == ColumnRole.IGNORE for c in sample.ignore)
            expected = pd.read_csv(sample.file)
            assert table.frame.shape == expected.shape


def test_reopening_is_fast_and_does_not_duplicate_samples(tmp_path: Path) -> None:
    Workspace.open(tmp_path / "ws").close()
    started = time.perf_counter()
    workspace = Workspace.open(tmp_path / "ws")
    assert time.perf_counter() - started < 0.5
    assert all(d.version == 1 for d in workspace.datasets.list())
    workspace.datasets.delete("iris")
    workspace.close()
    with Workspace.open(tmp_path / "ws") as reopened:
        assert "iris" not in reopened.datasets.names()  # a deleted sample stays deleted


def test_environment_selects_database_artifacts_and_tracking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KUMI_DATABASE_URL", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    monkeypatch.setenv("KUMI_ARTIFACT_URI", "memory://kumi-ws-tests/artifacts")
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "http://mlflow.example:5000")
    with Workspace.open(tmp_path / "ws") as workspace:
        assert (tmp_path / "elsewhere.db").is_file()
        assert not (tmp_path / "ws" / "kumi.db").exists()
        assert isinstance(workspace.artifacts, FsspecArtifactStore)
        assert workspace.tracking_uri == "http://mlflow.example:5000"
        assert workspace.datasets.load_table("penguins").label == "species"
        resolver = workspace.dataset_resolver()
        assert resolver.artifact_uri == "memory://kumi-ws-tests/artifacts"
        assert resolver.load_table("iris").frame.shape == (150, 5)
        resolver.close()


@pytest.mark.postgres
def test_workspace_on_postgresql(tmp_path: Path, postgres_url: str) -> None:
    with Workspace.open(tmp_path / "ws", database_url=postgres_url) as workspace:
        assert not (tmp_path / "ws" / "kumi.db").exists()
        assert workspace.datasets.names() == sorted(SAMPLES)
        run = workspace.runs.create(document={"nodes": []}, pipeline_name="p")
        assert workspace.runs.get(run.id).pipeline_name == "p"
    with Workspace.open(tmp_path / "ws", database_url=postgres_url) as again:
        assert [d.version for d in again.datasets.list()] == [1] * len(SAMPLES)


def test_bad_database_url_leaves_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match=r"127\.0\.0\.1"):
        Workspace.open(tmp_path / "ws", database_url="postgresql://u:p@127.0.0.1:1/x")


def _open_in_child(path: str, queue: multiprocessing.Queue[object]) -> None:
    try:
        with Workspace.open(path) as workspace:
            queue.put(sorted((d.name, d.version) for d in workspace.datasets.list()))
    except BaseException as exc:  # reported to the parent
        queue.put(repr(exc))


def test_two_processes_open_a_new_workspace_at_once(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[object] = context.Queue()
    path = str(tmp_path / "shared")
    children = [context.Process(target=_open_in_child, args=(path, queue)) for _ in "ab"]
    for child in children:
        child.start()
    results = [queue.get(timeout=120), queue.get(timeout=120)]
    for child in children:
        child.join(timeout=60)
    assert all(isinstance(r, list) for r in results), results
    with Workspace.open(path) as workspace:
        assert sorted((d.name, d.version) for d in workspace.datasets.list()) == sorted(
            (name, 1) for name in SAMPLES
        )


# -- the sample files -----------------------------------------------------------------------
def test_samples_are_small_real_tables() -> None:
    tasks = {s.task for s in SAMPLES.values()}
    assert tasks == {"binary_classification", "multiclass_classification", "regression"}
    for sample in SAMPLES.values():
        assert sample.file.is_file() and sample.file.stat().st_size < 1_000_000
        frame = pd.read_csv(sample.file)
        assert len(frame) >= 100
        assert sample.label in frame.columns
        assert set(sample.categorical) | set(sample.ignore) <= set(frame.columns)
        classes = frame[sample.label].nunique()
        if sample.task == "binary_classification":
            assert classes == 2
        elif sample.task == "multiclass_classification":
            assert classes >= 3
    penguins = pd.read_csv(SAMPLES["penguins"].file)
    assert penguins.isna().any().any()  # real missing values
    docs = pd.read_csv(SAMPLES["sklearn-estimator-docs"].file)
    assert docs["text"].map(lambda text: len(text.split())).median() > 20
    assert (Path(SAMPLES["iris"].file).parent / "README.md").is_file()


def test_datastore_is_a_workspace_folder_unless_the_environment_names_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KUMI_DATASTORE_URI", raising=False)
    with Workspace.open(tmp_path / "ws") as workspace:
        assert workspace.datastore_uri == str((tmp_path / "ws").resolve() / "datastore")
        monkeypatch.setenv("KUMI_DATASTORE_URI", "memory://kumi-datastore")
        assert workspace.datastore_uri == "memory://kumi-datastore"
