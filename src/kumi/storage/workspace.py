"""A workspace: one metadata database, one artifact store, and the repositories over them.

By default everything lives in one folder (``kumi.db``, ``artifacts/``, ``mlflow.db``,
``mlruns/``); ``KUMI_DATABASE_URL`` / ``KUMI_ARTIFACT_URI`` (or the arguments of
:meth:`Workspace.open`) move the database to PostgreSQL and the artifacts to any fsspec URL.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

import sqlalchemy as sa

from kumi.core.contracts import ArtifactStore
from kumi.graph import load_pipeline
from kumi.samples import PIPELINES_DIR, SAMPLES
from kumi.storage.artifacts import open_artifact_store
from kumi.storage.automl_jobs import AutoMLJobRepository
from kumi.storage.cache import CacheRepository
from kumi.storage.database import create_database_engine, session_factory, upgrade_schema
from kumi.storage.datasets import DatasetRepository
from kumi.storage.endpoints import EndpointRepository
from kumi.storage.experiments import ExperimentRepository
from kumi.storage.pipeline_endpoints import PipelineEndpointRepository
from kumi.storage.pipelines import PipelineRepository
from kumi.storage.resolver import WorkspaceDatasetResolver
from kumi.storage.runs import RunRepository
from kumi.storage.schedules import ScheduleRepository

DEFAULT_WORKSPACE = "./kumi-workspace"


class Workspace:
    """Open with :meth:`Workspace.open`; close (or use as a context manager) when done."""

    def __init__(self, path: Path, database_url: str, artifact_uri: str, engine: sa.Engine) -> None:
        self.path = path
        self.database_url = database_url
        self.artifact_uri = artifact_uri
        self._engine = engine
        self.artifacts: ArtifactStore = open_artifact_store(artifact_uri, cache_dir=self._cache_dir)
        sessions = session_factory(engine)
        self.datasets = DatasetRepository(sessions, self.artifacts)
        self.experiments = ExperimentRepository(sessions)
        self.pipelines = PipelineRepository(sessions)
        self.runs = RunRepository(sessions)
        self.cache = CacheRepository(sessions)
        self.pipeline_endpoints = PipelineEndpointRepository(sessions)
        self.schedules = ScheduleRepository(sessions)
        self.endpoints = EndpointRepository(sessions)
        self.automl_jobs = AutoMLJobRepository(sessions)
        self.created = False
        """True when :meth:`open` made this workspace (its samples registered just now)."""

    @classmethod
    def open(
        cls,
        path: str | Path = DEFAULT_WORKSPACE,
        *,
        database_url: str | None = None,
        artifact_uri: str | None = None,
    ) -> Workspace:
        """Open (creating when needed) the workspace at ``path``: upgrade its database schema
        and, when the database is new, register the sample datasets."""
        root = Path(path).expanduser().resolve()
        root.mkdir(parents=True, exist_ok=True)
        url = database_url or os.environ.get("KUMI_DATABASE_URL") or _sqlite_url(root)
        artifacts = artifact_uri or os.environ.get("KUMI_ARTIFACT_URI") or str(root / "artifacts")
        engine = create_database_engine(url)
        try:
            created = upgrade_schema(engine) is None
            workspace = cls(root, url, artifacts, engine)
            workspace.created = created
            if created:
                workspace.register_samples()
        except BaseException:
            engine.dispose()
            raise
        return workspace

    @property
    def _cache_dir(self) -> str:
        return str(self.path / ".cache")

    @property
    def tracking_uri(self) -> str:
        """MLflow tracking URI: ``$MLFLOW_TRACKING_URI`` or ``mlflow.db`` in the workspace."""
        return os.environ.get("MLFLOW_TRACKING_URI") or f"sqlite:///{self.path / 'mlflow.db'}"

    @property
    def mlflow_artifact_uri(self) -> str:
        """Where MLflow stores run artifacts and models (``mlruns/`` as a file URI)."""
        return (self.path / "mlruns").as_uri()

    @property
    def datastore_uri(self) -> str:
        """Root of the workspace's datastore (where ``datastore://`` paths point):
        ``$KUMI_DATASTORE_URI`` (any fsspec URL) or the ``datastore`` folder inside it."""
        return os.environ.get("KUMI_DATASTORE_URI") or str(self.path / "datastore")

    def dataset_resolver(self) -> WorkspaceDatasetResolver:
        """A picklable resolver of this workspace's datasets, for pipeline runs."""
        return WorkspaceDatasetResolver(
            self.database_url, self.artifact_uri, cache_dir=self._cache_dir
        )

    def register_samples(self) -> None:
        """Register every sample dataset and save every sample pipeline (unchanged ones are
        not duplicated)."""
        for sample in SAMPLES.values():
            self.datasets.register(
                sample.name,
                sample.file,
                description=sample.description,
                label=sample.label,
                categorical=sample.categorical,
                ignore=sample.ignore,
            )
        for path in sorted(PIPELINES_DIR.glob("*.yaml")):
            document = load_pipeline(path)
            self.pipelines.save(document.name, document.to_dict(), description=document.description)

    def close(self) -> None:
        """Release database connections."""
        self._engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r})"


def _sqlite_url(root: Path) -> str:
    return f"sqlite:///{root / 'kumi.db'}"
