"""Every model family: fits, predicts in the search's form, pickles, honours its portfolio."""

from __future__ import annotations

import cloudpickle
import numpy as np
import optuna
import pytest
from sklearn.datasets import load_diabetes, load_wine
from sklearn.preprocessing import StandardScaler

from kumi.automl.families import families, select_families
from kumi.automl.search import predictions
from kumi.core.errors import InvalidParameterError

NAMES = sorted(families())


def _wine():
    x, y = load_wine(return_X_y=True)
    rows = np.random.default_rng(0).permutation(len(y))
    return StandardScaler().fit_transform(x)[rows], y[rows]


def _diabetes():
    x, y = load_diabetes(return_X_y=True)
    return StandardScaler().fit_transform(x)[:300], y[:300]


def test_discovery_finds_the_seven_families():
    assert set(NAMES) == {
        "lightgbm", "xgboost", "random_forest", "extra_trees", "elastic_net", "knn", "mlp"
    }  # fmt: skip
    for name, family in families().items():
        assert family.name == name
        assert family.encoding in ("trees", "linear")
        assert family.tasks == {"classification", "regression"}


@pytest.mark.parametrize("name", NAMES)
def test_first_portfolio_config_classifies_wine_well(name):
    family = families()[name]
    x, y = _wine()
    params = family.portfolio("classification", len(y), x.shape[1])[0]
    estimator = family.build(params, "classification", 0, 1, ())
    estimator = family.fit(estimator, x[:130], y[:130], x[130:], y[130:])
    p = predictions(estimator, x[130:], 3)
    assert p.shape == (len(y) - 130, 3)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, atol=1e-6)
    assert (p.argmax(axis=1) == y[130:]).mean() >= 0.85
    again = cloudpickle.loads(cloudpickle.dumps(estimator))
    np.testing.assert_allclose(predictions(again, x[130:], 3), p)


@pytest.mark.parametrize("name", NAMES)
def test_first_portfolio_config_regresses_diabetes(name):
    family = families()[name]
    x, y = _diabetes()
    params = family.portfolio("regression", len(y), x.shape[1])[0]
    estimator = family.fit(family.build(params, "regression", 0, 1, ()), x[:220], y[:220],
                           x[220:], y[220:])  # fmt: skip
    p = predictions(estimator, x[220:], 0)
    assert p.shape == (80,) and p.dtype == np.float64
    r2 = 1 - ((p - y[220:]) ** 2).sum() / ((y[220:] - y[220:].mean()) ** 2).sum()
    assert r2 > 0.2, (name, r2)


@pytest.mark.parametrize("name", NAMES)
def test_suggestions_build_and_portfolio_lies_in_the_search_space(name):
    family = families()[name]
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=1))
    for params in family.portfolio("classification", 500, 10):
        study.enqueue_trial(params)
        trial = study.ask()
        assert family.suggest(trial, "classification", 500) == pytest.approx(params)
    trial = study.ask()
    params = family.suggest(trial, "classification", 500)
    family.build(params, "classification", 0, 1, ())


def test_boosted_trees_keep_only_the_early_stopped_rounds():
    x, y = _wine()
    for name in ("lightgbm", "xgboost"):
        family = families()[name]
        params = {**family.portfolio("classification", 178, 13)[0], "learning_rate": 0.3}
        fitted = family.fit(family.build(params, "classification", 0, 1, ()),
                            x[:130], y[:130], x[130:], y[130:])  # fmt: skip
        rounds = (
            fitted.booster_.current_iteration()
            if name == "lightgbm"
            else fitted.get_booster().num_boosted_rounds()
        )
        assert rounds < 500, name


def test_lightgbm_splits_on_categorical_codes():
    rng = np.random.default_rng(0)
    codes = rng.integers(0, 12, 1000).astype(float)
    y = np.isin(codes, [1, 4, 7, 10]).astype(int)
    x = np.c_[codes, rng.normal(size=1000)]
    family = families()["lightgbm"]
    params = family.portfolio("classification", 1000, 2)[0]
    fitted = family.fit(family.build(params, "classification", 0, 1, [0]),
                        x[:800], y[:800], x[800:], y[800:])  # fmt: skip
    dumped = str(fitted.booster_.dump_model()["tree_info"])
    assert "'decision_type': '=='" in dumped


def test_select_families_filters_and_names_the_unknown():
    assert [f.name for f in select_families("regression", allowed=["knn", "mlp"])] == [
        "knn", "mlp"
    ]  # fmt: skip
    left = {f.name for f in select_families("classification", blocked=["knn"])}
    assert "knn" not in left and "lightgbm" in left
    with pytest.raises(InvalidParameterError) as error:
        select_families("classification", blocked=["svm"])
    assert "svm" in error.value.message and "lightgbm" in error.value.message
    with pytest.raises(InvalidParameterError):
        select_families("classification", allowed=["knn"], blocked=["knn"])
