"""Hand-built real-time documents over the penguins sample: the model is trained when the
document loads (no saved outputs needed)."""

from __future__ import annotations

from typing import Any

SCRIPT = """
import os
import pandas as pd

LOADED_IN = os.getpid()


def azureml_main(dataframe1=None, dataframe2=None):
    if (dataframe1["bill_length_mm"] < 0).any():
        raise ValueError("negative bill length")
    out = dataframe1.copy()
    out["host_pid"] = LOADED_IN
    return out,
"""


def penguins_document(*, script: bool = False, name: str = "penguins-real-time") -> dict[str, Any]:
    """dataset → clean → train; Web Service Input → apply cleaning [→ script] → score →
    Web Service Output."""
    nodes: list[dict[str, Any]] = [
        {"id": "data", "component": "dataset", "params": {"name": "penguins"}},
        {
            "id": "clean",
            "component": "clean_missing_data",
            "params": {
                "columns_to_be_cleaned": {
                    "start_with": "all",
                    "rules": [{"action": "exclude", "roles": ["label"]}],
                },
                "cleaning_mode": "replace_with_mode",
            },
        },
        {"id": "learner", "component": "multiclass_logistic_regression"},
        {"id": "train", "component": "train_model", "params": {"label_column": "species"}},
        {"id": "web_service_input", "component": "web_service_input", "params": {"name": "input1"}},
        {"id": "apply", "component": "apply_transformation"},
        {"id": "score", "component": "score_model"},
        {"id": "web_service_output", "component": "web_service_output"},
    ]
    scored_from = "apply.transformed_dataset"
    edges = [
        ("data.dataset", "clean.dataset"),
        ("clean.cleaned_dataset", "train.dataset"),
        ("learner.untrained_model", "train.untrained_model"),
        ("data.dataset", "web_service_input.dataset"),
        ("web_service_input.data", "apply.dataset"),
        ("clean.cleaning_transformation", "apply.transformation"),
        ("train.trained_model", "score.trained_model"),
        ("score.scored_dataset", "web_service_output.data"),
    ]
    if script:
        nodes.append(
            {
                "id": "script",
                "component": "execute_python_script",
                "params": {"python_script": SCRIPT},
            }
        )
        edges.append(("apply.transformed_dataset", "script.dataset1"))
        scored_from = "script.result_dataset"
    edges.append((scored_from, "score.dataset"))
    return {
        "schema_version": 1,
        "name": name,
        "nodes": nodes,
        "edges": [{"from": a, "to": b} for a, b in edges],
    }


ROW = {
    "island": "Biscoe",
    "bill_length_mm": 46.1,
    "bill_depth_mm": 13.2,
    "flipper_length_mm": 211.0,
    "body_mass_g": 4500.0,
    "sex": "female",
    "year": 2007,
}
"""A Gentoo penguin."""
