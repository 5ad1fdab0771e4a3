"""AutoML jobs: what was asked, how far the search got, and what it found."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kumi.core.contracts import OutputRef
from kumi.core.errors import ConflictError, NotFoundError
from kumi.storage.automl_job_orm import AutoMLJobRow
from kumi.storage.orm import utc_now

JOB_STATUSES: Final = ("queued", "running", "completed", "failed", "canceled")
ACTIVE_STATUSES: Final = ("queued", "running")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class AutoMLJob:
    """One AutoML job (an immutable snapshot of its row)."""

    id: str
    name: str
    experiment: str
    dataset_name: str
    dataset_version: int
    target: str
    task: str
    settings: dict[str, Any]
    """The arguments of :func:`kumi.automl.fit` (plus ``validation_dataset`` and
    ``register_model``)."""
    status: str
    runner: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    progress: dict[str, Any]
    leaderboard: list[Any]
    result: dict[str, Any] | None
    error: dict[str, Any] | None
    mlflow_run_id: str | None
    model_ref: dict[str, Any] | None
    registered_model: dict[str, Any] | None

    @property
    def finished(self) -> bool:
        return self.status not in ACTIVE_STATUSES

    @property
    def metric(self) -> str | None:
        """The primary metric: the result's, else the one asked for (None: the default)."""
        if self.result is not None:
            return str(self.result["metric"])
        metric = self.settings.get("metric")
        return None if metric is None else str(metric)

    @property
    def model_output(self) -> OutputRef | None:
        """The stored best model (a kumi trained model), once the job completed."""
        return None if self.model_ref is None else OutputRef.from_dict(self.model_ref)

    def summary(self) -> dict[str, Any]:
        """The jobs list's row."""
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "dataset": self.dataset_name,
            "dataset_version": self.dataset_version,
            "target": self.target,
            "task": self.task,
            "metric": self.metric,
            "experiment": self.experiment,
            "best_metric": self.progress.get("best_metric"),
            "best_estimator": self.progress.get("best_estimator"),
            "trials_done": self.progress.get("trials_done", 0),
            "progress": self.progress,
            "created_at": _iso(self.created_at),
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at),
            "error": self.error,
        }

    def to_dict(self) -> dict[str, Any]:
        """The job as the REST API answers it."""
        return {
            **self.summary(),
            "settings": self.settings,
            "leaderboard": self.leaderboard,
            "result": self.result,
            "mlflow_run_id": self.mlflow_run_id,
            "registered_model": self.registered_model,
        }


class AutoMLJobRepository:
    """Creates, finds and updates AutoML jobs."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def create(self, **values: Any) -> AutoMLJob:
        """Store a new queued job (``values`` are :class:`AutoMLJob` fields); ConflictError
        when the name is taken."""
        values = {"status": "queued", "progress": {}, "leaderboard": [], **values}
        try:
            with self._sessions.begin() as session:
                row = AutoMLJobRow(**values)
                session.add(row)
                session.flush()
                return _record(row)
        except IntegrityError:
            raise ConflictError(
                f"An AutoML job named '{values['name']}' exists already; choose another name.",
                details={"name": values["name"]},
            ) from None

    def get(self, job_id: str) -> AutoMLJob:
        """The job; NotFoundError if unknown."""
        with self._sessions() as session:
            return _record(_row(session, job_id))

    def status(self, job_id: str) -> str:
        """Only the job's status (a cheap read for watchers)."""
        with self._sessions() as session:
            status = session.scalar(sa.select(AutoMLJobRow.status).where(AutoMLJobRow.id == job_id))
        if status is None:
            raise _unknown(job_id)
        return str(status)

    def list(self, limit: int | None = None) -> builtins.list[AutoMLJob]:
        """Jobs, newest first."""
        query = sa.select(AutoMLJobRow).order_by(AutoMLJobRow.created_at.desc())
        if limit is not None:
            query = query.limit(limit)
        with self._sessions() as session:
            return [_record(row) for row in session.scalars(query)]

    def names(self) -> set[str]:
        with self._sessions() as session:
            return set(session.scalars(sa.select(AutoMLJobRow.name)))

    def update(self, job_id: str, **values: Any) -> AutoMLJob:
        """Change fields of the job; NotFoundError if unknown."""
        with self._sessions.begin() as session:
            row = _row(session, job_id)
            for field, value in values.items():
                setattr(row, field, value)
            session.flush()
            return _record(row)

    def start(self, job_id: str, runner: str) -> bool:
        """Mark a queued job running in ``runner``; False when it is not queued (any more)."""
        return self._transition(job_id, ("queued",), status="running", runner=runner,
                                started_at=utc_now())  # fmt: skip

    def cancel(self, job_id: str) -> bool:
        """Mark a queued or running job canceled; False when it had finished already."""
        return self._transition(job_id, ACTIVE_STATUSES, status="canceled", finished_at=utc_now())

    def fail_interrupted(self, alive: Callable[[str], bool], message: str) -> builtins.list[str]:
        """Mark failed every queued or running job whose runner is not ``alive``; their ids."""
        with self._sessions.begin() as session:
            query = sa.select(AutoMLJobRow).where(AutoMLJobRow.status.in_(ACTIVE_STATUSES))
            failed = [row for row in session.scalars(query) if not alive(row.runner)]
            for row in failed:
                row.status, row.finished_at = "failed", utc_now()
                row.error = {"code": "job_interrupted", "message": message}
            return [row.id for row in failed]

    def _transition(self, job_id: str, allowed: tuple[str, ...], **values: Any) -> bool:
        with self._sessions.begin() as session:
            changed = session.execute(
                sa.update(AutoMLJobRow)
                .where(AutoMLJobRow.id == job_id, AutoMLJobRow.status.in_(allowed))
                .values(**values)
            )
            if changed.rowcount == 0:  # type: ignore[attr-defined]
                _row(session, job_id)
                return False
            return True


def _row(session: Session, job_id: str) -> AutoMLJobRow:
    row = session.get(AutoMLJobRow, job_id)
    if row is None:
        raise _unknown(job_id)
    return row


def _unknown(job_id: str) -> NotFoundError:
    return NotFoundError(
        f"AutoML job '{job_id}' does not exist; list the jobs with GET /api/automl/jobs or "
        "`kumi automl jobs`.",
        details={"job": job_id},
    )


_FIELDS = tuple(f.name for f in fields(AutoMLJob))


def _record(row: AutoMLJobRow) -> AutoMLJob:
    return AutoMLJob(**{name: getattr(row, name) for name in _FIELDS})
