"""Request metrics and request logs of served endpoints: recorded in memory with O(1) work
per request and flushed every few seconds (metrics added to the database, so several
serving processes add up; log lines appended to each endpoint's log file)."""

from __future__ import annotations

import logging
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from kumi.scoring.latency import bucket_of
from kumi.services.endpoints import endpoint_log_path
from kumi.storage.endpoints import MinuteMetrics
from kumi.storage.workspace import Workspace

logger = logging.getLogger(__name__)


class _Minute:
    """Counts of one endpoint in one minute, updated in place."""

    __slots__ = ("errors", "histogram", "requests")

    def __init__(self) -> None:
        self.requests = 0
        self.errors = 0
        self.histogram: dict[str, int] = {}


class RequestRecorder:
    """Collects per-minute counts and latency histograms, and request log lines."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, int], _Minute] = {}
        self._lines: dict[str, list[str]] = {}
        self._lock = threading.Lock()

    def record(self, name: str, status: int, rows: int, ms: float, message: str = "") -> None:
        """One answered request of endpoint ``name``."""
        now = time.time()
        key = (name, int(now // 60))
        bucket = str(bucket_of(ms))
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now))
        line = f"{stamp}Z {status} rows={rows} {ms:.2f}ms"
        if message:
            line += " error: " + message.replace("\n", " ")
        with self._lock:
            entry = self._counts.get(key)
            if entry is None:
                entry = self._counts[key] = _Minute()
            entry.requests += 1
            if status >= 400:
                entry.errors += 1
            entry.histogram[bucket] = entry.histogram.get(bucket, 0) + 1
            self._lines.setdefault(name, []).append(line)

    def take(self) -> tuple[dict[tuple[str, datetime], MinuteMetrics], dict[str, list[str]]]:
        """What was recorded since the last call."""
        with self._lock:
            counts, self._counts = self._counts, {}
            lines, self._lines = self._lines, {}
        deltas = {}
        for (name, minute), entry in counts.items():
            start = datetime.fromtimestamp(minute * 60, UTC)
            deltas[(name, start)] = MinuteMetrics(
                start, entry.requests, entry.errors, entry.histogram
            )
        return deltas, lines


class Flusher:
    """A daemon thread writing what a :class:`RequestRecorder` collected."""

    def __init__(self, recorder: RequestRecorder, workspace: Workspace, interval_s: float) -> None:
        self._recorder = recorder
        self._workspace = workspace
        self._interval = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._loop, name="kumi-endpoint-metrics", daemon=True
        )

    def start(self) -> Flusher:
        self._thread.start()
        return self

    def flush(self) -> None:
        deltas, lines = self._recorder.take()
        for name, entries in lines.items():
            _append(endpoint_log_path(self._workspace.path, name), entries)
        try:
            self._workspace.endpoints.add_metrics(deltas)
        except Exception:  # a busy or gone database must not stop serving
            logger.exception("Could not store endpoint metrics")

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        self.flush()

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            self.flush()


def _append(path: Path, lines: list[str]) -> None:
    """Append whole lines in one write (O_APPEND keeps processes' lines apart)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(descriptor, data)
    finally:
        os.close(descriptor)
