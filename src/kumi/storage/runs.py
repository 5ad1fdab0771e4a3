"""Pipeline runs and the state of each of their steps."""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kumi.core.contracts import OutputRef
from kumi.core.errors import InvalidInputError, KumiError, NotFoundError
from kumi.storage.experiments import DEFAULT_EXPERIMENT, experiment_row
from kumi.storage.orm import ExperimentRow, RunContentRow, RunRow, RunStepRow, utc_now
from kumi.storage.records import Run, RunBrief, RunStep

RUN_STATUSES: Final = ("queued", "running", "completed", "failed", "canceled")
STEP_STATUSES: Final = (*RUN_STATUSES, "reused")
FINISHED_STATUSES: Final = frozenset({"completed", "failed", "canceled", "reused"})
_STARTED_STATUSES: Final = frozenset({"running", "completed", "failed", "reused"})

ErrorInfo = Mapping[str, Any] | KumiError | None


class RunRepository:
    """Records runs and steps; lists runs newest first."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def create(
        self,
        *,
        document: Mapping[str, Any],
        parameters: Mapping[str, Any] | None = None,
        experiment: str = DEFAULT_EXPERIMENT,
        pipeline_name: str | None = None,
        run_id: str | None = None,
        status: str = "queued",
        regenerate: bool | Sequence[str] = False,
    ) -> Run:
        """Record a new run (its experiment is created when missing); ``regenerate``: run
        every step (True) or these nodes' steps again instead of reusing their outputs."""
        _check_status(status, RUN_STATUSES)
        with self._sessions.begin() as session:
            row = RunRow(
                id=run_id or uuid.uuid4().hex,
                experiment_id=experiment_row(session, experiment).id,
                pipeline_name=pipeline_name,
                content=RunContentRow(document=dict(document), parameters=dict(parameters or {})),
                status=status,
                metrics={},
                error=None,
                regenerate=(list(regenerate) if not isinstance(regenerate, bool) else regenerate)
                or None,
            )
            _stamp(row, status)
            session.add(row)
            try:
                session.flush()
            except IntegrityError as exc:
                raise InvalidInputError(
                    f"A run with id '{row.id}' already exists; omit run_id to get a new one.",
                    details={"run_id": row.id},
                ) from exc
            return _run_record(row, experiment.strip())

    def set_status(self, run_id: str, status: str, *, error: ErrorInfo = None) -> Run:
        """Change a run's status (stamping start and finish times) and its error."""
        _check_status(status, RUN_STATUSES)
        with self._sessions.begin() as session:
            row = _run_row(session, run_id)
            row.status = status
            if error is not None:
                row.error = _error_dict(error)
            _stamp(row, status)
            return _run_record(row, _experiment_name(session, row))

    def update(
        self,
        run_id: str,
        *,
        metrics: Mapping[str, Any] | None = None,
        mlflow_run_id: str | None = None,
    ) -> Run:
        """Merge ``metrics`` into the run's metrics and/or set its MLflow run id."""
        with self._sessions.begin() as session:
            row = _run_row(session, run_id)
            if metrics:
                row.metrics = {**row.metrics, **metrics}
            if mlflow_run_id is not None:
                row.mlflow_run_id = mlflow_run_id
            return _run_record(row, _experiment_name(session, row))

    def upsert_step(
        self,
        run_id: str,
        node_id: str,
        *,
        component_id: str,
        status: str,
        cached: bool = False,
        reason: str | None = None,
        seconds: float | None = None,
        cache_key: str | None = None,
        outputs: Mapping[str, OutputRef | Mapping[str, str]] | None = None,
        error: ErrorInfo = None,
        log_key: str | None = None,
    ) -> RunStep:
        """Insert or update the step ``node_id`` of a run. Arguments left ``None`` keep
        the stored value."""
        _check_status(status, STEP_STATUSES)
        changes: dict[str, Any] = {
            "component_id": component_id,
            "status": status,
            "cached": cached,
            "reason": reason,
            "seconds": seconds,
            "cache_key": cache_key,
            "outputs": _outputs_dict(outputs) if outputs is not None else None,
            "error": _error_dict(error) if error is not None else None,
            "log_key": log_key,
        }
        for attempt in range(2):
            try:
                with self._sessions.begin() as session:
                    row = _step_row(session, run_id, node_id)
                    for field, value in changes.items():
                        if value is not None:
                            setattr(row, field, value)
                    _stamp(row, status)
                    session.flush()
                    return _step_record(row)
            except IntegrityError:
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    # -- queries ----------------------------------------------------------------------------
    def get(self, run_id: str) -> Run:
        with self._sessions() as session:
            row = _run_row(session, run_id)
            return _run_record(row, _experiment_name(session, row))

    def list(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        experiment: str | None = None,
        pipeline_name: str | None = None,
        status: str | None = None,
    ) -> builtins.list[Run]:
        """Runs newest first, optionally filtered."""
        query = sa.select(RunRow, ExperimentRow.name).join(ExperimentRow)
        query = _listing(
            query,
            limit=limit,
            offset=offset,
            experiment=experiment,
            pipeline_name=pipeline_name,
            status=status,
        )
        with self._sessions() as session:
            return [_run_record(row, name) for row, name in session.execute(query)]

    def briefs(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        experiment: str | None = None,
        pipeline_name: str | None = None,
        status: str | None = None,
    ) -> builtins.list[RunBrief]:
        """Like :meth:`list`, without reading documents and parameters (fast for long
        lists)."""
        raw = (RunRow.error, RunRow.metrics, RunRow.created_at, RunRow.started_at)
        query = sa.select(
            RunRow.id,
            ExperimentRow.name,
            RunRow.pipeline_name,
            RunRow.status,
            *(sa.type_coerce(column, sa.String) for column in raw),
            sa.type_coerce(RunRow.finished_at, sa.String),
        ).join(ExperimentRow)
        query = _listing(
            query,
            limit=limit,
            offset=offset,
            experiment=experiment,
            pipeline_name=pipeline_name,
            status=status,
        )
        with self._sessions() as session:
            return [_brief(tuple(row)) for row in session.execute(query)]

    def steps(self, run_id: str) -> builtins.list[RunStep]:
        """The recorded steps of a run in the order they were first recorded."""
        with self._sessions() as session:
            _run_row(session, run_id)
            query = sa.select(RunStepRow).where(RunStepRow.run_id == run_id)
            return [_step_record(r) for r in session.scalars(query.order_by(RunStepRow.id))]

    def delete(self, run_id: str) -> None:
        """Remove a run and its steps."""
        with self._sessions.begin() as session:
            row = _run_row(session, run_id)
            session.execute(sa.delete(RunStepRow).where(RunStepRow.run_id == run_id))
            session.delete(row)  # its content goes with it


