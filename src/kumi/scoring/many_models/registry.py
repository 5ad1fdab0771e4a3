"""Each partition's model in the workspace's MLflow registry: one registered model per
partition, named ``{name}-{values}``, tagged with the set's name and the partition's columns
and values; scoring finds a set's models by those tags, never by parsing names."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mlflow.exceptions import MlflowException
from mlflow.protos.databricks_pb2 import RESOURCE_ALREADY_EXISTS, ErrorCode

from kumi.core.errors import NotFoundError
from kumi.scoring.many_models.partitions import key_json, model_name
from kumi.scoring.many_models.train_one import PartitionOutcome, unpack
from kumi.storage.workspace import Workspace
from kumi.tracking.client import tracking_client

SET_TAG = "kumi.many_models.name"
PARTITION_TAG = "kumi.many_models.partition"
"""The partition's key: JSON ``{column: value text}``."""
PARTITION_BY_TAG = "kumi.many_models.partition_by"
COLUMN_TAG_PREFIX = "kumi.partition."
"""One tag per partition column, e.g. ``kumi.partition.store = 3``."""
PAGE_SIZE = 1000


@dataclass(frozen=True)
class PartitionModel:
    """A partition's registered model: its key, name and newest version."""

    key: dict[str, str]
    name: str
    version: int

    @property
    def ref(self) -> str:
        return f"{self.name}:{self.version}"


def register_partition(
    workspace: Workspace, name: str, columns: Sequence[str], outcome: PartitionOutcome
) -> PartitionModel:
    """Register a completed partition's model as a new version of its registered model."""
    assert outcome.archive is not None, "only completed partitions are registered"
    registered = model_name(name, outcome.key)
    folder = unpack(outcome.archive, workspace.path / "models" / registered / uuid.uuid4().hex[:12])
    tags = {
        SET_TAG: name,
        PARTITION_TAG: key_json(outcome.key),
        PARTITION_BY_TAG: json.dumps(list(columns)),
        **{COLUMN_TAG_PREFIX + column: value for column, value in outcome.key.items()},
    }
    client = tracking_client(workspace.tracking_uri)
    _ensure_registered(client, registered, tags)
    found = client.create_model_version(
        registered, source=str(folder.resolve()), tags=_version_tags(outcome)
    )
    version = int(found.version)
    return PartitionModel(outcome.key, registered, version)


def _ensure_registered(client: Any, registered: str, tags: dict[str, str]) -> None:
    """Create the registered model with its tags (one write); an existing one (a retraining)
    gets its tags set again."""
    try:
        client.create_registered_model(registered, tags=tags)
    except MlflowException as error:
        if error.error_code != ErrorCode.Name(RESOURCE_ALREADY_EXISTS):
            raise
        for tag, value in tags.items():
            client.set_registered_model_tag(registered, tag, value)


def _version_tags(outcome: PartitionOutcome) -> dict[str, str]:
    facts = {
        "metric": outcome.metric,
        "metric_value": outcome.metric_value,
        "estimator": outcome.estimator,
        "rows": outcome.rows,
    }
    return {f"kumi.many_models.{k}": str(v) for k, v in facts.items() if v is not None}


def partition_models(name: str, tracking_uri: str) -> tuple[list[str], list[PartitionModel]]:
    """The partition columns and every partition model of set ``name`` (newest versions);
    NotFoundError when no model carries the set's tag."""
    client = tracking_client(tracking_uri)
    found = _registered_with_tag(client, name)
    if not found:
        raise NotFoundError(
            f"No many-models set is named '{name}'; train one first (kumi many-models train "
            "... --name NAME, or kumi.scoring.many_models.train_many).",
            details={"name": name},
        )
    columns = json.loads(found[-1].tags[PARTITION_BY_TAG])
    models = [
        PartitionModel(json.loads(m.tags[PARTITION_TAG]), m.name, _newest(client, m))
        for m in found
        if json.loads(m.tags[PARTITION_BY_TAG]) == columns
    ]
    return columns, models


def _registered_with_tag(client: Any, name: str) -> list[Any]:
    quoted = name.replace("'", "\\'")
    found: list[Any] = []
    token = None
    while True:
        page = client.search_registered_models(
            filter_string=f"tags.`{SET_TAG}` = '{quoted}'",
            max_results=PAGE_SIZE,
            page_token=token,
        )
        found.extend(page)
        token = page.token
        if not token:
            return sorted(found, key=lambda m: m.last_updated_timestamp or 0)


def _newest(client: Any, model: Any) -> int:
    versions = [int(v.version) for v in model.latest_versions or []]
    if versions:
        return max(versions)
    found = client.search_model_versions(f"name = '{model.name}'")
    return max(int(v.version) for v in found)
