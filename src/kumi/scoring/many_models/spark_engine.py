"""Many-models training on Spark: ``groupBy(partition columns).applyInPandas`` trains each
partition inside a Spark task; the model archives come back to the driver to be registered."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pandas as pd

from kumi.scoring.many_models.partitions import key_json, partition_key
from kumi.scoring.many_models.settings import TrainingSpec
from kumi.scoring.many_models.train_one import PartitionOutcome, train_partition

OUTCOME_SCHEMA = (
    "partition string, status string, rows long, seconds double, metric string, "
    "metric_value double, estimator string, error string, archive binary"
)
MAX_TASKS = 256
"""Spark tasks the partitions are spread over (at most one per partition): small tables would
otherwise be coalesced into one task by adaptive query execution, training one at a time."""


def is_spark_frame(df: Any) -> bool:
    """Whether ``df`` is a Spark DataFrame (classic or Spark Connect), without importing
    PySpark when it is not installed."""
    return any(cls.__module__.startswith("pyspark.") for cls in type(df).__mro__) and hasattr(
        df, "groupBy"
    )


def train_spark(frame: Any, columns: Sequence[str], spec: TrainingSpec) -> list[PartitionOutcome]:
    """Every partition's outcome (in partition order) from a Spark DataFrame ``frame``."""
    chosen = list(columns)

    def train_group(rows: pd.DataFrame) -> pd.DataFrame:
        key = partition_key(chosen, [rows[c].iloc[0] for c in chosen])
        return pd.DataFrame([_outcome_row(train_partition(key, rows, spec))])

    tasks = min(MAX_TASKS, max(1, frame.select(*chosen).distinct().count()))
    spread = frame.repartition(tasks, *chosen)  # an explicit count: never coalesced into one
    found = spread.groupBy(*chosen).applyInPandas(train_group, schema=OUTCOME_SCHEMA).collect()
    outcomes = [_outcome_of(row.asDict()) for row in found]
    return sorted(outcomes, key=lambda o: tuple(o.key.values()))


def _outcome_row(outcome: PartitionOutcome) -> dict[str, Any]:
    return {
        "partition": key_json(outcome.key),
        "status": outcome.status,
        "rows": outcome.rows,
        "seconds": outcome.seconds,
        "metric": outcome.metric,
        "metric_value": outcome.metric_value,
        "estimator": outcome.estimator,
        "error": outcome.error,
        "archive": outcome.archive,
    }


def _outcome_of(row: dict[str, Any]) -> PartitionOutcome:
    archive = row["archive"]
    return PartitionOutcome(
        key=json.loads(row["partition"]),
        status=row["status"],
        rows=int(row["rows"]),
        seconds=float(row["seconds"]),
        metric=row["metric"],
        metric_value=row["metric_value"],
        estimator=row["estimator"],
        error=row["error"],
        archive=bytes(archive) if archive is not None else None,
    )
