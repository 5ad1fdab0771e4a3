"""What runs on the Spark executors: Arrow batches scored by a cached
:class:`~kumi.scoring.onnx_runner.OnnxRunner`. Imports only numpy, pyarrow and the runner, so
a fresh Python worker starts in a fraction of a second."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from kumi.scoring.onnx_runner import OnnxRunner

_RUNNERS: dict[str, OnnxRunner] = {}
"""Runners of this (executor) process, by the digest of their model bytes."""

ARROW_TYPES = {
    "double": pa.float64(),
    "bigint": pa.int64(),
    "boolean": pa.bool_(),
    "text": pa.string(),
}


@dataclass(frozen=True)
class BatchScorer:
    """The function ``mapInArrow`` runs. ``shipped``: a broadcast of the model bytes, or the
    bytes themselves (Spark Connect); ``sources``: model input column → batch column;
    ``kept``: batch columns passed through before the score columns."""

    digest: str
    shipped: Any
    sources: Mapping[str, str]
    kept: tuple[str, ...]

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        runner = self.runner()
        for batch in batches:
            yield score_batch(runner, batch, self.sources, self.kept)

    def runner(self) -> OnnxRunner:
        runner = _RUNNERS.get(self.digest)
        if runner is None:
            shipped = self.shipped
            model_bytes = shipped if isinstance(shipped, bytes) else shipped.value
            runner = _RUNNERS[self.digest] = OnnxRunner(model_bytes)
        return runner


def score_batch(
    runner: OnnxRunner,
    batch: pa.RecordBatch,
    sources: Mapping[str, str],
    kept: tuple[str, ...] | list[str],
) -> pa.RecordBatch:
    """One Arrow batch's kept columns followed by its score columns."""
    columns = {
        model_column: batch.column(source).to_numpy(zero_copy_only=False)
        for model_column, source in sources.items()
    }
    scores = runner.score(columns)
    arrays = [batch.column(name) for name in kept]
    names = list(kept)
    for column, kind in runner.output_columns:
        arrays.append(pa.array(scores[column], type=ARROW_TYPES[kind]))
        names.append(column)
    return pa.RecordBatch.from_arrays(arrays, names=names)
