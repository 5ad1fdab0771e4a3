"""Run contexts for nodes computed by an endpoint: the workspace's datasets, its stored
outputs (frozen models and transformations) and its datastore."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from kumi.core import ArtifactStore, OutputRef, RunContext
from kumi.engine.codecs import load_output
from kumi.scoring.realtime.python_path import ContextFactory
from kumi.storage.workspace import Workspace

DATASTORE_ENV = "KUMI_DATASTORE_URI"


class StoredValueLoader:
    """Loads stored step outputs from an artifact store (a ``SavedValueLoader``)."""

    def __init__(self, store: ArtifactStore) -> None:
        self._store = store

    def load(self, ref: OutputRef) -> object:
        return load_output(self._store, ref)


def workspace_datastore(workspace: Workspace) -> str:
    """``$KUMI_DATASTORE_URI`` or the workspace's ``datastore`` folder."""
    return os.environ.get(DATASTORE_ENV) or str(workspace.path / "datastore")


def workspace_context(workspace: Workspace, work_dir: Path, *, endpoint: str) -> ContextFactory:
    """Contexts over ``workspace`` for the nodes of endpoint ``endpoint``."""
    datasets = workspace.dataset_resolver()
    saved = StoredValueLoader(workspace.artifacts)
    datastore = workspace_datastore(workspace)
    logger = logging.getLogger(f"kumi.endpoint.{endpoint}")

    def context(node_id: str) -> RunContext:
        folder = work_dir / node_id
        folder.mkdir(parents=True, exist_ok=True)
        return RunContext(
            node_id=node_id,
            work_dir=folder,
            logger=logger,
            datasets=datasets,
            saved=saved,
            datastore=datastore,
        )

    return context
