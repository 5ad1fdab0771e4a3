"""Score Model, Apply Transformation and Assign Data to Clusters."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kumi.core import (
    SCORED_LABELS,
    SCORED_PROBABILITIES,
    ColumnNotFoundError,
    ColumnRole,
    ColumnTypeError,
    InvalidInputError,
    Table,
)
from kumi.testing import example


def test_score_model_appends_scores_and_keeps_roles(run) -> None:
    data = example("table")
    scored = run("score_model", trained_model=example("binary_trained_model"), dataset=data)[
        "scored_dataset"
    ]
    assert scored.columns == [*data.columns, SCORED_LABELS, SCORED_PROBABILITIES]
    assert scored.role("label") == ColumnRole.LABEL
    assert scored.role(SCORED_PROBABILITIES) == ColumnRole.SCORE
    assert "city" in scored.categorical
    pd.testing.assert_frame_equal(scored.frame[data.columns], data.frame)


def test_score_model_result_only_keeps_label_and_scores(run) -> None:
    params = {"append_score_columns_to_output": False}
    model = example("binary_trained_model")
    scored = run("score_model", params, trained_model=model, dataset=example("table"))
    assert scored["scored_dataset"].columns == ["label", SCORED_LABELS, SCORED_PROBABILITIES]


def test_scoring_twice_replaces_score_columns(run) -> None:
    model = example("binary_trained_model")
    once = run("score_model", trained_model=model, dataset=example("table"))["scored_dataset"]
    twice = run("score_model", trained_model=model, dataset=once)["scored_dataset"]
    assert twice.columns == once.columns
    pd.testing.assert_frame_equal(twice.frame, once.frame)


def test_scoring_without_the_label_column_works(run) -> None:
    data = example("table")
    rows = data.derive(data.frame.drop(columns="label"))
    scored = run("score_model", trained_model=example("binary_trained_model"), dataset=rows)
    assert len(scored["scored_dataset"]) == 40


def test_missing_feature_columns_are_named(run) -> None:
    data = example("table")
    rows = data.derive(data.frame.drop(columns=["age", "city"]))
    with pytest.raises(ColumnNotFoundError, match="'age', 'city'") as info:
        run("score_model", trained_model=example("binary_trained_model"), dataset=rows)
    assert info.value.details["missing"] == ["age", "city"]


def test_text_in_a_numeric_feature_is_a_type_error(run) -> None:
    data = example("table")
    frame = data.frame.astype({"balance": object})
    frame.loc[3, "balance"] = "about 900"
    with pytest.raises(ColumnTypeError, match=r"'balance'.*about 900"):
        run(
            "score_model", trained_model=example("binary_trained_model"), dataset=data.derive(frame)
        )


def test_numbers_stored_as_text_are_accepted(run) -> None:
    data = example("table")
    frame = data.frame.astype({"balance": str})
    model = example("binary_trained_model")
    as_text = run("score_model", trained_model=model, dataset=data.derive(frame))["scored_dataset"]
    as_numbers = run("score_model", trained_model=model, dataset=data)["scored_dataset"]
    np.testing.assert_allclose(
        as_text.frame[SCORED_PROBABILITIES], as_numbers.frame[SCORED_PROBABILITIES]
    )


def test_apply_transformation_applies_the_fitted_transformation(run) -> None:
    data = example("numeric_table")
    transformation = example("transformation")
    out = run("apply_transformation", transformation=transformation, dataset=data)
    pd.testing.assert_frame_equal(
        out["transformed_dataset"].frame, transformation.apply(data).frame
    )


def test_assign_data_to_clusters_refuses_a_classifier(run) -> None:
    with pytest.raises(InvalidInputError, match="Score Model"):
        run(
            "assign_data_to_clusters",
            trained_model=example("binary_trained_model"),
            dataset=example("table"),
        )


def test_score_model_on_a_clustering_model_gives_assignments(run) -> None:
    frame = run(
        "score_model", trained_model=example("clustering_trained_model"), dataset=example("table")
    )["scored_dataset"].frame
    assert frame["Assignments"].isin([0, 1]).all()


def test_score_columns_of_an_empty_table(run) -> None:
    data = example("table")
    empty = Table.of(data.frame.iloc[:0], label="label", categorical=["city"])
    scored = run("score_model", trained_model=example("binary_trained_model"), dataset=empty)
    assert scored["scored_dataset"].columns[-2:] == [SCORED_LABELS, SCORED_PROBABILITIES]


def test_label_is_marked_when_the_input_table_has_no_label_role() -> None:
    """Data imported without roles still evaluates: Score Model marks the model's label."""
    from kumi.core import Table
    from kumi.testing import example, run_component

    trained = example("binary_trained_model")
    plain = Table.of(example("table").frame)  # same columns, no roles
    scored = run_component("score_model", {}, {"trained_model": trained, "dataset": plain})
    assert scored["scored_dataset"].label == "label"
    report = run_component("evaluate_model", {}, {"scored_dataset": scored["scored_dataset"]})
    assert 0.0 <= report["evaluation_results"].metrics["auc"] <= 1.0
