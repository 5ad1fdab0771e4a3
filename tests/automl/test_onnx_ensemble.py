"""Ensembles mixing every family as one ONNX graph; tree details (early stopping,
categorical splits) and the export time."""

from __future__ import annotations

import time
import warnings

import lightgbm
import numpy as np
import pytest
from xgboost import XGBClassifier

from kumi.automl.ensemble import fit_meta, stack_features
from kumi.automl.model import AutoMLModel, Member
from tests.automl.model_standins import FAMILIES, featurizers, member, table
from tests.automl.test_onnx_families import LABELS, run_onnx


def mixed_model(task: str, rows: int, stacking: bool) -> tuple[AutoMLModel, object]:
    frame, y = table(task, rows=rows, seed=1)
    train = frame.iloc[: rows // 2]
    prepared = featurizers(train)
    members = [
        member(f, task, train, y[: rows // 2], prepared, folds=2, weight=w, trial=i)
        for i, (f, w) in enumerate(zip(FAMILIES, (0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1), strict=True))
    ]
    classes = None if task == "regression" else LABELS[task]
    model = AutoMLModel(
        "regression" if task == "regression" else "classification",
        members,
        prepared,
        classes=classes,
    )
    if stacking:
        n_classes = 0 if classes is None else len(classes)
        features = stack_features(model.member_predictions(train))
        model.meta = fit_meta(features, y[: rows // 2], n_classes)
    return model, frame


@pytest.mark.slow
@pytest.mark.parametrize("stacking", [False, True], ids=["voting", "stacking"])
@pytest.mark.parametrize("task", ["binary", "multiclass", "regression"])
def test_ensemble_of_every_family_matches_python(task: str, stacking: bool) -> None:
    model, frame = mixed_model(task, rows=3000, stacking=stacking)
    outputs = run_onnx(model, frame)
    if task == "regression":
        expected = model.predict(frame)
        assert np.abs(outputs["variable"][:, 0] - expected).max() <= 1e-4 * np.abs(expected).max()
        return
    probabilities = model.predict_proba(frame)
    assert np.abs(outputs["probabilities"] - probabilities).max() <= 1e-4
    assert (outputs["label"] == model.predict(frame)).all()
    assert np.allclose(outputs["probabilities"].sum(axis=1), 1.0, atol=1e-5)


def test_stacking_and_voting_differ() -> None:
    voting, frame = mixed_model("binary", rows=600, stacking=False)
    stacked, _ = mixed_model("binary", rows=600, stacking=True)
    assert not np.allclose(voting.predict_proba(frame), stacked.predict_proba(frame))


def test_early_stopped_boosting_exports_its_best_iteration() -> None:
    frame, y = table("binary", rows=1500, seed=2)
    prepared = featurizers(frame)
    matrix = prepared["trees"].transform(frame)
    booster = lightgbm.LGBMClassifier(n_estimators=400, learning_rate=0.3, verbose=-1)
    booster.fit(
        matrix[:1000],
        y[:1000],
        eval_X=matrix[1000:],
        eval_y=y[1000:],
        callbacks=[lightgbm.early_stopping(5, verbose=False)],
    )
    assert 0 < booster.best_iteration_ < 400
    xgb = XGBClassifier(n_estimators=400, learning_rate=0.3, early_stopping_rounds=5)
    xgb.fit(matrix[:1000], y[:1000], eval_set=[(matrix[1000:], y[1000:])], verbose=False)
    assert xgb.best_iteration < 399
    for fitted in (booster, xgb):
        one = Member(0, "boosted", {}, "trees", 1.0, [fitted])
        model = AutoMLModel("classification", [one], prepared, classes=np.array([0, 1]))
        outputs = run_onnx(model, frame)
        assert np.abs(outputs["probabilities"] - model.predict_proba(frame)).max() <= 1e-4


def test_lightgbm_categorical_splits_export() -> None:
    frame, y = table("multiclass", rows=1500, seed=3)
    prepared = featurizers(frame)
    matrix = prepared["trees"].transform(frame)
    booster = lightgbm.LGBMClassifier(
        n_estimators=40, min_data_per_group=5, cat_smooth=1, verbose=-1
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        booster.fit(matrix, y, categorical_feature=[5])
    assert "==" in str(booster.booster_.dump_model())
    one = Member(0, "lightgbm", {}, "trees", 1.0, [booster])
    model = AutoMLModel("classification", [one], prepared, classes=LABELS["multiclass"])
    outputs = run_onnx(model, frame)
    assert np.abs(outputs["probabilities"] - model.predict_proba(frame)).max() <= 1e-4


@pytest.mark.slow
def test_five_members_of_five_folds_export_in_seconds() -> None:
    frame, y = table("binary", rows=1500, seed=4)
    prepared = featurizers(frame)
    members = [
        member(f, "binary", frame, y, prepared, folds=5, weight=1.0, trial=i)
        for i, f in enumerate(("lightgbm", "xgboost", "random_forest", "extra_trees", "mlp"))
    ]
    model = AutoMLModel("classification", members, prepared, classes=np.array([0, 1]))
    started = time.perf_counter()
    graph = model.to_onnx()
    assert time.perf_counter() - started < 10.0
    assert [o.name for o in graph.graph.output] == ["label", "probabilities"]
