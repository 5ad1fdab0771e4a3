"""Scoring runs in background threads, their progress kept in memory for the page to poll."""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kumi.core.errors import KumiError, NotFoundError
from kumi.services.scoring_wizard.runner import (
    ScoringPlan,
    generated_sql,
    result_preview,
    source_rows,
    write_scores,
)

logger = logging.getLogger(__name__)


@dataclass
class ScoringJob:
    """One scoring run and how far it got."""

    id: str
    plan: ScoringPlan
    status: str = "queued"
    rows_done: int = 0
    rows_total: int | None = None
    rows_written: int | None = None
    error: str | None = None
    sql: str | None = None
    preview: dict[str, Any] | None = None
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    finished_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        plan = self.plan
        return {
            "id": self.id,
            "status": self.status,
            "database": plan.database,
            "table": plan.table,
            "model": plan.model_ref,
            "mapping": plan.mapping,
            "target": plan.target,
            "score_columns": plan.score_columns,
            "output": plan.output,
            "rows_done": self.rows_done,
            "rows_total": self.rows_total,
            "rows_written": self.rows_written,
            "error": self.error,
            "sql": self.sql,
            "preview": self.preview,
            "created_at": self.created_at,
            "finished_at": self.finished_at,
        }


class ScoringJobs:
    """The scoring runs of one server: started in threads, read while they run."""

    def __init__(self) -> None:
        self._jobs: dict[str, ScoringJob] = {}
        self._lock = threading.Lock()

    def start(self, plan: ScoringPlan) -> ScoringJob:
        """Queue ``plan`` and run it in a background thread; the queued job."""
        job = ScoringJob(uuid.uuid4().hex[:12], plan)
        with self._lock:
            self._jobs[job.id] = job
        threading.Thread(
            target=self.run, args=(job,), name=f"scoring-{job.id}", daemon=True
        ).start()
        return job

    def get(self, job_id: str) -> ScoringJob:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFoundError(
                f"No scoring run '{job_id}' on this server (runs are kept until it restarts); "
                "start the scoring again.",
                details={"job": job_id},
            )
        return job

    def run(self, job: ScoringJob) -> ScoringJob:
        """Run ``job`` here: completed with its preview, or failed with its error."""
        job.status = "running"
        try:
            job.sql = generated_sql(job.plan)
            job.rows_total = source_rows(job.plan)
            job.rows_written = write_scores(
                job.plan, lambda done, total: _progress(job, done, total)
            )
            job.rows_done = job.rows_written
            job.preview = result_preview(job.plan)
            job.status = "completed"
        except Exception as exc:  # a failed run is reported on the job, never raised
            logger.info("scoring run %s failed", job.id, exc_info=True)
            job.error = (
                exc.message if isinstance(exc, KumiError) else f"{type(exc).__name__}: {exc}"
            )
            job.status = "failed"
        job.finished_at = datetime.now(UTC).isoformat()
        return job


def _progress(job: ScoringJob, done: int, total: int) -> None:
    job.rows_done, job.rows_total = int(done), int(total)
