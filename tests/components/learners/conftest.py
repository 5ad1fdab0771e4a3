"""Real small datasets split into training and test tables, and a component runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris

from kumi.core import Table

Runner = Callable[..., dict[str, Any]]


def split(frame: pd.DataFrame, label: str, seed: int = 0) -> tuple[Table, Table]:
    order = np.random.default_rng(seed).permutation(len(frame))
    cut = int(len(frame) * 0.7)
    train, test = frame.iloc[order[:cut]], frame.iloc[order[cut:]]
    return (
        Table.of(train.reset_index(drop=True), label=label),
        Table.of(test.reset_index(drop=True), label=label),
    )


@pytest.fixture(scope="session")
def cancer() -> tuple[Table, Table]:
    return split(load_breast_cancer(as_frame=True).frame, "target")


@pytest.fixture(scope="session")
def iris() -> tuple[Table, Table]:
    frame = load_iris(as_frame=True).frame
    frame["target"] = frame["target"].map({0: "setosa", 1: "versicolor", 2: "virginica"})
    return split(frame, "target")


@pytest.fixture(scope="session")
def diabetes() -> tuple[Table, Table]:
    return split(load_diabetes(as_frame=True).frame, "target")


@pytest.fixture
def train_and_score(run: Runner) -> Callable[..., Table]:
    """Learner (by id or value) → Train Model on ``train`` → Score Model on ``test``."""

    def go(learner: Any, train: Table, test: Table, params: dict[str, Any] | None = None) -> Table:
        if isinstance(learner, str):
            learner = run(learner, params)["untrained_model"]
        label = train.label
        model = run("train_model", {"label_column": label}, untrained_model=learner, dataset=train)
        return run("score_model", trained_model=model["trained_model"], dataset=test)[
            "scored_dataset"
        ]

    return go
