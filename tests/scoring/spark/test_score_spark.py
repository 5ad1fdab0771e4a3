"""score_spark on real local Spark: the same scores as the Python model, typed columns, and
bad input named before any Spark job runs."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from pyspark.sql import functions as spark_functions
from pyspark.sql import types as spark_types

from kumi.automl.packaging import AutoMLScorer
from kumi.core.errors import ColumnNotFoundError, ColumnTypeError, InvalidInputError
from kumi.scoring.spark.score import score_spark
from kumi.storage.workspace import Workspace
from tests.scoring.spark.conftest import Registered

pytestmark = pytest.mark.slow


def _rows(registered: Registered) -> pd.DataFrame:
    return registered.frame.drop(columns=["approved"]).reset_index(drop=True)


def test_scores_equal_the_python_model(spark: Any, registered: Registered) -> None:
    rows = _rows(registered).assign(row_id=np.arange(len(registered.frame)))
    df = spark.createDataFrame(rows).repartition(3)
    scored = score_spark(df, registered.model)
    fields = {f.name: f.dataType for f in scored.schema.fields}
    assert fields["Scored Labels"] == spark_types.StringType()
    assert fields["Scored Probabilities"] == spark_types.DoubleType()
    assert list(fields)[: len(rows.columns)] == list(rows.columns)
    got = scored.toPandas().sort_values("row_id").reset_index(drop=True)
    expected = AutoMLScorer(registered.result.best_model).score_frame(rows.drop(columns="row_id"))
    assert got["Scored Labels"].tolist() == expected["Scored Labels"].tolist()
    np.testing.assert_allclose(
        got["Scored Probabilities"], expected["Scored Probabilities"], atol=1e-6
    )
    assert got["grade"].tolist() == rows["grade"].tolist()


def test_by_name_from_a_workspace_with_a_mapping_and_scores_only(
    spark: Any, registered: Registered
) -> None:
    rows = _rows(registered).rename(columns={"income": "yearly_income"})
    df = spark.createDataFrame(rows)
    with Workspace.open(registered.workspace_path) as workspace:
        scored = score_spark(
            df,
            "loans:1",
            workspace=workspace,
            mapping={"income": "yearly_income"},
            keep_columns=False,
        )
    assert scored.columns == ["Scored Labels", "Scored Probabilities"]
    again = score_spark(
        df, "loans", workspace=registered.workspace_path, mapping={"income": "yearly_income"}
    )
    left = scored.toPandas()["Scored Probabilities"]
    right = again.toPandas()["Scored Probabilities"]
    np.testing.assert_allclose(left, right, atol=1e-12)
    assert len(left) == len(rows)


class _JobCounter:
    """Counts the Spark jobs started in the session from now on."""

    def __init__(self, spark: Any) -> None:
        self.tracker = spark.sparkContext.statusTracker()
        self.before = set(self.tracker.getJobIdsForGroup(None))

    @property
    def started(self) -> int:
        return len(set(self.tracker.getJobIdsForGroup(None)) - self.before)


def test_a_missing_column_is_named_before_any_job(spark: Any, registered: Registered) -> None:
    df = spark.createDataFrame(_rows(registered)).drop("grade")
    jobs = _JobCounter(spark)
    with pytest.raises(ColumnNotFoundError, match="no column 'grade'") as caught:
        score_spark(df, registered.model)
    assert caught.value.details["column"] == "grade"
    renamed = df.withColumnRenamed("income", "pay")
    with pytest.raises(
        ColumnNotFoundError, match="'salary' \\(mapped from the model's 'income'\\)"
    ):
        score_spark(renamed, registered.model, mapping={"income": "salary"})
    assert jobs.started == 0
    df.count()
    assert jobs.started >= 1  # the counter does see jobs


def test_a_mistyped_column_is_named_before_any_job(spark: Any, registered: Registered) -> None:
    df = spark.createDataFrame(_rows(registered)).withColumn(
        "income", spark_functions.col("income").cast("string")
    )
    jobs = _JobCounter(spark)
    with pytest.raises(ColumnTypeError, match="Column 'income' is string") as caught:
        score_spark(df, registered.model)
    assert caught.value.details == {
        "column": "income",
        "model_column": "income",
        "found": "string",
        "expected": "number",
    }
    with pytest.raises(InvalidInputError, match="does not read"):
        score_spark(df, registered.model, mapping={"colour": "grade"})
    clashing = spark.createDataFrame(_rows(registered)).withColumn(
        "Scored Labels", spark_functions.lit("x")
    )
    with pytest.raises(InvalidInputError, match="already has column"):
        score_spark(clashing, registered.model)
    assert jobs.started == 0
