"""Artifact stores: a local folder, or any fsspec URL (s3://, abfs://, gs://, memory:// ...).

An artifact is a directory of files published under a relative POSIX key. Both stores are
picklable (they hold a root and open filesystems lazily) because the engine sends them to
worker processes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
import uuid
from pathlib import Path, PurePosixPath
from typing import Any, Final
from urllib.parse import unquote, urlparse

import fsspec
from fsspec import AbstractFileSystem

from kumi.core.contracts import ArtifactStore
from kumi.core.errors import ConfigurationError, InvalidInputError, NotFoundError

_STAGING: Final = ".staging"
_COMPLETE: Final = ".kumi-complete"
"""Marker written last into a remote artifact: an artifact without it is not published."""


def check_key(key: str) -> str:
    """Validate an artifact key: a non-empty relative POSIX path without ``..`` parts."""
    parts = PurePosixPath(key).parts
    if not key or key.startswith("/") or "\\" in key or any(p in ("..", ".") for p in parts):
        raise InvalidInputError(
            f"Artifact key '{key}' is not a relative POSIX path. Use keys like "
            "'datasets/iris/0f3a...' without leading '/', '..' or backslashes.",
            details={"key": key},
        )
    if parts[0] == _STAGING:
        raise InvalidInputError(
            f"Artifact key '{key}' uses the reserved folder '{_STAGING}'. Choose another key.",
            details={"key": key},
        )
    return "/".join(parts)


class LocalArtifactStore:
    """Artifacts as folders under ``root``; ``put_dir`` moves the folder into place atomically."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).expanduser().resolve()
        self.uri = self.root.as_uri()

    def __repr__(self) -> str:
        return f"LocalArtifactStore({str(self.root)!r})"

    def path_of(self, key: str) -> Path:
        """Where ``key`` lives (whether or not it exists)."""
        return self.root / check_key(key)

    def put_dir(self, local_dir: Path, key: str) -> str:
        """Move ``local_dir`` to ``key`` (rename; copy then rename across file systems).
        When ``key`` already exists it is kept and ``local_dir`` is discarded."""
        target = self.path_of(key)
        if not Path(local_dir).is_dir():
            raise InvalidInputError(
                f"Cannot publish '{local_dir}' as artifact '{key}': it is not a folder.",
                details={"key": key, "path": str(local_dir)},
            )
        if target.is_dir():
            shutil.rmtree(local_dir, ignore_errors=True)
            return target.as_uri()
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = self._stage(Path(local_dir))
        try:
            os.rename(staged, target)
        except OSError:
            shutil.rmtree(staged, ignore_errors=True)
            if not target.is_dir():  # else another writer published the same key first
                raise
        return target.as_uri()

    def _stage(self, local_dir: Path) -> Path:
        """``local_dir`` moved onto the store's file system, ready for an atomic rename."""
        staging = self.root / _STAGING
        staging.mkdir(parents=True, exist_ok=True)
        staged = staging / uuid.uuid4().hex
        try:
            os.rename(local_dir, staged)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            shutil.copytree(local_dir, staged)
            shutil.rmtree(local_dir, ignore_errors=True)
        return staged

    def get_dir(self, key: str) -> Path:
        path = self.path_of(key)
        if not path.is_dir():
            raise _missing(self.uri, key)
        return path

    def exists(self, key: str) -> bool:
        return self.path_of(key).is_dir()

    def delete(self, key: str) -> None:
        """Remove the artifact (absent keys are ignored)."""
        path = self.path_of(key)
        if path.is_dir():
            doomed = self.root / _STAGING / f"deleted-{uuid.uuid4().hex}"
            doomed.parent.mkdir(parents=True, exist_ok=True)
            os.rename(path, doomed)
            shutil.rmtree(doomed, ignore_errors=True)


