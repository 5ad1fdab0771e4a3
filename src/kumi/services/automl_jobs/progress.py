"""A running job's progress in the database: the live leaderboard and phase, written at
most every :data:`FLUSH_S` seconds, and cancellation requested by any process."""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from kumi.automl.metrics import Metric
from kumi.automl.result import json_ready
from kumi.storage.automl_jobs import AutoMLJobRepository

logger = logging.getLogger(__name__)

FLUSH_S = 0.5
"""Seconds between two writes of a job's progress (and checks for cancellation)."""
_STATUS_ORDER = {"completed": 0, "pruned": 1, "timeout": 2, "failed": 3}


class JobProgress:
    """Hears :func:`kumi.automl.fit`'s progress events (it is the ``on_progress``
    callback); use as a context manager around the fit."""

    def __init__(
        self,
        jobs: AutoMLJobRepository,
        job_id: str,
        metric: Metric,
        cancel: threading.Event,
        listener: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self._jobs, self._job_id, self._metric = jobs, job_id, metric
        self._cancel, self._listener = cancel, listener
        self._lock = threading.Lock()
        self._trials: list[dict[str, Any]] = []
        self.progress: dict[str, Any] = {
            "phase": "featurizing",
            "elapsed_s": 0.0,
            "trials_done": 0,
            "best_metric": None,
            "best_estimator": None,
        }
        self._dirty = True
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._loop, name=f"kumi-automl-progress-{job_id[:8]}", daemon=True
        )

    def __call__(self, event: dict[str, Any]) -> None:
        with self._lock:
            self.progress["phase"] = event["phase"]
            self.progress["elapsed_s"] = event.get("elapsed_s", self.progress["elapsed_s"])
            trial = event.get("trial")
            if trial is not None:
                self._trials.append(dict(json_ready(trial)))
                self._update_best()
            self._dirty = True
        if self._listener is not None:
            self._listener(event)

    def leaderboard(self) -> list[dict[str, Any]]:
        """The trials so far, best first, ranked like the result's leaderboard."""
        with self._lock:
            ranked = sorted(self._trials, key=self._order)
        return [{"rank": rank, **row} for rank, row in enumerate(ranked, start=1)]

    def flush(self) -> None:
        """Write the progress and leaderboard if they changed since the last write."""
        with self._lock:
            if not self._dirty:
                return
            self._dirty = False
            progress = dict(self.progress)
        self._jobs.update(self._job_id, progress=progress, leaderboard=self.leaderboard())

    def __enter__(self) -> JobProgress:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(FLUSH_S):
            try:
                self.flush()
                if self._jobs.status(self._job_id) == "canceled":
                    self._cancel.set()
            except SQLAlchemyError as problem:
                logger.warning(
                    "Could not record AutoML job %s's progress: %s", self._job_id, problem
                )

    def _update_best(self) -> None:
        done = [t for t in self._trials if t.get("status") == "completed" and _finite(t)]
        self.progress["trials_done"] = len(self._trials)
        if done:
            best = min(done, key=self._order)
            self.progress["best_metric"] = best["metric"]
            self.progress["best_estimator"] = best.get("family")

    def _order(self, row: dict[str, Any]) -> tuple[int, float, int]:
        status = _STATUS_ORDER.get(str(row.get("status")), 4)
        loss = self._metric.loss(float(row["metric"])) if _finite(row) else math.inf
        return (status, loss, int(row.get("trial", 0)))


def _finite(row: dict[str, Any]) -> bool:
    value = row.get("metric")
    return isinstance(value, int | float) and math.isfinite(value)
