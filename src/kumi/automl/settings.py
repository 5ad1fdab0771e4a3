"""What an AutoML job is asked to do: task, metric, budget, validation, models, featurization."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kumi.core.errors import InvalidParameterError

Task = Literal["classification", "regression"]
Ensembling = Literal["voting", "stacking", "none"]
ColumnPurpose = Literal["numeric", "categorical", "boolean", "datetime", "text", "drop"]
"""A per-column featurization override (``"drop"`` leaves the column out)."""
Impute = Literal["mean", "median", "most_frequent", "constant"]


class ColumnOverride(BaseModel):
    """How to featurize one column instead of what type detection decides."""

    model_config = ConfigDict(extra="forbid")
    purpose: ColumnPurpose | None = None
    impute: Impute | None = None


class AutoMLSettings(BaseModel):
    """Validated arguments of :func:`kumi.automl.fit` (the REST job body has the same names).

    ``validation``: ``"auto"`` (k-fold under 20,000 rows, else a 10 % holdout), an int ≥ 2
    (that many folds) or a float in (0, 1) (holdout fraction); a user validation table is
    passed to ``fit`` separately. ``featurization``: ``"auto"``, ``"off"`` (numeric columns
    only, used as they are) or ``{column: override}``.
    """

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    target: str
    task: Task = "classification"
    metric: str | None = None
    time_budget_s: float = Field(60.0, gt=0)
    n_jobs: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    seed: int = 0
    trial_timeout_s: float | None = Field(None, gt=0)
    max_trials: int | None = Field(None, ge=1)
    exit_score: float | None = None
    allowed_models: list[str] | None = None
    blocked_models: list[str] = Field(default_factory=list)
    validation: Literal["auto"] | int | float = "auto"
    featurization: Literal["auto", "off"] | dict[str, ColumnOverride] = "auto"
    ensembling: Ensembling = "voting"

    @field_validator("validation")
    @classmethod
    def _validation(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("validation is 'auto', a number of folds (≥ 2) or a fraction")
        if isinstance(value, int) and value < 2:
            raise ValueError("k-fold validation needs at least 2 folds")
        if isinstance(value, float) and not 0 < value < 1:
            raise ValueError("a holdout fraction lies between 0 and 1, e.g. 0.2")
        return value

    @classmethod
    def of(cls, **values: Any) -> AutoMLSettings:
        """Settings from keyword arguments; InvalidParameterError naming each bad one."""
        try:
            return cls(**values)
        except ValidationError as error:
            problems = [
                f"{'.'.join(str(p) for p in e['loc']) or 'settings'}: {e['msg']}"
                for e in error.errors()
            ]
            raise InvalidParameterError(
                "AutoML settings are not valid: " + "; ".join(problems) + ".",
                details={"problems": problems},
            ) from error


def override_map(settings: AutoMLSettings) -> Mapping[str, ColumnOverride]:
    """The per-column overrides (empty unless ``featurization`` is a mapping)."""
    return settings.featurization if isinstance(settings.featurization, dict) else {}
