"""Partition and Sample: head, sampling, fold assignment and fold picking."""

from __future__ import annotations

import pandas as pd
import pytest

from kumi.components.transform.partition_and_sample import (
    PartitionAndSample,
    PartitionAndSampleParams,
)
from kumi.core import ColumnRole, InvalidInputError, InvalidParameterError, Table


def _table(n: int = 40) -> Table:
    frame = pd.DataFrame({"id": range(n), "group": ["a", "b", "b", "b"] * (n // 4)})
    return Table.of(frame, label="group")


def _out(run, table: Table, **params) -> Table:
    return run("partition_and_sample", params, dataset=table)["results_dataset"]


def test_head_returns_the_first_rows(run) -> None:
    assert _out(run, _table(), number_of_rows_to_select=3).frame["id"].tolist() == [0, 1, 2]
    assert len(_out(run, _table(), number_of_rows_to_select=1000)) == 40


def test_sampling_takes_the_rate_and_stratifies(run) -> None:
    sample = _out(
        run,
        _table(),
        partition_or_sample_mode="sampling",
        rate_of_sampling=0.5,
        stratified_split_for_sampling=True,
        stratification_key_column_for_sampling="group",
        random_seed_for_sampling=3,
    )
    assert sample.frame["group"].value_counts().to_dict() == {"b": 15, "a": 5}
    assert sample.frame["id"].is_unique and sample.label == "group"


def test_even_folds_have_equal_sizes_and_an_ignored_fold_column(run) -> None:
    assigned = _out(
        run,
        _table(),
        partition_or_sample_mode="assign_to_folds",
        specify_number_of_folds_to_split_evenly_into=4,
        stratified_split=True,
        stratification_key_column="group",
    )
    per_fold = assigned.frame.groupby("Fold")["group"].value_counts().unstack()
    assert per_fold["a"].between(2, 3).all() and per_fold["b"].between(7, 8).all()
    assert assigned.frame.groupby("Fold").size().tolist() == [10, 10, 10, 10]
    assert assigned.role("Fold") == ColumnRole.IGNORE
    assert "Fold" not in assigned.feature_columns()


def test_round_robin_without_randomization(run) -> None:
    assigned = _out(
        run,
        _table(8),
        partition_or_sample_mode="assign_to_folds",
        randomized_split=False,
        specify_number_of_folds_to_split_evenly_into=3,
    )
    assert assigned.frame["Fold"].tolist() == [1, 2, 3, 1, 2, 3, 1, 2]


def test_custom_proportions_add_a_fold_for_the_remainder(run) -> None:
    assigned = _out(
        run,
        _table(),
        partition_or_sample_mode="assign_to_folds",
        specify_the_partitioner_method="partition_with_customized_proportions",
        list_of_proportions_separated_by_comma=".2, .3",
    )
    assert assigned.frame.groupby("Fold").size().to_dict() == {1: 8, 2: 12, 3: 20}


def test_proportions_above_one_are_rejected(run) -> None:
    with pytest.raises(InvalidParameterError, match="at most 1"):
        _out(
            run,
            _table(),
            partition_or_sample_mode="assign_to_folds",
            specify_the_partitioner_method="partition_with_customized_proportions",
            list_of_proportions_separated_by_comma=".7, .7",
        )


def test_replacement_may_repeat_rows_across_folds(run) -> None:
    assigned = _out(
        run,
        _table(),
        partition_or_sample_mode="assign_to_folds",
        use_replacement_in_the_partitioning=True,
        specify_number_of_folds_to_split_evenly_into=2,
    )
    assert assigned.frame.groupby("Fold").size().tolist() == [20, 20]
    assert not assigned.frame["id"].is_unique  # drawn with replacement


def test_pick_fold_and_its_complement(run) -> None:
    assigned = _out(
        run,
        _table(),
        partition_or_sample_mode="assign_to_folds",
        specify_number_of_folds_to_split_evenly_into=4,
    )
    fold = _out(
        run, assigned, partition_or_sample_mode="pick_fold", specify_which_fold_to_be_sampled_from=2
    )
    rest = _out(
        run,
        assigned,
        partition_or_sample_mode="pick_fold",
        specify_which_fold_to_be_sampled_from=2,
        pick_complement_of_the_selected_fold=True,
    )
    expected = assigned.frame.loc[assigned.frame["Fold"] == 2, "id"].tolist()
    assert fold.frame["id"].tolist() == expected
    assert sorted([*fold.frame["id"], *rest.frame["id"]]) == list(range(40))
    assert "Fold" not in fold.columns


def test_pick_fold_needs_assigned_folds(run) -> None:
    with pytest.raises(InvalidInputError, match="assign_to_folds"):
        _out(run, _table(), partition_or_sample_mode="pick_fold")
    assigned = _out(run, _table(), partition_or_sample_mode="assign_to_folds")
    with pytest.raises(InvalidParameterError, match="folds 1 to 5"):
        _out(
            run,
            assigned,
            partition_or_sample_mode="pick_fold",
            specify_which_fold_to_be_sampled_from=9,
        )


def test_infer_schemas_per_mode() -> None:
    schema = _table().schema()
    component = PartitionAndSample()
    assigned = component.infer_schemas(
        PartitionAndSampleParams(partition_or_sample_mode="assign_to_folds"), {"dataset": schema}
    )["results_dataset"]
    assert assigned.names == ["id", "group", "Fold"]
    picked = component.infer_schemas(
        PartitionAndSampleParams(partition_or_sample_mode="pick_fold"), {"dataset": assigned}
    )["results_dataset"]
    assert picked == schema
