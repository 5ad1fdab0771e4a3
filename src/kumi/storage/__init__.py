"""Workspace storage: metadata repositories (SQLAlchemy: SQLite or PostgreSQL), artifact
stores (local folder or fsspec URL) and registered datasets."""

from kumi.storage.artifacts import FsspecArtifactStore, LocalArtifactStore, open_artifact_store
from kumi.storage.automl_jobs import JOB_STATUSES, AutoMLJob, AutoMLJobRepository
from kumi.storage.cache import CacheRepository
from kumi.storage.database import create_database_engine, upgrade_schema
from kumi.storage.datasets import DatasetRepository
from kumi.storage.endpoints import Endpoint, EndpointRepository, MinuteMetrics
from kumi.storage.experiments import DEFAULT_EXPERIMENT, ExperimentRepository
from kumi.storage.pipelines import PipelineRepository
from kumi.storage.records import DatasetVersion, Experiment, Pipeline, Run, RunStep
from kumi.storage.resolver import WorkspaceDatasetResolver
from kumi.storage.runs import RUN_STATUSES, STEP_STATUSES, RunRepository
from kumi.storage.workspace import DEFAULT_WORKSPACE, Workspace

__all__ = [
    "DEFAULT_EXPERIMENT",
    "DEFAULT_WORKSPACE",
    "JOB_STATUSES",
    "RUN_STATUSES",
    "STEP_STATUSES",
    "AutoMLJob",
    "AutoMLJobRepository",
    "CacheRepository",
    "DatasetRepository",
    "DatasetVersion",
    "Endpoint",
    "EndpointRepository",
    "Experiment",
    "ExperimentRepository",
    "FsspecArtifactStore",
    "LocalArtifactStore",
    "MinuteMetrics",
    "Pipeline",
    "PipelineRepository",
    "Run",
    "RunRepository",
    "RunStep",
    "Workspace",
    "WorkspaceDatasetResolver",
    "create_database_engine",
    "open_artifact_store",
    "upgrade_schema",
]
