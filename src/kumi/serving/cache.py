"""Endpoints loaded on first request and kept: each with its runtime, its keys and its
swagger document. Changes are picked up at once in this process (the services' change
counter) and within a couple of seconds from other processes."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kumi.core import NotFoundError
from kumi.registry import ComponentRegistry
from kumi.scoring.realtime import RealtimeRuntime, load_runtime, workspace_context
from kumi.services.endpoints import CHANGES
from kumi.storage.endpoints import Endpoint
from kumi.storage.workspace import Workspace


@dataclass
class LoadedEndpoint:
    """A served endpoint: its record, keys (bytes, for constant-time comparison) and runtime."""

    record: Endpoint
    runtime: RealtimeRuntime
    work_dir: Path
    keys: tuple[bytes, bytes] = field(init=False)
    swagger: bytes | None = None

    def __post_init__(self) -> None:
        self.keys = (self.record.primary_key.encode(), self.record.secondary_key.encode())

    def close(self) -> None:
        self.runtime.close()
        shutil.rmtree(self.work_dir, ignore_errors=True)


class EndpointCache:
    """Loaded endpoints by name."""

    def __init__(
        self,
        workspace: Workspace,
        registry: ComponentRegistry,
        *,
        only: str | None = None,
        recheck_s: float = 2.0,
    ) -> None:
        self._workspace = workspace
        self._registry = registry
        self.only = only
        self._recheck_s = recheck_s
        self._loaded: dict[str, LoadedEndpoint] = {}
        self._loading: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._seen_changes = CHANGES.value
        self._checked_at = time.monotonic()

    def cached(self, name: str) -> LoadedEndpoint | None:
        """The loaded endpoint, without waiting (None when it must be loaded)."""
        if CHANGES.value != self._seen_changes or (
            time.monotonic() - self._checked_at > self._recheck_s
        ):
            return None
        return self._loaded.get(name)

    def load(self, name: str) -> LoadedEndpoint:
        """The endpoint, loaded (and its frozen parts computed) when needed; NotFoundError
        for an unknown one. Blocking: call from a worker thread."""
        self.recheck()
        if self.only is not None and name != self.only:
            raise NotFoundError(
                f"This server serves endpoint '{self.only}' only, not '{name}'.",
                details={"endpoint": name},
            )
        loaded = self._loaded.get(name)
        if loaded is not None:
            return loaded
        with self._lock:
            guard = self._loading.setdefault(name, threading.Lock())
        with guard:
            loaded = self._loaded.get(name)
            if loaded is None:
                loaded = self._loaded[name] = self._build(self._workspace.endpoints.get(name))
            return loaded

    def recheck(self, *, force: bool = False) -> None:
        """Drop endpoints deleted or redeployed since loaded; take new keys."""
        now = time.monotonic()
        changes = CHANGES.value
        if (
            not force
            and changes == self._seen_changes
            and now - self._checked_at <= self._recheck_s
        ):
            return
        self._seen_changes, self._checked_at = changes, now
        if not self._loaded:
            return
        versions = self._workspace.endpoints.versions()
        for name, loaded in list(self._loaded.items()):
            if versions.get(name) == loaded.record.updated_at:
                continue
            self._refresh(name, loaded, name in versions)

    def _refresh(self, name: str, loaded: LoadedEndpoint, exists: bool) -> None:
        record = self._workspace.endpoints.get(name) if exists else None
        if record is not None and record.document == loaded.record.document:
            self._loaded[name] = LoadedEndpoint(record, loaded.runtime, loaded.work_dir)
            return
        self._loaded.pop(name, None)
        loaded.close()

    def _build(self, record: Endpoint) -> LoadedEndpoint:
        work = Path(tempfile.mkdtemp(prefix=f"kumi_endpoint_{record.name}_"))
        runtime = load_runtime(
            record.document,
            registry=self._registry,
            context=workspace_context(self._workspace, work, endpoint=record.name),
            extra_columns="reject" if record.extra_columns == "reject" else "ignore",
        )
        return LoadedEndpoint(record, runtime, work)

    def close(self) -> None:
        for loaded in self._loaded.values():
            loaded.close()
        self._loaded.clear()

    def describe(self) -> dict[str, Any]:
        return {"loaded": sorted(self._loaded)}
