"""AutoML from a Spark table: the rows are collected to pandas (Arrow) and searched by
:func:`kumi.automl.fit`; a table over ``max_rows`` is sampled down, saying so, or refused."""

from __future__ import annotations

import logging
from typing import Any

from pyspark.sql import DataFrame

from kumi.automl import AutoMLResult, fit
from kumi.core.errors import ColumnNotFoundError, InvalidInputError

logger = logging.getLogger(__name__)

DEFAULT_MAX_ROWS = 1_000_000


def fit_spark(
    spark_df: DataFrame,
    target: str,
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    sample: bool = True,
    seed: int = 0,
    **fit_kwargs: Any,
) -> AutoMLResult:
    """:func:`kumi.automl.fit` over ``spark_df`` (``fit_kwargs``: task, time_budget_s,
    metric, ...). Over ``max_rows`` rows, a random sample of about ``max_rows`` rows (seeded
    by ``seed``) is trained on and a warning says so; with ``sample=False`` it fails instead."""
    if target not in spark_df.columns:
        raise ColumnNotFoundError(
            f"The Spark table has no target column '{target}'; its columns are "
            f"{', '.join(spark_df.columns)}.",
            details={"column": target, "columns": list(spark_df.columns)},
        )
    rows = spark_df.count()
    if rows > max_rows:
        spark_df = _sampled(spark_df, rows, max_rows, sample, seed)
    frame = spark_df.toPandas()
    return fit(frame, target=target, seed=seed, **fit_kwargs)


def _sampled(spark_df: DataFrame, rows: int, max_rows: int, sample: bool, seed: int) -> DataFrame:
    if not sample:
        raise InvalidInputError(
            f"The Spark table has {rows:,} rows, more than max_rows={max_rows:,} that AutoML "
            "collects to one machine; raise max_rows, filter the table, or pass sample=True "
            "to train on a random sample.",
            details={"rows": rows, "max_rows": max_rows},
        )
    logger.warning(
        "The Spark table has %s rows, more than max_rows=%s: AutoML trains on a random "
        "sample of about %s rows (seed %s). Raise max_rows to use more.",
        f"{rows:,}",
        f"{max_rows:,}",
        f"{max_rows:,}",
        seed,
    )
    fraction = min(1.0, max_rows / rows * 1.05)
    return spark_df.sample(withReplacement=False, fraction=fraction, seed=seed).limit(max_rows)
