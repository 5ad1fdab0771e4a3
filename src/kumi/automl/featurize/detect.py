"""Column type detection: what each raw column is, and which ones to leave out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import numpy as np
import pandas as pd

from kumi.automl.featurize.columns import DEFAULT_IMPUTE, ColumnKind, ColumnSpec
from kumi.automl.featurize.values import ISO_DATE, as_numbers
from kumi.automl.settings import ColumnOverride
from kumi.core.errors import ColumnNotFoundError

TEXT_MIN_WORDS = 3.0
"""Mean words per value from which a many-valued string column is free text."""
TEXT_MIN_UNIQUE_SHARE = 0.3
ID_MIN_ROWS = 20
SAMPLE_ROWS = 2_000

_PURPOSES = {
    "numeric": ColumnKind.NUMERIC,
    "categorical": ColumnKind.CATEGORICAL,
    "boolean": ColumnKind.BOOLEAN,
    "datetime": ColumnKind.DATETIME,
    "text": ColumnKind.TEXT,
    "drop": ColumnKind.DROPPED,
}

Featurization = Literal["auto", "off"] | Mapping[str, ColumnOverride]


def detect_columns(features: pd.DataFrame, featurization: Featurization) -> list[ColumnSpec]:
    """One spec per column of ``features`` (in order): ``"auto"`` detects every type,
    ``"off"`` keeps numeric and boolean columns only, a mapping overrides named columns."""
    overrides: Mapping[str, ColumnOverride] = (
        {} if isinstance(featurization, str) else featurization
    )
    unknown = [name for name in overrides if name not in features.columns]
    if unknown:
        raise ColumnNotFoundError(
            f"Featurization overrides name column(s) {', '.join(map(repr, unknown))} that the "
            f"table does not have; use one of {', '.join(map(str, features.columns[:20]))}.",
            details={"columns": unknown},
        )
    off = featurization == "off"
    return [_spec(str(name), features[name], overrides.get(str(name)), off) for name in features]


def _spec(name: str, series: pd.Series, override: ColumnOverride | None, off: bool) -> ColumnSpec:
    missing = int(_missing(series).sum())
    unique = int(series.nunique(dropna=True))
    if override is not None and override.purpose is not None:
        kind = _PURPOSES[override.purpose]
        reason = "override" if kind != ColumnKind.DROPPED else "dropped by override"
        if kind == ColumnKind.BOOLEAN and not _numbers(series):
            kind, reason = ColumnKind.CATEGORICAL, "override (boolean text: categorical)"
        impute = override.impute or DEFAULT_IMPUTE.get(kind)
        return ColumnSpec(name, kind, reason, missing, unique, _impute(kind, impute, missing))
    kind, reason = _detect(series, missing, unique, off)
    impute = (override.impute if override else None) or DEFAULT_IMPUTE.get(kind)
    if override is not None and override.impute is not None:
        reason = "override"
    return ColumnSpec(name, kind, reason, missing, unique, _impute(kind, impute, missing))


def _impute(kind: ColumnKind, impute: str | None, missing: int) -> str | None:
    return impute if kind != ColumnKind.DROPPED and missing else None


def _numbers(series: pd.Series) -> bool:
    """True when the present values of ``series`` read as numbers (or booleans)."""
    return bool(np.isfinite(as_numbers(series.dropna())).all())


def _missing(series: pd.Series) -> np.ndarray:
    missing = series.isna().to_numpy()
    if pd.api.types.is_float_dtype(series.dtype):
        missing = missing | np.isinf(series.to_numpy(dtype="float64", na_value=np.nan))
    return missing


def _detect(series: pd.Series, missing: int, unique: int, off: bool) -> tuple[ColumnKind, str]:
    dtype = series.dtype
    numeric = pd.api.types.is_numeric_dtype(dtype) and not isinstance(dtype, pd.CategoricalDtype)
    if missing == len(series):
        return ColumnKind.DROPPED, "all values missing"
    if pd.api.types.is_bool_dtype(dtype):
        return ColumnKind.BOOLEAN, "detected"
    if off:
        return (ColumnKind.NUMERIC, "detected") if numeric else _off()
    if unique == 1:
        return ColumnKind.DROPPED, "constant (one value)"
    return _numeric(series, unique) if numeric else _non_numeric(series, unique)


def _non_numeric(series: pd.Series, unique: int) -> tuple[ColumnKind, str]:
    dtype = series.dtype
    if isinstance(dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(dtype):
        return ColumnKind.DATETIME, "detected"
    if isinstance(dtype, pd.CategoricalDtype):
        return ColumnKind.CATEGORICAL, "detected"
    return _strings(series, unique)


def _off() -> tuple[ColumnKind, str]:
    return ColumnKind.DROPPED, "featurization off"


def _numeric(series: pd.Series, unique: int) -> tuple[ColumnKind, str]:
    if unique <= 2:
        return ColumnKind.BOOLEAN, "detected"
    if pd.api.types.is_integer_dtype(series.dtype) and _identifier_like(series, unique):
        return ColumnKind.DROPPED, "identifier (a distinct integer per row)"
    return ColumnKind.NUMERIC, "detected"


def _identifier_like(series: pd.Series, unique: int) -> bool:
    if unique != len(series) or len(series) < ID_MIN_ROWS:
        return False
    values = series.to_numpy(dtype="float64")
    return bool(values.max() - values.min() + 1 <= 2 * len(series))


def _strings(series: pd.Series, unique: int) -> tuple[ColumnKind, str]:
    present = series.dropna()
    sample = present.sample(min(len(present), SAMPLE_ROWS), random_state=0).astype(str)
    if _numbers(present):
        return (ColumnKind.BOOLEAN if unique <= 2 else ColumnKind.NUMERIC), "detected"
    if sample.str.match(ISO_DATE).mean() >= 0.95:
        return ColumnKind.DATETIME, "detected"
    words = float(sample.str.count(r"\S+").mean())
    if words >= TEXT_MIN_WORDS and unique >= TEXT_MIN_UNIQUE_SHARE * len(present):
        return ColumnKind.TEXT, "detected"
    if unique == len(series) and len(series) >= ID_MIN_ROWS:
        return ColumnKind.DROPPED, "identifier (a distinct value per row)"
    return ColumnKind.CATEGORICAL, "detected"
