from __future__ import annotations

from pathlib import Path

import engine_components
import pytest

from kumi.engine import Engine, MemoryCacheIndex
from kumi.storage import LocalArtifactStore


@pytest.fixture
def store(tmp_path: Path) -> LocalArtifactStore:
    return LocalArtifactStore(tmp_path / "store")


@pytest.fixture
def cache() -> MemoryCacheIndex:
    return MemoryCacheIndex()


@pytest.fixture
def make_engine(store, cache, tmp_path: Path):
    def make(**kw) -> Engine:
        kw.setdefault("log_dir", tmp_path / "logs")
        kw.setdefault("scratch_dir", tmp_path / "scratch")
        return Engine(engine_components.registry(), store, cache, **kw)

    return make
