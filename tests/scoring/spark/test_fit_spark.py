"""AutoML from a small Spark table: collected, searched, scored; big tables sampled or refused."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from kumi.core.errors import ColumnNotFoundError, InvalidInputError
from kumi.scoring.spark.automl import fit_spark
from tests.scoring.loans import loans

pytestmark = pytest.mark.slow


def test_fit_from_a_spark_table(spark: Any, caplog: pytest.LogCaptureFixture) -> None:
    frame = loans(240, seed=5)
    df = spark.createDataFrame(frame)
    with caplog.at_level(logging.WARNING, logger="kumi.scoring.spark.automl"):
        result = fit_spark(
            df,
            target="approved",
            task="classification",
            time_budget_s=12,
            n_jobs=1,
            seed=1,
            max_rows=150,
        )
    assert "240 rows, more than max_rows=150" in caplog.text
    assert sorted(result.best_model.classes_) == ["no", "yes"]
    predicted = result.best_model.predict(frame.drop(columns=["approved"]))
    assert len(predicted) == 240 and set(predicted) <= {"no", "yes"}
    assert (predicted == frame["approved"]).mean() > 0.7


def test_bad_spark_tables_are_named(spark: Any) -> None:
    df = spark.createDataFrame(loans(40))
    with pytest.raises(ColumnNotFoundError, match="no target column 'label'"):
        fit_spark(df, target="label")
    with pytest.raises(InvalidInputError, match="40 rows, more than max_rows=10"):
        fit_spark(df, target="approved", max_rows=10, sample=False)
