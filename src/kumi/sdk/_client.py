"""The client: one studio server's REST API as Python resources."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

import httpx

from kumi.sdk._automl import AutoML
from kumi.sdk._components import Components
from kumi.sdk._datasets import Datasets
from kumi.sdk._endpoints import Endpoints
from kumi.sdk._experiments import Experiments
from kumi.sdk._http import Http
from kumi.sdk._inference import Inference
from kumi.sdk._pipeline_endpoints import PipelineEndpoints
from kumi.sdk._pipelines import Pipelines
from kumi.sdk._runs import Runs
from kumi.sdk._schedules import Schedules
from kumi.sdk._scoring import Scoring

DEFAULT_URL = "http://127.0.0.1:8770"
"""Where ``kumi up`` serves by default."""


class Client:
    """A kumi studio server (``kumi up``) over HTTP.

    ``url`` is the server's address; ``timeout`` (seconds) bounds each request. Pass
    ``http`` to use an ``httpx.Client`` of your own (its base URL and settings are used as
    they are, and closing this client leaves it open), or ``transport`` to route requests
    through an httpx transport (e.g. ``httpx.MockTransport``).
    """

    def __init__(
        self,
        url: str = DEFAULT_URL,
        *,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        http: httpx.Client | None = None,
    ) -> None:
        if http is None:
            owned = httpx.Client(base_url=url, timeout=timeout, transport=transport)
            self._http = Http(owned, owned=True)
        else:
            self._http = Http(http, owned=False)
        self.components = Components(self._http)
        self.datasets = Datasets(self._http)
        self.pipelines = Pipelines(self._http)
        self.runs = Runs(self._http)
        self.experiments = Experiments(self._http)
        self.pipeline_endpoints = PipelineEndpoints(self._http)
        self.schedules = Schedules(self._http)
        self.inference = Inference(self._http)
        self.endpoints = Endpoints(self._http)
        self.automl = AutoML(self._http)
        self.scoring = Scoring(self._http)

    @property
    def url(self) -> str:
        """The server's address."""
        return self._http.url

    def health(self) -> dict[str, Any]:
        """``{"status": "ok", "version", "workspace"}`` of the server."""
        health: dict[str, Any] = self._http.request("GET", "/health")
        return health

    def close(self) -> None:
        """Close the connections (not those of an ``http`` client passed in)."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Client({self.url!r})"
