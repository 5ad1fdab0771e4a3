"""Batch scoring runs on Spark when ``KUMI_SPARK_MASTER`` (or a Spark Connect URL) is set."""

from kumi.services.spark_batch.chain import BatchChain, batch_chain
from kumi.services.spark_batch.run import run_batch_on_spark

__all__ = ["BatchChain", "batch_chain", "run_batch_on_spark"]
