from __future__ import annotations

import pandas as pd
import pytest

from kumi.core import ColumnNotFoundError, ColumnRule, ColumnSelection, InvalidParameterError, Table

SCHEMA = Table.of(
    pd.DataFrame({"a": [1], "b": [1.5], "c": ["x"], "d": [True], "y": [0]}),
    label="y",
    categorical=["c"],
).schema()


def test_by_names_keeps_given_order() -> None:
    assert ColumnSelection.of("c", "a").resolve(SCHEMA) == ["c", "a"]


def test_rules_apply_in_order_from_all_or_none() -> None:
    numeric_but_label = ColumnSelection(
        rules=[ColumnRule(types=["numeric"]), ColumnRule(action="exclude", roles=["label"])]
    )
    assert numeric_but_label.resolve(SCHEMA) == ["a", "b"]
    all_but_c = ColumnSelection(start_with="all", rules=[ColumnRule(action="exclude", names=["c"])])
    assert all_but_c.resolve(SCHEMA) == ["a", "b", "d", "y"]
    assert ColumnSelection.by_type("categorical").resolve(SCHEMA) == ["c"]
    assert ColumnSelection(rules=[ColumnRule(indices="1-2,5")]).resolve(SCHEMA) == ["a", "b", "y"]


def test_unknown_name_and_bad_indices_are_clear_errors() -> None:
    with pytest.raises(ColumnNotFoundError, match="'zz'"):
        ColumnSelection.of("zz").resolve(SCHEMA)
    with pytest.raises(InvalidParameterError, match="'x-3'"):
        ColumnSelection(rules=[ColumnRule(indices="x-3")]).resolve(SCHEMA)


def test_selection_round_trips_json() -> None:
    sel = ColumnSelection(start_with="all", rules=[ColumnRule(action="exclude", types=["string"])])
    assert ColumnSelection.model_validate_json(sel.model_dump_json()) == sel
