"""Run a batch scoring run on Spark: the input dataset becomes a Spark DataFrame, the compiled
chain scores it through :func:`kumi.scoring.spark.score.score_spark`, and Spark writes the
scored rows (the input columns and the score columns) under the Export Data path."""

from __future__ import annotations

import logging
import time

from kumi.engine import ExecutionPlan, RunResult, RunStatus, StepResult, StepStatus
from kumi.scoring.spark.session import spark_master
from kumi.services.spark_batch.chain import BatchChain, batch_chain
from kumi.storage.records import Run
from kumi.storage.workspace import Workspace

logger = logging.getLogger(__name__)

DATASTORE_SCHEME = "datastore://"
_WRITERS = {"parquet": "parquet", "csv": "csv", "json": "json", "jsonl": "json"}


def run_batch_on_spark(workspace: Workspace, run: Run, plan: ExecutionPlan) -> RunResult | None:
    """The run's result when ``KUMI_SPARK_MASTER`` is set and the run is a batch scoring
    chain that compiles to ONNX; None (with the reason logged) when the local engine runs it."""
    master = spark_master()
    if master is None:
        return None
    chain = batch_chain(workspace, plan)
    if isinstance(chain, str):
        logger.info("Run %s runs on the local engine, not Spark (%s): %s.", run.id, master, chain)
        return None
    writer = _writer(chain)
    if writer is None:
        shown = chain.output_path
        logger.info("Run %s runs on the local engine: Spark does not write '%s'.", run.id, shown)
        return None
    workspace.runs.set_status(run.id, "running")
    started = time.perf_counter()
    where = _output_path(workspace, chain.output_path.replace("{run_id}", run.id))
    rows = _score_and_write(chain, where, writer)
    seconds = time.perf_counter() - started
    reason = f"ran on Spark ({master}): {rows} rows written to {where}"
    steps = {node: _completed(plan, node, reason, seconds) for node in chain.node_ids}
    for step in steps.values():
        workspace.runs.upsert_step(
            run.id,
            step.node_id,
            component_id=step.component_id,
            status="completed",
            reason=step.reason,
            seconds=step.seconds,
        )
    logger.info("Run %s %s.", run.id, reason)
    return RunResult(run.id, RunStatus.COMPLETED, steps, seconds)


def _score_and_write(chain: BatchChain, where: str, writer: str) -> int:
    """Optional extra: Spark is imported only when a run goes to it."""
    from kumi.scoring.spark.score import score_spark
    from kumi.scoring.spark.session import spark_session

    spark = spark_session()
    frame = spark.createDataFrame(chain.dataset.frame)
    scored = score_spark(frame, chain.model, keep_columns=chain.keep_columns)
    scored.write.mode("overwrite").option("header", "true").format(writer).save(where)
    return len(chain.dataset.frame)


def _writer(chain: BatchChain) -> str | None:
    if chain.file_format != "auto":
        return _WRITERS.get(chain.file_format)
    suffix = chain.output_path.rsplit(".", 1)[-1].lower() if "." in chain.output_path else ""
    return _WRITERS.get(suffix)


def _output_path(workspace: Workspace, path: str) -> str:
    if not path.startswith(DATASTORE_SCHEME):
        return path
    relative = path.removeprefix(DATASTORE_SCHEME).strip("/")
    return f"{str(workspace.datastore_uri).rstrip('/')}/{relative}"


def _completed(plan: ExecutionPlan, node: str, reason: str, seconds: float) -> StepResult:
    component = plan.steps[node].component.id
    return StepResult(node, component, StepStatus.COMPLETED, reason=reason, seconds=seconds)
