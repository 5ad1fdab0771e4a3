"""Classification learners fit real data, beat the majority class and score with Azure's
column names."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import accuracy_score

from kumi.core import SCORED_LABELS, SCORED_PROBABILITIES, ColumnRole, InvalidInputError, Table

BINARY = [
    "two_class_logistic_regression",
    "two_class_boosted_decision_tree",
    "two_class_decision_forest",
    "two_class_support_vector_machine",
    "two_class_averaged_perceptron",
    "two_class_neural_network",
]
MULTICLASS = [
    "multiclass_logistic_regression",
    "multiclass_boosted_decision_tree",
    "multiclass_decision_forest",
    "multiclass_neural_network",
]


def majority_accuracy(table: Table) -> float:
    return float(table.frame[table.label].value_counts(normalize=True).iloc[0])


@pytest.mark.parametrize("learner", BINARY)
def test_binary_learner_beats_majority_and_scores_positive_class(
    learner, cancer, train_and_score
) -> None:
    train, test = cancer
    scored = train_and_score(learner, train, test)
    frame = scored.frame
    assert list(frame.columns[-2:]) == [SCORED_LABELS, SCORED_PROBABILITIES]
    assert scored.role(SCORED_LABELS) == ColumnRole.SCORE
    assert scored.role("target") == ColumnRole.LABEL
    accuracy = accuracy_score(frame["target"], frame[SCORED_LABELS])
    assert accuracy > majority_accuracy(test) + 0.2
    # the probability is that of the greater label (1) and agrees with the label
    probability = frame[SCORED_PROBABILITIES]
    assert probability.between(0, 1).all()
    assert ((probability > 0.5) == (frame[SCORED_LABELS] == 1)).mean() > 0.98
    assert frame[SCORED_LABELS].dtype == frame["target"].dtype


@pytest.mark.parametrize("learner", MULTICLASS)
def test_multiclass_learner_scores_one_probability_column_per_class(
    learner, iris, train_and_score
) -> None:
    train, test = iris
    scored = train_and_score(learner, train, test).frame
    classes = ["setosa", "versicolor", "virginica"]
    expected = [SCORED_LABELS, *(f"{SCORED_PROBABILITIES}_{c}" for c in classes)]
    assert list(scored.columns[-4:]) == expected
    probabilities = scored[expected[1:]].to_numpy()
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, atol=1e-6)
    assert (np.array(classes)[probabilities.argmax(1)] == scored[SCORED_LABELS]).all()
    assert accuracy_score(scored["target"], scored[SCORED_LABELS]) > 0.85


@pytest.mark.parametrize(
    ("wrapper", "binary"),
    [
        ("one_vs_all_multiclass", "two_class_logistic_regression"),
        ("one_vs_one_multiclass", "two_class_support_vector_machine"),
    ],
)
def test_one_vs_all_and_one_vs_one_make_multiclass_learners(
    wrapper, binary, iris, run, train_and_score
) -> None:
    inner = run(binary)["untrained_model"]
    learner = run(wrapper, untrained_binary_classification_model=inner)["untrained_model"]
    assert learner.describe()["wraps"]["learner_id"] == binary
    train, test = iris
    scored = train_and_score(learner, train, test).frame
    assert set(scored[SCORED_LABELS]) <= {"setosa", "versicolor", "virginica"}
    assert accuracy_score(scored["target"], scored[SCORED_LABELS]) > 0.8


def test_one_vs_all_refuses_a_multiclass_learner(run) -> None:
    inner = run("multiclass_logistic_regression")["untrained_model"]
    with pytest.raises(InvalidInputError, match="two-class learner"):
        run("one_vs_all_multiclass", untrained_binary_classification_model=inner)


def test_two_class_learner_on_three_classes_suggests_multiclass(iris, train_and_score) -> None:
    train, test = iris
    with pytest.raises(InvalidInputError, match="multiclass_boosted_decision_tree") as info:
        train_and_score("two_class_boosted_decision_tree", train, test)
    assert len(info.value.details["classes"]) == 3


@pytest.mark.parametrize(
    ("labels", "positive"),
    [(["no", "yes"], "yes"), ([False, True], True), ([3, 7], 7)],
)
def test_positive_class_is_the_greater_label(labels, positive, train_and_score) -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=200)
    frame = pd.DataFrame({"x": x, "y": np.where(x > 0, labels[1], labels[0])})
    table = Table.of(frame, label="y")
    scored = train_and_score("two_class_logistic_regression", table, table).frame
    high = scored.loc[scored["x"].idxmax()]
    assert high[SCORED_LABELS] == positive
    assert high[SCORED_PROBABILITIES] > 0.9
    assert scored[SCORED_LABELS].dtype == scored["y"].dtype


def test_missing_values_and_categories_are_featurized(train_and_score) -> None:
    rng = np.random.default_rng(2)
    color = rng.choice(["red", "blue", "green"], 300).astype(object)
    size = rng.normal(size=300)
    label = ((color == "red") | (size > 1)).astype(int)
    size[::7] = np.nan
    color[::11] = None
    table = Table.of(pd.DataFrame({"color": color, "size": size, "y": label}), label="y")
    scored = train_and_score("two_class_decision_forest", table, table).frame
    assert accuracy_score(scored["y"], scored[SCORED_LABELS]) > 0.9
    unseen = Table.of(pd.DataFrame({"color": ["purple"], "size": [0.0], "y": [0]}), label="y")
    assert len(train_and_score("two_class_decision_forest", table, unseen)) == 1


def test_unknown_category_is_an_error_when_not_allowed(train_and_score) -> None:
    frame = pd.DataFrame({"color": ["red", "blue"] * 20, "y": [1, 0] * 20})
    table = Table.of(frame, label="y")
    unseen = Table.of(pd.DataFrame({"color": ["purple"], "y": [0]}), label="y")
    params = {"allow_unknown_values_for_categorical_features": False}
    with pytest.raises(InvalidInputError, match=r"purple|unknown"):
        train_and_score("two_class_decision_forest", table, unseen, params)


def test_logistic_regression_weights_map_to_sklearn_penalty(cancer, run) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    train, _ = cancer
    params = {"l1_regularization_weight": 0.0, "l2_regularization_weight": 4.0}
    learner = run("two_class_logistic_regression", params)["untrained_model"]
    model = learner.fit(train, "target")
    features = train.frame.drop(columns="target")
    reference = LogisticRegression(C=0.25, tol=1e-7, max_iter=1000)
    reference.fit(StandardScaler().fit_transform(features), train.frame["target"])
    fitted = model.pipeline_.named_steps["model"]
    np.testing.assert_allclose(fitted.coef_, reference.coef_, rtol=1e-4)
