"""The per-partition summary table of a many-models training, kept in the workspace as JSON
(``many_models/{name}.json``) so that it can be read again later."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from kumi.core.errors import NotFoundError
from kumi.scoring.many_models.partitions import key_label, sort_key
from kumi.scoring.many_models.registry import PartitionModel
from kumi.scoring.many_models.train_one import PartitionOutcome

SUMMARY_COLUMNS = [
    "partition",
    "status",
    "rows",
    "metric",
    "metric_value",
    "model",
    "version",
    "seconds",
    "error",
]
"""After the partition columns (one per column, values as text)."""
FOLDER = "many_models"


def summary_frame(
    columns: Sequence[str],
    outcomes: Sequence[PartitionOutcome],
    models: dict[str, PartitionModel],
) -> pd.DataFrame:
    """One row per partition, in partition order; ``models`` by partition label."""
    rows = []
    for outcome in sorted(outcomes, key=lambda o: sort_key(o.key)):
        label = key_label(outcome.key)
        model = models.get(label)
        rows.append(
            {
                **{column: outcome.key[column] for column in columns},
                "partition": label,
                "status": outcome.status,
                "rows": outcome.rows,
                "metric": outcome.metric,
                "metric_value": outcome.metric_value,
                "model": model.name if model else None,
                "version": model.version if model else None,
                "seconds": outcome.seconds,
                "error": outcome.error,
            }
        )
    frame = pd.DataFrame(rows, columns=[*columns, *SUMMARY_COLUMNS])
    frame["version"] = frame["version"].astype("Int64")
    frame["metric_value"] = frame["metric_value"].astype("float64")
    return frame


def summary_path(workspace_path: Path, name: str) -> Path:
    return workspace_path / FOLDER / f"{name}.json"


def save_summary(path: Path, document: dict[str, Any], summary: pd.DataFrame) -> None:
    """Write the training's facts and its summary rows as JSON (missing values as null)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {**document, "saved": time.time(), "partitions": _records(summary)}
    path.write_text(json.dumps(body, indent=1))


def load_summary_document(path: Path, name: str) -> dict[str, Any]:
    """The saved document of set ``name``; NotFoundError when it was never trained here."""
    if not path.is_file():
        raise NotFoundError(
            f"No many-models training named '{name}' in this workspace; train it first "
            "(kumi many-models train ... --name NAME) or check --workspace.",
            details={"name": name, "path": str(path)},
        )
    return dict(json.loads(path.read_text()))


def frame_of(document: dict[str, Any]) -> pd.DataFrame:
    """The summary table of a saved document."""
    columns = [*document["partition_by"], *SUMMARY_COLUMNS]
    frame = pd.DataFrame(document["partitions"], columns=columns)
    frame["version"] = frame["version"].astype("Int64")
    frame["metric_value"] = frame["metric_value"].astype("float64")
    return frame


def _records(summary: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {str(k): _plain(v) for k, v in row.items()} for row in summary.to_dict(orient="records")
    ]


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    item = getattr(value, "item", None)
    value = item() if callable(item) else value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
