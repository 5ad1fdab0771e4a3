"""Real-time endpoints: deploy (from a training run or a saved real-time pipeline), keys,
delete, list, request metrics and logs."""

from kumi.services.endpoints.deploy import (
    CHANGES,
    ChangeCounter,
    delete_endpoint,
    deploy_endpoint,
    endpoint_keys,
    regenerate_key,
)
from kumi.services.endpoints.describe import DEFAULT_BASE_URL, endpoint_json, endpoint_uris
from kumi.services.endpoints.observe import endpoint_log_path, endpoint_logs, endpoint_metrics

__all__ = [
    "CHANGES",
    "DEFAULT_BASE_URL",
    "ChangeCounter",
    "delete_endpoint",
    "deploy_endpoint",
    "endpoint_json",
    "endpoint_keys",
    "endpoint_log_path",
    "endpoint_logs",
    "endpoint_metrics",
    "endpoint_uris",
    "regenerate_key",
]
