"""Run contexts for nodes computed by an endpoint: the workspace's datasets, its stored
outputs (frozen models and transformations) and its datastore."""

from __future__ import annotations

import logging
from pathlib import Path

from kumi.core import RunContext
from kumi.engine import StoreValueLoader
from kumi.scoring.realtime.python_path import ContextFactory
from kumi.storage.workspace import Workspace


def workspace_context(workspace: Workspace, work_dir: Path, *, endpoint: str) -> ContextFactory:
    """Contexts over ``workspace`` for the nodes of endpoint ``endpoint``."""
    datasets = workspace.dataset_resolver()
    saved = StoreValueLoader(workspace.artifacts)
    datastore = workspace.datastore_uri
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
