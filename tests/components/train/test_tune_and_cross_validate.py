"""Tune Model Hyperparameters and Cross Validate Model."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, roc_auc_score

from kumi.components._learning import evaluate
from kumi.core import InvalidInputError, InvalidParameterError

GRID = {
    "create_trainer_mode": "parameter_range",
    "number_of_decision_trees_range": [2, 5],
    "maximum_depth_of_the_decision_trees_range": [1, 4, 8],
    "minimum_number_of_samples_per_leaf_node_range": [1],
}


def test_tune_entire_grid_tries_every_combination_and_keeps_the_best(run, labelled) -> None:
    learner = run("two_class_decision_forest", GRID)["untrained_model"]
    train = labelled.derive(labelled.frame.iloc[:80])
    valid = labelled.derive(labelled.frame.iloc[80:])
    params = {"specify_parameter_sweeping_mode": "entire_grid", "label_column": "y"}
    out = run(
        "tune_model_hyperparameters",
        params,
        untrained_model=learner,
        training_dataset=train,
        validation_dataset=valid,
    )
    sweep = out["sweep_results"].frame
    assert len(sweep) == 6
    pairs = set(
        zip(sweep["number_of_decision_trees"], sweep["maximum_depth_of_the_decision_trees"])
    )
    assert pairs == {(t, d) for t in (2, 5) for d in (1, 4, 8)}
    assert list(sweep["accuracy"]) == sorted(sweep["accuracy"], reverse=True)
    best = out["trained_best_model"]
    assert best.parameters["number_of_decision_trees"] == sweep["number_of_decision_trees"][0]
    assert (
        best.parameters["maximum_depth_of_the_decision_trees"]
        == sweep["maximum_depth_of_the_decision_trees"][0]
    )
    # the best model is retrained on the training rows; with a fixed seed it is reproducible
    again = learner.with_parameters({k: sweep[k][0] for k in learner.parameter_space}).fit(
        train, "y"
    )
    scored = best.score(valid).frame
    assert (scored["Scored Labels"] == again.score(valid).frame["Scored Labels"]).all()
    assert math.isclose(accuracy_score(scored["y"], scored["Scored Labels"]), sweep["accuracy"][0])


def test_tune_random_sweep_with_cross_validation_ranks_by_the_chosen_metric(run, labelled) -> None:
    learner = run("two_class_logistic_regression")["untrained_model"]
    params = {
        "label_column": "y",
        "maximum_number_of_runs_on_random_sweep": 4,
        "metric_for_measuring_performance_for_classification": "average_log_loss",
        "random_seed": 3,
    }
    out = run(
        "tune_model_hyperparameters", params, untrained_model=learner, training_dataset=labelled
    )
    sweep = out["sweep_results"].frame
    assert len(sweep) == 4
    assert len(sweep.drop_duplicates(subset=list(learner.parameter_space))) == 4
    assert list(sweep["log_loss"]) == sorted(sweep["log_loss"])
    again = run(
        "tune_model_hyperparameters", params, untrained_model=learner, training_dataset=labelled
    )
    assert again["sweep_results"].frame.equals(sweep)


def test_tune_regression_ranks_lower_errors_first(run, labelled) -> None:
    table = labelled.with_label("a").derive(labelled.frame.drop(columns="y"))
    learner = run("linear_regression", {"solution_method": "online_gradient_descent"})
    params = {
        "label_column": "a",
        "metric_for_measuring_performance_for_regression": "root_mean_squared_error",
    }
    out = run(
        "tune_model_hyperparameters",
        params,
        untrained_model=learner["untrained_model"],
        training_dataset=table,
    )
    errors = list(out["sweep_results"].frame["root_mean_squared_error"])
    assert errors == sorted(errors)


def test_tune_refuses_learners_without_ranges(run, labelled) -> None:
    learner = run("create_python_model")["untrained_model"]
    with pytest.raises(InvalidInputError, match="Train Model"):
        run(
            "tune_model_hyperparameters",
            {"label_column": "y"},
            untrained_model=learner,
            training_dataset=labelled,
        )


def test_tune_entire_grid_too_large_suggests_random_sweep(run, labelled) -> None:
    learner = run(
        "two_class_boosted_decision_tree",
        {"learning_rate_range": [0.1] + [0.01 * i for i in range(1, 30)]},
    )
    params = {"specify_parameter_sweeping_mode": "entire_grid", "label_column": "y"}
    with pytest.raises(InvalidParameterError, match="random_sweep"):
        run(
            "tune_model_hyperparameters",
            params,
            untrained_model=learner["untrained_model"],
            training_dataset=labelled,
        )


def test_cross_validate_scores_every_row_once_with_its_fold(run, labelled) -> None:
    learner = run("two_class_logistic_regression")["untrained_model"]
    params = {"label_column": "y", "number_of_folds": 5, "random_seed": 1}
    out = run("cross_validate_model", params, untrained_model=learner, dataset=labelled)
    scored = out["scored_results"].frame
    assert len(scored) == len(labelled)
    assert scored.index.equals(labelled.frame.index)
    assert (scored["a"] == labelled.frame["a"]).all()
    assert sorted(scored["Fold Number"].unique()) == [0, 1, 2, 3, 4]
    assert scored["Fold Number"].value_counts().tolist() == [24] * 5
    # stratified: each fold keeps the label balance
    rates = scored.groupby("Fold Number")["y"].mean()
    assert rates.max() - rates.min() < 0.1
    by_fold = out["evaluation_results_by_fold"].frame
    assert list(by_fold["Fold Number"]) == ["0", "1", "2", "3", "4", "Mean", "Standard Deviation"]
    for fold in range(5):
        rows = scored[scored["Fold Number"] == fold]
        assert math.isclose(
            by_fold["accuracy"][fold], accuracy_score(rows["y"], rows["Scored Labels"])
        )
        assert math.isclose(
            by_fold["auc"][fold], roc_auc_score(rows["y"], rows["Scored Probabilities"])
        )
    assert math.isclose(by_fold["accuracy"][5], by_fold["accuracy"][:5].mean())
    assert math.isclose(by_fold["accuracy"][6], np.std(by_fold["accuracy"][:5]))


def test_cross_validate_output_evaluates_like_a_scored_dataset(run, labelled) -> None:
    learner = run("two_class_boosted_decision_tree")["untrained_model"]
    out = run(
        "cross_validate_model", {"label_column": "y"}, untrained_model=learner, dataset=labelled
    )
    report = evaluate(out["scored_results"])
    assert report.task == "binary_classification"
    assert report.metrics["accuracy"] > 0.7


def test_cross_validate_different_seeds_give_different_folds(run, labelled) -> None:
    learner = run("two_class_logistic_regression")["untrained_model"]
    folds = [
        run(
            "cross_validate_model",
            {"label_column": "y", "random_seed": seed},
            untrained_model=learner,
            dataset=labelled,
        )["scored_results"].frame["Fold Number"]
        for seed in (0, 0, 1)
    ]
    assert folds[0].equals(folds[1])
    assert not folds[0].equals(folds[2])


def test_cross_validate_with_more_folds_than_rows_is_a_parameter_error(run, labelled) -> None:
    small = labelled.derive(labelled.frame.iloc[:5])
    learner = run("two_class_logistic_regression")["untrained_model"]
    with pytest.raises(InvalidParameterError, match="fewer folds"):
        run("cross_validate_model", {"label_column": "y"}, untrained_model=learner, dataset=small)


def test_cross_validate_uses_folds_from_partition_and_sample(run, labelled) -> None:
    params = {
        "partition_or_sample_mode": "assign_to_folds",
        "specify_number_of_folds_to_split_evenly_into": 3,
        "random_seed": 2,
    }
    folded = run("partition_and_sample", params, dataset=labelled)["results_dataset"]
    learner = run("two_class_logistic_regression")["untrained_model"]
    out = run(
        "cross_validate_model", {"label_column": "y"}, untrained_model=learner, dataset=folded
    )
    scored = out["scored_results"].frame
    assert (scored["Fold Number"] == folded.frame["Fold"]).all()
    by_fold = out["evaluation_results_by_fold"].frame
    assert list(by_fold["Fold Number"][:3]) == ["1", "2", "3"]
