"""Spark section of the scoring benchmark: one registered AutoML model scores 500,000 rows
on Spark local[2] through ``score_spark`` (Arrow batches → onnxruntime) and through
``mlflow.pyfunc.spark_udf`` of the same model (pandas batches → the Python model), in the
same run. Run: ``python bench/scoring_spark.py`` (``bench/scoring.py`` calls
``run_spark_section``)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROWS = 500_000
TRAIN_ROWS = 2_000
FAMILIES = ("lightgbm",)


def _table(rows: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    income = rng.normal(50, 15, rows)
    grade = rng.choice(["A", "B", "C", "D"], rows)
    owner = rng.random(rows) < 0.4
    stores = rng.integers(0, 6, rows).astype(np.float64)
    frame = pd.DataFrame({"income": income, "grade": grade, "owner": owner, "stores": stores})
    frame.loc[::17, "income"] = np.nan
    risk = income / 10 - (grade == "C") * 2 + owner + stores / 3 + rng.normal(0, 1, rows)
    frame["approved"] = np.where(risk > np.nanmedian(risk), "yes", "no")
    return frame


def _timed(scored: Any) -> float:
    started = time.perf_counter()
    scored.write.format("noop").mode("overwrite").save()
    return time.perf_counter() - started


def run_spark_section(rows: int = ROWS, families: tuple[str, ...] = FAMILIES) -> dict[str, Any]:
    """Rows per second of both paths on the same cached Spark DataFrame, and their ratio,
    for an AutoML model searched among ``families`` (fixed, so that runs compare)."""
    import mlflow.pyfunc
    from pyspark.sql import functions as spark_functions
    from pyspark.sql import types as spark_types

    from kumi.automl import fit
    from kumi.scoring.registered import load_registered_onnx
    from kumi.scoring.spark.score import score_spark
    from kumi.scoring.spark.session import spark_session
    from kumi.storage.workspace import Workspace

    result = fit(
        _table(TRAIN_ROWS, 1),
        target="approved",
        time_budget_s=20,
        n_jobs=1,
        seed=1,
        allowed_models=list(families),
    )
    with tempfile.TemporaryDirectory() as folder, Workspace.open(Path(folder) / "ws") as ws:
        version = result.register("bench-loans", ws)
        model = load_registered_onnx(f"bench-loans:{version}", ws.tracking_uri)
        saved = result.save(Path(folder) / "model")
        spark = spark_session("local[2]", app_name="kumi-bench")
        features = _table(rows, 2).drop(columns=["approved"])
        df = spark.createDataFrame(features).repartition(2).cache()
        df.count()
        warm = spark.createDataFrame(features.head(2_000)).repartition(2)
        _timed(score_spark(warm, model))  # start the Python workers
        ours_s = _timed(score_spark(df, model))
        floor_s = _timed(df.mapInArrow(_unchanged, df.schema))  # Spark's own share
        result_type = spark_types.StructType(
            [
                spark_types.StructField("Scored Labels", spark_types.StringType()),
                spark_types.StructField("Scored Probabilities", spark_types.DoubleType()),
            ]
        )
        udf = mlflow.pyfunc.spark_udf(
            spark, str(saved), result_type=result_type, env_manager="local"
        )
        columns = spark_functions.struct(*features.columns)
        _timed(warm.withColumn("scores", udf(columns)))
        theirs_s = _timed(df.withColumn("scores", udf(columns)))
        df.unpersist()
    return {
        "rows": rows,
        "model": result.best_estimator,
        "score_spark_rows_per_s": rows / ours_s,
        "mlflow_spark_udf_rows_per_s": rows / theirs_s,
        "score_spark_s": ours_s,
        "mlflow_spark_udf_s": theirs_s,
        "ratio": theirs_s / ours_s,
        "pass_through_s": floor_s,
    }


def _unchanged(batches: Any) -> Any:
    """Arrow batches back as they came: what any mapInArrow job costs before scoring."""
    yield from batches


def main() -> None:
    for families in (("elastic_net",), FAMILIES):
        found = run_spark_section(families=families)
        print(f"Spark local[2], {found['rows']:,} rows, AutoML model {found['model']}")
        print(
            f"  score_spark (Arrow → onnxruntime): {found['score_spark_s']:.2f} s, "
            f"{found['score_spark_rows_per_s']:,.0f} rows/s"
        )
        print(
            f"  mlflow.pyfunc.spark_udf:           {found['mlflow_spark_udf_s']:.2f} s, "
            f"{found['mlflow_spark_udf_rows_per_s']:,.0f} rows/s"
        )
        print(f"  pass-through mapInArrow (no scoring): {found['pass_through_s']:.2f} s")
        print(f"  ratio: {found['ratio']:.1f}x (target >= 3x)")


if __name__ == "__main__":
    main()
