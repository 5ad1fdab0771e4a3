"""Engine benchmark: a 1,000,000-row table through import → select columns → clean missing →
normalize → split → train Two-Class Boosted Decision Tree → score → evaluate, in kumi and
hand-written with pandas + scikit-learn + LightGBM, in the same run.

    python bench/engine.py [--rows 1000000] [--repeat 1]

Prints both wall times, their ratio (target ≤ 1.2) and the time of a fully cached re-run
(target ≤ 0.5 s), and the AUC of each (they must agree).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn import metrics
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from kumi.graph import PipelineBuilder, PipelineDocument
from kumi.services import run_pipeline, workspace_engine
from kumi.storage.workspace import Workspace

NUMERIC = ["age", "income", "debt", "balance", "tenure", "calls"]
FEATURES = [*NUMERIC, "region"]
LABEL = "churned"


def make_table(rows: int, path: Path, seed: int = 0) -> None:
    """A synthetic customer table: six numeric columns (two with missing values), one
    categorical column and a binary label that depends on them."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({name: rng.normal(size=rows) for name in NUMERIC})
    frame["region"] = rng.choice(["north", "south", "east", "west", "centre"], rows)
    frame["customer_id"] = np.arange(rows)
    logit = frame["age"] - 0.8 * frame["debt"] + 0.5 * frame["calls"] + (frame["region"] == "east")
    frame[LABEL] = (logit + rng.normal(scale=1.0, size=rows) > 0).astype("int64")
    for name in ("income", "tenure"):
        frame.loc[rng.random(rows) < 0.05, name] = np.nan
    frame.to_parquet(path, index=False)


