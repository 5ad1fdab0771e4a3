"""The featurizer in Python: both encodings over every column kind."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

from kumi.automl.featurize import ColumnKind, ColumnSpec, Featurizer, detect_columns
from kumi.automl.featurize.encoders.calendar import NumpyArithmetic, calendar_parts
from kumi.core.errors import ColumnNotFoundError, InvalidInputError, NotFittedError
from tests.automl._featurize_tables import mixed_table, unseen_rows


@pytest.fixture(scope="module")
def table() -> tuple[pd.DataFrame, np.ndarray]:
    return mixed_table()


@pytest.mark.parametrize("encoding", ["trees", "linear"])
def test_matrices_are_finite_for_training_and_unseen_rows(
    table: tuple[pd.DataFrame, np.ndarray], encoding: str
) -> None:
    frame, y = table
    featurizer = Featurizer(detect_columns(frame, "auto"), encoding)  # type: ignore[arg-type]
    train = featurizer.fit_transform(frame, y)
    unseen = featurizer.transform(unseen_rows(frame))
    for matrix in (train, unseen):
        assert matrix.dtype == np.float64
        assert matrix.shape[1] == len(featurizer.feature_names_out_)
        assert np.isfinite(matrix).all()
    assert featurizer.input_columns_ == [
        "amount",
        "count",
        "member",
        "flag01",
        "city",
        "shop",
        "grade",
        "when",
        "iso",
        "review",
    ]
    assert not any(
        name.startswith(("row_id", "constant")) for name in featurizer.feature_names_out_
    )


def test_trees_encoding_imputes_with_indicator_and_codes_categories(
    table: tuple[pd.DataFrame, np.ndarray],
) -> None:
    frame, y = table
    featurizer = Featurizer(detect_columns(frame, "auto"), "trees").fit(frame, y)
    names = featurizer.feature_names_out_
    assert "amount_missing" in names and "count_missing" not in names
    assert [names[i] for i in featurizer.categorical_features_] == ["city", "shop", "grade"]
    matrix = featurizer.transform(unseen_rows(frame))
    amount, flag = names.index("amount"), names.index("amount_missing")
    median = float(np.nanmedian(frame["amount"]))
    assert matrix[2, amount] == pytest.approx(median) and matrix[2, flag] == 1.0
    assert matrix[4, amount] == pytest.approx(median) and matrix[4, flag] == 1.0  # inf
    city = names.index("city")
    assert matrix[0, city] == matrix[2, city] == 4.0  # unseen and missing share the last code
    assert featurizer.transform(frame.head(50))[:, city].max() <= 4.0
    most_frequent = frame["city"].value_counts().index[0]
    assert featurizer.transform(frame[frame["city"] == most_frequent].head(1))[0, city] == 0.0


def test_linear_encoding_one_hots_few_levels_target_encodes_many_and_standardises(
    table: tuple[pd.DataFrame, np.ndarray],
) -> None:
    frame, y = table
    featurizer = Featurizer(detect_columns(frame, "auto"), "linear")
    train = featurizer.fit_transform(frame, y)
    names = featurizer.feature_names_out_
    assert {"city=paris", "city=other", "shop:rate"} <= set(names)
    assert featurizer.categorical_features_ == []
    assert np.allclose(train.mean(axis=0), 0.0, atol=1e-9)
    spread = train.std(axis=0)
    assert np.allclose(spread[spread > 0], 1.0)
    raw = (featurizer.transform(unseen_rows(frame)) * featurizer.scale_) + featurizer.mean_
    assert raw[0, names.index("city=other")] == 1.0  # unseen city
    assert raw[0, [names.index(n) for n in names if n.startswith("city=")]].sum() == 1.0


def test_target_encoding_is_cross_fitted_and_smoothed() -> None:
    rng = np.random.default_rng(3)
    levels = rng.integers(0, 80, 2000)
    y = (rng.random(2000) < (levels % 2) * 0.8 + 0.1).astype(np.int64)
    frame = pd.DataFrame({"level": [f"l{v}" for v in levels]})
    featurizer = Featurizer(detect_columns(frame, "auto"), "linear")
    out_of_fold = featurizer.fit_transform(frame, y)
    in_sample = featurizer.transform(frame)
    assert not np.allclose(out_of_fold, in_sample)  # a row never sees its own target
    assert np.corrcoef(out_of_fold[:, 0], in_sample[:, 0])[0, 1] > 0.9
    unseen = featurizer.transform(pd.DataFrame({"level": ["never", None]}))
    prior = (y.mean() - featurizer.mean_[0]) / featurizer.scale_[0]
    assert unseen[:, 0] == pytest.approx([prior, prior])


def test_multiclass_and_regression_target_encodings_have_one_column_per_output() -> None:
    rng = np.random.default_rng(4)
    frame = pd.DataFrame({"level": [f"l{v}" for v in rng.integers(0, 60, 600)]})
    columns = detect_columns(frame, "auto")
    multi = Featurizer(columns, "linear").fit(frame, rng.integers(0, 3, 600))
    assert multi.feature_names_out_ == ["level:rate_0", "level:rate_1", "level:rate_2"]
    regression = Featurizer(columns, "linear").fit(frame, rng.normal(size=600))
    assert regression.feature_names_out_ == ["level:mean"]
    unsupervised = Featurizer(columns, "linear").fit(frame)
    assert unsupervised.feature_names_out_ == ["level:frequency"]


def test_datetime_parts_match_pandas_for_stamps_and_iso_strings() -> None:
    stamps = pd.Series(
        pd.to_datetime(
            [
                "1969-12-31 23:59",
                "2000-02-29 12:30",
                "2024-03-01 07:05",
                "1900-03-01 00:00",
                "2100-12-31 18:00",
            ]
        )
    )
    frame = pd.DataFrame({"at": stamps, "iso": stamps.dt.strftime("%Y-%m-%dT%H:%M:%S")})
    featurizer = Featurizer(detect_columns(frame, "auto"), "trees").fit(frame)
    matrix = featurizer.transform(frame)
    names = featurizer.feature_names_out_
    expected = {
        "year": stamps.dt.year,
        "month": stamps.dt.month,
        "day": stamps.dt.day,
        "dayofweek": stamps.dt.dayofweek,
        "dayofyear": stamps.dt.dayofyear,
        "hour": stamps.dt.hour,
        "minute": stamps.dt.minute,
    }
    for column in ("at", "iso"):
        for part, values in expected.items():
            assert matrix[:, names.index(f"{column}_{part}")].tolist() == values.tolist(), part


def test_calendar_arithmetic_matches_pandas_over_five_centuries() -> None:
    seconds = np.random.default_rng(5).integers(-(9 * 10**9), 9 * 10**9, 20_000)
    stamps = pd.Series(pd.to_datetime(seconds, unit="s"))
    parts = calendar_parts(NumpyArithmetic(), seconds)
    for part in ("year", "month", "day", "dayofweek", "dayofyear", "hour", "minute"):
        assert (parts[part] == getattr(stamps.dt, part).to_numpy()).all(), part


def test_timezone_aware_datetimes_are_read_in_utc() -> None:
    local = pd.Series(
        pd.to_datetime(["2021-06-01 01:30", "2021-06-02 02:00", None]).tz_localize("Europe/Paris")
    )
    frame = pd.DataFrame({"at": local})
    featurizer = Featurizer(detect_columns(frame, "auto"), "trees").fit(frame)
    names = featurizer.feature_names_out_
    matrix = featurizer.transform(frame)
    assert matrix[0, names.index("at_hour")] == 23.0 and matrix[0, names.index("at_day")] == 31.0
    assert matrix[2, names.index("at_missing")] == 1.0


def test_text_becomes_tfidf_features() -> None:
    frame = pd.DataFrame(
        {"note": ["good price fast delivery", "Bad price slow delivery", "good support", None] * 5}
    )
    featurizer = Featurizer([ColumnSpec("note", ColumnKind.TEXT, "override", 5, 3)], "trees")
    matrix = featurizer.fit_transform(frame)
    names = featurizer.feature_names_out_
    assert {"note:good", "note:price", "note:good price"} <= set(names)
    assert np.allclose(np.linalg.norm(matrix[:3], axis=1), 1.0)
    assert (matrix[3] == 0).all()


def test_a_fitted_featurizer_pickles_and_transforms_the_same(
    table: tuple[pd.DataFrame, np.ndarray],
) -> None:
    frame, y = table
    for encoding in ("trees", "linear"):
        featurizer = Featurizer(detect_columns(frame, "auto"), encoding, seed=2).fit(frame, y)  # type: ignore[arg-type]
        copy = pickle.loads(pickle.dumps(featurizer))
        assert np.array_equal(copy.transform(frame), featurizer.transform(frame))
        assert copy.get_params()["seed"] == 2


def test_errors_name_the_problem(table: tuple[pd.DataFrame, np.ndarray]) -> None:
    frame, y = table
    columns = detect_columns(frame, "auto")
    with pytest.raises(NotFittedError):
        Featurizer(columns, "trees").transform(frame)
    fitted = Featurizer(columns, "trees").fit(frame, y)
    with pytest.raises(ColumnNotFoundError, match="city"):
        fitted.transform(frame.drop(columns=["city"]))
    dropped = [ColumnSpec("a", ColumnKind.DROPPED, "constant (one value)", 0, 1)]
    with pytest.raises(InvalidInputError, match="a: constant"):
        Featurizer(dropped, "trees").fit(pd.DataFrame({"a": [1, 1]}))


def test_summary_has_a_row_per_raw_column(table: tuple[pd.DataFrame, np.ndarray]) -> None:
    frame, y = table
    featurizer = Featurizer(detect_columns(frame, "auto"), "linear").fit(frame, y)
    rows = {row["column"]: row for row in featurizer.summary()}
    assert list(rows) == list(frame.columns)
    assert rows["row_id"]["dropped"] and rows["row_id"]["engineered_features"] == 0
    assert rows["city"]["type_detected"] == "categorical"
    assert rows["city"]["engineered_features"] == 5
    assert rows["amount"]["engineered_features"] == 2
    assert any("one-hot" in step for step in rows["city"]["transformations"])
    assert rows["amount"]["transformations"][-1] == "standardised"
    total = sum(row["engineered_features"] for row in rows.values())
    assert total == len(featurizer.feature_names_out_)


def test_fit_and_transform_are_fast_on_a_wide_table() -> None:
    import time

    rng = np.random.default_rng(6)
    rows = 50_000
    data: dict[str, object] = {
        f"n{i}": np.where(rng.random(rows) < 0.05, np.nan, rng.normal(size=rows)) for i in range(22)
    }
    for i in range(5):
        data[f"c{i}"] = rng.choice(list("abcdefgh"), rows)
    data["many"] = rng.integers(0, 2000, rows).astype(str)
    data["at"] = pd.to_datetime("2020-01-01") + pd.to_timedelta(
        rng.integers(0, 10**8, rows), unit="s"
    )
    data["flag"] = rng.random(rows) < 0.5
    frame = pd.DataFrame(data)
    columns = detect_columns(frame, "auto")
    start = time.perf_counter()
    for encoding in ("trees", "linear"):
        featurizer = Featurizer(columns, encoding)  # type: ignore[arg-type]
        featurizer.fit_transform(frame, rng.integers(0, 2, rows))
        featurizer.transform(frame)
    assert time.perf_counter() - start < 4.0
