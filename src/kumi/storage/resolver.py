"""A picklable :class:`kumi.core.contracts.DatasetResolver` over a workspace's datasets.

It holds only URLs; the database engine and artifact store are opened on first use in
whichever process it lands in (the engine sends it to worker processes).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from kumi.core.table import Table, TableSchema
from kumi.storage.artifacts import open_artifact_store
from kumi.storage.database import create_database_engine, session_factory
from kumi.storage.datasets import DatasetRepository


class WorkspaceDatasetResolver:
    """Loads registered datasets by name and version (``None`` = latest)."""

    def __init__(
        self, database_url: str, artifact_uri: str, *, cache_dir: str | None = None
    ) -> None:
        self.database_url = database_url
        self.artifact_uri = artifact_uri
        self.cache_dir = cache_dir
        self._engine: sa.Engine | None = None
        self._datasets: DatasetRepository | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_engine": None, "_datasets": None}

    def __repr__(self) -> str:
        url = sa.make_url(self.database_url).render_as_string(hide_password=True)
        return f"WorkspaceDatasetResolver({url!r}, {self.artifact_uri!r})"

    @property
    def datasets(self) -> DatasetRepository:
        if self._datasets is None:
            self._engine = create_database_engine(self.database_url)
            store = open_artifact_store(self.artifact_uri, cache_dir=self.cache_dir)
            self._datasets = DatasetRepository(session_factory(self._engine), store)
        return self._datasets

    def load_table(self, name: str, version: int | None = None) -> Table:
        return self.datasets.load_table(name, version)

    def table_schema(self, name: str, version: int | None = None) -> TableSchema:
        return self.datasets.table_schema(name, version)

    def version_token(self, name: str, version: int | None = None) -> str:
        return self.datasets.get(name, version).version_token

    def close(self) -> None:
        """Release database connections (reopened on next use)."""
        if self._engine is not None:
            self._engine.dispose()
        self._engine, self._datasets = None, None
