"""Names of the columns that scoring appends (the Azure designer's names)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from kumi.core import SCORED_LABELS, SCORED_PROBABILITIES, ColumnRole, Table

ASSIGNMENTS = "Assignments"
FOLD_NUMBER = "Fold Number"
DISTANCE_PREFIX = "DistancesToClusterCenter no."
PROBABILITY_PREFIX = f"{SCORED_PROBABILITIES}_"
QUANTILE_PREFIX = "Quantile:"


def probability_column(label_class: Any) -> str:
    """Multiclass probability column of one class, e.g. ``Scored Probabilities_setosa``."""
    return f"{PROBABILITY_PREFIX}{label_class}"


def distance_column(cluster: int) -> str:
    """Distance of a row to the centre of ``cluster`` (0-based)."""
    return f"{DISTANCE_PREFIX}{cluster}"


def quantile_column(quantile: float) -> str:
    """Predicted ``quantile`` of a quantile regressor, e.g. ``Quantile:0.25``."""
    return f"{QUANTILE_PREFIX}{quantile:g}"


def append_scores(
    table: Table, scores: Mapping[str, pd.Series], *, label_column: str | None = None
) -> Table:
    """``table`` with ``scores`` appended as SCORE columns (replacing same-named columns).

    When the table has no label column yet but holds the model's ``label_column``, that
    column is marked as the label, so Evaluate Model can compare scores with it."""
    base = table.frame.drop(columns=[c for c in scores if c in table.frame.columns])
    added = pd.DataFrame(dict(scores), index=table.frame.index)
    frame = pd.concat([base, added], axis=1)
    scored = table.derive(frame, roles=dict.fromkeys(scores, ColumnRole.SCORE))
    if scored.label is None and label_column is not None and label_column in scored.columns:
        scored = scored.with_label(label_column)
    return scored


def result_only(scored: Table) -> Table:
    """Only the label column (kept for evaluation) and the score columns of ``scored``."""
    keep = [c for c in scored.columns if scored.role(c) in (ColumnRole.LABEL, ColumnRole.SCORE)]
    return scored.derive(scored.frame[keep])


__all__ = [
    "ASSIGNMENTS",
    "DISTANCE_PREFIX",
    "FOLD_NUMBER",
    "PROBABILITY_PREFIX",
    "QUANTILE_PREFIX",
    "SCORED_LABELS",
    "SCORED_PROBABILITIES",
    "append_scores",
    "distance_column",
    "probability_column",
    "quantile_column",
    "result_only",
]
