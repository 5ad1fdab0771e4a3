"""Split Data: row fractions, seeds, stratification and Azure's expression syntax."""

from __future__ import annotations

import pandas as pd
import pytest

from kumi.components.transform.split_data import SplitData, SplitDataParams
from kumi.core import ColumnNotFoundError, ColumnTypeError, InvalidParameterError, Table
from kumi.testing import example


def _split(run, table: Table, **params) -> tuple[pd.DataFrame, pd.DataFrame]:
    out = run("split_data", params, dataset=table)
    return out["results_dataset1"].frame, out["results_dataset2"].frame


def _ids(n: int = 40) -> Table:
    return Table.of(pd.DataFrame({"id": range(n), "group": ["a", "b", "b", "b"] * (n // 4)}))


def test_fraction_partitions_all_rows(run) -> None:
    first, second = _split(run, _ids(), fraction_of_rows_in_the_first_output_dataset=0.7)
    assert (len(first), len(second)) == (28, 12)
    assert sorted([*first["id"], *second["id"]]) == list(range(40))


def test_seed_decides_the_random_split(run) -> None:
    a, _ = _split(run, _ids(), random_seed=1)
    b, _ = _split(run, _ids(), random_seed=1)
    c, _ = _split(run, _ids(), random_seed=2)
    assert a["id"].tolist() == b["id"].tolist()
    assert a["id"].tolist() != c["id"].tolist()


def test_unrandomized_split_takes_the_first_rows(run) -> None:
    first, _ = _split(
        run, _ids(), randomized_split=False, fraction_of_rows_in_the_first_output_dataset=0.25
    )
    assert first["id"].tolist() == list(range(10))


def test_stratified_split_keeps_group_proportions(run) -> None:
    first, second = _split(
        run,
        _ids(),
        stratified_split=True,
        stratification_key_column="group",
        fraction_of_rows_in_the_first_output_dataset=0.5,
    )
    assert first["group"].value_counts().to_dict() == {"b": 15, "a": 5}
    assert second["group"].value_counts().to_dict() == {"b": 15, "a": 5}


def test_stratified_split_needs_an_existing_key_column(run) -> None:
    with pytest.raises(InvalidParameterError, match="stratification_key_column"):
        _split(run, _ids(), stratified_split=True)
    with pytest.raises(ColumnNotFoundError, match="nope"):
        _split(run, _ids(), stratified_split=True, stratification_key_column="nope")


def _text() -> Table:
    return Table.of(
        pd.DataFrame(
            {
                "Year": [2005, 2011, 2015, 2020, None],
                "Text": ["a Gryphon", "dragon", "Gryphons", "gryphon", "b"],
            }
        )
    )


@pytest.mark.parametrize(
    ("expression", "first_years"),
    [
        ('\\"Year" > 2010', [2011, 2015, 2020]),
        ('"Year" <= 2011', [2005, 2011]),
        ("(\\0)<=2015 & !=2011", [2005, 2015]),
        ('\\"Year" == 2005 | >= 2020', [2005, 2020]),
    ],
)
def test_relative_expression(run, expression, first_years) -> None:
    first, second = _split(
        run, _text(), splitting_mode="relative_expression", relational_expression=expression
    )
    assert first["Year"].tolist() == first_years
    assert len(first) + len(second) == 5  # the missing year goes to the second output


def test_relative_expression_on_text_allows_only_equality(run) -> None:
    first, _ = _split(
        run, _text(), splitting_mode="relative_expression", relational_expression='(\\1) == "b"'
    )
    assert first["Text"].tolist() == ["b"]
    with pytest.raises(ColumnTypeError, match="Text"):
        _split(
            run, _text(), splitting_mode="relative_expression", relational_expression='"Text" > a'
        )


def test_regular_expression_split(run) -> None:
    first, _ = _split(
        run, _text(), splitting_mode="regular_expression", regular_expression='\\"Text" Gryphon'
    )
    assert first["Text"].tolist() == ["a Gryphon", "Gryphons"]
    first, _ = _split(
        run, _text(), splitting_mode="regular_expression", regular_expression="(\\1) ^[a-c]"
    )
    assert first["Text"].tolist() == ["a Gryphon", "b"]


@pytest.mark.parametrize(
    ("params", "error", "match"),
    [
        ({"regular_expression": "Text Gryphon"}, InvalidParameterError, "column"),
        ({"regular_expression": '"Text" (unclosed'}, InvalidParameterError, "regular expression"),
        ({"regular_expression": "(\\7) x"}, ColumnNotFoundError, "index 7"),
        ({"regular_expression": '"Missing" x'}, ColumnNotFoundError, "Missing"),
        ({"regular_expression": ""}, InvalidParameterError, "regular_expression"),
    ],
)
def test_bad_regular_expressions_name_the_problem(run, params, error, match) -> None:
    with pytest.raises(error, match=match):
        _split(run, _text(), splitting_mode="regular_expression", **params)


def test_bad_relational_expression(run) -> None:
    with pytest.raises(InvalidParameterError, match="comparison"):
        _split(
            run, _text(), splitting_mode="relative_expression", relational_expression='"Year" 2010'
        )
    with pytest.raises(InvalidParameterError, match="number"):
        _split(
            run, _text(), splitting_mode="relative_expression", relational_expression='"Year" > x'
        )


def test_roles_survive_and_schema_is_inferred(run) -> None:
    first, _ = (
        run("split_data", {}, dataset=example("table"))[p]
        for p in ("results_dataset1", "results_dataset2")
    )
    assert first.label == "label" and "city" in first.categorical
    schema = example("table").schema()
    inferred = SplitData().infer_schemas(SplitDataParams(), {"dataset": schema})
    assert inferred == {"results_dataset1": schema, "results_dataset2": schema}
    with pytest.raises(ColumnNotFoundError):
        SplitData().infer_schemas(
            SplitDataParams(stratified_split=True, stratification_key_column="zzz"),
            {"dataset": schema},
        )
