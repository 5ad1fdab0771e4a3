"""Save and load port values to and from a directory, with a content hash.

One format per port type:

- ``table``: ``table.json``, the table's Arrow schema (column roles and categorical flags
  in its metadata: ``kumi.roles``, ``kumi.categorical``) and the digest of each column,
  whose data lives once in the artifact store as a column chunk (:mod:`.columns`).
  Frames Arrow cannot hold (mixed Python objects) fall back to ``table.pkl``.
- ``untrained_model`` / ``trained_model`` / ``transformation``: ``value.pkl`` (cloudpickle).
- ``evaluation_report``: ``report.json`` (``EvaluationReport.to_dict``).
- ``file``: the raw file under ``file/`` plus ``file.json`` (name and media type).

The content hash is a blake2b digest over every file's name and bytes, computed from
memory before anything is written; for a table it covers its column digests. A
:class:`Snapshot` keeps a saved or loaded value in memory so a later step can take it
without reading the files again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import mmap
import pickle
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import cloudpickle
import numpy as np
import pandas as pd
import pyarrow as pa

from kumi.core.contracts import ArtifactStore, OutputRef
from kumi.core.errors import DataFormatError
from kumi.core.models import EvaluationReport, FileArtifact
from kumi.core.table import Table
from kumi.core.types import ColumnRole, PortType
from kumi.engine.arrow_frames import ArrowConversions
from kumi.engine.columns import ColumnStore

logger = logging.getLogger(__name__)

TABLE_MANIFEST = "table.json"
TABLE_FILE = "table.arrow"
"""A whole table in one Arrow IPC file: how earlier versions stored tables (still read)."""
TABLE_PICKLE = "table.pkl"
PICKLE_FILE = "value.pkl"
REPORT_FILE = "report.json"
FILE_META = "file.json"
FILE_DIR = "file"

_ROLES_KEY = b"kumi.roles"
_CATEGORICAL_KEY = b"kumi.categorical"
_PICKLED_PORTS = (PortType.UNTRAINED_MODEL, PortType.TRAINED_MODEL, PortType.TRANSFORMATION)
_OBJECT_BYTES = 64

CONVERSIONS = ArrowConversions()
"""This process's Arrow conversions of recently stored columns (see :mod:`.arrow_frames`)."""


@dataclass(frozen=True)
class Snapshot:
    """A port value kept in memory after it was saved or loaded: the table itself, or the
    encoded files of any other value. :meth:`value` gives each caller its own copy, equal
    to what loading the stored files would give."""

    port_type: PortType
    nbytes: int
    table: Table | None = None
    files: Mapping[str, bytes] = field(default_factory=dict)

    def value(self) -> Any:
        """A copy of the value of its own."""
        if self.table is not None:
            frame = self.table.frame.copy(deep=True)
            return replace(self.table, frame=frame, roles=dict(self.table.roles))
        return _decode(self.port_type, self.files.__getitem__)

    def release(self) -> Any:
        """The value itself, without a copy: only for a snapshot no one else will read."""
        return self.table if self.table is not None else self.value()

    @classmethod
    def of_table(cls, table: Table) -> Snapshot:
        return cls(PortType.TABLE, _table_nbytes(table.frame), table=table)


def hash_files(directory: Path, names: list[str]) -> str:
    """blake2b over each named file's relative name, size and bytes, in name order."""
    h = hashlib.blake2b(digest_size=32)
    for name in sorted(names):
        path = directory / name
        size = path.stat().st_size
        h.update(name.encode("utf-8") + b"\0" + size.to_bytes(8, "little"))
        if size:
            with (
                open(path, "rb") as handle,
                mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view,
            ):
                h.update(view)
    return h.hexdigest()


def save_value(value: Any, port_type: PortType | str, directory: Path, store: ArtifactStore) -> str:
    """Write ``value`` into ``directory`` (created if needed; a table's columns go to
    ``store``); return its content hash."""
    return save_snapshot(value, port_type, directory, store)[0]


def save_snapshot(
    value: Any, port_type: PortType | str, directory: Path, store: ArtifactStore
) -> tuple[str, Snapshot]:
    """Write ``value`` into ``directory`` (a table's new columns into ``store``); return
    its content hash (the same as :func:`hash_files` over the written files) and an
    in-memory snapshot of it."""
    prepared = prepare_value(value, port_type, store)
    prepared.write_columns(directory.parent)
    _write_files(prepared.files, directory)
    return prepared.content_hash, prepared.snapshot


