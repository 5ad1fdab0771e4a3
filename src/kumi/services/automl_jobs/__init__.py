"""AutoML jobs: check and queue a request, run it (here or in a background thread), cancel
it, and use its best model (endpoint, designer pipeline, retraining script)."""

from kumi.services.automl_jobs.designer import deploy_job, designer_pipeline, job_script
from kumi.services.automl_jobs.jobs import (
    BACKGROUND,
    BackgroundJobs,
    cancel_job,
    create_job,
    fail_interrupted_jobs,
    get_job,
    list_jobs,
    submit_job,
)
from kumi.services.automl_jobs.request import AutoMLJobRequest
from kumi.services.automl_jobs.runner import run_job

__all__ = [
    "BACKGROUND",
    "AutoMLJobRequest",
    "BackgroundJobs",
    "cancel_job",
    "create_job",
    "deploy_job",
    "designer_pipeline",
    "fail_interrupted_jobs",
    "get_job",
    "job_script",
    "list_jobs",
    "run_job",
    "submit_job",
]
