"""The worker process: loads the search data once, then runs the trials it is sent."""

from __future__ import annotations

import os
import threading
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path

from kumi.automl.search.evaluate import TrialSpec
from kumi.automl.trials import TrialResult

_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def serve(conn: Connection, data_dir: str, work_dir: str, n_threads: int) -> None:
    """Answer each :class:`TrialSpec` received with a :class:`TrialResult` until ``None``
    arrives or the parent process is gone."""
    for variable in _THREAD_VARIABLES:
        os.environ[variable] = str(n_threads)
    _exit_with_parent(os.getppid())
    from threadpoolctl import threadpool_limits

    from kumi.automl.families import families
    from kumi.automl.search.data import SearchData
    from kumi.automl.search.evaluate import evaluate

    data = SearchData.load(Path(data_dir))
    known = families()
    conn.send("ready")
    with threadpool_limits(n_threads):
        while (spec := conn.recv()) is not None:
            try:
                result = evaluate(spec, known[spec.family], data, Path(work_dir))
            except Exception as error:
                result = _failed(spec, error)
            conn.send(result)


def _failed(spec: TrialSpec, error: Exception) -> TrialResult:
    last = traceback.extract_tb(error.__traceback__)[-1:]
    where = f" ({last[0].filename.rsplit('/', 1)[-1]}:{last[0].lineno})" if last else ""
    return TrialResult(
        spec.number, spec.family, dict(spec.params), spec.encoding, "failed",
        error=f"{type(error).__name__}: {error}{where}", started_s=spec.started_s,
    )  # fmt: skip


def _exit_with_parent(parent: int) -> None:
    """Stop this process once the search's process has gone (e.g. killed)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kumi-parent-watch", daemon=True).start()
