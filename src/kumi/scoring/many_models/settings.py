"""What one many-models training asks for: the partition columns, the target, and how each
partition's model is trained (an AutoML search, or one learner with its default settings)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kumi.automl.families import families
from kumi.core.errors import InvalidParameterError

DEFAULT_TIME_BUDGET_S = 10.0
DEFAULT_MIN_ROWS = 10
LEARNER_BUDGET_S = 120.0
"""A learner trains once and stops; this only bounds a pathological partition."""
AUTOML_KEYS = frozenset(
    {
        "time_budget_s",
        "metric",
        "seed",
        "validation",
        "featurization",
        "allowed_models",
        "blocked_models",
        "trial_timeout_s",
        "max_trials",
        "exit_score",
        "ensembling",
    }
)


@dataclass(frozen=True)
class TrainingSpec:
    """How every partition is trained: ``kumi.automl.fit`` keyword arguments (``n_jobs`` is
    always 1 inside a partition) and the fewest rows a partition may have."""

    target: str
    task: str
    fit_arguments: dict[str, Any] = field(default_factory=dict)
    min_rows: int = DEFAULT_MIN_ROWS
    mode: str = "automl"
    """``automl`` (a search within the per-partition budget) or ``learner`` (one model)."""

    @property
    def metric_label(self) -> str | None:
        return self.fit_arguments.get("metric")


def training_spec(
    target: str,
    task: str,
    automl: Mapping[str, Any] | None,
    learner: str | None,
    min_rows: int,
) -> TrainingSpec:
    """The spec of ``train_many``'s arguments; InvalidParameterError for unknown AutoML
    settings, an unknown learner, or both ``automl`` and ``learner`` given."""
    if automl is not None and learner is not None:
        raise InvalidParameterError(
            "Give either automl={...} (a search per partition) or learner='name' (one model "
            "per partition), not both.",
            details={"learner": learner},
        )
    if min_rows < 2:
        raise InvalidParameterError(
            f"min_rows={min_rows}: a partition needs at least 2 rows to train; use 2 or more.",
            details={"min_rows": min_rows},
        )
    if learner is not None:
        return TrainingSpec(target, task, _learner_arguments(learner), min_rows, "learner")
    return TrainingSpec(target, task, _automl_arguments(automl or {}), min_rows, "automl")


def _automl_arguments(automl: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(automl) - AUTOML_KEYS)
    if unknown:
        raise InvalidParameterError(
            f"Unknown AutoML setting(s) {', '.join(unknown)}; use "
            f"{', '.join(sorted(AUTOML_KEYS))}.",
            details={"unknown": unknown},
        )
    arguments = dict(automl)
    arguments.setdefault("time_budget_s", DEFAULT_TIME_BUDGET_S)
    return arguments


def _learner_arguments(learner: str) -> dict[str, Any]:
    known = list(families())
    if learner not in known:
        raise InvalidParameterError(
            f"Unknown learner '{learner}'; choose one of {', '.join(known)}.",
            details={"learner": learner, "choices": known},
        )
    return {
        "allowed_models": [learner],
        "max_trials": 1,
        "ensembling": "none",
        "time_budget_s": LEARNER_BUDGET_S,
    }


def partition_columns(partition_by: str | Sequence[str], columns: Sequence[str]) -> list[str]:
    """``partition_by`` as a list of columns present in ``columns``."""
    chosen = [partition_by] if isinstance(partition_by, str) else list(partition_by)
    if not chosen:
        raise InvalidParameterError(
            "partition_by names no column; give one or more, e.g. partition_by=['store'].",
            details={"partition_by": chosen},
        )
    missing = [c for c in chosen if c not in columns]
    if missing:
        raise InvalidParameterError(
            f"Partition column(s) {', '.join(missing)} are not in the table; it has "
            f"{', '.join(map(str, columns))}.",
            details={"missing": missing},
        )
    return chosen
