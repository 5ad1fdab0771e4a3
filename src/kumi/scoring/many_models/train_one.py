"""Train one partition's model, anywhere (a pool process, a Spark task, this process): the
outcome carries the saved MLflow model directory as zip bytes, so that registration happens
once, on the driver, whichever machine trained it."""

from __future__ import annotations

import io
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from kumi.automl import fit
from kumi.core.errors import InvalidInputError, KumiError
from kumi.scoring.many_models.partitions import key_label
from kumi.scoring.many_models.settings import TrainingSpec

COMPLETED = "completed"
FAILED = "failed"


@dataclass
class PartitionOutcome:
    """What training one partition gave: a model archive, or the error that stopped it."""

    key: dict[str, str]
    status: str
    rows: int
    seconds: float
    metric: str | None = None
    metric_value: float | None = None
    estimator: str | None = None
    error: str | None = None
    archive: bytes | None = None
    """The MLflow model directory (pyfunc + onnx flavors) as a zip file."""


def train_partition(
    key: dict[str, str], rows: pd.DataFrame, spec: TrainingSpec
) -> PartitionOutcome:
    """Train ``rows`` (one partition, partition columns included) as ``spec`` says; never
    raises: a failure is an outcome whose ``error`` names the partition."""
    started = time.monotonic()
    try:
        features = rows.drop(columns=list(key))
        _check_rows(key, features, spec)
        result = fit(features, target=spec.target, task=spec.task, n_jobs=1, **spec.fit_arguments)
        archive = _archive(result)
    except Exception as error:  # any failure stays inside its partition, reported by name
        return PartitionOutcome(
            key=key,
            status=FAILED,
            rows=len(rows),
            seconds=round(time.monotonic() - started, 3),
            error=f"Partition {key_label(key)}: {_message(error)}",
        )
    return PartitionOutcome(
        key=key,
        status=COMPLETED,
        rows=len(rows),
        seconds=round(time.monotonic() - started, 3),
        metric=result.metric,
        metric_value=result.best_metric,
        estimator=result.best_estimator,
        archive=archive,
    )


def _check_rows(key: dict[str, str], features: pd.DataFrame, spec: TrainingSpec) -> None:
    labelled = int(features[spec.target].notna().sum()) if spec.target in features else 0
    if labelled < spec.min_rows:
        raise InvalidInputError(
            f"{labelled} row(s) with a '{spec.target}' value, fewer than min_rows="
            f"{spec.min_rows}; add rows for {key_label(key)} or lower min_rows.",
            details={"rows": labelled, "min_rows": spec.min_rows},
        )
    if spec.task == "classification" and features[spec.target].nunique() < 2:
        raise InvalidInputError(
            f"'{spec.target}' has one class only, so no classifier can be trained; leave "
            "this partition out or merge it with another.",
            details={"target": spec.target},
        )


def _archive(result: Any) -> bytes:
    with tempfile.TemporaryDirectory(prefix="kumi-many-") as folder:
        saved = result.save(Path(folder) / "model")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(saved.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(saved).as_posix())
    return buffer.getvalue()


def unpack(archive: bytes, folder: Path) -> Path:
    """Write a model archive into ``folder`` (created); ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        opened.extractall(folder)
    return folder


def _message(error: BaseException) -> str:
    text = error.message if isinstance(error, KumiError) else str(error)
    return text or type(error).__name__
