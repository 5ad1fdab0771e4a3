"""Where Import Data and Export Data read and write: local paths, fsspec URLs, databases."""

from __future__ import annotations

import os
import time
from pathlib import Path

import fsspec

from kumi.core import ConfigurationError, InvalidParameterError, RunContext

DATASTORE_SCHEME = "datastore://"
Source = tuple[str, str]  # ("path", path or URL) or ("database", database URL)


def choose_source(path: str, database_url: str, *, table_parameter: str) -> Source:
    """Exactly one of a path/URL or a database URL must be given."""
    if bool(path.strip()) == bool(database_url.strip()):
        both = "both" if path.strip() else "neither"
        raise InvalidParameterError(
            f"Set exactly one of 'path' (a file path or URL) and 'database_url' (with "
            f"'{table_parameter}'); {both} is set.",
            details={"parameters": ["path", "database_url"]},
        )
    return ("path", path.strip()) if path.strip() else ("database", database_url.strip())


def is_local(path: str) -> bool:
    """True for plain paths and file:// URLs."""
    return "://" not in path or path.startswith("file://")


def local_path(path: str) -> Path:
    """A plain path (file:// stripped, ~ expanded)."""
    return Path(path.removeprefix("file://")).expanduser()


def file_fingerprint(path: str) -> str:
    """Size and modification time of a local file, or what the remote store reports (ETag,
    size, modification time); a time token when nothing identifies the content."""
    if is_local(path):
        try:
            stat = os.stat(local_path(path))
        except OSError:
            return f"missing:{path}"
        return f"file:{stat.st_size}:{stat.st_mtime_ns}"
    try:
        filesystem, location = fsspec.core.url_to_fs(path)
        info = filesystem.info(location)
    except Exception:  # unreachable now: let the run report why
        return f"unreachable:{time.time_ns()}"
    keys = ("ETag", "etag", "LastModified", "last_modified", "mtime", "updated", "created")
    identity = {k: str(info[k]) for k in keys if info.get(k) is not None}
    if not identity:
        return f"unidentified:{time.time_ns()}"
    return f"remote:{info.get('size')}:{sorted(identity.items())}"


def resolve_datastore(path: str, ctx: RunContext) -> str:
    """``datastore://relative/path`` as a path or URL under the run's datastore; any other
    path unchanged."""
    if not path.startswith(DATASTORE_SCHEME):
        return path
    relative = path.removeprefix(DATASTORE_SCHEME).strip("/")
    parts = relative.split("/")
    if not relative or any(part in ("", ".", "..") for part in parts):
        raise InvalidParameterError(
            f"'{path}' is not a datastore path; write datastore://folder/file.ext with a "
            "relative path (no empty, '.' or '..' parts).",
            details={"path": path},
        )
    if ctx.datastore is None:
        raise ConfigurationError(
            f"'{path}' points into the workspace datastore but this run has none; run the "
            "pipeline through a workspace (kumi run --workspace DIR) or use a plain path.",
            details={"path": path, "node": ctx.node_id},
        )
    return f"{ctx.datastore.rstrip('/')}/{relative}"
