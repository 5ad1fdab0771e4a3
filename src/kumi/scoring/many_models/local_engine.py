"""Many-models training on this machine: one partition per task of a process pool."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

import pandas as pd

from kumi.automl.search.pool import PRELOAD
from kumi.scoring.many_models.partitions import key_label, split_partitions
from kumi.scoring.many_models.settings import TrainingSpec
from kumi.scoring.many_models.train_one import FAILED, PartitionOutcome, train_partition

OnOutcome = Callable[[PartitionOutcome], None]


def train_local(
    df: pd.DataFrame,
    columns: Sequence[str],
    spec: TrainingSpec,
    n_jobs: int,
    on_outcome: OnOutcome | None = None,
) -> list[PartitionOutcome]:
    """Every partition's outcome, in partition order; ``n_jobs`` 1 trains them one after the
    other in this process, more uses that many worker processes."""
    parts = list(split_partitions(df, columns))
    if n_jobs <= 1 or len(parts) <= 1:
        outcomes = []
        for key, rows in parts:
            outcomes.append(train_partition(key, rows, spec))
            _tell(on_outcome, outcomes[-1])
        return outcomes
    with ProcessPoolExecutor(max_workers=min(n_jobs, len(parts)), mp_context=_context()) as pool:
        futures: dict[Future[PartitionOutcome], int] = {
            pool.submit(train_partition, key, rows, spec): index
            for index, (key, rows) in enumerate(parts)
        }
        finished: dict[int, PartitionOutcome] = {}
        for future in as_completed(futures):
            index = futures[future]
            finished[index] = _outcome(future, *parts[index])
            _tell(on_outcome, finished[index])
    return [finished[index] for index in range(len(parts))]


def _outcome(
    future: Future[PartitionOutcome], key: dict[str, str], rows: pd.DataFrame
) -> PartitionOutcome:
    """The future's outcome; a failed one when its worker process died."""
    try:
        return future.result()
    except BrokenProcessPool as error:
        return PartitionOutcome(
            key=key,
            status=FAILED,
            rows=len(rows),
            seconds=0.0,
            error=f"Partition {key_label(key)}: its worker process died ({error}); "
            "train it again, with fewer rows or a smaller budget if it ran out of memory.",
        )


def _tell(on_outcome: OnOutcome | None, outcome: PartitionOutcome) -> None:
    if on_outcome is not None:
        on_outcome(outcome)


def _context() -> multiprocessing.context.BaseContext:
    """The fork server with the model libraries preloaded (a worker starts in a fraction of a
    second), else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    server = multiprocessing.get_context("forkserver")
    server.set_forkserver_preload([*PRELOAD, __name__])
    return server
