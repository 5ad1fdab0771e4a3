"""AutoML benchmark: kumi.automl.fit against FLAML on public tables (bench/automl_tables.py),
the same fixed 75/25 split, the same time budget and cores, one after the other in one run,
both scored on the held-out 25 %: binary AUC, multiclass log loss, regression R².

    python bench/automl.py [--budget 60] [--n-jobs 2] [--tables "ISLR Default,..."] [--json F]

Targets: kumi better on ≥ 70 % of the tables, never worse by more than 0.01 AUC / 0.02 R² /
2 % relative log loss; the ONNX export of every best model succeeds (and agrees with it).
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from typing import Any

import numpy as np
import onnxruntime as ort
import pandas as pd
from automl_tables import TABLES, BenchTable
from flaml import AutoML as FlamlAutoML
from sklearn import metrics
from sklearn.model_selection import train_test_split

from kumi import automl

FLAML_METRIC = {"binary": "roc_auc", "multiclass": "log_loss", "regression": "r2"}
KUMI_METRIC = {"binary": "auc", "multiclass": "log_loss", "regression": "r2"}


def split(table: BenchTable, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = table.load().dropna(subset=[table.target]).reset_index(drop=True)
    stratify = None if table.task == "regression" else frame[table.target]
    train, test = train_test_split(frame, test_size=0.25, random_state=seed, stratify=stratify)
    return train.reset_index(drop=True), test.reset_index(drop=True)


def held_out_score(table: BenchTable, truth: pd.Series, model: Any, classes: Any) -> float:
    """The table's metric of ``model`` on the held-out rows (higher is better except log loss)."""
    features = truth.attrs["features"]
    if table.task == "regression":
        return float(metrics.r2_score(truth, model.predict(features)))
    probabilities = np.asarray(model.predict_proba(features))
    if table.task == "binary":
        positive = (truth == classes[1]).to_numpy()
        return float(metrics.roc_auc_score(positive, probabilities[:, 1]))
    return float(metrics.log_loss(truth, np.clip(probabilities, 1e-15, 1), labels=list(classes)))


def run_kumi(table: BenchTable, train: pd.DataFrame, budget: float, n_jobs: int) -> dict[str, Any]:
    started = time.perf_counter()
    result = automl.fit(
        train,
        target=table.target,
        task=table.kumi_task,
        time_budget_s=budget,
        metric=KUMI_METRIC[table.task],
        n_jobs=n_jobs,
        seed=0,
    )
    seconds = time.perf_counter() - started
    model = result.best_model
    return {
        "model": model,
        "classes": getattr(model, "classes_", None),
        "seconds": seconds,
        "best": result.best_estimator,
        "trials": len(result.leaderboard),
    }


def run_flaml(table: BenchTable, train: pd.DataFrame, budget: float, n_jobs: int) -> dict[str, Any]:
    model = FlamlAutoML()
    features = train.drop(columns=[table.target])
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(
            features,
            train[table.target],
            task="regression" if table.task == "regression" else "classification",
            metric=FLAML_METRIC[table.task],
            time_budget=budget,
            n_jobs=n_jobs,
            seed=0,
            verbose=0,
        )
    seconds = time.perf_counter() - started
    return {
        "model": model,
        "classes": getattr(model, "classes_", None),
        "seconds": seconds,
        "best": model.best_estimator,
    }


def onnx_agreement(model: Any, test: pd.DataFrame, table: BenchTable) -> float:
    """Largest difference between the ONNX graph's and the Python model's predictions
    (probabilities; regression: relative to the predicted value, at least 1)."""
    features = test.drop(columns=[table.target])
    session = ort.InferenceSession(model.to_onnx().SerializeToString())
    outputs = dict(
        zip(
            [o.name for o in session.get_outputs()],
            session.run(None, model.onnx_feed(features)),
            strict=True,
        )
    )
    if table.task == "regression":  # relative: XGBoost itself sums leaf values in float32
        expected = model.predict(features)
        scale = np.maximum(np.abs(expected), 1.0)
        return float(np.max(np.abs(outputs["variable"].ravel() - expected) / scale))
    return float(np.max(np.abs(outputs["probabilities"] - model.predict_proba(features))))


def compare(table: BenchTable, budget: float, n_jobs: int) -> dict[str, Any]:
    train, test = split(table, seed=0)
    truth = test[table.target]
    truth.attrs["features"] = test.drop(columns=[table.target])
    kumi = run_kumi(table, train, budget, n_jobs)
    flaml = run_flaml(table, train, budget, n_jobs)
    kumi_score = held_out_score(table, truth, kumi["model"], kumi["classes"])
    flaml_score = held_out_score(table, truth, flaml["model"], flaml["classes"])
    try:
        onnx_diff: float | str = onnx_agreement(kumi["model"], test, table)
    except Exception as error:  # the benchmark reports a failed export instead of stopping
        onnx_diff = f"failed: {type(error).__name__}: {error}"
    return {
        "table": table.name,
        "task": table.task,
        "rows": len(train) + len(test),
        "metric": KUMI_METRIC[table.task],
        "kumi": round(kumi_score, 5),
        "flaml": round(flaml_score, 5),
        "kumi_best": kumi["best"],
        "flaml_best": flaml["best"],
        "kumi_trials": kumi["trials"],
        "kumi_s": round(kumi["seconds"], 1),
        "flaml_s": round(flaml["seconds"], 1),
        "onnx_max_diff": onnx_diff,
        **verdict(table, kumi_score, flaml_score),
    }


def verdict(table: BenchTable, kumi: float, flaml: float) -> dict[str, Any]:
    """Whether kumi is better, and whether it stays within the allowed loss when it is not."""
    if table.task == "multiclass":
        better = kumi < flaml
        within = kumi <= flaml * 1.02
    else:
        better = kumi > flaml
        within = kumi >= flaml - (0.01 if table.task == "binary" else 0.02)
    return {"kumi_better": better, "within_tolerance": within}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--tables", help="comma-separated table names (default: all)")
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args()
    chosen = [t for t in TABLES if not args.tables or t.name in args.tables.split(",")]
    rows = []
    for table in chosen:
        row = compare(table, args.budget, args.n_jobs)
        print(json.dumps(row), flush=True)
        rows.append(row)
    better = sum(r["kumi_better"] for r in rows)
    summary = {
        "tables": len(rows),
        "kumi_better": better,
        "kumi_better_share": round(better / max(len(rows), 1), 2),
        "all_within_tolerance": all(r["within_tolerance"] for r in rows),
        "onnx_ok": all(
            isinstance(r["onnx_max_diff"], float) and r["onnx_max_diff"] <= 1e-4 for r in rows
        ),
    }
    print(json.dumps(summary))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump({"rows": rows, "summary": summary}, handle, indent=2)


if __name__ == "__main__":
    main()
