"""The engine fills each step's run context: run id, datastore root, saved-output loader."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kumi.components.data.import_data import ImportData
from kumi.core import (
    ConfigurationError,
    Inputs,
    InvalidParameterError,
    NotFoundError,
    OutputRef,
    PortType,
    RunContext,
    Table,
)
from kumi.engine import Engine, MemoryCacheIndex, StoreValueLoader, publish
from kumi.graph import PipelineDocument
from kumi.registry import default_registry
from kumi.storage import LocalArtifactStore


def _export_document(path: str) -> PipelineDocument:
    return PipelineDocument.from_dict(
        {
            "schema_version": 1,
            "name": "export",
            "nodes": [
                {"id": "data", "component": "enter_data_manually", "params": {"data": "a\n1\n2\n"}},
                {"id": "export", "component": "export_data", "params": {"path": path}},
            ],
            "edges": [{"from": "data.dataset", "to": "export.dataset"}],
        }
    )


def _engine(tmp_path: Path, datastore: str | None) -> Engine:
    return Engine(
        default_registry(),
        LocalArtifactStore(tmp_path / "store"),
        MemoryCacheIndex(),
        max_workers=1,
        log_dir=tmp_path / "logs",
        scratch_dir=tmp_path / "scratch",
        datastore=datastore,
    )


def test_export_writes_under_the_datastore_with_the_run_id(tmp_path: Path) -> None:
    with _engine(tmp_path, str(tmp_path / "ds")) as engine:
        result = engine.run(_export_document("datastore://out/{run_id}/a.csv"), run_id="r42")
    assert result.ok, result.steps
    written = tmp_path / "ds" / "out" / "r42" / "a.csv"
    assert pd.read_csv(written)["a"].tolist() == [1, 2]


def test_datastore_path_without_a_datastore_fails_clearly(tmp_path: Path) -> None:
    with _engine(tmp_path, None) as engine:
        result = engine.run(_export_document("datastore://out/a.csv"))
    error = result.steps["export"].error
    assert error is not None and error["code"] == ConfigurationError.code
    assert "datastore" in error["message"]


def test_store_value_loader_loads_published_values(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path / "store")
    table = Table.of(pd.DataFrame({"x": [1.5, 2.5]}))
    ref = publish(table, PortType.TABLE, store, tmp_path / "staging")
    loaded = StoreValueLoader(store).load(ref)
    assert isinstance(loaded, Table) and loaded.frame["x"].tolist() == [1.5, 2.5]
    missing = OutputRef("artifacts/00/00", "00", "table")
    with pytest.raises(NotFoundError, match="no longer"):
        StoreValueLoader(store).load(missing)


def test_import_data_reads_a_datastore_path(tmp_path: Path) -> None:
    (tmp_path / "ds" / "in").mkdir(parents=True)
    pd.DataFrame({"b": [3, 4]}).to_csv(tmp_path / "ds" / "in" / "b.csv", index=False)
    ctx = RunContext(node_id="imp", work_dir=tmp_path, datastore=str(tmp_path / "ds"))
    params = ImportData.Params(path="datastore://in/b.csv")
    out = ImportData().run(params, Inputs({}), ctx)
    assert out["results_dataset"].frame["b"].tolist() == [3, 4]
    assert ImportData().fingerprint(params, ctx).startswith("file:")
    with pytest.raises(InvalidParameterError, match="relative path"):
        ImportData().run(ImportData.Params(path="datastore://../x.csv"), Inputs({}), ctx)
