"""AutoML jobs: submit, follow, cancel, deploy the best model, retraining script."""

from __future__ import annotations

import builtins
from typing import Any

from kumi.sdk._http import Http, part
from kumi.sdk._polling import wait_until_finished

FINISHED = frozenset({"completed", "failed", "canceled"})
"""Statuses a job never leaves."""


class AutoML:
    """``client.automl``: AutoML jobs, run by the server in the background."""

    def __init__(self, http: Http) -> None:
        self._http = http

    def submit(
        self,
        dataset: str,
        *,
        target: str,
        task: str = "classification",
        time_budget_s: float = 60.0,
        **options: Any,
    ) -> dict[str, Any]:
        """Start a job on registered ``dataset`` predicting ``target``; the queued job.
        ``options`` are the other fields of the job body (metric, n_jobs, validation,
        allowed_models, blocked_models, featurization, ensembling, max_trials, exit_score,
        seed, name, experiment, register_model ...)."""
        body = {
            "dataset": dataset,
            "target": target,
            "task": task,
            "time_budget_s": time_budget_s,
            **options,
        }
        return self._one("POST", "/automl/jobs", json=body)

    def list(self) -> builtins.list[dict[str, Any]]:
        """Every job's summary, newest first."""
        body: dict[str, Any] = self._http.request("GET", "/automl/jobs")
        jobs: builtins.list[dict[str, Any]] = body["jobs"]
        return jobs

    def get(self, job_id: str) -> dict[str, Any]:
        """The job with its progress, live leaderboard and (once completed) result."""
        return self._one("GET", f"/automl/jobs/{part(job_id)}")

    def wait(
        self, job_id: str, timeout: float | None = None, poll_s: float = 1.0
    ) -> dict[str, Any]:
        """The job once it has completed, failed or been canceled (check its ``status``);
        ``TimeoutError`` after ``timeout`` seconds."""
        return wait_until_finished(
            lambda: self.get(job_id),
            FINISHED,
            timeout,
            poll_s,
            lambda job: (
                f"AutoML job '{job_id}' is still {job['status']} after {timeout} s. Wait "
                "longer, or cancel it with client.automl.cancel(job_id)."
            ),
        )

    def cancel(self, job_id: str) -> dict[str, Any]:
        """Stop a queued or running job (its finished trials stay on the leaderboard)."""
        return self._one("POST", f"/automl/jobs/{part(job_id)}/cancel")

    def deploy(self, job_id: str, name: str) -> dict[str, Any]:
        """Deploy the job's best model as real-time endpoint ``name``; the endpoint."""
        return self._one("POST", f"/automl/jobs/{part(job_id)}/deploy", json={"name": name})

    def pipeline(self, job_id: str, name: str | None = None) -> dict[str, Any]:
        """Save a designer pipeline scoring the job's dataset with its best model."""
        body = self._one("POST", f"/automl/jobs/{part(job_id)}/pipeline", json={"name": name})
        pipeline: dict[str, Any] = body["pipeline"]
        return pipeline

    def script(self, job_id: str) -> str:
        """Python source that retrains the job's best model."""
        return str(self._http.request("GET", f"/automl/jobs/{part(job_id)}/script"))

    def _one(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        answer: dict[str, Any] = self._http.request(method, path, **kw)
        return answer