def hand_written(path: Path) -> float:
    """The same steps with pandas, scikit-learn and LightGBM; returns the AUC."""
    frame = pd.read_parquet(path)[[*FEATURES, LABEL]]
    for name in NUMERIC:
        frame[name] = frame[name].fillna(frame[name].mean())
        frame[name] = (frame[name] - frame[name].mean()) / frame[name].std(ddof=0)
    train, test = train_test_split(frame, train_size=0.7, random_state=1, stratify=frame[LABEL])
    featurize = ColumnTransformer(
        [
            ("numeric", "passthrough", NUMERIC),
            (
                "categorical",
                Pipeline(
                    [
                        ("impute", SimpleImputer(strategy="most_frequent")),
                        ("one_hot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
                    ]
                ),
                ["region"],
            ),
        ],
        sparse_threshold=0.0,
    )
    model = Pipeline(
        [
            ("featurize", featurize),
            (
                "model",
                LGBMClassifier(
                    num_leaves=20,
                    min_child_samples=10,
                    learning_rate=0.2,
                    n_estimators=100,
                    random_state=0,
                    verbose=-1,
                ),
            ),
        ]
    )
    model.fit(train[FEATURES], train[LABEL])
    probabilities = model.predict_proba(test[FEATURES])[:, 1]
    labels = (probabilities >= 0.5).astype("int64")
    truth = test[LABEL].to_numpy()
    metrics.accuracy_score(truth, labels)
    metrics.precision_score(truth, labels)
    metrics.recall_score(truth, labels)
    metrics.f1_score(truth, labels)
    metrics.log_loss(truth, probabilities)
    return float(metrics.roc_auc_score(truth, probabilities))


def pipeline(path: Path) -> PipelineDocument:
    """The kumi pipeline of the same steps."""
    p = PipelineBuilder("bench-engine")
    data = p.node("import_data", id="data", path=str(path))
    select = p.node(
        "select_columns_in_dataset", id="select", select_columns={"names": [*FEATURES, LABEL]}
    )
    clean = p.node(
        "clean_missing_data",
        id="clean",
        columns_to_be_cleaned={"names": NUMERIC},
        cleaning_mode="replace_with_mean",
    )
    normalize = p.node("normalize_data", id="normalize", columns_to_transform={"names": NUMERIC})
    split = p.node(
        "split_data",
        id="split",
        fraction_of_rows_in_the_first_output_dataset=0.7,
        random_seed=1,
        stratified_split=True,
        stratification_key_column=LABEL,
    )
    learner = p.node("two_class_boosted_decision_tree", id="learner")
    train = p.node("train_model", id="train", label_column=LABEL)
    score = p.node("score_model", id="score")
    evaluate = p.node("evaluate_model", id="evaluate")
    p.connect(data.out("results_dataset"), select.inp("dataset"))
    p.connect(select.out("results_dataset"), clean.inp("dataset"))
    p.connect(clean.out("cleaned_dataset"), normalize.inp("dataset"))
    p.connect(normalize.out("transformed_dataset"), split.inp("dataset"))
    p.connect(learner.out("untrained_model"), train.inp("untrained_model"))
    p.connect(split.out("results_dataset1"), train.inp("dataset"))
    p.connect(train.out("trained_model"), score.inp("trained_model"))
    p.connect(split.out("results_dataset2"), score.inp("dataset"))
    p.connect(score.out("scored_dataset"), evaluate.inp("scored_dataset"))
    return p.build()


def timed(func: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    value = func(*args, **kwargs)
    return time.perf_counter() - start, value


def kumi_runs(folder: Path, document: PipelineDocument, rows: int, attempt: int) -> dict[str, Any]:
    """Time kumi in a warm studio, then a fully cached re-run, then a cold first run in a
    new workspace. Warm, as under `kumi up` after earlier work: workspace, MLflow store and
    worker pool up, every worker having run this pipeline on another table of the same size
    (other values, so nothing can be reused), as the hand-written code runs in a process
    that has already handled tables of this size. The warm-up runs once per worker: a step
    without inputs goes to the worker holding least, so after one run the next run's chain
    lands on the worker that has not run it yet."""
    timings: dict[str, Any] = {}
    other = folder / f"warm-up{attempt}.parquet"
    make_table(rows, other, seed=attempt + 1)
    with (
        Workspace.open(folder / f"warm{attempt}") as workspace,
        workspace_engine(workspace) as engine,
    ):
        for _ in range(engine.max_workers):
            run_pipeline(workspace, pipeline(other), regenerate=True, engine=engine)
        timings["warm"], summary = timed(
            run_pipeline, workspace, document, regenerate=True, engine=engine
        )
        assert summary.ok, summary.to_json()
        timings["cached"], again = timed(run_pipeline, workspace, document, engine=engine)
        assert all(s.cached for s in again.result.steps.values())
    start = time.perf_counter()
    with Workspace.open(folder / f"cold{attempt}") as workspace:
        cold = run_pipeline(workspace, document)
        assert cold.ok
    timings["cold"] = time.perf_counter() - start
    timings["summary"] = summary
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kumi-bench-") as folder:
        data = Path(folder) / "customers.parquet"
        make_table(args.rows, data)
        document = pipeline(data)
        hand: list[float] = []
        runs: list[dict[str, Any]] = []
        for attempt in range(args.repeat):
            seconds, hand_auc = timed(hand_written, data)
            hand.append(seconds)
            runs.append(kumi_runs(Path(folder), document, args.rows, attempt))
        report(args.rows, hand, hand_auc, runs)


def report(rows: int, hand: list[float], hand_auc: float, runs: list[dict[str, Any]]) -> None:
    median = {key: statistics.median(r[key] for r in runs) for key in ("warm", "cold", "cached")}
    summary = runs[-1]["summary"]
    hand_seconds = statistics.median(hand)
    auc = summary.metrics["auc"]
    ratio = median["warm"] / hand_seconds
    print(f"rows                               {rows:,}")
    print(f"hand-written pandas+sklearn        {hand_seconds:8.2f} s  auc {hand_auc:.4f}")
    print(f"kumi, warm studio (8 steps)        {median['warm']:8.2f} s  auc {auc:.4f}")
    print(f"ratio kumi / hand-written          {ratio:8.2f}   (target <= 1.2)")
    print(f"fully cached re-run                {median['cached']:8.3f} s  (target <= 0.5)")
    print(f"kumi, cold: new workspace + pool   {median['cold']:8.2f} s")
    print(
        "each repeat (hand / warm / cached / cold): "
        + "; ".join(
            f"{h:.2f} / {r['warm']:.2f} / {r['cached']:.3f} / {r['cold']:.2f}"
            for h, r in zip(hand, runs, strict=True)
        )
    )
    for step in summary.result.steps.values():
        print(f"  step {step.node_id:<10} {step.seconds:7.2f} s")


if __name__ == "__main__":
    main()
