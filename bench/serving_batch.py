"""The batch half of bench/serving.py: 1,000,000 penguin rows, parquet → parquet, scored by
kumi's batch inference pipeline (derived from the training run) and by a scikit-learn
pipeline (one-hot + LightGBM) trained on the same rows, its predict_proba on the same table."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from kumi.services import run_pipeline
from kumi.services.inference import derive_inference_pipeline
from kumi.storage.workspace import Workspace

LABEL = "sex"
STRINGS = ["species", "island"]


def scoring_table(data: Path, rows: int, path: Path, seed: int = 0) -> None:
    """``rows`` penguins drawn from the table with small noise on the measurements."""
    frame = pd.read_csv(data).drop(columns=[LABEL])
    rng = np.random.default_rng(seed)
    sample = frame.iloc[rng.integers(0, len(frame), rows)].reset_index(drop=True)
    for column in ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"):
        sample[column] = sample[column] * rng.normal(1.0, 0.02, rows)
    sample.to_parquet(path, index=False)


def kumi_batch(workspace: Path, run_id: str, source: Path, target: Path) -> float:
    """Seconds for a run of the batch inference pipeline over ``source`` (registered as a
    dataset first, untimed; every step computed, none reused from the cache)."""
    with Workspace.open(workspace) as ws:
        ws.datasets.register("penguins-to-score", source, categorical=STRINGS)
        derived = derive_inference_pipeline(ws, run_id, "batch")
        values = {"dataset_name": "penguins-to-score", "output_path": str(target)}
        started = time.perf_counter()
        summary = run_pipeline(
            ws, derived.document, parameter_values=values, regenerate=True, track=False
        )
        seconds = time.perf_counter() - started
    if not summary.ok:
        raise SystemExit(f"batch run failed: {summary.status}")
    return seconds


def sklearn_batch(data: Path, source: Path, target: Path) -> float:
    """Seconds for scikit-learn's read → predict_proba → write of the same rows."""
    train = pd.read_csv(data)
    numeric = [c for c in train.columns if c not in (*STRINGS, LABEL)]
    model = Pipeline(
        [
            (
                "features",
                ColumnTransformer(
                    [("onehot", OneHotEncoder(handle_unknown="ignore"), STRINGS)],
                    remainder="passthrough",
                ),
            ),
            ("model", LGBMClassifier(verbose=-1)),
        ]
    ).fit(train[STRINGS + numeric], train[LABEL])
    started = time.perf_counter()
    frame = pd.read_parquet(source)
    probabilities = model.predict_proba(frame[STRINGS + numeric])
    frame["Scored Labels"] = model.classes_[probabilities.argmax(axis=1)]
    frame["Scored Probabilities"] = probabilities[:, 1]
    frame.to_parquet(target, index=False)
    return time.perf_counter() - started


def batch_comparison(
    workspace: Path, run_id: str, data: Path, rows: int, folder: Path, repeats: int = 3
) -> dict[str, Any]:
    """Both sides ``repeats`` times, alternating (so background load hits both alike); the
    best and the median time of each."""
    source = folder / "to-score.parquet"
    scoring_table(data, rows, source)
    kumi_times: list[float] = []
    sklearn_times: list[float] = []
    for attempt in range(repeats):
        target = folder / f"kumi-scored-{attempt}.parquet"
        kumi_times.append(kumi_batch(workspace, run_id, source, target))
        sklearn_times.append(sklearn_batch(data, source, folder / "sklearn-scored.parquet"))
        written = pd.read_parquet(target, columns=["Scored Labels"])
        assert len(written) == rows, f"kumi wrote {len(written)} rows, expected {rows}"
    best_kumi, best_sklearn = min(kumi_times), min(sklearn_times)
    return {
        "rows": rows,
        "repeats": repeats,
        "kumi_s": round(best_kumi, 2),
        "sklearn_s": round(best_sklearn, 2),
        "kumi_median_s": round(float(np.median(kumi_times)), 2),
        "sklearn_median_s": round(float(np.median(sklearn_times)), 2),
        "kumi_rows_per_s": round(rows / best_kumi),
        "sklearn_rows_per_s": round(rows / best_sklearn),
    }
