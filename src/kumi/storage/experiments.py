"""Experiments: named groups of runs (mirrored as MLflow experiments by the tracking layer)."""

from __future__ import annotations

import builtins

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kumi.core.errors import InvalidInputError, NotFoundError
from kumi.storage.orm import ExperimentRow
from kumi.storage.records import Experiment

DEFAULT_EXPERIMENT = "Default"


class ExperimentRepository:
    """Creates and finds experiments by name."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get_or_create(self, name: str = DEFAULT_EXPERIMENT, description: str = "") -> Experiment:
        """The experiment called ``name``, created when missing."""
        with self._sessions.begin() as session:
            return _record(experiment_row(session, name, description=description))

    def get(self, name: str) -> Experiment:
        with self._sessions() as session:
            row = session.scalars(
                sa.select(ExperimentRow).where(ExperimentRow.name == name)
            ).first()
            if row is None:
                known = self.names()
                raise NotFoundError(
                    f"Experiment '{name}' does not exist. Existing experiments: "
                    f"{', '.join(known) or 'none'}.",
                    details={"experiment": name, "available": known},
                )
            return _record(row)

    def list(self) -> builtins.list[Experiment]:
        """Every experiment, by name."""
        with self._sessions() as session:
            rows = session.scalars(sa.select(ExperimentRow).order_by(ExperimentRow.name))
            return [_record(row) for row in rows]

    def names(self) -> builtins.list[str]:
        return [e.name for e in self.list()]

    def set_mlflow_experiment_id(self, name: str, mlflow_experiment_id: str) -> Experiment:
        """Remember the MLflow experiment mirroring ``name`` (created when missing)."""
        with self._sessions.begin() as session:
            row = experiment_row(session, name)
            row.mlflow_experiment_id = mlflow_experiment_id
            return _record(row)


def experiment_row(session: Session, name: str, *, description: str = "") -> ExperimentRow:
    """The row of experiment ``name`` in ``session``, inserted when missing (concurrent
    inserts of the same name are tolerated)."""
    name = name.strip()
    if not name or len(name) > 256:
        raise InvalidInputError(
            "An experiment name must have 1-256 characters; pass a name such as 'churn'.",
            details={"experiment": name},
        )
    query = sa.select(ExperimentRow).where(ExperimentRow.name == name)
    row = session.scalars(query).first()
    if row is not None:
        return row
    try:
        with session.begin_nested():
            row = ExperimentRow(name=name, description=description)
            session.add(row)
    except IntegrityError:
        row = session.scalars(query).one()
    return row


def _record(row: ExperimentRow) -> Experiment:
    return Experiment(
        name=row.name,
        description=row.description,
        mlflow_experiment_id=row.mlflow_experiment_id,
        created_at=row.created_at,
    )
