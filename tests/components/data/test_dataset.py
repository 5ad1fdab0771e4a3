"""Dataset: load a registered dataset by name and version; its cache token."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kumi.components.data.dataset import Dataset, DatasetParams
from kumi.core import (
    ConfigurationError,
    Inputs,
    InvalidParameterError,
    NotFoundError,
    RunContext,
    Table,
)
from kumi.testing import ExampleDatasets


class VersionedDatasets(ExampleDatasets):
    """Two versions of one dataset."""

    def load_table(self, name: str, version: int | None = None) -> Table:
        if name != "sales":
            raise NotFoundError(f"Dataset '{name}' not found.")
        rows = 3 if version in (None, 2) else 1
        return Table.of(pd.DataFrame({"x": range(rows)}))

    def version_token(self, name: str, version: int | None = None) -> str:
        return f"{name}:{version or 2}"


def _ctx(tmp_path: Path, datasets=None) -> RunContext:
    return RunContext(node_id="n", work_dir=tmp_path, datasets=datasets)


def test_loads_the_latest_or_a_given_version(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path, VersionedDatasets())
    latest = Dataset().run(DatasetParams(name="sales"), Inputs({}), ctx)["dataset"]
    first = Dataset().run(DatasetParams(name="sales", version=1), Inputs({}), ctx)["dataset"]
    assert (len(latest), len(first)) == (3, 1)


def test_fingerprint_is_the_version_token(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path, VersionedDatasets())
    assert Dataset().fingerprint(DatasetParams(name="sales"), ctx) == "sales:2"
    assert Dataset().fingerprint(DatasetParams(name="sales", version=1), ctx) == "sales:1"


def test_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="workspace"):
        Dataset().run(DatasetParams(name="sales"), Inputs({}), _ctx(tmp_path))
    with pytest.raises(InvalidParameterError, match="'name'"):
        Dataset().run(DatasetParams(), Inputs({}), _ctx(tmp_path, VersionedDatasets()))
    with pytest.raises(NotFoundError, match="other"):
        Dataset().run(DatasetParams(name="other"), Inputs({}), _ctx(tmp_path, VersionedDatasets()))
