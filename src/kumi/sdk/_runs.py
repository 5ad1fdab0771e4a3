"""Pipeline runs: submit, list, status, wait, cancel, logs, step outputs, live events."""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from kumi.sdk._documents import Document, document_dict
from kumi.sdk._http import Http, part
from kumi.sdk._polling import wait_until_finished
from kumi.sdk._sse import parse_events
from kumi.sdk._tables import frame_of

FINISHED = frozenset({"completed", "failed", "canceled"})
"""Statuses a run never leaves."""


class Runs:
    """``client.runs``: runs of pipelines, queued and executed by the server."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def submit(
        self,
        pipeline: str | None = None,
        *,
        version: int | None = None,
        document: Document | None = None,
        parameters: Mapping[str, Any] | None = None,
        experiment: str | None = None,
        regenerate: bool | Sequence[str] | None = None,
    ) -> dict[str, Any]:
        """Queue a run of a saved ``pipeline`` (optionally one ``version``) or of a
        ``document``; ``regenerate`` (all steps, or these node ids) skips the cache."""
        body: dict[str, Any] = {"parameters": dict(parameters or {})}
        if pipeline is not None:
            body.update(pipeline=pipeline, version=version)
        if document is not None:
            body["document"] = document_dict(document)
        if experiment is not None:
            body["experiment"] = experiment
        if regenerate is not None:
            body["regenerate"] = regenerate if isinstance(regenerate, bool) else list(regenerate)
        return self._one("POST", "/runs", json=body)

    def list(
        self,
        limit: int = 50,
        status: str | None = None,
        experiment: str | None = None,
        pipeline: str | None = None,
        *,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Runs in brief, newest first, optionally only those of a status, experiment or
        pipeline."""
        params = {
            "limit": limit,
            "offset": offset,
            "status": status,
            "experiment": experiment,
            "pipeline": pipeline,
        }
        body: dict[str, Any] = self._http.request("GET", "/runs", params=params)
        runs: list[dict[str, Any]] = body["runs"]
        return runs

    def get(self, run_id: str) -> dict[str, Any]:
        """A run with its document, parameters, metrics and every step's state."""
        return self._one("GET", f"/runs/{part(run_id)}")

    def cancel(self, run_id: str) -> dict[str, Any]:
        """Cancel a queued or running run (``ConflictError`` if it has finished)."""
        return self._one("POST", f"/runs/{part(run_id)}/cancel")

    def wait(
        self, run_id: str, timeout: float | None = None, poll_s: float = 0.5
    ) -> dict[str, Any]:
        """The run once it has completed, failed or been canceled (check its ``status``);
        ``TimeoutError`` after ``timeout`` seconds."""
        return wait_until_finished(
            lambda: self.get(run_id),
            FINISHED,
            timeout,
            poll_s,
            lambda run: (
                f"Run '{run_id}' is still {run['status']} after {timeout} s. Wait longer, "
                "or cancel it with client.runs.cancel(run_id)."
            ),
        )

    def log(self, run_id: str, node_id: str) -> str:
        """A step's log as written so far."""
        path = f"/runs/{part(run_id)}/steps/{part(node_id)}/log"
        parts: builtins.list[str] = []
        offset = 0
        while True:
            body: dict[str, Any] = self._http.request("GET", path, params={"offset": offset})
            if not body["text"]:
                return "".join(parts)
            parts.append(body["text"])
            offset = int(body["offset"])

    def output(self, run_id: str, node_id: str, port: str, rows: int = 50) -> Any:
        """A step output: a table's first ``rows`` rows as a DataFrame, an evaluation
        report as a dict, or else the output's description (e.g. a trained model's)."""
        path = f"/runs/{part(run_id)}/steps/{part(node_id)}/outputs/{part(port)}"
        body: dict[str, Any] = self._http.request("GET", path, params={"rows": rows})
        if "rows" in body:
            return frame_of(body["columns"], body["rows"])
        if "report" in body:
            return body["report"]
        return body.get("description")

    def events(self, run_id: str) -> Iterator[dict[str, Any]]:
        """The run (with its steps) each time it changes, until it finishes."""
        with self._http.stream_lines(f"/runs/{part(run_id)}/events") as lines:
            for event in parse_events(lines):
                if event.name == "end":
                    return
                if event.name == "run":
                    yield json.loads(event.data)

    def log_stream(self, run_id: str, node_id: str) -> Iterator[str]:
        """New text of a step's log as it is written, until the step finishes."""
        path = f"/runs/{part(run_id)}/steps/{part(node_id)}/log/stream"
        with self._http.stream_lines(path) as lines:
            for event in parse_events(lines):
                if event.name == "end":
                    return
                if event.name == "log":
                    yield str(json.loads(event.data))

    def _one(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        run: dict[str, Any] = self._http.request(method, path, **kw)
        return run