@dataclass(frozen=True)
class PreparedValue:
    """A value encoded and hashed but not written yet: its files, its content hash, an
    in-memory snapshot, and (for a table) the column chunks the store may still lack."""

    content_hash: str
    snapshot: Snapshot
    files: Mapping[str, Any]
    store: ArtifactStore
    columns: tuple[pa.ChunkedArray, ...] = ()
    digests: tuple[str, ...] = ()

    def write_columns(self, scratch: Path, *, threads: int | None = None) -> None:
        """Store the column chunks not stored yet (staged in ``scratch``, in up to
        ``threads`` threads; default: one per core)."""
        if self.columns:
            ColumnStore(self.store, scratch).write(self.columns, self.digests, threads=threads)

    def write(self, directory: Path, key: str, *, threads: int | None = None) -> None:
        """Store the value under ``key``: its column chunks first, then its files (staged
        in ``directory``), so a published table always finds its columns."""
        self.write_columns(directory.parent, threads=threads)
        if self.store.exists(key):
            return
        _write_files(self.files, directory)
        try:
            self.store.put_dir(directory, key)
        finally:
            shutil.rmtree(directory, ignore_errors=True)


def prepare_value(value: Any, port_type: PortType | str, store: ArtifactStore) -> PreparedValue:
    """Encode and hash ``value`` without writing anything (see :class:`PreparedValue`)."""
    kind = PortType(port_type)
    if kind == PortType.TABLE:
        files, columns, digests = _encode_table(value)
        snapshot = Snapshot.of_table(value)
        return PreparedValue(hash_buffers(files), snapshot, files, store, columns, digests)
    files = _encode(value, kind)
    snapshot = Snapshot(kind, sum(len(b) for b in files.values()), files=files)
    return PreparedValue(hash_buffers(files), snapshot, files, store)


def hash_buffers(files: Mapping[str, Any]) -> str:
    """The hash :func:`hash_files` gives for these files, from memory."""
    h = hashlib.blake2b(digest_size=32)
    for name in sorted(files):
        view = memoryview(files[name])
        h.update(name.encode("utf-8") + b"\0" + view.nbytes.to_bytes(8, "little"))
        h.update(view)
    return h.hexdigest()


def load_value(directory: Path, port_type: PortType | str, store: ArtifactStore) -> Any:
    """Read back what :func:`save_value` wrote."""
    kind = PortType(port_type)
    if kind == PortType.TABLE:
        return _load_table(directory, ColumnStore(store))
    return _decode(kind, lambda name: (directory / name).read_bytes())


def load_snapshot(directory: Path, port_type: PortType | str, store: ArtifactStore) -> Snapshot:
    """Read a stored value into a snapshot (tables are decoded, other values kept encoded)."""
    kind = PortType(port_type)
    if kind == PortType.TABLE:
        return Snapshot.of_table(_load_table(directory, ColumnStore(store)))
    names = [p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file()]
    files = {name: (directory / name).read_bytes() for name in names}
    return Snapshot(kind, sum(len(b) for b in files.values()), files=files)


def load_output(store: ArtifactStore, ref: OutputRef) -> Any:
    """Load a stored step output."""
    return load_value(store.get_dir(ref.key), ref.port_type, store)


def load_table_head(store: ArtifactStore, ref: OutputRef, rows: int) -> Table:
    """The first ``rows`` rows of a stored table output (only those are converted)."""
    if PortType(ref.port_type) != PortType.TABLE:
        raise DataFormatError(
            f"Output '{ref.key}' is a {ref.port_type}, not a table.", details={"key": ref.key}
        )
    return _load_table(store.get_dir(ref.key), ColumnStore(store), head=rows)


def _write_files(files: Mapping[str, Any], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        view = memoryview(data)
        path.write_bytes(view)
        if path.stat().st_size != view.nbytes:
            raise DataFormatError(
                f"Could not write '{path}' completely; check free disk space and retry.",
                details={"path": str(path)},
            )


def _encode(value: Any, kind: PortType) -> dict[str, bytes]:
    if kind in _PICKLED_PORTS:
        return {PICKLE_FILE: cloudpickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)}
    if kind == PortType.EVALUATION_REPORT:
        text = json.dumps(value.to_dict(), sort_keys=True, default=_json_default)
        return {REPORT_FILE: text.encode("utf-8")}
    return _encode_file(value)


def _decode(kind: PortType, read: Callable[[str], bytes]) -> Any:
    if kind in _PICKLED_PORTS:
        return pickle.loads(read(PICKLE_FILE))
    if kind == PortType.EVALUATION_REPORT:
        return EvaluationReport.from_dict(json.loads(read(REPORT_FILE).decode("utf-8")))
    meta = json.loads(read(FILE_META).decode("utf-8"))
    content = read(f"{FILE_DIR}/{meta['stored_as']}")
    return FileArtifact(meta["filename"], content, meta["media_type"])


