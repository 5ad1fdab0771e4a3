"""Standard tiny example inputs, by name, for the component contract suite and docs.

Tables are built from a fixed seed; models are built by running the real learner and
training components through the registry, so the examples always reflect the library.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from kumi.core import (
    Component,
    Inputs,
    NotFoundError,
    PortType,
    RunContext,
    Table,
    validate_params,
)
from kumi.registry import ComponentRegistry, default_registry

ROWS = 40

DEFAULT_FOR_PORT: dict[PortType, str] = {
    PortType.TABLE: "table",
    PortType.UNTRAINED_MODEL: "binary_learner",
    PortType.TRAINED_MODEL: "binary_trained_model",
    PortType.TRANSFORMATION: "transformation",
    PortType.EVALUATION_REPORT: "evaluation_report",
    PortType.FILE: "csv_file",
}


def _base_frame() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    age = rng.integers(18, 80, ROWS)
    income = np.round(rng.normal(50_000, 15_000, ROWS), 2)
    balance = np.round(rng.normal(1_000, 400, ROWS), 2)
    city = rng.choice(["Lisbon", "Osaka", "Quito"], ROWS).astype(object)
    member = rng.random(ROWS) > 0.5
    signal = (age - 45) / 15 + (balance - 1_000) / 400 + rng.normal(0, 0.7, ROWS)
    label = (signal > 0).astype("int64")
    return pd.DataFrame(
        {
            "age": age.astype("int64"),
            "income": income,
            "balance": balance,
            "city": city,
            "member": member,
            "label": label,
        }
    )


def table() -> Table:
    """Mixed-type binary-classification table with missing values."""
    frame = _base_frame()
    frame.loc[[3, 17], "income"] = np.nan
    frame.loc[5, "city"] = None
    return Table.of(frame, label="label", categorical=["city"])


def numeric_table() -> Table:
    frame = _base_frame()[["age", "income", "balance", "label"]]
    return Table.of(frame, label="label")


def multiclass_table() -> Table:
    frame = _base_frame()[["age", "income", "balance"]].copy()
    frame["label"] = np.select(
        [frame["age"] < 35, frame["age"] < 60], ["young", "middle"], default="senior"
    )
    return Table.of(frame, label="label")


def regression_table() -> Table:
    frame = _base_frame()[["age", "income", "balance"]].copy()
    frame["label"] = frame["income"] / 1_000 + frame["age"] * 0.5
    return Table.of(frame, label="label")


def text_table() -> Table:
    words = ["fast", "slow", "model", "data", "tree", "forest", "linear", "kernel"]
    rng = np.random.default_rng(11)
    texts = [" ".join(rng.choice(words, 6)) for _ in range(ROWS)]
    labels = ["trees" if ("tree" in t or "forest" in t) else "other" for t in texts]
    return Table.of(pd.DataFrame({"text": texts, "label": labels}), label="label")


def run_component(
    component_id: str,
    params: dict[str, Any] | None = None,
    inputs: dict[str, Any] | None = None,
    *,
    registry: ComponentRegistry | None = None,
    work_dir: Path | None = None,
) -> dict[str, Any]:
    """Run one component in-process (validated params) and return its outputs."""
    cls = (registry or default_registry()).get(component_id)
    return run_component_class(cls, params, inputs, work_dir=work_dir)


def run_component_class(
    cls: type[Component[Any]],
    params: dict[str, Any] | None = None,
    inputs: dict[str, Any] | None = None,
    *,
    work_dir: Path | None = None,
) -> dict[str, Any]:
    """Run a component class in-process with validated params (in ``work_dir``, else in a
    temporary folder removed afterwards, as the engine removes a step's folder)."""
    validated = validate_params(cls.Params, params or {}, where=cls.id)
    if work_dir is not None:
        ctx = RunContext(node_id=cls.id, work_dir=work_dir)
        return cls().run(validated, Inputs(inputs or {}), ctx)
    with tempfile.TemporaryDirectory(prefix=f"kumi-{cls.id}-") as folder:
        ctx = RunContext(node_id=cls.id, work_dir=Path(folder))
        return cls().run(validated, Inputs(inputs or {}), ctx)


def _learner(component_id: str) -> Callable[[], Any]:
    return lambda: run_component(component_id)["untrained_model"]


def _trained(learner: str, data: Callable[[], Table], trainer: str = "train_model") -> Any:
    table_value = data()
    params = {"label_column": "label"} if trainer == "train_model" else {}
    untrained = example(learner)
    return run_component(trainer, params, {"untrained_model": untrained, "dataset": table_value})[
        "trained_model"
    ]


def _scored(model: str, data: Callable[[], Table]) -> Table:
    scored = run_component("score_model", {}, {"trained_model": example(model), "dataset": data()})
    return scored["scored_dataset"]


def _transformation() -> Any:
    return run_component("normalize_data", {}, {"dataset": numeric_table()})[
        "transformation_function"
    ]


def _evaluation_report() -> Any:
    return run_component("evaluate_model", {}, {"scored_dataset": example("scored_binary_table")})[
        "evaluation_results"
    ]


def _csv_file() -> Any:
    return run_component("convert_to_csv", {}, {"dataset": numeric_table()})["results_dataset"]


_FACTORIES: dict[str, Callable[[], Any]] = {
    "table": table,
    "numeric_table": numeric_table,
    "multiclass_table": multiclass_table,
    "regression_table": regression_table,
    "text_table": text_table,
    "binary_learner": _learner("two_class_logistic_regression"),
    "multiclass_learner": _learner("multiclass_logistic_regression"),
    "regression_learner": _learner("linear_regression"),
    "clustering_learner": _learner("k_means_clustering"),
    "anomaly_learner": _learner("pca_based_anomaly_detection"),
    "binary_trained_model": lambda: _trained("binary_learner", table),
    "multiclass_trained_model": lambda: _trained("multiclass_learner", multiclass_table),
    "regression_trained_model": lambda: _trained("regression_learner", regression_table),
    "clustering_trained_model": lambda: _trained(
        "clustering_learner", numeric_table, "train_clustering_model"
    ),
    "anomaly_trained_model": lambda: _trained(
        "anomaly_learner", numeric_table, "train_anomaly_detection_model"
    ),
    "scored_binary_table": lambda: _scored("binary_trained_model", table),
    "scored_multiclass_table": lambda: _scored("multiclass_trained_model", multiclass_table),
    "scored_regression_table": lambda: _scored("regression_trained_model", regression_table),
    "transformation": _transformation,
    "evaluation_report": _evaluation_report,
    "csv_file": _csv_file,
}

EXAMPLE_NAMES = sorted(_FACTORIES)


@cache
def example(name: str) -> Any:
    """The standard example called ``name`` (built once per process)."""
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise NotFoundError(
            f"Unknown example '{name}'. Known examples: {', '.join(EXAMPLE_NAMES)}.",
            details={"example": name},
        ) from None
    return factory()


def example_inputs_for(cls: type[Component[Any]]) -> dict[str, Any]:
    """Example values for each input port of ``cls`` (optional ports only when named)."""
    values: dict[str, Any] = {}
    for port in cls.inputs:
        name = cls.example_inputs.get(port.name)
        if name is None and port.optional:
            continue
        values[port.name] = example(name or DEFAULT_FOR_PORT[port.type])
    return values


def with_renamed_columns(value: Any) -> Any:
    """Bad-input variant of an example: every table column renamed (roles dropped)."""
    if isinstance(value, Table):
        return Table.of(value.frame.rename(columns=lambda c: f"unexpected_{c}"))
    return value
