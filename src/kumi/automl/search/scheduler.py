"""The search loop: proposals to idle workers, results back, time limits enforced."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from kumi.automl.families._base import Family
from kumi.automl.search.data import SearchData
from kumi.automl.search.evaluate import TrialSpec
from kumi.automl.search.pool import TrialPool, Worker, lost
from kumi.automl.search.proposals import Proposer
from kumi.automl.settings import AutoMLSettings
from kumi.automl.trials import TrialResult

POLL_S = 0.05
DEADLINE_MARGIN_S = 0.3
"""Workers are stopped this long before the deadline, so the search returns in time."""


class Search:
    """One run of the search (see :func:`kumi.automl.search.run_search`)."""

    def __init__(
        self,
        data: SearchData,
        families: Sequence[Family],
        settings: AutoMLSettings,
        *,
        deadline: float,
        work_dir: Path,
        on_trial: Callable[[TrialResult], None] | None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.data, self.settings, self.deadline, self.work_dir = data, settings, deadline, work_dir
        self.on_trial = on_trial
        self.cancel = cancel or threading.Event()
        self.start = time.monotonic()
        self.timeout = settings.trial_timeout_s or max(deadline - self.start, 1.0) / 3
        self.n_threads = max(1, (os.cpu_count() or 1) // settings.n_jobs)
        usable = [f for f in families if f.encoding in data.encodings and data.task in f.tasks]
        shape = (data.n_rows, {str(e): data.n_features(e) for e in data.encodings})
        window = settings.n_jobs if settings.max_trials is not None else None
        self.proposer = Proposer(
            usable, data.task, shape, seed=settings.seed, window=window,
            greater_is_better=data.metric.greater_is_better,
        )  # fmt: skip
        self.families = {f.name: f for f in usable}
        self.results: list[TrialResult] = []
        self.launched = 0
        self.stopped = False

    def run(self) -> list[TrialResult]:
        work = self.work_dir
        data_dir = self.data.save(work / "search-data")
        pool = TrialPool(self.settings.n_jobs, data_dir, work, self.n_threads)
        try:
            while self._searching():
                self._launch(pool)
                if self._finished(pool):
                    break
                wait = min(POLL_S, self.deadline - DEADLINE_MARGIN_S - time.monotonic())
                for result in pool.collect(wait):
                    self._record(result, result.fit_s + result.predict_s)
                self._enforce_timeouts(pool)
            why = _CANCELED if self.cancel.is_set() else _EXITED if self.stopped else _STOPPED
            for worker in pool.running():
                self._record(lost(worker.spec, "timeout", why), self._elapsed(worker))  # type: ignore[arg-type]
        finally:
            pool.close()
        return sorted(self.results, key=lambda r: r.number)

    def _searching(self) -> bool:
        """Whether to go on: not stopped, not canceled, and time left."""
        if self.stopped or self.cancel.is_set():
            return False
        return time.monotonic() < self.deadline - DEADLINE_MARGIN_S

    def _launch(self, pool: TrialPool) -> None:
        for worker in pool.idle():
            if self.stopped or self._capped():
                return
            if not self.proposer.ready(self.launched):
                return
            proposal = self.proposer.propose(self.launched, self._remaining(), self._affordable())
            if proposal is None:
                self.stopped = not pool.running()
                return
            spec = TrialSpec(
                self.launched, proposal.family.name, proposal.params, proposal.family.encoding,
                self.settings.seed, self.n_threads, time.monotonic() - self.start,
                proposal.prune_above,
            )  # fmt: skip
            pool.submit(worker, spec)
            self.launched += 1

    def _finished(self, pool: TrialPool) -> bool:
        return (self._capped() or self.stopped) and not pool.running()

    def _capped(self) -> bool:
        cap = self.settings.max_trials
        return cap is not None and self.launched >= cap

    def _remaining(self) -> float:
        """What is left, in the allocation's unit (trials under max_trials, else seconds)."""
        if self.settings.max_trials is not None:
            return float(self.settings.max_trials - self.launched)
        return self.deadline - time.monotonic()

    def _affordable(self) -> set[str]:
        """Families whose typical trial fits in the time left."""
        left = self.deadline - time.monotonic()
        typical: dict[str, list[float]] = {}
        for result in self.results:
            typical.setdefault(result.family, []).append(result.fit_s + result.predict_s)
        return {
            name
            for name in self.families
            if float(np.median(typical.get(name, [0.0]))) < min(left, self.timeout)
        }

    def _enforce_timeouts(self, pool: TrialPool) -> None:
        for worker in pool.running():
            if time.monotonic() - worker.started > self.timeout:
                spec = worker.spec
                pool.replace(worker)
                message = f"the trial ran longer than its time limit of {self.timeout:.3g} s"
                self._record(lost(spec, "timeout", message), self.timeout)  # type: ignore[arg-type]

    def _record(self, result: TrialResult, cost: float) -> None:
        self.results.append(result)
        unit_cost = 1.0 if self.settings.max_trials is not None else max(cost, 1e-3)
        self.proposer.record(result, unit_cost)
        if self.on_trial is not None:
            self.on_trial(result)
        if self._exit_reached(result):
            self.stopped = True

    def _exit_reached(self, result: TrialResult) -> bool:
        goal = self.settings.exit_score
        if goal is None or not result.ok or result.metric_value is None:
            return False
        better = self.data.metric.greater_is_better
        return result.metric_value >= goal if better else result.metric_value <= goal

    def _elapsed(self, worker: Worker) -> float:
        return time.monotonic() - worker.started


_STOPPED = "the search's time budget ended while the trial ran"
_EXITED = "the search reached its exit score while the trial ran"
_CANCELED = "the job was canceled while the trial ran"
