"""Scoring where the data lives, each section against its peer in the same run.
Run: ``python bench/scoring.py [section ...]`` (no section: all of them).

- ``duckdb``: 1,000,000 rows through DuckDB ``PREDICT`` (``kumi.sql.query``) vs
  onnxruntime called directly on the same arrays, with an AutoML model (a numeric and a
  categorical column) registered in a temporary workspace; target >= 0.7x.
- ``postgres``: rows/s scored inside PostgreSQL (``kumi_predict``) vs the client-side
  enrich path, on a throwaway cluster (or ``$KUMI_BENCH_POSTGRES_URL``).
- ``spark``: ``score_spark`` on Spark local[2] vs ``mlflow.pyfunc.spark_udf`` of the same
  registered model (an elastic net and a LightGBM model); target >= 3x.
- ``many_models``: 200 partitions trained on a process pool vs one after the other
  (``KUMI_BENCH_SPARK=1`` adds Spark ``applyInPandas``).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

import kumi.sql
from kumi.automl import fit
from kumi.scoring.sql.duckdb_predict import THREADS
from kumi.storage.workspace import Workspace

sys.path.insert(0, str(Path(__file__).parent))
from scoring_many_models import run_many_models_section
from scoring_postgres import run_postgres_section
from scoring_spark import main as spark_section

DUCKDB_ROWS = 1_000_000


def _loans(rows: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    income = rng.normal(50, 15, rows)
    grade = rng.choice(["A", "B", "C", "D"], rows)
    risk = income / 10 - (grade == "C") * 2 + (grade == "D") + rng.normal(0, 1, rows)
    return pd.DataFrame(
        {"income": income, "grade": grade, "approved": np.where(risk > 5, "yes", "no")}
    )


def _registered_model(workspace: Path) -> None:
    result = fit(
        _loans(4000, 1),
        target="approved",
        time_budget_s=60,
        max_trials=2,
        allowed_models=["lightgbm"],
        validation=0.25,
        n_jobs=1,
        seed=1,
    )
    with Workspace.open(workspace) as opened:
        result.register("loans", opened)
    print(f"model: AutoML {result.best_estimator}, registered as loans:1")


def _best_of(repeats: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def duckdb_section(rows: int = DUCKDB_ROWS, repeats: int = 3) -> dict[str, float]:
    """PREDICT in DuckDB vs onnxruntime directly on the same arrays."""
    folder = Path(tempfile.mkdtemp(prefix="kumi-bench-duckdb-"))
    _registered_model(folder / "ws")
    connection = duckdb.connect(str(folder / "bench.duckdb"))
    connection.register("frame", _loans(rows, 2).drop(columns=["approved"]))
    connection.execute("CREATE TABLE loans AS SELECT * FROM frame").fetchall()
    connection.unregister("frame")
    model = kumi.sql.load_model("loans", database=connection, workspace=folder / "ws")

    create = (
        "CREATE OR REPLACE TABLE scored AS SELECT d.*, p.* FROM "
        "PREDICT(MODEL = 'loans:1', DATA = loans AS d) "
        'WITH ("Scored Labels" VARCHAR, "Scored Probabilities" DOUBLE) AS p'
    )
    predict_s = _best_of(repeats, lambda: kumi.sql.query(create, database=connection))
    frame_s = _best_of(
        repeats,
        lambda: kumi.sql.query(
            create.replace("CREATE OR REPLACE TABLE scored AS ", ""), database=connection
        ),
    )
    arrays = connection.sql("SELECT income, grade FROM loans").df()
    runner = model.runner(threads=THREADS)
    feeds = {
        "income": arrays["income"].to_numpy(np.float64).reshape(-1, 1),
        "grade": arrays["grade"].to_numpy(object).reshape(-1, 1),
    }
    tensors = {spec["column"]: spec["tensor"] for spec in runner.inputs}
    feeds = {tensors[column]: values for column, values in feeds.items()}
    fetches = sorted({o["tensor"] for o in runner.outputs})
    direct_s = _best_of(repeats, lambda: runner.session.run(fetches, feeds))
    connection.close()

    results = {
        "predict_table_rows_s": rows / predict_s,
        "predict_frame_rows_s": rows / frame_s,
        "onnxruntime_rows_s": rows / direct_s,
    }
    results["ratio_table"] = results["predict_table_rows_s"] / results["onnxruntime_rows_s"]
    results["ratio_frame"] = results["predict_frame_rows_s"] / results["onnxruntime_rows_s"]
    print(f"duckdb: {rows:,} rows, onnxruntime threads {THREADS}")
    print(f"  PREDICT → CREATE TABLE      {results['predict_table_rows_s']:>12,.0f} rows/s")
    print(f"  PREDICT → pandas DataFrame  {results['predict_frame_rows_s']:>12,.0f} rows/s")
    print(f"  onnxruntime, same arrays    {results['onnxruntime_rows_s']:>12,.0f} rows/s")
    print(
        f"  ratio (table) {results['ratio_table']:.2f}x, (DataFrame) {results['ratio_frame']:.2f}x"
        "  (target >= 0.7x)"
    )
    return results


SECTIONS: dict[str, Callable[[], object]] = {
    "duckdb": duckdb_section,
    "postgres": lambda: print(json.dumps(run_postgres_section(), indent=2)),
    "spark": spark_section,
    "many_models": lambda: print(json.dumps(run_many_models_section(), indent=2)),
}


def main(argv: list[str]) -> None:
    """Run the sections named in ``argv`` (none: every section)."""
    unknown = [name for name in argv if name not in SECTIONS]
    if unknown:
        names = ", ".join(SECTIONS)
        raise SystemExit(f"unknown section(s) {', '.join(unknown)}; choose from {names}")
    for name in argv or list(SECTIONS):
        SECTIONS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
