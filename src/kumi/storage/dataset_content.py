"""What a dataset version holds: a Parquet file of a table with roles, and its content hash.

Pure functions between a :class:`~kumi.core.table.Table` and the files of its artifact, with
the validation done before anything is stored (names, role columns, empty tables).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from kumi.core.errors import ColumnNotFoundError, DataFormatError, InvalidInputError
from kumi.core.table import Table, TableSchema
from kumi.core.types import ColumnRole

DATA_FILE: Final = "data.parquet"
_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")


def check_dataset_name(name: str) -> str:
    """Dataset names are 1-128 letters, digits, '_', '.', '-', starting with a letter/digit."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise InvalidInputError(
            f"Dataset name '{name}' is not valid. Use 1-128 letters, digits, '_', '.' or '-', "
            "starting with a letter or digit (e.g. 'breast-cancer').",
            details={"name": str(name)},
        )
    return name


def table_with_roles(
    frame: pd.DataFrame,
    *,
    source: str,
    label: str | None = None,
    categorical: Iterable[str] = (),
    ignore: Iterable[str] = (),
    base: Table | None = None,
) -> Table:
    """The table to store: string column names, a fresh index, and the requested roles
    (ColumnNotFoundError naming any unknown column)."""
    frame = frame.reset_index(drop=True)
    frame.columns = [str(c) for c in frame.columns]
    if frame.shape[1] == 0 or frame.shape[0] == 0:
        what = "columns" if frame.shape[1] == 0 else "rows"
        raise DataFormatError(
            f"The table from '{source}' has no {what}; a dataset needs at least one row and "
            "one column. Check the file or query.",
            details={"source": source, "problem": "empty"},
        )
    categorical, ignore = list(categorical), list(ignore)
    table = (base or Table(frame)).derive(frame)
    for role, names in (("label", [label] if label else []), ("categorical", categorical)):
        _require_columns(table, names, role, source)
    _require_columns(table, ignore, "ignore", source)
    if label is not None and label in ignore:
        raise InvalidInputError(
            f"Column '{label}' cannot be both the label and ignored. Remove it from ignore.",
            details={"column": label},
        )
    roles = {name: ColumnRole.IGNORE for name in ignore}
    if label is not None:
        table = table.with_label(label)
    return table.derive(_uniform_objects(frame), roles=roles, categorical=categorical)


def _require_columns(table: Table, names: list[str], role: str, source: str) -> None:
    available = table.columns
    for name in names:
        if name not in available:
            shown = ", ".join(available[:30]) + (" ..." if len(available) > 30 else "")
            raise ColumnNotFoundError(
                f"Column '{name}' given as {role} is not in the table from '{source}'. "
                f"Available columns: {shown}.",
                details={"column": name, "role": role, "source": source, "available": available},
            )


def _uniform_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns mixing value types (e.g. 3 and "x") become text, as Parquet needs."""
    for name in frame.select_dtypes(include="object").columns:
        values = frame[name].dropna()
        if values.map(type).nunique() > 1:
            frame[name] = frame[name].map(lambda v: v if pd.isna(v) else str(v))
    return frame


@dataclass(frozen=True)
class PreparedContent:
    """A table ready to store: its Arrow form, content hash and schema."""

    arrow: pa.Table
    content_hash: str
    schema: TableSchema
    row_count: int


def prepare_content(table: Table) -> PreparedContent:
    """Hash the table's data (schema metadata aside) so identical content is recognised."""
    try:
        arrow = pa.Table.from_pandas(table.frame, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError) as exc:
        raise DataFormatError(
            f"The table cannot be stored as Parquet: {exc}. Convert the offending column to "
            "text or numbers first.",
            details={"problem": "unsupported_values"},
        ) from exc
    sink = pa.BufferOutputStream()
    bare = arrow.replace_schema_metadata(None)
    with pa.ipc.new_stream(sink, bare.schema) as writer:
        writer.write_table(bare)
    digest = hashlib.sha256(sink.getvalue().to_pybytes()).hexdigest()
    return PreparedContent(arrow, digest, table.schema(), table.frame.shape[0])


def write_content(content: PreparedContent, folder: Path) -> None:
    """Write the artifact's files into ``folder``."""
    pq.write_table(content.arrow, folder / DATA_FILE)


def read_content(folder: Path, schema: TableSchema) -> Table:
    """The stored table with its roles and categorical flags."""
    frame = pd.read_parquet(folder / DATA_FILE)
    roles = {c.name: c.role for c in schema.columns if c.role != ColumnRole.FEATURE}
    categorical = frozenset(c.name for c in schema.columns if c.categorical)
    return Table(frame, roles, categorical)


def read_head(folder: Path, rows: int) -> pd.DataFrame:
    """The first ``rows`` rows without reading the whole file."""
    parquet = pq.ParquetFile(folder / DATA_FILE)
    schema = parquet.schema_arrow
    batch = next(parquet.iter_batches(batch_size=max(rows, 1)), None)
    if batch is None or rows <= 0:
        return schema.empty_table().to_pandas()
    return pa.Table.from_batches([batch], schema=schema).to_pandas()
