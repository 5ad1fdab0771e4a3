"""``score_many``: each row scored by its partition's registered model (its ONNX graph,
through onnxruntime), found in the registry by the set's tags."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from kumi.automl.packaging import open_workspace
from kumi.core.errors import InvalidInputError, InvalidParameterError, NotFoundError
from kumi.scoring.many_models.partitions import key_json, key_label, row_keys
from kumi.scoring.many_models.registry import PartitionModel, partition_models
from kumi.scoring.onnx_runner import ModelInputError
from kumi.scoring.registered import load_registered_onnx
from kumi.storage.workspace import Workspace

SCORED_MODEL = "Scored Model"
"""The ``name:version`` that scored a row (missing for a row of an unknown partition)."""
UNKNOWN_CHOICES = ("error", "keep")
SHOWN_UNKNOWN = 5


def score_many(
    df: pd.DataFrame,
    name: str,
    *,
    workspace: Workspace | Path | str | None = None,
    unknown: str = "error",
) -> pd.DataFrame:
    """``df`` with its partition model's score columns and ``Scored Model`` added, rows in
    their order. A row whose partition has no model: NotFoundError naming the partitions
    (``unknown="error"``), or empty scores and an empty ``Scored Model`` (``"keep"``)."""
    if unknown not in UNKNOWN_CHOICES:
        raise InvalidParameterError(
            f"unknown='{unknown}' is not valid; use 'error' or 'keep'.",
            details={"unknown": unknown},
        )
    opened = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    try:
        columns, models = partition_models(name, opened.tracking_uri)
        _check_columns(df, columns, name)
        keys = row_keys(df, columns)
        by_key = {key_json(m.key): m for m in models}
        _check_unknown(set(keys) - set(by_key), name, unknown)
        pieces = [
            _score_partition(df.loc[keys == key], by_key[key], opened.tracking_uri)
            for key in keys.unique()
            if key in by_key
        ]
    finally:
        if opened is not workspace:
            opened.close()
    scores = pd.concat(pieces) if pieces else pd.DataFrame({SCORED_MODEL: []})
    return df.join(scores.reindex(df.index))


def _score_partition(rows: pd.DataFrame, model: PartitionModel, tracking_uri: str) -> pd.DataFrame:
    registered = load_registered_onnx(model.ref, tracking_uri)
    wanted = [column for column, _ in registered.input_columns]
    try:
        scores: dict[str, Any] = registered.runner().score(
            {c: rows[c].to_numpy() for c in wanted if c in rows.columns}
        )
    except ModelInputError as error:
        raise InvalidInputError(
            f"Rows of partition {key_label(model.key)} do not fit model '{model.ref}': "
            f"{error}. Give the columns the model was trained on.",
            details={"partition": model.key, "model": model.ref, "column": error.column},
        ) from error
    frame = pd.DataFrame(scores, index=rows.index)
    frame[SCORED_MODEL] = model.ref
    return frame


def _check_columns(df: pd.DataFrame, columns: list[str], name: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise InvalidInputError(
            f"The rows lack partition column(s) {', '.join(missing)} of set '{name}', so they "
            "cannot be routed to their models; add them.",
            details={"missing": missing, "partition_by": columns},
        )


def _check_unknown(unknown_keys: set[str], name: str, mode: str) -> None:
    if not unknown_keys or mode == "keep":
        return
    labels = sorted(key_label(json.loads(k)) for k in unknown_keys)
    shown = "; ".join(labels[:SHOWN_UNKNOWN]) + ("; ..." if len(labels) > SHOWN_UNKNOWN else "")
    raise NotFoundError(
        f"{len(labels)} partition(s) of the rows have no model in set '{name}': {shown}. "
        "Train models for them, or pass unknown='keep' to leave their scores empty.",
        details={"name": name, "partitions": labels},
    )
