"""Scoring through the compiled ONNX chain vs the Python path (transformations + Score
Model): 1-row latency and 1,000,000-row throughput, on the penguins table (numeric and
text columns with missing values), Clean Missing → Normalize → indicators → Two-Class
Boosted Decision Tree. Run: ``python bench/onnx_chain.py``."""

from __future__ import annotations

import time
import warnings
from importlib import resources

import numpy as np
import pandas as pd

from kumi.components._transforms.clean_missing import CleanMissingTransformation
from kumi.components._transforms.indicators import IndicatorValuesTransformation
from kumi.components._transforms.normalize import NormalizeTransformation
from kumi.core import Table, TrainedModel, Transformation, column_type_of
from kumi.registry import default_registry
from kumi.tracking.onnx import InputColumn, OnnxScorer, ScoringChain, compile_chain

BIG_ROWS = 1_000_000


def fitted(frame: pd.DataFrame) -> tuple[list[Transformation], TrainedModel]:
    table = Table.of(frame)
    steps: list[Transformation] = []
    for step in (
        CleanMissingTransformation(
            ["bill_length_mm", "island"], "replace_with_mode", indicator=True
        ),
        NormalizeTransformation(["bill_length_mm", "bill_depth_mm", "year"], "zscore"),
        IndicatorValuesTransformation(["island"]),
    ):
        table = step.fit(table).apply(table)
        steps.append(step)
    component = default_registry().get("two_class_boosted_decision_tree")()
    learner = component.learner(component.Params())  # type: ignore[attr-defined]
    return steps, learner.fit(table, "sex")


def python_path(
    frame: pd.DataFrame, steps: list[Transformation], model: TrainedModel
) -> pd.DataFrame:
    table = Table.of(frame)
    for step in steps:
        table = step.apply(table)
    return model.score(table).frame


def per_call(function: object, repeats: int) -> float:
    for _ in range(20):
        function()  # type: ignore[operator]
    start = time.perf_counter()
    for _ in range(repeats):
        function()  # type: ignore[operator]
    return (time.perf_counter() - start) / repeats


def main() -> None:
    warnings.simplefilter("ignore")
    frame = pd.read_csv(str(resources.files("kumi.samples") / "data" / "penguins.csv"))
    steps, model = fitted(frame)
    request = frame.drop(columns=["sex"])
    inputs = [InputColumn(str(c), column_type_of(request[c])) for c in request.columns]
    scorer = OnnxScorer(compile_chain(ScoringChain(inputs, steps, model)))
    row = request.head(1)
    arrays = {c: row[c].to_numpy() for c in row.columns}
    print(
        f"1 row   run_columns  {per_call(lambda: scorer.run_columns(arrays), 2000) * 1e6:9.1f} µs"
    )
    print(f"1 row   score_frame  {per_call(lambda: scorer.score_frame(row), 500) * 1e6:9.1f} µs")
    python_call = per_call(lambda: python_path(row, steps, model), 200)
    print(f"1 row   python path  {python_call * 1e6:9.1f} µs")
    big = request.sample(BIG_ROWS, replace=True, random_state=0).reset_index(drop=True)
    batch = OnnxScorer(scorer.compiled, intra_op_num_threads=0)  # every core, for batches
    for name, score in (
        ("onnx  ", lambda: batch.score_frame(big)),
        ("python", lambda: python_path(big, steps, model)),
    ):
        start = time.perf_counter()
        score()
        seconds = time.perf_counter() - start
        print(f"{BIG_ROWS:,} rows {name} {seconds:6.2f} s  ({BIG_ROWS / seconds:,.0f} rows/s)")
    onnx_scores = batch.score_frame(big)["Scored Probabilities"].to_numpy()
    python_scores = python_path(big, steps, model)["Scored Probabilities"].to_numpy()
    print(f"largest probability difference {np.abs(onnx_scores - python_scores).max():.2e}")


if __name__ == "__main__":
    main()
