"""The studio's scheduler: a thread that submits the runs of due schedules.

Every ``interval_s`` it looks for schedules whose next fire time has come, moves each on to
its next fire time after *now* (fires missed while the studio was down fire once, not once
each), and submits the endpoint's run to the run queue. A schedule whose endpoint is gone,
or whose run cannot be submitted, is reported in the log and moves on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from kumi.core.errors import KumiError
from kumi.services.pipeline_endpoints import RunSubmitter, submit
from kumi.services.schedules import next_fire, utc_now
from kumi.storage.schedules import Schedule
from kumi.storage.workspace import Workspace

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 5.0


class Scheduler:
    """Submits due schedules of ``workspace`` to ``runs``; ``now`` is the clock (UTC)."""

    def __init__(
        self,
        workspace: Workspace,
        runs: RunSubmitter,
        *,
        interval_s: float = DEFAULT_INTERVAL_S,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.workspace = workspace
        self.runs = runs
        self.interval_s = interval_s
        self.now = now
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> Scheduler:
        self._thread = threading.Thread(target=self._work, name="kumi-scheduler", daemon=True)
        self._thread.start()
        return self

    def close(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def tick(self) -> list[str]:
        """Submit every due schedule once; the ids of the runs submitted."""
        now = self.now()
        submitted = []
        for schedule in self.workspace.schedules.due(now):
            if not self.workspace.schedules.claim(
                schedule, next_fire(schedule.cron, schedule.timezone, now)
            ):
                continue  # paused meanwhile, or fired by another studio on this database
            run_id = self._fire(schedule, now)
            if run_id is not None:
                submitted.append(run_id)
        return submitted

    def _fire(self, schedule: Schedule, now: datetime) -> str | None:
        if not self.workspace.pipeline_endpoints.exists(schedule.endpoint):
            logger.warning(
                "Schedule '%s' (%s) did not fire: pipeline endpoint '%s' no longer exists. "
                "Publish it again or delete the schedule.",
                schedule.name,
                schedule.id,
                schedule.endpoint,
            )
            return None
        try:
            submitted = submit(
                self.workspace,
                self.runs,
                schedule.endpoint,
                experiment_name=schedule.experiment_name,
                parameter_assignments=schedule.parameter_assignments,
                version=schedule.version,
                trigger="schedule",
                schedule_id=schedule.id,
            )
        except KumiError as error:
            logger.warning("Schedule '%s' (%s) did not fire: %s", schedule.name, schedule.id, error)
            return None
        self.workspace.schedules.record_fire(schedule.id, run_id=submitted.run.id, at=now)
        logger.info("Schedule '%s' started run %s", schedule.name, submitted.run.id)
        return submitted.run.id

    def _work(self) -> None:
        while not self._stopping.is_set():
            try:
                self.tick()
            except Exception:  # a broken database moment must not end the scheduler
                logger.exception("The scheduler could not check its schedules")
            self._stopping.wait(self.interval_s)
