"""Train Model, Train Clustering Model and Train Anomaly Detection Model."""

from __future__ import annotations

import pytest

from kumi.core import (
    ColumnNotFoundError,
    ColumnRole,
    InvalidInputError,
    ModelKind,
    Table,
)


def test_train_model_uses_the_label_column_and_all_feature_columns(run, labelled) -> None:
    learner = run("two_class_logistic_regression")["untrained_model"]
    model = run("train_model", {"label_column": "y"}, untrained_model=learner, dataset=labelled)
    trained = model["trained_model"]
    assert trained.kind == ModelKind.BINARY_CLASSIFIER
    assert trained.label_column == "y"
    assert trained.feature_columns_ == ["a", "b", "town"]
    assert trained.classes_ == [0, 1]


def test_train_model_without_label_parameter_uses_the_marked_label(run, labelled) -> None:
    learner = run("two_class_logistic_regression")["untrained_model"]
    trained = run("train_model", untrained_model=learner, dataset=labelled)["trained_model"]
    assert trained.label_column == "y"


def test_train_model_skips_ignored_columns(run, labelled) -> None:
    table = labelled.derive(labelled.frame, roles={"town": ColumnRole.IGNORE})
    learner = run("two_class_logistic_regression")["untrained_model"]
    trained = run("train_model", {"label_column": "y"}, untrained_model=learner, dataset=table)
    assert trained["trained_model"].feature_columns_ == ["a", "b"]


def test_train_model_missing_label_column_names_it(run, labelled) -> None:
    learner = run("two_class_logistic_regression")["untrained_model"]
    with pytest.raises(ColumnNotFoundError, match="'target'") as info:
        run("train_model", {"label_column": "target"}, untrained_model=learner, dataset=labelled)
    assert info.value.details["column"] == "target"


def test_train_model_without_any_label_asks_for_one(run, labelled) -> None:
    table = Table.of(labelled.frame)
    learner = run("two_class_logistic_regression")["untrained_model"]
    with pytest.raises(InvalidInputError, match="label_column"):
        run("train_model", untrained_model=learner, dataset=table)


@pytest.mark.parametrize(
    ("learner_id", "trainer"),
    [
        ("k_means_clustering", "Train Clustering Model"),
        ("pca_based_anomaly_detection", "Train Anomaly Detection Model"),
    ],
)
def test_train_model_points_unsupervised_learners_to_their_trainer(
    learner_id, trainer, run, labelled
) -> None:
    learner = run(learner_id)["untrained_model"]
    with pytest.raises(InvalidInputError, match=trainer):
        run("train_model", {"label_column": "y"}, untrained_model=learner, dataset=labelled)


def test_parameter_range_learner_trains_with_its_single_values(run, labelled) -> None:
    params = {"create_trainer_mode": "parameter_range", "number_of_trees_constructed": 7}
    learner = run("two_class_boosted_decision_tree", params)["untrained_model"]
    trained = run("train_model", {"label_column": "y"}, untrained_model=learner, dataset=labelled)
    booster = trained["trained_model"].pipeline_.named_steps["model"]
    assert booster.n_estimators == 7


def test_train_clustering_model_uses_the_column_set_and_never_the_label(run, labelled) -> None:
    learner = run("k_means_clustering")["untrained_model"]
    params = {"column_set": {"names": ["a", "y"]}}
    out = run("train_clustering_model", params, untrained_model=learner, dataset=labelled)
    assert out["trained_model"].feature_columns_ == ["a"]
    results = out["results_dataset"]
    assert results.columns[:4] == ["a", "b", "town", "y"]
    assert results.frame["Assignments"].isin([0, 1]).all()
    assert results.role("y") == ColumnRole.LABEL


def test_train_clustering_model_result_only(run, labelled) -> None:
    learner = run("k_means_clustering")["untrained_model"]
    params = {"check_for_append_or_uncheck_for_result_only": False}
    out = run("train_clustering_model", params, untrained_model=learner, dataset=labelled)
    assert out["results_dataset"].columns == [
        "y",
        "Assignments",
        "DistancesToClusterCenter no.0",
        "DistancesToClusterCenter no.1",
    ]


def test_train_anomaly_detection_model_refuses_a_classifier(run, labelled) -> None:
    learner = run("two_class_logistic_regression")["untrained_model"]
    with pytest.raises(InvalidInputError, match="Train Model"):
        run("train_anomaly_detection_model", untrained_model=learner, dataset=labelled)


def test_more_centroids_than_rows_is_a_clear_error(run, labelled) -> None:
    learner = run("k_means_clustering", {"number_of_centroids": 500})["untrained_model"]
    with pytest.raises(InvalidInputError, match="Training 'k_means_clustering' failed"):
        run("train_clustering_model", untrained_model=learner, dataset=labelled)
