"""Serving benchmark: one model (one-hot + Two-Class Boosted Decision Tree on the penguins
table, numeric and string columns, label `sex`) served by kumi and by `mlflow models serve`,
one after the other in the same run, loaded with wrk (4 connections, 10 s) with 1-row and
100-row requests; then batch scoring of 1,000,000 rows parquet → parquet by kumi's batch
inference pipeline and by scikit-learn's own predict on the same rows.

    python bench/serving.py [--duration 10] [--rows 1000000] [--skip-mlflow] [--skip-batch]

Needs `wrk` (Debian package). Targets (kumi, one worker, 2 cores): 1-row ≥ 3,000 requests/s
with p50 ≤ 2 ms; ≥ 200 times MLflow's throughput; batch at least as fast as scikit-learn.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from serving_batch import batch_comparison

from kumi.graph import PipelineBuilder, PipelineDocument
from kumi.services import run_pipeline
from kumi.storage.workspace import Workspace

PENGUINS = Path(__file__).parents[1] / "src" / "kumi" / "samples" / "data" / "penguins.csv"
LABEL = "sex"
STRINGS = ["species", "island"]
ENDPOINT = "penguins-sex"
DATASET = "penguins-sex"


def training_table(folder: Path) -> Path:
    """The penguins with a known sex (the label), as CSV."""
    frame = pd.read_csv(PENGUINS).dropna(subset=[LABEL])
    path = folder / "penguins-sex.csv"
    frame.to_csv(path, index=False)
    return path


def training_pipeline() -> PipelineDocument:
    p = PipelineBuilder("penguins-sex")
    table = p.node("dataset", id="data", name=DATASET)
    onehot = p.node(
        "convert_to_indicator_values",
        id="onehot",
        categorical_columns_to_convert={"names": STRINGS},
        overwrite_categorical_columns=True,
    )
    split = p.node("split_data", id="split", fraction_of_rows_in_the_first_output_dataset=0.7)
    learner = p.node("two_class_boosted_decision_tree", id="learner")
    train = p.node("train_model", id="train", label_column=LABEL)
    score = p.node("score_model", id="score")
    evaluate = p.node("evaluate_model", id="evaluate")
    p.connect(table.out("dataset"), onehot.inp("dataset"))
    p.connect(onehot.out("results_dataset"), split.inp("dataset"))
    p.connect(learner.out("untrained_model"), train.inp("untrained_model"))
    p.connect(split.out("results_dataset1"), train.inp("dataset"))
    p.connect(train.out("trained_model"), score.inp("trained_model"))
    p.connect(split.out("results_dataset2"), score.inp("dataset"))
    p.connect(score.out("scored_dataset"), evaluate.inp("scored_dataset"))
    return p.build()


def kumi_cli(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "kumi", *args, "--json"], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"kumi {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return json.loads(done.stdout)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[Any], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited with {server.returncode}: {server.args}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


def wrk(
    url: str, body: str, headers: dict[str, str], seconds: int, folder: Path
) -> dict[str, float]:
    """wrk with 4 connections (2 threads) POSTing ``body``; requests/s and latency in ms."""
    script = folder / "post.lua"
    lines = ['wrk.method = "POST"', f"wrk.body = {json.dumps(body)}"]
    lines += [f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()]
    script.write_text("\n".join(lines) + "\n")
    command = ["wrk", "-t2", "-c4", f"-d{seconds}s", "--latency", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        raise SystemExit(f"{url} answered errors under load:\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    latency = {p: _ms(re.search(rf"\s{p}%\s+([\d.]+\w+)", output).group(1)) for p in ("50", "99")}  # type: ignore[union-attr]
    return {"requests_per_s": rate, "p50_ms": latency["50"], "p99_ms": latency["99"]}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", text).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def request_rows(data: Path, count: int) -> list[dict[str, Any]]:
    frame = pd.read_csv(data).drop(columns=[LABEL]).head(count)
    frame = frame.reindex(np.resize(frame.index, count)).reset_index(drop=True)
    return json.loads(frame.to_json(orient="records"))


def serve_kumi(workspace: Path, key: str, data: Path, seconds: int, folder: Path) -> dict[str, Any]:
    port = free_port()
    command = [sys.executable, "-m", "kumi", "serve-endpoint", ENDPOINT]
    command += ["--workspace", str(workspace), "--port", str(port), "--workers", "1"]
    log = (folder / "serve-endpoint.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/endpoints/{ENDPOINT}"
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {key}"}
    try:
        wait_until_up(base, server)
        results = {}
        for rows in (1, 100):
            body = json.dumps(
                {"Inputs": {"input1": request_rows(data, rows)}, "GlobalParameters": {}}
            )
            _warm(f"{base}/score", body, headers)
            results[f"{rows}-row"] = wrk(f"{base}/score", body, headers, seconds, folder)
        return results
    finally:
        stop(server)


def serve_mlflow(
    workspace: Path, model: dict[str, Any], data: Path, seconds: int, folder: Path
) -> dict[str, Any]:
    port = free_port()
    env = {**os.environ, "MLFLOW_TRACKING_URI": f"sqlite:///{workspace / 'mlflow.db'}"}
    uri = f"models:/{model['name']}/{model['version']}"
    command = ["mlflow", "models", "serve", "-m", uri, "--env-manager", "local", "-p", str(port)]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    headers = {"Content-Type": "application/json"}
    try:
        wait_until_up(f"http://127.0.0.1:{port}/ping", server)
        results = {}
        for rows in (1, 100):
            body = json.dumps({"dataframe_records": request_rows(data, rows)})
            url = f"http://127.0.0.1:{port}/invocations"
            _warm(url, body, headers)
            results[f"{rows}-row"] = wrk(url, body, headers, seconds, folder)
        return results
    finally:
        stop(server)


def _warm(url: str, body: str, headers: dict[str, str]) -> None:
    request = urllib.request.Request(url, data=body.encode(), headers=headers)
    for _ in range(20):
        with urllib.request.urlopen(request, timeout=30) as answer:
            answer.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--skip-mlflow", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    folder = Path(tempfile.mkdtemp(prefix="kumi-bench-serving-"))
    workspace = folder / "ws"
    data = training_table(folder)
    with Workspace.open(workspace) as ws:
        ws.datasets.register(DATASET, data, label=LABEL, categorical=STRINGS)
        summary = run_pipeline(ws, training_pipeline())
    print(f"training run {summary.run_id}: {summary.status}, auc {summary.metrics.get('auc'):.4f}")
    deployed = kumi_cli("deploy", summary.run_id, "--name", ENDPOINT, "--workspace", str(workspace))
    endpoint = kumi_cli("endpoints", "show", ENDPOINT, "--workspace", str(workspace))
    print(f"endpoint runtime: {endpoint['runtime']} {endpoint.get('runtime_reason') or ''}")
    kumi = serve_kumi(workspace, deployed["key"], data, args.duration, folder)
    report: dict[str, Any] = {"kumi": kumi}
    if not args.skip_mlflow:
        report["mlflow"] = serve_mlflow(workspace, endpoint["model"], data, args.duration, folder)
        for size in ("1-row", "100-row"):
            ratio = kumi[size]["requests_per_s"] / report["mlflow"][size]["requests_per_s"]
            report[f"throughput_ratio_{size}"] = round(ratio, 1)
    if not args.skip_batch:
        report["batch"] = batch_comparison(workspace, summary.run_id, data, args.rows, folder)
    print(json.dumps(report, indent=2))
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
