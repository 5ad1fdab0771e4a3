"""The Spark session kumi runs on: ``KUMI_SPARK_MASTER`` (a master URL such as
``spark://host:7077`` or ``local[4]``, or a Spark Connect URL ``sc://host:15002``), else
``local[2]``. PySpark is the optional extra ``kumi[spark]``."""

from __future__ import annotations

import os
from typing import Any

from kumi.core.errors import ConfigurationError

MASTER_ENV = "KUMI_SPARK_MASTER"
DEFAULT_MASTER = "local[2]"


def spark_master() -> str | None:
    """The configured master, or None when ``KUMI_SPARK_MASTER`` is unset."""
    value = os.environ.get(MASTER_ENV, "").strip()
    return value or None


def spark_session(master: str | None = None, app_name: str = "kumi") -> Any:
    """A Spark session on ``master`` (default: ``KUMI_SPARK_MASTER``, else ``local[2]``), with
    Arrow transfers on and few shuffle partitions for one machine."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigurationError(
            "Spark is not installed; install it with pip install 'kumi[spark]'.",
            details={"missing": "pyspark"},
        ) from None
    url = master or spark_master() or DEFAULT_MASTER
    builder = SparkSession.builder.appName(app_name)
    builder = builder.remote(url) if url.startswith("sc://") else builder.master(url)
    session = (
        builder.config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    if not url.startswith("sc://"):
        session.sparkContext.setLogLevel("ERROR")
    return session
