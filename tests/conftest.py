"""Shared fixtures: a workspace with the sample datasets, reused across a test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kumi.storage.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PIPELINES = ROOT / "src" / "kumi" / "samples" / "pipelines"


@pytest.fixture(scope="session")
def shared_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One workspace for tests that only add to it (runs, datasets with unique names)."""
    with Workspace.open(tmp_path_factory.mktemp("shared") / "ws") as workspace:
        yield workspace
