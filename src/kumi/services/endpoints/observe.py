"""What endpoints report: request metrics (added up over every serving process) and the
per-endpoint request log."""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kumi.scoring.latency import merge, percentile
from kumi.storage.workspace import Workspace

LOG_FOLDER = Path("logs") / "endpoints"
MAX_TAIL = 5000


def endpoint_log_path(workspace_path: Path, name: str) -> Path:
    """``<workspace>/logs/endpoints/<name>.log``."""
    return workspace_path / LOG_FOLDER / f"{name}.log"


def endpoint_metrics(workspace: Workspace, name: str, *, minutes: int = 60) -> dict[str, Any]:
    """Requests, errors and latency percentiles of the last ``minutes``, and per minute."""
    workspace.endpoints.get(name)  # NotFoundError for an unknown endpoint
    since = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=minutes)
    rows = workspace.endpoints.metrics(name, since)
    histogram = merge([r.histogram for r in rows])
    return {
        "requests": sum(r.requests for r in rows),
        "errors": sum(r.errors for r in rows),
        "latency_ms": {
            "p50": percentile(histogram, 0.5),
            "p90": percentile(histogram, 0.9),
            "p99": percentile(histogram, 0.99),
        },
        "per_minute": [
            {
                "minute": r.minute.isoformat(),
                "requests": r.requests,
                "errors": r.errors,
                "p50_ms": percentile(r.histogram, 0.5),
            }
            for r in rows
        ],
    }


def endpoint_logs(workspace: Workspace, name: str, *, tail: int = 200) -> list[str]:
    """The last ``tail`` lines of the endpoint's request log."""
    workspace.endpoints.get(name)
    path = endpoint_log_path(workspace.path, name)
    if not path.is_file():
        return []
    wanted = max(0, min(tail, MAX_TAIL))
    with path.open(encoding="utf-8", errors="replace") as lines:
        return [line.rstrip("\n") for line in deque(lines, maxlen=wanted)]