# -- tables -----------------------------------------------------------------------------
def _encode_table(
    table: Table,
) -> tuple[dict[str, bytes], tuple[pa.ChunkedArray, ...], tuple[str, ...]]:
    """The table's files, its columns and their digests: ``table.json`` holds the schema
    and the column digests, or ``table.pkl`` the whole table when Arrow cannot hold it."""
    try:
        arrow, digests = CONVERSIONS.convert(table.frame)
    except (pa.ArrowException, ValueError, TypeError) as exc:
        logger.warning("Table is not Arrow-compatible (%s); storing it pickled instead.", exc)
        return {TABLE_PICKLE: cloudpickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)}, (), ()
    roles = {name: role.value for name, role in sorted(table.roles.items())}
    metadata = dict(arrow.schema.metadata or {})
    metadata[_ROLES_KEY] = json.dumps(roles).encode("utf-8")
    metadata[_CATEGORICAL_KEY] = json.dumps(sorted(table.categorical)).encode("utf-8")
    schema = arrow.schema.with_metadata(metadata)
    columns = tuple(arrow.columns)
    manifest = {
        "rows": arrow.num_rows,
        "schema": base64.b64encode(schema.serialize().to_pybytes()).decode("ascii"),
        "columns": list(digests),
    }
    return {TABLE_MANIFEST: json.dumps(manifest, sort_keys=True).encode("utf-8")}, columns, digests


def _table_nbytes(frame: pd.DataFrame) -> int:
    """Roughly the memory ``frame`` holds (Python objects counted at a typical size)."""
    shallow = int(frame.memory_usage(index=True, deep=False).sum())
    objects = sum(len(frame) for dtype in frame.dtypes if dtype.kind == "O")
    return shallow + objects * _OBJECT_BYTES


def _load_table(directory: Path, columns: ColumnStore, head: int | None = None) -> Table:
    """The stored table (its first ``head`` rows when given)."""
    pickled = directory / TABLE_PICKLE
    if pickled.exists():
        value = pickle.loads(pickled.read_bytes())
        if not isinstance(value, Table):
            raise _damaged(pickled, "does not hold a table")
        return value if head is None else value.derive(value.frame.head(head))
    manifest_path = directory / TABLE_MANIFEST
    if manifest_path.exists():
        arrow, rows = _assemble(manifest_path, columns)
    else:
        arrow = pa.ipc.open_file(pa.memory_map(str(directory / TABLE_FILE))).read_all()
        rows = arrow.num_rows
    if head is not None:
        arrow, rows = arrow.slice(0, head), min(rows, head)
    metadata = arrow.schema.metadata or {}
    roles = json.loads(metadata.get(_ROLES_KEY, b"{}"))
    categorical = json.loads(metadata.get(_CATEGORICAL_KEY, b"[]"))
    frame = arrow.to_pandas()
    if frame.columns.empty and len(frame) != rows:  # Arrow keeps no rows without columns
        frame = pd.DataFrame(index=pd.RangeIndex(rows))
    return Table(
        frame,
        {name: ColumnRole(role) for name, role in roles.items()},
        frozenset(categorical),
    )


def _assemble(manifest_path: Path, columns: ColumnStore) -> tuple[pa.Table, int]:
    """The Arrow table a ``table.json`` describes, from its stored columns, and its rows."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    schema = pa.ipc.read_schema(pa.py_buffer(base64.b64decode(manifest["schema"])))
    arrays = [columns.get(digest) for digest in manifest["columns"]]
    try:
        arrow = pa.Table.from_arrays(arrays, schema=schema)
    except (pa.ArrowException, ValueError) as exc:
        raise _damaged(manifest_path, f"does not match its stored columns ({exc})") from exc
    if arrow.num_rows != manifest["rows"] and arrow.num_columns:
        raise _damaged(manifest_path, "has columns of another length than it records")
    return arrow, int(manifest["rows"])


def _damaged(path: Path, problem: str) -> DataFormatError:
    return DataFormatError(
        f"'{path}' {problem}; the artifact is damaged — re-run the step that made it.",
        details={"path": str(path)},
    )


# -- files and reports ------------------------------------------------------------------
def _encode_file(value: FileArtifact) -> dict[str, bytes]:
    stored_as = Path(value.filename).name or "file"
    meta = {"filename": value.filename, "media_type": value.media_type, "stored_as": stored_as}
    return {
        f"{FILE_DIR}/{stored_as}": value.content,
        FILE_META: json.dumps(meta, sort_keys=True).encode("utf-8"),
    }


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
