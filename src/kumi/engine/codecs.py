"""Save and load port values to and from a directory, with a content hash.

One format per port type:

- ``table``: ``table.arrow``, an uncompressed Arrow IPC file; column roles and
  categorical flags live in the schema metadata (``kumi.roles``, ``kumi.categorical``).
  Frames Arrow cannot hold (mixed Python objects) fall back to ``table.pkl``.
- ``untrained_model`` / ``trained_model`` / ``transformation``: ``value.pkl`` (cloudpickle).
- ``evaluation_report``: ``report.json`` (``EvaluationReport.to_dict``).
- ``file``: the raw file under ``file/`` plus ``file.json`` (name and media type).

The content hash is a blake2b digest over every written file's name and bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import pickle
from pathlib import Path
from typing import Any

import cloudpickle
import numpy as np
import pyarrow as pa

from kumi.core.contracts import ArtifactStore, OutputRef
from kumi.core.errors import DataFormatError
from kumi.core.models import EvaluationReport, FileArtifact
from kumi.core.table import Table
from kumi.core.types import ColumnRole, PortType

logger = logging.getLogger(__name__)

TABLE_FILE = "table.arrow"
TABLE_PICKLE = "table.pkl"
PICKLE_FILE = "value.pkl"
REPORT_FILE = "report.json"
FILE_META = "file.json"
FILE_DIR = "file"

_ROLES_KEY = b"kumi.roles"
_CATEGORICAL_KEY = b"kumi.categorical"
_PICKLED_PORTS = (PortType.UNTRAINED_MODEL, PortType.TRAINED_MODEL, PortType.TRANSFORMATION)


class _HashingWriter:
    """Writes files into one directory, then hashes them in name order."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.names: list[str] = []

    def path(self, name: str) -> Path:
        """A path to write file ``name`` to directly (it becomes part of the hash)."""
        path = self.directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        self.names.append(name)
        return path

    def write(self, name: str, data: bytes) -> None:
        self.path(name).write_bytes(data)

    def digest(self) -> str:
        return hash_files(self.directory, self.names)


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


def save_value(value: Any, port_type: PortType | str, directory: Path) -> str:
    """Write ``value`` into ``directory`` (created if needed); return its content hash."""
    kind = PortType(port_type)
    directory.mkdir(parents=True, exist_ok=True)
    writer = _HashingWriter(directory)
    if kind == PortType.TABLE:
        _save_table(value, writer)
    elif kind in _PICKLED_PORTS:
        writer.write(PICKLE_FILE, cloudpickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    elif kind == PortType.EVALUATION_REPORT:
        text = json.dumps(value.to_dict(), sort_keys=True, default=_json_default)
        writer.write(REPORT_FILE, text.encode("utf-8"))
    else:
        _save_file(value, writer)
    return writer.digest()


def load_value(directory: Path, port_type: PortType | str) -> Any:
    """Read back what :func:`save_value` wrote."""
    kind = PortType(port_type)
    if kind == PortType.TABLE:
        return _load_table(directory)
    if kind in _PICKLED_PORTS:
        return pickle.loads((directory / PICKLE_FILE).read_bytes())
    if kind == PortType.EVALUATION_REPORT:
        return EvaluationReport.from_dict(json.loads((directory / REPORT_FILE).read_text("utf-8")))
    meta = json.loads((directory / FILE_META).read_text("utf-8"))
    content = (directory / FILE_DIR / meta["stored_as"]).read_bytes()
    return FileArtifact(meta["filename"], content, meta["media_type"])


def load_output(store: ArtifactStore, ref: OutputRef) -> Any:
    """Load a stored step output."""
    return load_value(store.get_dir(ref.key), ref.port_type)


# -- tables -----------------------------------------------------------------------------
def _save_table(table: Table, writer: _HashingWriter) -> None:
    try:
        arrow = pa.Table.from_pandas(table.frame, preserve_index=None)
    except (pa.ArrowException, ValueError, TypeError) as exc:
        logger.warning("Table is not Arrow-compatible (%s); storing it pickled instead.", exc)
        writer.write(TABLE_PICKLE, cloudpickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
        return
    roles = {name: role.value for name, role in sorted(table.roles.items())}
    metadata = dict(arrow.schema.metadata or {})
    metadata[_ROLES_KEY] = json.dumps(roles).encode("utf-8")
    metadata[_CATEGORICAL_KEY] = json.dumps(sorted(table.categorical)).encode("utf-8")
    arrow = arrow.replace_schema_metadata(metadata)
    with (
        pa.OSFile(str(writer.path(TABLE_FILE)), "wb") as sink,
        pa.ipc.new_file(sink, arrow.schema) as stream,
    ):
        stream.write_table(arrow)


def _load_table(directory: Path) -> Table:
    pickled = directory / TABLE_PICKLE
    if pickled.exists():
        value = pickle.loads(pickled.read_bytes())
        if not isinstance(value, Table):
            raise DataFormatError(
                f"'{pickled}' does not hold a table; the artifact is damaged — re-run the step.",
                details={"path": str(pickled)},
            )
        return value
    path = directory / TABLE_FILE
    arrow = pa.ipc.open_file(pa.memory_map(str(path))).read_all()
    metadata = arrow.schema.metadata or {}
    roles = json.loads(metadata.get(_ROLES_KEY, b"{}"))
    categorical = json.loads(metadata.get(_CATEGORICAL_KEY, b"[]"))
    return Table(
        arrow.to_pandas(),
        {name: ColumnRole(role) for name, role in roles.items()},
        frozenset(categorical),
    )


# -- files and reports ------------------------------------------------------------------
def _save_file(value: FileArtifact, writer: _HashingWriter) -> None:
    stored_as = Path(value.filename).name or "file"
    meta = {"filename": value.filename, "media_type": value.media_type, "stored_as": stored_as}
    writer.write(f"{FILE_DIR}/{stored_as}", value.content)
    writer.write(FILE_META, json.dumps(meta, sort_keys=True).encode("utf-8"))


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
