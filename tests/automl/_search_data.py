"""Search data from bundled numeric datasets (featurization is not needed for these)."""

from __future__ import annotations

import pandas as pd
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.preprocessing import StandardScaler

from kumi.automl import get_metric, make_plan, prepare
from kumi.automl.search import SearchData


def search_data(kind: str = "binary", validation: object = 3, rows: int | None = None):
    loader = load_diabetes if kind == "regression" else load_breast_cancer
    x, y = loader(return_X_y=True)
    x, y = x[:rows], y[:rows]
    task = "regression" if kind == "regression" else "classification"
    frame = pd.DataFrame(x).assign(target=y)
    prepared = prepare(frame, "target", task)
    plan = make_plan(prepared, validation, seed=0)
    metric = get_metric(None, task, prepared.n_classes)
    matrices = {"trees": x.astype("float64"), "linear": StandardScaler().fit_transform(x)}
    return SearchData(matrices, prepared.y, plan, metric, prepared.n_classes)