def _check_status(status: str, allowed: tuple[str, ...]) -> None:
    if status not in allowed:
        raise InvalidInputError(
            f"Status '{status}' is not valid; use one of: {', '.join(allowed)}.",
            details={"status": status, "allowed": list(allowed)},
        )


def _stamp(row: RunRow | RunStepRow, status: str) -> None:
    now = utc_now()
    if status in _STARTED_STATUSES and row.started_at is None:
        row.started_at = now  # a step canceled while queued never started
    if status in FINISHED_STATUSES:
        row.finished_at = row.finished_at or now
    else:
        row.finished_at = None


def _run_row(session: Session, run_id: str) -> RunRow:
    row = session.get(RunRow, run_id)
    if row is None:
        raise NotFoundError(
            f"Run '{run_id}' does not exist. List runs with `kumi runs` or GET /runs.",
            details={"run_id": run_id},
        )
    return row


def _step_row(session: Session, run_id: str, node_id: str) -> RunStepRow:
    query = sa.select(RunStepRow).where(RunStepRow.run_id == run_id, RunStepRow.node_id == node_id)
    row = session.scalars(query).first()
    if row is None:
        _run_row(session, run_id)
        row = RunStepRow(run_id=run_id, node_id=node_id, outputs={}, cached=False)
        session.add(row)
    return row


def _experiment_name(session: Session, row: RunRow) -> str:
    return session.scalars(
        sa.select(ExperimentRow.name).where(ExperimentRow.id == row.experiment_id)
    ).one()


def _error_dict(error: Mapping[str, Any] | KumiError) -> dict[str, Any]:
    if isinstance(error, KumiError):
        return dict(error.to_dict()["error"])
    return dict(error)


def _outputs_dict(outputs: Mapping[str, OutputRef | Mapping[str, str]]) -> dict[str, Any]:
    return {
        port: ref.to_dict() if isinstance(ref, OutputRef) else dict(ref)
        for port, ref in outputs.items()
    }


def _run_record(row: RunRow, experiment: str) -> Run:
    return Run(
        id=row.id,
        experiment=experiment,
        pipeline_name=row.pipeline_name,
        document=row.content.document,
        parameters=row.content.parameters,
        status=row.status,
        error=row.error,
        metrics=row.metrics,
        mlflow_run_id=row.mlflow_run_id,
        regenerate=row.regenerate if row.regenerate is not None else False,
        created_at=row.created_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
    )


def _step_record(row: RunStepRow) -> RunStep:
    return RunStep(
        run_id=row.run_id,
        node_id=row.node_id,
        component_id=row.component_id,
        status=row.status,
        cached=row.cached,
        reason=row.reason,
        seconds=row.seconds,
        cache_key=row.cache_key,
        outputs={port: OutputRef.from_dict(ref) for port, ref in (row.outputs or {}).items()},
        error=row.error,
        log_key=row.log_key,
        started_at=row.started_at,
        finished_at=row.finished_at,
    )


def _listing(
    query: Any,
    *,
    limit: int,
    offset: int,
    experiment: str | None,
    pipeline_name: str | None,
    status: str | None,
) -> Any:
    """``query`` over runs and their experiment, filtered, newest first, one page."""
    if experiment is not None:
        query = query.where(ExperimentRow.name == experiment)
    if pipeline_name is not None:
        query = query.where(RunRow.pipeline_name == pipeline_name)
    if status is not None:
        query = query.where(RunRow.status == status)
    query = query.order_by(RunRow.created_at.desc(), RunRow.id.desc())
    return query.limit(max(0, limit)).offset(max(0, offset))


def _brief(row: tuple[Any, ...]) -> RunBrief:
    """A brief from raw column values: JSON text and timestamps decoded here cost a third
    of SQLAlchemy's per-value processing (SQLite gives text; PostgreSQL decoded values)."""
    run_id, experiment, pipeline_name, status, error, metrics, created, started, finished = row
    return RunBrief(
        run_id,
        experiment,
        pipeline_name,
        status,
        _json_value(error),
        _json_value(metrics) or {},
        _timestamp(created),
        _timestamp(started),
        _timestamp(finished),
    )


def _json_value(value: Any) -> Any:
    if value in ("null", "{}"):  # most runs' error and metrics: no parser needed
        return None if value == "null" else {}
    return json.loads(value) if isinstance(value, str) else value


def _timestamp(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    moment = datetime.fromisoformat(value)
    # parsing with the offset costs a fifth of datetime.replace(tzinfo=UTC)
    return moment if moment.tzinfo else datetime.fromisoformat(f"{value}+00:00")
