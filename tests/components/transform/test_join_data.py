"""Join Data: join types, case matching, missing keys, composite keys, clashing names."""

from __future__ import annotations

import pandas as pd
import pytest

from kumi.core import ColumnSelection, ColumnTypeError, InvalidParameterError, Table


def _left() -> Table:
    frame = pd.DataFrame({"id": ["a", "B", "c", None], "x": [1, 2, 3, 4]})
    return Table.of(frame, label="x")


def _right() -> Table:
    return Table.of(pd.DataFrame({"id": ["A", "b", "d", None], "x": [10, 20, 30, 40]}))


def _join(run, left=None, right=None, keys=("id",), right_keys=None, **params) -> Table:
    params["join_key_columns_for_left_dataset"] = ColumnSelection.of(*keys).model_dump()
    params["join_key_columns_for_right_dataset"] = ColumnSelection.of(
        *(right_keys or keys)
    ).model_dump()
    out = run("join_data", params, left_dataset=left or _left(), right_dataset=right or _right())
    return out["results_dataset"]


def test_inner_join_matches_case_only_when_asked(run) -> None:
    assert len(_join(run)) == 0
    joined = _join(run, match_case=False)
    assert joined.columns == ["id", "x", "id_2", "x_2"]
    assert joined.frame[["id", "x_2"]].to_numpy().tolist() == [["a", 10], ["B", 20]]
    assert joined.label == "x"


def test_left_outer_keeps_unmatched_left_rows_and_missing_keys_never_match(run) -> None:
    joined = _join(run, join_type="left_outer", match_case=False).frame
    assert joined["x"].tolist() == [1, 2, 3, 4]
    assert joined["x_2"].isna().tolist() == [False, False, True, True]


def test_full_outer_has_every_row_of_both_sides(run) -> None:
    joined = _join(run, join_type="full_outer", match_case=False).frame
    assert len(joined) == 6
    assert sorted(joined["x"].dropna().tolist()) == [1, 2, 3, 4]
    assert sorted(joined["x_2"].dropna().tolist()) == [10, 20, 30, 40]


def test_left_semi_join_returns_left_columns_once(run) -> None:
    right = Table.of(pd.DataFrame({"id": ["a", "a", "c"]}))
    joined = _join(run, right=right, join_type="left_semi_join")
    assert joined.columns == ["id", "x"]
    assert joined.frame["id"].tolist() == ["a", "c"]


def test_composite_keys_and_dropping_right_keys(run) -> None:
    left = Table.of(pd.DataFrame({"k1": [1, 1, 2], "k2": ["p", "q", "p"], "v": [1, 2, 3]}))
    right = Table.of(pd.DataFrame({"r1": [1.0, 2.0], "r2": ["q", "p"], "w": [7, 8]}))
    joined = _join(
        run,
        left,
        right,
        keys=("k1", "k2"),
        right_keys=("r1", "r2"),
        keep_right_key_columns_in_joined_table=False,
    )
    assert joined.columns == ["k1", "k2", "v", "w"]
    assert joined.frame[["v", "w"]].to_numpy().tolist() == [[2, 7], [3, 8]]


def test_key_mistakes_are_clear(run) -> None:
    with pytest.raises(InvalidParameterError, match="same number of key columns"):
        _join(run, keys=("id",), right_keys=("id", "x"))
    with pytest.raises(ColumnTypeError, match="'id'"):
        _join(run, keys=("id",), right_keys=("x",))


def test_right_key_columns_are_validated_against_the_right_input() -> None:
    from kumi.graph import PipelineBuilder, validate_pipeline
    from kumi.registry import default_registry
    from kumi.testing import ExampleDatasets

    def document(right_key: str):  # type: ignore[no-untyped-def]
        p = PipelineBuilder("join")
        left = p.node("dataset", id="left", name="numeric_table")
        right = p.node("dataset", id="right", name="text_table")
        join = p.node(
            "join_data",
            id="join",
            join_key_columns_for_left_dataset={"names": ["age"]},
            join_key_columns_for_right_dataset={"names": [right_key]},
        )
        p.connect(left.out("dataset"), join.inp("left_dataset"))
        p.connect(right.out("dataset"), join.inp("right_dataset"))
        return p.build()

    datasets = ExampleDatasets()
    assert validate_pipeline(document("text"), default_registry(), datasets=datasets) == []
    problems = validate_pipeline(document("age"), default_registry(), datasets=datasets)
    assert [(p.node, p.parameter) for p in problems] == [
        ("join", "join_key_columns_for_right_dataset")
    ]
