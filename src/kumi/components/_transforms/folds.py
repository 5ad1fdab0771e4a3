"""Partition and Sample's fold assignment (a fold number column) and fold picking."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import pandas as pd

from kumi.components._transforms.sampling import fold_numbers, fold_proportions, strata_of
from kumi.core import ColumnRole, InvalidInputError, InvalidParameterError, Table

FOLD_COLUMN = "Fold"


class FoldSettings(Protocol):
    """The Partition and Sample parameters fold assignment reads."""

    @property
    def use_replacement_in_the_partitioning(self) -> bool: ...

    @property
    def randomized_split(self) -> bool: ...

    @property
    def random_seed(self) -> int: ...

    @property
    def specify_the_partitioner_method(self) -> str: ...

    @property
    def specify_number_of_folds_to_split_evenly_into(self) -> int: ...

    @property
    def list_of_proportions_separated_by_comma(self) -> str: ...

    @property
    def stratified_split(self) -> bool: ...

    @property
    def stratification_key_column(self) -> str | None: ...


def assign_folds(table: Table, settings: FoldSettings) -> Table:
    """``table`` with a ``Fold`` column (1-based, role ignore). With replacement each fold is
    drawn with replacement, so a row may appear in several folds (once per fold)."""
    evenly = settings.specify_the_partitioner_method == "partition_evenly"
    proportions = fold_proportions(
        settings.specify_number_of_folds_to_split_evenly_into,
        "" if evenly else _required_proportions(settings.list_of_proportions_separated_by_comma),
    )
    strata = (
        strata_of(table, settings.stratification_key_column, "stratification_key_column")
        if settings.stratified_split
        else None
    )
    rng = np.random.default_rng(settings.random_seed)
    randomized = settings.randomized_split or settings.use_replacement_in_the_partitioning
    folds = fold_numbers(
        len(table),
        proportions,
        strata,
        rng if randomized else None,
        round_robin=evenly and not randomized,
    )
    frame = table.frame.drop(columns=[FOLD_COLUMN], errors="ignore").reset_index(drop=True)
    if settings.use_replacement_in_the_partitioning:
        rows, folds = _with_replacement(folds, rng)
        frame = frame.iloc[rows].reset_index(drop=True)
    frame[FOLD_COLUMN] = folds
    return table.derive(frame, roles={FOLD_COLUMN: ColumnRole.IGNORE})


def _with_replacement(folds: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Each fold keeps its size but draws its rows with replacement from all rows."""
    rows, numbers = [], []
    for fold in np.unique(folds):
        size = int((folds == fold).sum())
        rows.append(rng.integers(0, len(folds), size))
        numbers.append(np.full(size, fold))
    return np.concatenate(rows), np.concatenate(numbers)


def _required_proportions(text: str) -> str:
    if not text.strip():
        raise InvalidParameterError(
            "Partition with customized proportions needs "
            "'list_of_proportions_separated_by_comma', e.g. '.5, .25, .25'.",
            details={"parameter": "list_of_proportions_separated_by_comma"},
        )
    return text


def pick_fold(table: Table, fold: int, *, complement: bool) -> Table:
    """The rows of ``fold`` (or of every other fold), without the fold column."""
    if FOLD_COLUMN not in table.columns:
        raise InvalidInputError(
            f"Pick Fold needs a dataset whose rows were assigned to folds (a '{FOLD_COLUMN}' "
            "column). Connect the output of a Partition and Sample step in assign_to_folds "
            "mode.",
            details={"port": "dataset", "column": FOLD_COLUMN},
        )
    numbers = pd.to_numeric(table.frame[FOLD_COLUMN], errors="coerce")
    if fold > numbers.max():
        raise InvalidParameterError(
            f"Fold {fold} does not exist; the dataset has folds 1 to {int(numbers.max())}.",
            details={"parameter": "specify_which_fold_to_be_sampled_from", "fold": fold},
        )
    mask = (numbers != fold) if complement else (numbers == fold)
    frame = table.frame[mask.to_numpy()].drop(columns=[FOLD_COLUMN]).reset_index(drop=True)
    return table.derive(frame)
