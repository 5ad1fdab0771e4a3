"""Creating, submitting, canceling and listing AutoML jobs."""

from __future__ import annotations

import builtins
import os
import socket
import threading
import uuid

from kumi.core.errors import ConflictError
from kumi.services.automl_jobs.request import AutoMLJobRequest, check_request
from kumi.services.automl_jobs.runner import run_job, this_runner
from kumi.storage.automl_jobs import AutoMLJob
from kumi.storage.workspace import Workspace

INTERRUPTED = (
    "The process running this AutoML job stopped before the job finished (the server or "
    "the CLI was restarted or killed); submit the job again."
)


def create_job(workspace: Workspace, request: AutoMLJobRequest) -> AutoMLJob:
    """Check ``request`` against the dataset's schema and record it as a queued job
    (nothing is recorded when a setting is not usable: the 4xx error says which)."""
    dataset = check_request(workspace, request)
    name = request.name or _default_name(workspace, request.dataset)
    settings = {
        **request.fit_arguments(),
        "validation_dataset": request.validation_dataset,
        "register_model": request.register_model,
    }
    return workspace.automl_jobs.create(
        id=uuid.uuid4().hex,
        name=name,
        experiment=request.experiment or f"automl-{request.dataset}",
        dataset_name=dataset.name,
        dataset_version=dataset.version,
        target=request.target,
        task=request.task,
        settings=settings,
        runner=this_runner(),
    )


def get_job(workspace: Workspace, job_id: str) -> AutoMLJob:
    """The job; NotFoundError if unknown."""
    return workspace.automl_jobs.get(job_id)


def list_jobs(workspace: Workspace) -> builtins.list[AutoMLJob]:
    """Every job, newest first."""
    return workspace.automl_jobs.list()


class BackgroundJobs:
    """Jobs this process runs in background threads, with their cancel events."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[str, tuple[Workspace, threading.Thread, threading.Event]] = {}

    def start(self, workspace: Workspace, job_id: str) -> None:
        cancel = threading.Event()
        thread = threading.Thread(
            target=self._run, args=(workspace, job_id, cancel), name=f"kumi-automl-{job_id[:8]}"
        )
        thread.daemon = True
        with self._lock:
            self._running[job_id] = (workspace, thread, cancel)
        thread.start()

    def cancel(self, job_id: str) -> None:
        with self._lock:
            entry = self._running.get(job_id)
        if entry is not None:
            entry[2].set()

    def stop_all(self, workspace: Workspace, timeout_s: float = 30.0) -> None:
        """Cancel every job of ``workspace`` and wait (up to ``timeout_s`` each) for it to end."""
        with self._lock:
            entries = [(t, c) for w, t, c in self._running.values() if w is workspace]
        for _, cancel in entries:
            cancel.set()
        for thread, _ in entries:
            thread.join(timeout_s)

    def _run(self, workspace: Workspace, job_id: str, cancel: threading.Event) -> None:
        try:
            run_job(workspace, job_id, cancel=cancel)
        finally:
            with self._lock:
                self._running.pop(job_id, None)


BACKGROUND = BackgroundJobs()
"""The jobs :func:`submit_job` started in this process."""


def submit_job(workspace: Workspace, request: AutoMLJobRequest) -> AutoMLJob:
    """Create the job and run it in a background thread of this process; the queued job."""
    job = create_job(workspace, request)
    BACKGROUND.start(workspace, job.id)
    return job


def cancel_job(workspace: Workspace, job_id: str) -> AutoMLJob:
    """Mark a queued or running job canceled (its trials stop within a second, in any
    process); ConflictError when it had finished already."""
    jobs = workspace.automl_jobs
    if not jobs.cancel(job_id):
        job = jobs.get(job_id)
        raise ConflictError(
            f"AutoML job '{job.name}' is {job.status} already; only a queued or running job "
            "can be canceled.",
            details={"job": job_id, "status": job.status},
        )
    BACKGROUND.cancel(job_id)
    return jobs.get(job_id)


def fail_interrupted_jobs(workspace: Workspace) -> builtins.list[str]:
    """Mark failed the queued or running jobs whose process is gone (at start-up); their
    ids. Jobs of a live process on this host, or of another host, are left alone."""
    return workspace.automl_jobs.fail_interrupted(runner_alive, INTERRUPTED)


def runner_alive(runner: str) -> bool:
    """Whether the ``host:pid`` process may still run (other hosts: assumed so)."""
    host, _, pid = runner.rpartition(":")
    if host != socket.gethostname():
        return bool(host)
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _default_name(workspace: Workspace, dataset: str) -> str:
    """``automl-<dataset>-<n>``: the first free n."""
    taken = workspace.automl_jobs.names()
    number = 1 + sum(1 for name in taken if name.startswith(f"automl-{dataset}-"))
    while f"automl-{dataset}-{number}" in taken:
        number += 1
    return f"automl-{dataset}-{number}"
