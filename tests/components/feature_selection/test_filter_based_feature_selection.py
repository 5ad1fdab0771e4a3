"""Filter Based Feature Selection: scores against reference computations, the top N, and
freezing the selection for scoring."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from kumi.components.feature_selection.filter_based_feature_selection import selected_features
from kumi.core import ColumnRole, InvalidParameterError, Table


def _table() -> Table:
    rng = np.random.default_rng(3)
    n = 200
    y = rng.integers(0, 2, n)
    frame = pd.DataFrame(
        {
            "strong": y * 2.0 + rng.normal(0, 0.5, n),
            "weak": y * 0.3 + rng.normal(0, 1.0, n),
            "noise": rng.normal(0, 1.0, n),
            "color": np.where(y == 1, rng.choice(["red", "blue"], n, p=[0.8, 0.2]), "blue"),
            "y": y,
        }
    )
    return Table.of(frame, label="y")


def _select(run, table: Table | None = None, **params) -> dict:
    return run("filter_based_feature_selection", params, dataset=table or _table())


def test_pearson_scores_are_absolute_correlations(run) -> None:
    out = _select(run, number_of_desired_features=2)
    features = out["features"].frame.set_index("Feature")["Score"]
    frame = _table().frame
    for column in ("strong", "weak", "noise"):
        assert features[column] == pytest.approx(abs(np.corrcoef(frame[column], frame["y"])[0, 1]))
    assert features["color"] == 0.0  # text features score 0 with Pearson
    assert out["filtered_dataset"].columns == ["y", "strong", "weak"]
    assert out["filtered_dataset"].label == "y"


def test_chi_squared_matches_scipy_for_categorical_features(run) -> None:
    out = _select(run, feature_scoring_method="chi_squared", number_of_desired_features=1)
    frame = _table().frame
    expected = stats.chi2_contingency(pd.crosstab(frame["color"], frame["y"]), correction=False)
    scores = out["features"].frame.set_index("Feature")["Score"]
    assert scores["color"] == pytest.approx(expected.statistic)
    assert out["features"].frame["Feature"].tolist()[0] == "strong"


def test_features_output_ranks_and_marks_the_selection(run) -> None:
    features = _select(run, number_of_desired_features=2)["features"]
    assert features.columns == ["Feature", "Score", "Selected"]
    assert features.frame["Score"].is_monotonic_decreasing
    assert selected_features(features) == ["strong", "weak"]


def test_non_feature_columns_are_scored_only_when_asked(run) -> None:
    table = _table()
    ignored = Table.of(table.frame, roles={"y": ColumnRole.LABEL, "strong": ColumnRole.IGNORE})
    only_features = _select(run, ignored)["features"].frame["Feature"].tolist()
    assert "strong" not in only_features
    every = _select(run, ignored, operate_on_feature_columns_only=False)["features"]
    assert "strong" in every.frame["Feature"].tolist()


def test_text_target_uses_the_mean_per_level(run) -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0, 10.0, 11.0, 12.0], "kind": list("aaabbb")})
    out = _select(run, Table.of(frame), target_column="kind")
    means = frame.groupby("kind")["x"].transform("mean")
    expected = abs(np.corrcoef(frame["x"], means)[0, 1])
    assert out["features"].frame["Score"].tolist() == [pytest.approx(expected)]


def test_needs_a_target(run) -> None:
    with pytest.raises(InvalidParameterError, match="target_column"):
        _select(run, Table.of(_table().frame))


def test_selection_freezes_into_a_select_columns_transformation(run) -> None:
    filtered = _select(run, number_of_desired_features=2)["filtered_dataset"]
    frozen = run("select_columns_transform", {}, dataset=filtered)["output_transformation"]
    to_score = Table.of(_table().frame.drop(columns=["y"]))
    assert frozen.apply(to_score).columns == ["strong", "weak"]
