"""MLflow clients bound to explicit tracking URIs (no process-global MLflow state)."""

from __future__ import annotations

from functools import lru_cache

from mlflow.tracking import MlflowClient


@lru_cache(maxsize=8)
def tracking_client(tracking_uri: str, registry_uri: str | None = None) -> MlflowClient:
    """A cached client for ``tracking_uri`` (the model registry defaults to the same store)."""
    return MlflowClient(tracking_uri=tracking_uri, registry_uri=registry_uri or tracking_uri)


def ensure_experiment(client: MlflowClient, name: str, artifact_location: str | None) -> str:
    """The id of experiment ``name``, created (with ``artifact_location``) when missing."""
    found = client.get_experiment_by_name(name)
    if found is not None:
        return str(found.experiment_id)
    return str(client.create_experiment(name, artifact_location=artifact_location))
