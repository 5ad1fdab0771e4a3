"""Many models: 200 partitions (stores) trained in parallel vs the same trainings one after the
other, all in the same run, plus routed scoring of every row.

Each partition trains one fast learner (``elastic_net``, one trial) and is registered in a
fresh workspace's MLflow registry; wall time covers training and registration.
``run_many_models_section()`` answers the numbers; ``python bench/scoring_many_models.py``
prints them. ``KUMI_BENCH_PARTITIONS`` changes the partition count; ``KUMI_BENCH_SPARK=1``
adds Spark local[2] (``applyInPandas``).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kumi.scoring.many_models import score_many, train_many
from kumi.storage.workspace import Workspace

PARTITIONS = int(os.environ.get("KUMI_BENCH_PARTITIONS", "200"))
ROWS_PER_PARTITION = 100
LEARNER = "elastic_net"


def sales(partitions: int = PARTITIONS, rows: int = ROWS_PER_PARTITION) -> pd.DataFrame:
    """``partitions`` stores, each with its own linear rule for ``sales``."""
    rng = np.random.default_rng(11)
    store = np.repeat(np.arange(partitions), rows)
    price = rng.normal(10, 2, store.size)
    promo = rng.choice(["none", "flyer", "tv"], store.size)
    slope = rng.normal(0, 3, partitions)[store]
    lift = (promo == "tv") * 5 + (promo == "flyer") * 2
    noise = rng.normal(0, 1, store.size)
    return pd.DataFrame(
        {"store": store, "price": price, "promo": promo, "sales": slope * price + lift + noise}
    )


def _timed_training(frame: Any, folder: Path, label: str, **options: Any) -> dict[str, Any]:
    with Workspace.open(folder / label) as workspace:
        started = time.perf_counter()
        result = train_many(
            frame, "store", "sales", name="bench", task="regression", learner=LEARNER,
            workspace=workspace, **options,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        scoring = _timed_scoring(frame, workspace) if label == "parallel" else {}
    return {
        "seconds": round(seconds, 2),
        "completed": result.completed,
        "failed": result.failed,
        "partition_seconds_sum": round(float(result.summary["seconds"].sum()), 2),
        **scoring,
    }


def _timed_scoring(frame: pd.DataFrame, workspace: Workspace) -> dict[str, Any]:
    rows = frame.drop(columns=["sales"])
    started = time.perf_counter()
    scored = score_many(rows, "bench", workspace=workspace)
    seconds = time.perf_counter() - started
    assert scored["Scored Model"].notna().all()
    return {"score_rows": len(scored), "score_seconds": round(seconds, 2)}


def run_many_models_section() -> dict[str, Any]:
    """Train the same partitions sequentially (n_jobs=1, in-process) and in parallel (a
    process pool of every core; Spark too when asked); wall seconds and speed-up."""
    frame = sales()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="kumi-bench-many-") as folder:
        root = Path(folder)
        sequential = _timed_training(frame, root, "sequential", engine="local", n_jobs=1)
        parallel = _timed_training(frame, root, "parallel", engine="local", n_jobs=cores)
        section: dict[str, Any] = {
            "partitions": PARTITIONS,
            "rows_per_partition": ROWS_PER_PARTITION,
            "learner": LEARNER,
            "cores": cores,
            "sequential": sequential,
            "parallel_pool": parallel,
            "pool_speedup": round(sequential["seconds"] / parallel["seconds"], 2),
        }
        if os.environ.get("KUMI_BENCH_SPARK") == "1":
            section["spark_local"] = _spark_training(frame, root)
            section["spark_speedup"] = round(
                sequential["seconds"] / section["spark_local"]["seconds"], 2
            )
    return section


def _spark_training(frame: pd.DataFrame, root: Path) -> dict[str, Any]:
    from kumi.scoring.spark.session import spark_session

    spark = spark_session("local[2]")
    return _timed_training(spark.createDataFrame(frame), root, "spark", engine="spark")


if __name__ == "__main__":
    print(json.dumps(run_many_models_section(), indent=2))
