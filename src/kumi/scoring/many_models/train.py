"""``train_many``: one model per partition, trained in parallel (a local process pool, or
Spark's ``applyInPandas``), each registered with its partition's tags; a summary table."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kumi.automl.packaging import open_workspace
from kumi.core.errors import InvalidParameterError, KumiError
from kumi.scoring.many_models.local_engine import train_local
from kumi.scoring.many_models.partitions import check_name, key_label
from kumi.scoring.many_models.registry import PartitionModel, register_partition
from kumi.scoring.many_models.settings import (
    DEFAULT_MIN_ROWS,
    TrainingSpec,
    partition_columns,
    training_spec,
)
from kumi.scoring.many_models.spark_engine import is_spark_frame, train_spark
from kumi.scoring.many_models.summary import save_summary, summary_frame, summary_path
from kumi.scoring.many_models.train_one import COMPLETED, FAILED, PartitionOutcome
from kumi.scoring.spark.session import spark_session
from kumi.storage.workspace import Workspace

ENGINES = ("local", "spark")
OnPartition = Callable[[dict[str, Any]], None]
"""Hears ``{"partition", "status", "rows", "seconds", "error"}`` as each partition ends."""


@dataclass
class ManyModelsResult:
    """The outcome of :func:`train_many`: ``summary`` has one row per partition."""

    name: str
    partition_by: list[str]
    engine: str
    seconds: float
    summary: pd.DataFrame
    models: list[PartitionModel] = field(default_factory=list)

    @property
    def completed(self) -> int:
        return int((self.summary["status"] == COMPLETED).sum())

    @property
    def failed(self) -> int:
        return int((self.summary["status"] == FAILED).sum())


def train_many(
    df: Any,
    partition_by: str | Sequence[str],
    target: str,
    *,
    name: str,
    task: str = "classification",
    automl: Mapping[str, Any] | None = None,
    learner: str | None = None,
    engine: str | None = None,
    n_jobs: int | None = None,
    min_rows: int = DEFAULT_MIN_ROWS,
    workspace: Workspace | Path | str | None = None,
    on_partition: OnPartition | None = None,
) -> ManyModelsResult:
    """Train one model per partition of ``df`` (pandas or Spark) and register each as
    ``{name}-{values}`` in the workspace's MLflow registry.

    ``automl``: ``kumi.automl.fit`` settings per partition (``time_budget_s`` default 10,
    ``metric``, ``allowed_models`` ...); ``learner``: one model family trained once with its
    default settings (e.g. ``"lightgbm"``, ``"elastic_net"``). ``engine``: ``"local"`` (a
    process pool of ``n_jobs``, default the cores) or ``"spark"`` (default when ``df`` is a
    Spark DataFrame). A partition that fails (fewer than ``min_rows`` labelled rows, one
    class, an error) is a ``failed`` row of the summary; the others finish.
    """
    started = time.monotonic()
    check_name(name)
    chosen_engine = _engine(df, engine)
    columns = partition_columns(partition_by, list(df.columns))
    _check_target(target, columns, list(df.columns))
    spec = training_spec(target, task, automl, learner, min_rows)
    opened = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    try:
        registrar = _Registrar(opened, name, columns, on_partition)
        _train(df, columns, spec, registrar, engine=chosen_engine, n_jobs=n_jobs)
        summary = summary_frame(columns, registrar.outcomes, registrar.models)
        seconds = round(time.monotonic() - started, 3)
        document = {"name": name, "partition_by": columns, "engine": chosen_engine}
        save_summary(summary_path(opened.path, name), {**document, "seconds": seconds}, summary)
    finally:
        if opened is not workspace:
            opened.close()
    return ManyModelsResult(
        name, columns, chosen_engine, seconds, summary, list(registrar.models.values())
    )


def _train(
    df: Any,
    columns: list[str],
    spec: TrainingSpec,
    registrar: _Registrar,
    *,
    engine: str,
    n_jobs: int | None,
) -> None:
    if engine == "local":
        frame = df.toPandas() if is_spark_frame(df) else df
        train_local(frame, columns, spec, n_jobs or os.cpu_count() or 1, registrar.record)
        return
    frame = df if is_spark_frame(df) else _to_spark(df)
    for outcome in train_spark(frame, columns, spec):
        registrar.record(outcome)


class _Registrar:
    """Registers each completed partition as it arrives and keeps every outcome."""

    def __init__(
        self, workspace: Workspace, name: str, columns: list[str], listener: OnPartition | None
    ) -> None:
        self.workspace, self.name, self.columns = workspace, name, columns
        self.listener = listener
        self.outcomes: list[PartitionOutcome] = []
        self.models: dict[str, PartitionModel] = {}

    def record(self, outcome: PartitionOutcome) -> None:
        if outcome.status == COMPLETED:
            try:
                model = register_partition(self.workspace, self.name, self.columns, outcome)
                self.models[key_label(outcome.key)] = model
            except (KumiError, OSError, ValueError) as error:
                outcome.status = FAILED
                outcome.error = f"Partition {key_label(outcome.key)}: registering failed: {error}"
        outcome.archive = None
        self.outcomes.append(outcome)
        if self.listener is not None:
            self.listener(
                {
                    "partition": key_label(outcome.key),
                    "status": outcome.status,
                    "rows": outcome.rows,
                    "seconds": outcome.seconds,
                    "error": outcome.error,
                }
            )


def _engine(df: Any, engine: str | None) -> str:
    if not is_spark_frame(df) and not isinstance(df, pd.DataFrame):
        raise InvalidParameterError(
            f"train_many takes a pandas or Spark DataFrame, not {type(df).__name__}.",
            details={"type": type(df).__name__},
        )
    if engine is None:
        return "spark" if is_spark_frame(df) else "local"
    if engine not in ENGINES:
        raise InvalidParameterError(
            f"Unknown engine '{engine}'; use 'local' (a process pool) or 'spark'.",
            details={"engine": engine, "choices": list(ENGINES)},
        )
    return engine


def _check_target(target: str, partition_by: list[str], columns: list[str]) -> None:
    if target not in columns or target in partition_by:
        raise InvalidParameterError(
            f"Target '{target}' must be a column of the table other than the partition "
            f"columns; the table has {', '.join(map(str, columns))}.",
            details={"target": target, "partition_by": partition_by},
        )


def _to_spark(df: pd.DataFrame) -> Any:
    return spark_session().createDataFrame(df)
