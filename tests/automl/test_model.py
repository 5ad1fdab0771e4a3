"""AutoMLModel: sklearn-like predictions over raw tables, fold averaging, pickling and
build_model from trial results."""

from __future__ import annotations

import pickle

import cloudpickle
import numpy as np
import pandas as pd
import pytest

from kumi.automl.data import prepare
from kumi.automl.model import AutoMLModel, Member, build_model
from kumi.automl.trials import TrialResult
from kumi.automl.validation import make_plan
from kumi.core.errors import ColumnNotFoundError, InvalidInputError, InvalidParameterError
from tests.automl.model_standins import featurizers, fit_folds, member, table


@pytest.fixture(scope="module")
def binary() -> tuple[AutoMLModel, pd.DataFrame, np.ndarray]:
    frame, y = table("binary", rows=400)
    prepared = featurizers(frame)
    members = [
        member("lightgbm", "binary", frame, y, prepared, folds=3, weight=3.0, trial=4),
        member("elastic_net", "binary", frame, y, prepared, folds=3, weight=1.0, trial=9),
    ]
    model = AutoMLModel("classification", members, prepared, classes=np.array(["no", "yes"]))
    return model, frame, y


def test_members_average_their_folds(binary) -> None:
    model, frame, _ = binary
    first = model.members[0]
    matrix = model.featurizers["trees"].transform(frame)
    expected = np.mean([e.predict_proba(matrix) for e in first.estimators], axis=0)
    assert len(first.estimators) == 3
    assert np.allclose(model.member_predictions(frame)[0], expected)


def test_voting_weights_members_and_labels_are_original(binary) -> None:
    model, frame, y = binary
    lightgbm, linear = model.member_predictions(frame)
    probabilities = model.predict_proba(frame)
    assert np.allclose(probabilities, 0.75 * lightgbm + 0.25 * linear)
    assert list(model.classes_) == ["no", "yes"]
    labels = model.predict(frame)
    assert set(labels) <= {"no", "yes"}
    assert (labels == np.where(probabilities[:, 1] > probabilities[:, 0], "yes", "no")).all()
    assert (labels == model.classes_[y]).mean() > 0.8


def test_model_pickles_and_predicts_the_same(binary) -> None:
    model, frame, _ = binary
    restored = pickle.loads(pickle.dumps(model))
    assert np.array_equal(restored.predict_proba(frame), model.predict_proba(frame))


def test_raw_columns_are_checked(binary) -> None:
    model, frame, _ = binary
    with pytest.raises(ColumnNotFoundError, match="x2"):
        model.predict(frame.drop(columns=["x2"]))
    with pytest.raises(InvalidInputError, match="DataFrame"):
        model.predict(frame.to_numpy())


def test_regression_predicts_values_without_classes() -> None:
    frame, y = table("regression", rows=300)
    prepared = featurizers(frame)
    one = member("random_forest", "regression", frame, y, prepared, folds=2)
    model = AutoMLModel("regression", [one], prepared)
    predicted = model.predict(frame)
    assert predicted.shape == (300,) and predicted.dtype == np.float64
    assert np.corrcoef(predicted, y)[0, 1] > 0.8
    assert not hasattr(model, "classes_")
    with pytest.raises(InvalidParameterError, match="predict"):
        model.predict_proba(frame)


def test_a_fold_missing_a_class_still_gives_every_class_column() -> None:
    frame, y = table("multiclass", rows=300)
    prepared = featurizers(frame)
    matrix = prepared["trees"].transform(frame)
    seen_two = fit_folds("random_forest", "multiclass", matrix[y < 2], y[y < 2], 1)[0]
    seen_all = fit_folds("random_forest", "multiclass", matrix, y, 1)[0]
    one = Member(0, "random_forest", {}, "trees", 1.0, [seen_two, seen_all])
    model = AutoMLModel("classification", [one], prepared, classes=np.array([0, 1, 2]))
    probabilities = model.predict_proba(frame)
    assert probabilities.shape == (300, 3)
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    assert np.allclose(probabilities[:, 2], seen_all.predict_proba(matrix)[:, 2] / 2)


def trial_file(tmp_path, number, family, estimators) -> TrialResult:
    path = tmp_path / f"trial-{number}.pkl"
    path.write_bytes(cloudpickle.dumps(estimators))
    encoding = "linear" if family in ("elastic_net", "knn", "mlp") else "trees"
    return TrialResult(
        number, family, {"n": number}, encoding, "completed", 0.9, -0.9, model_path=path
    )


def test_build_model_loads_trials_fold_estimators(tmp_path) -> None:
    frame, y = table("binary", rows=300)
    raw = frame.assign(label=np.where(y == 1, "pos", "neg"), unused=1.0)
    data = prepare(raw.drop(columns=["unused"]), "label", "classification")
    plan = make_plan(data, 3, seed=0)
    prepared = featurizers(data.features)
    trials = {}
    for number, family in ((2, "xgboost"), (5, "knn")):
        encoding = "linear" if family == "knn" else "trees"
        matrix = prepared[encoding].transform(data.features)
        folds = [
            fit_folds(family, "binary", matrix[f.train], data.y[f.train], 1)[0] for f in plan.folds
        ]
        trials[number] = trial_file(tmp_path, number, family, folds)
    model = build_model(trials, {5: 0.4, 2: 0.6}, prepared, data, plan)
    assert [(m.trial, m.family, m.weight, len(m.estimators)) for m in model.members] == [
        (5, "knn", 0.4, 3),
        (2, "xgboost", 0.6, 3),
    ]
    assert list(model.classes_) == ["neg", "pos"]
    assert model.input_columns == [f"x{i}" for i in range(6)]
    assert (model.predict(raw) == raw["label"]).mean() > 0.8


def test_build_model_rejects_a_trial_from_another_plan(tmp_path) -> None:
    frame, y = table("binary", rows=200)
    data = prepare(frame.assign(t=y), "t", "classification")
    plan = make_plan(data, 4, seed=0)
    prepared = featurizers(data.features)
    matrix = prepared["trees"].transform(data.features)
    trial = trial_file(tmp_path, 1, "lightgbm", fit_folds("lightgbm", "binary", matrix, y, 2))
    with pytest.raises(InvalidInputError, match="2 model"):
        build_model({1: trial}, {1: 1.0}, prepared, data, plan)
    missing = TrialResult(3, "knn", {}, "linear", "failed")
    with pytest.raises(InvalidInputError, match="no saved models"):
        build_model({3: missing}, {3: 1.0}, prepared, data, plan)
