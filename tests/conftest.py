"""Shared fixtures: a workspace with the sample datasets, reused across a test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import mlflow
import pytest

from kumi.storage.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PIPELINES = ROOT / "src" / "kumi" / "samples" / "pipelines"


@pytest.fixture(scope="session")
def shared_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One workspace for tests that only add to it (runs, datasets with unique names)."""
    with Workspace.open(tmp_path_factory.mktemp("shared") / "ws") as workspace:
        yield workspace


@pytest.fixture(autouse=True)
def _mlflow_tracking_uri_restored() -> Iterator[None]:
    """``mlflow.set_tracking_uri`` in a test also sets ``$MLFLOW_TRACKING_URI``, which would
    point every later workspace at that test's store: both are put back after each test."""
    before = os.environ.get("MLFLOW_TRACKING_URI")
    yield
    if os.environ.get("MLFLOW_TRACKING_URI") == before:
        return
    if before is None:
        os.environ.pop("MLFLOW_TRACKING_URI", None)
        mlflow.set_tracking_uri(None)
        os.environ.pop("MLFLOW_TRACKING_URI", None)
    else:
        mlflow.set_tracking_uri(before)
