"""Row selection shared by Split Data and Partition and Sample: fractions and folds,
optionally stratified by a column and randomized with a seeded generator."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import pandas as pd

from kumi.core import InvalidParameterError, Table


def strata_of(table: Table, column: str | None, parameter: str) -> pd.Series | None:
    """The stratification column's values, or None when not stratifying."""
    if column is None:
        raise InvalidParameterError(
            f"Stratified split needs a stratification key column; set '{parameter}' or turn "
            "stratification off.",
            details={"parameter": parameter},
        )
    table.require_columns([column], purpose="the stratification key")
    return table.frame[column]


def _groups(n_rows: int, strata: pd.Series | None) -> Iterator[np.ndarray]:
    """Row positions per stratum (missing values form their own stratum)."""
    if strata is None:
        yield np.arange(n_rows)
        return
    codes = pd.factorize(strata.reset_index(drop=True), use_na_sentinel=False)[0]
    for code in np.unique(codes):
        yield np.flatnonzero(codes == code)


def _ordered(positions: np.ndarray, rng: np.random.Generator | None) -> np.ndarray:
    return rng.permutation(positions) if rng is not None else positions


def fraction_mask(
    n_rows: int, fraction: float, strata: pd.Series | None, rng: np.random.Generator | None
) -> np.ndarray:
    """True for the rows of the first part: ``round(fraction * n)`` rows of each stratum,
    drawn at random when ``rng`` is given, else the first ones."""
    mask = np.zeros(n_rows, dtype=bool)
    for positions in _groups(n_rows, strata):
        count = round(fraction * len(positions))
        mask[_ordered(positions, rng)[:count]] = True
    return mask


def fold_numbers(
    n_rows: int,
    proportions: Sequence[float],
    strata: pd.Series | None,
    rng: np.random.Generator | None,
    *,
    round_robin: bool = False,
) -> np.ndarray:
    """The 1-based fold of each row. Folds take ``proportions`` of each stratum, as
    contiguous blocks of a random order (or of the row order without ``rng``), or in turn
    with ``round_robin``."""
    folds = np.zeros(n_rows, dtype="int64")
    for positions in _groups(n_rows, strata):
        order = _ordered(positions, rng)
        if round_robin:
            folds[order] = np.arange(len(order)) % len(proportions) + 1
            continue
        bounds = np.round(np.cumsum(proportions) * len(order)).astype("int64")
        folds[order] = np.searchsorted(bounds, np.arange(len(order)), side="right") + 1
    return folds


def fold_proportions(folds: int, text: str) -> list[float]:
    """Equal proportions for ``folds`` folds, or the comma-separated ``text`` (a remainder
    below 1 becomes one more fold; a sum above 1 is an error)."""
    if not text.strip():
        return [1.0 / folds] * folds
    try:
        values = [float(p) for p in text.split(",") if p.strip()]
    except ValueError:
        values = []
    if not values or any(v <= 0 for v in values) or sum(values) > 1 + 1e-9:
        raise InvalidParameterError(
            f"Proportions '{text}' must be positive numbers separated by commas that add up "
            "to at most 1, e.g. '.5, .25, .25'.",
            details={"parameter": "list_of_proportions_separated_by_comma"},
        )
    if sum(values) < 1 - 1e-9:
        values.append(1.0 - sum(values))
    return values
