"""Reading a saved many-models summary back from the workspace."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kumi.automl.packaging import open_workspace
from kumi.scoring.many_models.summary import frame_of, load_summary_document, summary_path
from kumi.storage.workspace import Workspace


def load_summary(name: str, workspace: Workspace | Path | str | None = None) -> pd.DataFrame:
    """The summary table of the newest training of set ``name`` (one row per partition);
    NotFoundError when the workspace has none. ``attrs`` holds the training's facts."""
    opened = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    try:
        document = load_summary_document(summary_path(opened.path, name), name)
    finally:
        if opened is not workspace:
            opened.close()
    frame = frame_of(document)
    frame.attrs.update({k: v for k, v in document.items() if k != "partitions"})
    return frame
