"""Registered datasets: immutable, versioned tables stored as Parquet in the artifact store.

Registering under an existing name adds version n+1, unless the content and schema equal
the latest version's, which is then returned. A failed registration stores nothing: input
is read and validated first, and an artifact whose row could not be written is removed.
"""

from __future__ import annotations

import builtins
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kumi.core.contracts import ArtifactStore
from kumi.core.errors import NotFoundError
from kumi.core.readers import database_url_of, read_sql, read_table
from kumi.core.table import Table, TableSchema
from kumi.storage.column_types import with_column_types
from kumi.storage.dataset_content import (
    PreparedContent,
    check_dataset_name,
    prepare_content,
    read_content,
    read_head,
    table_with_roles,
    write_content,
)
from kumi.storage.orm import DatasetRow, DatasetVersionRow
from kumi.storage.profile import profile_table
from kumi.storage.records import DatasetVersion

_ATTEMPTS = 5


class DatasetRepository:
    """Registers, finds and loads dataset versions."""

    def __init__(self, sessions: sessionmaker[Session], artifacts: ArtifactStore) -> None:
        self._sessions = sessions
        self._artifacts = artifacts

    # -- registration ---------------------------------------------------------------------
    def register(
        self,
        name: str,
        data: pd.DataFrame | Table | str | Path,
        *,
        description: str = "",
        label: str | None = None,
        categorical: Iterable[str] = (),
        ignore: Iterable[str] = (),
        file_format: str = "auto",
        encoding: str = "utf-8",
        has_header: bool = True,
        source: str | None = None,
        column_types: Mapping[str, str] | None = None,
    ) -> DatasetVersion:
        """Register a DataFrame, a Table (its roles are kept) or a file/URL (CSV, TSV,
        Parquet, JSON lines). ``label``, ``categorical`` and ``ignore`` name columns;
        ``column_types`` converts columns (string, integer, double, boolean, datetime)
        instead of keeping the inferred types; ``source`` says where the data came from
        (default: the path or URL)."""
        check_dataset_name(name)
        base = data if isinstance(data, Table) else None
        if isinstance(data, Table):
            frame, source = data.frame, source or "table"
        elif isinstance(data, pd.DataFrame):
            frame, source = data, source or "dataframe"
        else:
            source = source or _source_of(data)
            text = [c for c, kind in (column_types or {}).items() if kind == "string"]
            frame = read_table(
                data,
                file_format=file_format,
                encoding=encoding,
                has_header=has_header,
                text_columns=text,
            )
        if column_types:
            frame = with_column_types(frame, column_types)
        table = table_with_roles(
            frame, source=source, label=label, categorical=categorical, ignore=ignore, base=base
        )
        return self._store(name, table, source=source, description=description)

    def inspect(
        self,
        data: str | Path,
        *,
        file_format: str = "auto",
        encoding: str = "utf-8",
        has_header: bool = True,
    ) -> Table:
        """Read a file as :meth:`register` would, with inferred column types, saving
        nothing (to preview a file before registering it)."""
        frame = read_table(data, file_format=file_format, encoding=encoding, has_header=has_header)
        return table_with_roles(frame, source=_source_of(data))

    def register_sql(
        self,
        name: str,
        database_url: str,
        query: str,
        *,
        description: str = "",
        label: str | None = None,
        categorical: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> DatasetVersion:
        """Register the result of a SQL query on a SQLAlchemy database URL."""
        check_dataset_name(name)
        shown = database_url_of(database_url).render_as_string(hide_password=True)
        source = f"{shown} :: {query.strip()}"
        frame = read_sql(database_url, query)
        table = table_with_roles(
            frame, source=source, label=label, categorical=categorical, ignore=ignore
        )
        return self._store(name, table, source=source, description=description)

    def _store(self, name: str, table: Table, *, source: str, description: str) -> DatasetVersion:
        content = prepare_content(table)
        latest = self._latest(name)
        if latest is not None and _same(latest, content):
            return latest
        key = f"datasets/{name}/{uuid.uuid4().hex}"
        staging = Path(tempfile.mkdtemp(prefix="kumi-dataset-"))
        try:
            write_content(content, staging)
            self._artifacts.put_dir(staging, key)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        try:
            stored = self._insert_version(name, key, content, source, description)
        except BaseException:
            self._artifacts.delete(key)
            raise
        if stored.artifact_key != key:  # identical content registered concurrently
            self._artifacts.delete(key)
        return stored

    def _insert_version(
        self, name: str, key: str, content: PreparedContent, source: str, description: str
    ) -> DatasetVersion:
        for attempt in range(_ATTEMPTS):
            try:
                with self._sessions.begin() as session:
                    dataset = _dataset_row(session, name, create=True)
                    assert dataset is not None
                    latest = _latest_row(session, dataset.id)
                    if latest is not None and _same(_record(name, latest), content):
                        return _record(name, latest)
                    row = DatasetVersionRow(
                        dataset_id=dataset.id,
                        version=(latest.version if latest else 0) + 1,
                        description=description,
                        source=source,
                        artifact_key=key,
                        content_hash=content.content_hash,
                        schema=content.schema.to_list(),
                        row_count=content.row_count,
                    )
                    session.add(row)
                    session.flush()
                    return _record(name, row)
            except IntegrityError:
                if attempt == _ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    # -- queries ----------------------------------------------------------------------------
    def get(self, name: str, version: int | None = None) -> DatasetVersion:
        """A version (the latest when ``version`` is None); NotFoundError names what exists."""
        with self._sessions() as session:
            dataset = _dataset_row(session, name, create=False)
            if dataset is None:
                raise _unknown_dataset(name, self.names())
            query = sa.select(DatasetVersionRow).where(DatasetVersionRow.dataset_id == dataset.id)
            if version is None:
                row = session.scalars(query.order_by(DatasetVersionRow.version.desc())).first()
            else:
                row = session.scalars(query.where(DatasetVersionRow.version == version)).first()
            if row is None:
                known = [v.version for v in self.versions(name)]
                raise NotFoundError(
                    f"Dataset '{name}' has no version {version}. Existing versions: "
                    f"{', '.join(map(str, known)) or 'none'}; omit the version for the latest.",
                    details={"dataset": name, "version": version, "versions": known},
                )
            return _record(name, row)

    def versions(self, name: str) -> list[DatasetVersion]:
        """All versions of ``name``, oldest first (empty when unknown)."""
        with self._sessions() as session:
            query = (
                sa.select(DatasetVersionRow)
                .join(DatasetRow)
                .where(DatasetRow.name == name)
                .order_by(DatasetVersionRow.version)
            )
            return [_record(name, row) for row in session.scalars(query)]

    def list(self) -> list[DatasetVersion]:
        """The latest version of every dataset, by name."""
        newest = (
            sa.select(
                DatasetVersionRow.dataset_id, sa.func.max(DatasetVersionRow.version).label("v")
            )
            .group_by(DatasetVersionRow.dataset_id)
            .subquery()
        )
        query = (
            sa.select(DatasetRow.name, DatasetVersionRow)
            .join(DatasetVersionRow, DatasetVersionRow.dataset_id == DatasetRow.id)
            .join(
                newest,
                sa.and_(
                    newest.c.dataset_id == DatasetVersionRow.dataset_id,
                    newest.c.v == DatasetVersionRow.version,
                ),
            )
            .order_by(DatasetRow.name)
        )
        with self._sessions() as session:
            return [_record(name, row) for name, row in session.execute(query)]

    def names(self) -> builtins.list[str]:
        with self._sessions() as session:
            return list(session.scalars(sa.select(DatasetRow.name).order_by(DatasetRow.name)))

    def _latest(self, name: str) -> DatasetVersion | None:
        try:
            return self.get(name)
        except NotFoundError:
            return None

    # -- content ----------------------------------------------------------------------------
    def load_table(self, name: str, version: int | None = None) -> Table:
        """The rows of a version with its column roles and categorical flags."""
        record = self.get(name, version)
        return read_content(self._artifacts.get_dir(record.artifact_key), record.schema)

    def table_schema(self, name: str, version: int | None = None) -> TableSchema:
        return self.get(name, version).schema

    def preview(self, name: str, version: int | None = None, rows: int = 20) -> pd.DataFrame:
        """The first ``rows`` rows."""
        record = self.get(name, version)
        return read_head(self._artifacts.get_dir(record.artifact_key), rows)

    def profile(self, name: str, version: int | None = None) -> dict[str, Any]:
        """Per-column statistics (see :func:`kumi.storage.profile.profile_table`)."""
        return profile_table(self.load_table(name, version))

    def delete(self, name: str) -> None:
        """Remove every version of ``name`` and their files; NotFoundError if unknown."""
        keys = [v.artifact_key for v in self.versions(name)]
        with self._sessions.begin() as session:
            dataset = _dataset_row(session, name, create=False)
            if dataset is None:
                raise _unknown_dataset(name, self.names())
            session.execute(
                sa.delete(DatasetVersionRow).where(DatasetVersionRow.dataset_id == dataset.id)
            )
            session.delete(dataset)
        for key in keys:
            self._artifacts.delete(key)


def _source_of(data: str | Path) -> str:
    text = str(data)
    return text if "://" in text else str(Path(text).expanduser().resolve())


def _same(record: DatasetVersion, content: PreparedContent) -> bool:
    return record.content_hash == content.content_hash and record.schema == content.schema


def _dataset_row(session: Session, name: str, *, create: bool) -> DatasetRow | None:
    row = session.scalars(sa.select(DatasetRow).where(DatasetRow.name == name)).first()
    if row is None and create:
        row = DatasetRow(name=name)
        session.add(row)
        session.flush()
    return row


def _latest_row(session: Session, dataset_id: int) -> DatasetVersionRow | None:
    query = (
        sa.select(DatasetVersionRow)
        .where(DatasetVersionRow.dataset_id == dataset_id)
        .order_by(DatasetVersionRow.version.desc())
    )
    return session.scalars(query).first()


def _record(name: str, row: DatasetVersionRow) -> DatasetVersion:
    return DatasetVersion(
        name=name,
        version=row.version,
        description=row.description,
        source=row.source,
        artifact_key=row.artifact_key,
        content_hash=row.content_hash,
        schema=TableSchema.from_list(row.schema),
        row_count=row.row_count,
        created_at=row.created_at,
    )


def _unknown_dataset(name: str, known: list[str]) -> NotFoundError:
    shown = ", ".join(known[:20]) or "none"
    return NotFoundError(
        f"Dataset '{name}' is not registered. Registered datasets: {shown}. Register it "
        "first (kumi datasets add / Workspace.datasets.register).",
        details={"dataset": name, "available": known},
    )
