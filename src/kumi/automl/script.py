"""A runnable Python script that retrains an AutoML job's best model on a new table.

The script holds the job's decisions as data (the featurization of every column, each
ensemble member's family, parameters and weight) and rebuilds the model from kumi's AutoML
building blocks: ``Featurizer`` and ``ColumnSpec`` from :mod:`kumi.automl.featurize` and the
estimators of :func:`kumi.automl.families.families`. It holds out a fifth of the rows (for
early stopping and to report the metric), prints the metric and pickles the fitted parts.
"""

from __future__ import annotations

import pprint
from typing import Any

from kumi.automl.settings import Task

_HEADER = '''"""Retrain the best model of a kumi AutoML job: {best}.

Usage: python retrain.py DATA.csv|DATA.parquet [--output model.pkl]

The table must hold the target column {target!r} and the feature columns below. A
{holdout:.0%} holdout (stratified for classification) is used for early stopping and to
report {metric}; the fitted featurizers and estimators are pickled to --output.
"""

import argparse
import pickle
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from kumi.automl.data import prepare
from kumi.automl.families import families
from kumi.automl.featurize import ColumnKind, ColumnSpec, Featurizer
from kumi.automl.metrics import get_metric

TARGET = {target!r}
TASK = {task!r}
METRIC = {metric!r}
SEED = {seed!r}
HOLDOUT = {holdout!r}
'''

_BODY = '''

def read_table(path: str) -> pd.DataFrame:
    """A CSV or Parquet file as a DataFrame."""
    if Path(path).suffix.lower() in (".parquet", ".pq"):
        return pd.read_parquet(path)
    return pd.read_csv(path)


def fit_member(member, data, train, valid):
    """Featurize for the member's family and fit it: (featurizer, estimator, predictions)."""
    family = families()[member["family"]]
    featurizer = Featurizer(COLUMNS, family.encoding, seed=SEED)
    x_train = featurizer.fit_transform(data.features.iloc[train], data.y[train])
    x_valid = featurizer.transform(data.features.iloc[valid])
    estimator = family.build(
        member["params"], TASK, SEED, 1, featurizer.categorical_features_
    )
    estimator = family.fit(estimator, x_train, data.y[train], x_valid, data.y[valid])
    if TASK == "classification":
        predictions = estimator.predict_proba(x_valid)
    else:
        predictions = estimator.predict(x_valid)
    return featurizer, estimator, np.asarray(predictions, dtype="float64")


def main() -> None:
    parser = argparse.ArgumentParser(description="Retrain the best kumi AutoML model.")
    parser.add_argument("data", help="CSV or Parquet file with the target column")
    parser.add_argument("--output", default="model.pkl", help="where to pickle the model")
    args = parser.parse_args()
    data = prepare(read_table(args.data), TARGET, TASK)
    rows = np.arange(data.n_rows)
    stratify = data.y if TASK == "classification" and np.bincount(data.y).min() >= 2 else None
    train, valid = train_test_split(
        rows, test_size=HOLDOUT, random_state=SEED, stratify=stratify
    )
    fitted, blended = [], 0.0
    for member in MEMBERS:
        featurizer, estimator, predictions = fit_member(member, data, train, valid)
        fitted.append({{**member, "featurizer": featurizer, "estimator": estimator}})
        blended = blended + member["weight"] * predictions
    metric = get_metric(METRIC, TASK, data.n_classes)
    value = metric(data.y[valid], blended)
    print(f"{{METRIC}} on the {{len(valid)}} held-out rows: {{value:.6f}}")
    model = {{"task": TASK, "classes": data.classes, "members": fitted}}
    Path(args.output).write_bytes(pickle.dumps(model))
    print(f"model written to {{args.output}}")


if __name__ == "__main__":
    main()
'''

HOLDOUT = 0.2


def retraining_script(model: Any, *, target: str, task: Task, metric: str, seed: int) -> str:
    """The script's source for ``model`` (an AutoML model: ``members`` with family, params,
    weight; ``featurizers`` holding the column specs)."""
    members = [
        {
            "family": str(member.family),
            "params": _plain(dict(member.params)),
            "weight": float(member.weight),
        }
        for member in model.members
    ]
    best = " + ".join(sorted({m["family"] for m in members})) or "no model"
    header = _HEADER.format(
        best=best, target=target, task=task, metric=metric, seed=seed, holdout=HOLDOUT
    )
    columns = "COLUMNS = [\n" + "".join(f"    {_spec_source(c)},\n" for c in _specs(model)) + "]\n"
    listed = "MEMBERS = " + pprint.pformat(members, width=88, sort_dicts=True) + "\n"
    return header + columns + listed + _BODY.format()


def _specs(model: Any) -> list[Any]:
    """The column specs of the model's featurizers (the same for every encoding)."""
    featurizers = list(dict(model.featurizers).values())
    return list(featurizers[0].columns) if featurizers else []


def _spec_source(spec: Any) -> str:
    impute = getattr(spec, "impute", None)
    kind = getattr(spec.kind, "name", str(spec.kind).upper())
    return (
        f"ColumnSpec(name={str(spec.name)!r}, kind=ColumnKind.{kind}, "
        f"reason={str(spec.reason)!r}, missing={int(spec.missing)}, "
        f"unique={int(spec.unique)}, impute={impute!r})"
    )


def _plain(value: Any) -> Any:
    """Parameters as Python literals (numpy scalars as numbers, tuples as lists)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and callable(value.item):
        return value.item()
    return value
