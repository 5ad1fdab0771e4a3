"""The featurization summary: what happened to each raw column."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kumi.automl.featurize.columns import ColumnKind, ColumnSpec
from kumi.automl.featurize.encoders.base import ColumnEncoder


def featurization_summary(
    columns: Sequence[ColumnSpec], encoders: Mapping[str, ColumnEncoder], encoding: str
) -> list[dict[str, Any]]:
    """One row per raw column: column, type_detected, dropped, engineered_features (count),
    transformations (what was done, in order), plus missing/unique counts and the reason."""
    rows = []
    for spec in columns:
        encoder = encoders.get(spec.name)
        dropped = spec.kind == ColumnKind.DROPPED or encoder is None
        steps = [f"dropped: {spec.reason}"] if dropped else list(encoder.steps)  # type: ignore[union-attr]
        if not dropped and encoding == "linear":
            steps.append("standardised")
        rows.append(
            {
                "column": spec.name,
                "type_detected": str(spec.kind),
                "dropped": dropped,
                "engineered_features": 0 if dropped else len(encoder.names),  # type: ignore[union-attr]
                "transformations": steps,
                "reason": spec.reason,
                "missing": spec.missing,
                "unique": spec.unique,
            }
        )
    return rows
