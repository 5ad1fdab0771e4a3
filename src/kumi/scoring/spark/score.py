"""Score a Spark DataFrame with a registered ONNX model: Arrow batches (``mapInArrow``) run
through :class:`~kumi.scoring.onnx_runner.OnnxRunner` on the executors. The model bytes
travel once per executor (a broadcast variable; Spark Connect ships them in the plan), and
each Python worker keeps its onnxruntime session between batches and tasks.

Executors need ``kumi`` (its runner needs only numpy and onnxruntime) importable."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pyspark.sql import DataFrame
from pyspark.sql import types as spark_types

from kumi.automl.packaging import open_workspace
from kumi.core.errors import InvalidInputError
from kumi.scoring.registered import RegisteredOnnx, load_registered_onnx
from kumi.scoring.spark.batches import BatchScorer
from kumi.scoring.spark.schema import check_inputs, score_fields


def score_spark(
    df: DataFrame,
    model: RegisteredOnnx | str,
    *,
    workspace: Any = None,
    mapping: Mapping[str, str] | None = None,
    keep_columns: bool = True,
) -> DataFrame:
    """``df`` with the model's score columns appended (``keep_columns=False``: the score
    columns only), typed from the model's spec. ``model``: a loaded model or
    ``"name[:version]"`` from ``workspace``'s registry (a Workspace, a path, or None for
    ``$KUMI_WORKSPACE``). ``mapping``: model input column → column of ``df`` where they
    differ. A missing or mistyped column fails here, before any Spark job runs."""
    registered = _registered(model, workspace)
    sources = check_inputs(df.schema, registered.spec["inputs"], mapping or {})
    scores = score_fields(registered.spec["outputs"])
    kept = list(df.schema.fields) if keep_columns else []
    clashes = sorted({f.name for f in kept} & {f.name for f in scores})
    if clashes:
        raise InvalidInputError(
            f"The DataFrame already has column(s) {', '.join(clashes)}, which scoring would "
            "add; drop or rename them first, or pass keep_columns=False.",
            details={"columns": clashes},
        )
    kept_names = [f.name for f in kept]
    read = kept_names if keep_columns else sorted(set(sources.values()))
    out_schema = spark_types.StructType([*kept, *scores])
    score_batches = _batch_scorer(df, registered.model_bytes, sources, kept_names)
    return df.select(*[df[c] for c in read]).mapInArrow(score_batches, out_schema)


def _registered(model: RegisteredOnnx | str, workspace: Any) -> RegisteredOnnx:
    if isinstance(model, RegisteredOnnx):
        return model
    if workspace is not None and hasattr(workspace, "tracking_uri"):
        return load_registered_onnx(model, workspace.tracking_uri)
    with open_workspace(Path(workspace) if workspace is not None else None) as opened:
        return load_registered_onnx(model, opened.tracking_uri)


def _batch_scorer(
    df: DataFrame, model_bytes: bytes, sources: dict[str, str], kept: list[str]
) -> BatchScorer:
    """The function ``mapInArrow`` runs; it carries a broadcast of the model bytes (or, on
    Spark Connect, the bytes themselves) and column names only."""
    digest = hashlib.sha256(model_bytes).hexdigest()
    return BatchScorer(digest, _ship(df, model_bytes), dict(sources), tuple(kept))


def _ship(df: DataFrame, model_bytes: bytes) -> Any:
    """A broadcast of ``model_bytes`` on classic Spark; the bytes on Spark Connect."""
    if type(df).__module__.startswith("pyspark.sql.connect"):
        return model_bytes
    return df.sparkSession.sparkContext.broadcast(model_bytes)