class FsspecArtifactStore:
    """Artifacts under an fsspec URL. ``put_dir`` uploads (and keeps the folder as the local
    cached copy); ``get_dir`` downloads once into ``cache_dir``."""

    def __init__(
        self,
        url: str,
        *,
        cache_dir: str | Path | None = None,
        storage_options: dict[str, Any] | None = None,
    ) -> None:
        self.uri = url.rstrip("/")
        self.storage_options = dict(storage_options or {})
        digest = hashlib.sha256(self.uri.encode()).hexdigest()[:16]
        base = Path(cache_dir) if cache_dir else default_cache_dir()
        self.cache_dir = base.expanduser().resolve() / digest
        self._fs: AbstractFileSystem | None = None
        self._root = ""

    def __repr__(self) -> str:
        return f"FsspecArtifactStore({self.uri!r})"

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_fs": None, "_root": ""}

    @property
    def fs(self) -> AbstractFileSystem:
        self._root_path()
        assert self._fs is not None
        return self._fs

    def _remote(self, key: str) -> str:
        root = self._root_path()
        return f"{root}/{check_key(key)}" if root else check_key(key)

    def _root_path(self) -> str:
        if self._fs is None:
            self._fs, self._root = _filesystem(self.uri, self.storage_options)
        return self._root.rstrip("/")

    def put_dir(self, local_dir: Path, key: str) -> str:
        """Upload the files of ``local_dir`` to ``key``, then the completion marker."""
        remote = self._remote(key)
        local = Path(local_dir)
        if not self.exists(key):
            for file in sorted(p for p in local.rglob("*") if p.is_file()):
                target = f"{remote}/{file.relative_to(local).as_posix()}"
                self.fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
                self.fs.put_file(str(file), target)
            self.fs.pipe_file(f"{remote}/{_COMPLETE}", b"")
        self._keep_as_cache(local, key)
        return f"{self.uri}/{check_key(key)}"

    def _keep_as_cache(self, local_dir: Path, key: str) -> None:
        cached = self.cache_dir / check_key(key)
        if cached.is_dir():
            shutil.rmtree(local_dir, ignore_errors=True)
            return
        cached.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.move(str(local_dir), cached)
        except OSError:
            shutil.rmtree(local_dir, ignore_errors=True)

    def get_dir(self, key: str) -> Path:
        cached = self.cache_dir / check_key(key)
        if cached.is_dir():
            return cached
        if not self.exists(key):
            raise _missing(self.uri, key)
        cached.parent.mkdir(parents=True, exist_ok=True)
        download = Path(tempfile.mkdtemp(prefix="download-", dir=cached.parent))
        remote = self._remote(key)
        for path in self.fs.find(remote):
            relative = path[len(remote.rstrip("/")) + 1 :]
            if relative != _COMPLETE:
                (download / relative).parent.mkdir(parents=True, exist_ok=True)
                self.fs.get_file(path, str(download / relative))
        try:
            os.rename(download, cached)
        except OSError:
            shutil.rmtree(download, ignore_errors=True)  # another process cached it first
        return cached

    def exists(self, key: str) -> bool:
        return bool(self.fs.exists(f"{self._remote(key)}/{_COMPLETE}"))

    def delete(self, key: str) -> None:
        """Remove the artifact remotely and from the local cache (absent keys are ignored)."""
        remote = self._remote(key)
        if self.fs.exists(f"{remote}/{_COMPLETE}"):
            self.fs.rm_file(f"{remote}/{_COMPLETE}")
        if self.fs.exists(remote):
            self.fs.rm(remote, recursive=True)
        shutil.rmtree(self.cache_dir / check_key(key), ignore_errors=True)


def default_cache_dir() -> Path:
    """Local cache of remote artifacts: ``$KUMI_CACHE_DIR`` or a folder in the temp dir."""
    configured = os.environ.get("KUMI_CACHE_DIR")
    if configured:
        return Path(configured) / "artifacts"
    return Path(tempfile.gettempdir()) / "kumi-artifact-cache"


def open_artifact_store(
    uri_or_path: str | Path, *, cache_dir: str | Path | None = None
) -> ArtifactStore:
    """A local store for paths and ``file://`` URIs, an fsspec store for any other URL."""
    text = str(uri_or_path)
    if isinstance(uri_or_path, Path) or "://" not in text:
        return LocalArtifactStore(text)
    parsed = urlparse(text)
    if parsed.scheme == "file":
        return LocalArtifactStore(unquote(parsed.path))
    _filesystem(text, {})
    return FsspecArtifactStore(text, cache_dir=cache_dir)


def _filesystem(url: str, options: dict[str, Any]) -> tuple[AbstractFileSystem, str]:
    try:
        fs, root = fsspec.core.url_to_fs(url, **options)
    except ValueError as exc:
        raise ConfigurationError(
            f"Artifact URI '{url}' uses an unknown scheme ({exc}). Use a local path or an "
            "fsspec URL such as s3://bucket/prefix, abfs://container/prefix or gs://bucket.",
            details={"artifact_uri": url},
        ) from exc
    except ImportError as exc:
        raise ConfigurationError(
            f"Artifact URI '{url}' needs a package that is not installed: {exc}. Install it "
            "(e.g. pip install s3fs, adlfs or gcsfs) and retry.",
            details={"artifact_uri": url},
        ) from exc
    return fs, str(root)


def _missing(uri: str, key: str) -> NotFoundError:
    return NotFoundError(
        f"Artifact '{key}' does not exist in the artifact store '{uri}'. It may have been "
        "deleted; re-run the step or re-register the dataset that produced it.",
        details={"key": key, "artifact_uri": uri},
    )
