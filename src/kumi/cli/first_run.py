"""`kumi up` in a new workspace: say how the sample pipeline's first run ended."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from kumi.cli.output import console
from kumi.storage.runs import FINISHED_STATUSES

if TYPE_CHECKING:  # the server's imports only when serving
    from fastapi import FastAPI

_POLL_S = 0.5
_SHOWN_METRICS = ("auc", "accuracy", "precision", "recall", "f1_score", "log_loss")


def report_first_run(app: FastAPI, url: str, *, timeout_s: float = 1800) -> threading.Thread:
    """A daemon thread printing the outcome of the sample run the app queued at start-up
    (nothing when it queued none)."""

    def watch() -> None:
        deadline = time.monotonic() + timeout_s
        while not hasattr(app.state, "first_run"):  # the app is still starting
            if time.monotonic() > deadline:
                return
            time.sleep(_POLL_S)
        first = app.state.first_run
        if first is None:
            return
        console.print(f"New workspace: running the sample pipeline '{first.pipeline_name}' …")
        while time.monotonic() < deadline:
            run = app.state.workspace.runs.get(first.id)
            if run.status in FINISHED_STATUSES:
                shown = ", ".join(
                    f"{name} {run.metrics[name]:.4f}"
                    for name in _SHOWN_METRICS
                    if isinstance(run.metrics.get(name), int | float)
                )
                console.print(
                    f"Sample pipeline '{run.pipeline_name}' {run.status}"
                    f"{': ' + shown if shown else ''} — {url}/runs/{run.id}"
                )
                return
            time.sleep(_POLL_S)

    thread = threading.Thread(target=watch, name="kumi-first-run", daemon=True)
    thread.start()
    return thread
