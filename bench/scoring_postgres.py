"""PostgreSQL scoring benchmark: the same registered AutoML model scoring the same table
inside the server (``kumi_predict``, PL/Python + onnxruntime, ``CREATE TABLE ... AS``) and
from the client (``enrich_table``: stream out, onnxruntime, COPY back), both writing an
enriched table; rows per second of each.

    python bench/scoring_postgres.py [--rows 200000]

Uses the server at $KUMI_BENCH_POSTGRES_URL when set (it needs PL/Python 3 with numpy and
onnxruntime), else a throwaway cluster started with initdb + pg_ctl in a temporary folder.
``run_postgres_section()`` answers the numbers as a dict for bench/scoring.py.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import io
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from kumi.automl import fit
from kumi.scoring.postgres import (
    enrich_table,
    install_predict_function,
    predict_sql_postgres,
    store_model_postgres,
)
from kumi.scoring.registered import RegisteredOnnx, load_registered_onnx
from kumi.storage import create_database_engine
from kumi.storage.workspace import Workspace

URL_ENV = "KUMI_BENCH_POSTGRES_URL"


def loans(rows: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    income = rng.normal(50, 15, rows)
    grade = rng.choice(["A", "B", "C"], rows)
    opened = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, rows), unit="D")
    owner = rng.random(rows) < 0.4
    risk = income / 10 - (grade == "C") * 2 + owner + rng.normal(0, 1, rows)
    frame = pd.DataFrame(
        {"income": income, "grade": grade, "opened": opened, "owner": owner,
         "stores": rng.integers(0, 4, rows)}
    )  # fmt: skip
    frame.loc[::17, "income"] = np.nan
    frame["approved"] = np.where(risk > np.median(risk), "yes", "no")
    return frame


def _binary(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if found is None:
        raise SystemExit(f"{name} not found; install PostgreSQL or set {URL_ENV}")
    return found


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """A database URL on a fresh cluster (run as user postgres when root)."""
    prefix: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="kumi-bench-pg-"))
    if os.geteuid() == 0:
        prefix = ["runuser", "-u", "postgres", "--"]
        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = root / "data"
    options = f"-k {root} -p {port} -c listen_addresses='' -c fsync=off"
    pg_ctl = [*prefix, _binary("pg_ctl"), "-D", str(data)]
    initdb = [*prefix, _binary("initdb"), "-D", str(data), "-U", "kumi", "--auth=trust"]
    subprocess.run([*initdb, "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    start = [*pg_ctl, "-l", str(root / "log"), "-o", options, "-w", "start"]
    subprocess.run(start, check=True, capture_output=True)
    try:
        yield f"postgresql://kumi@/postgres?host={root}&port={port}"
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def trained_model(folder: Path) -> RegisteredOnnx:
    result = fit(
        loans(2000), target="approved", task="classification", time_budget_s=60, n_jobs=1,
        seed=1, allowed_models=["elastic_net"], max_trials=3,
    )  # fmt: skip
    with Workspace.open(folder / "ws") as workspace:
        result.register("loans", workspace)
        return load_registered_onnx("loans", workspace.tracking_uri)


def load_table(url: str, frame: pd.DataFrame, table: str) -> None:
    engine = create_database_engine(url)
    try:
        frame.head(0).to_sql(table, engine, index=False, if_exists="replace")
        with engine.begin() as connection:
            text = io.StringIO()
            frame.to_csv(text, index=False, header=False)
            cursor = connection.connection.cursor()
            with cursor.copy(f"COPY {table} FROM STDIN WITH (FORMAT csv)") as copy:
                copy.write(text.getvalue())
    finally:
        engine.dispose()


def _timed_sql(url: str, sql: str) -> float:
    engine = create_database_engine(url)
    try:
        with engine.begin() as connection:
            started = time.perf_counter()
            connection.connection.cursor().execute(sql)
            return time.perf_counter() - started
    finally:
        engine.dispose()


def measure(url: str, model: RegisteredOnnx, rows: int) -> dict[str, float | int]:
    load_table(url, loans(rows).drop(columns=["approved"]), "bench_loans")
    store_model_postgres(url, model)
    install_predict_function(url)
    select = predict_sql_postgres(model, "bench_loans", {})
    _timed_sql(url, f"SELECT count(*) FROM ({select}) AS warm LIMIT 1")  # runner built, cached
    in_database = _timed_sql(url, f"CREATE TABLE scored_in_database AS {select}")
    started = time.perf_counter()
    written = enrich_table(url, "bench_loans", model, "scored_by_client")
    enrich = time.perf_counter() - started
    assert written == rows
    return {
        "rows": rows,
        "in_database_s": round(in_database, 3),
        "in_database_rows_per_s": round(rows / in_database),
        "enrich_s": round(enrich, 3),
        "enrich_rows_per_s": round(rows / enrich),
        "in_database_vs_enrich": round(enrich / in_database, 2),
    }


def run_postgres_section(rows: int = 200_000) -> dict[str, float | int]:
    """In-database vs enrich rows/s for ``rows`` rows of a registered AutoML model."""
    with tempfile.TemporaryDirectory(prefix="kumi-bench-") as folder:
        model = trained_model(Path(folder))
        if os.environ.get(URL_ENV):
            return measure(os.environ[URL_ENV], model, rows)
        with throwaway_cluster() as url:
            return measure(url, model, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    print(json.dumps(run_postgres_section(parser.parse_args().rows), indent=2))


if __name__ == "__main__":
    main()
