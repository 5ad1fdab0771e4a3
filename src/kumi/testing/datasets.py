"""An in-memory dataset resolver over the standard examples (for tests without a workspace)."""

from __future__ import annotations

import hashlib

from kumi.core import NotFoundError, Table, TableSchema
from kumi.testing.examples import example


class ExampleDatasets:
    """Resolves dataset names to the standard example tables (version is always 1)."""

    def __init__(self, tables: dict[str, Table] | None = None) -> None:
        self._tables = dict(tables or {})

    def load_table(self, name: str, version: int | None = None) -> Table:
        if name in self._tables:
            return self._tables[name]
        try:
            value = example(name)
        except NotFoundError:
            value = None
        if not isinstance(value, Table):
            raise NotFoundError(f"Dataset '{name}' not found.", details={"dataset": name})
        return value

    def table_schema(self, name: str, version: int | None = None) -> TableSchema:
        return self.load_table(name, version).schema()

    def version_token(self, name: str, version: int | None = None) -> str:
        frame = self.load_table(name, version).frame
        digest = hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()[:16]
        return f"{name}:1:{digest}"
