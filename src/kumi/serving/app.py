"""The endpoint server: a plain ASGI application answering ``/endpoints/{name}``
(``GET`` → "Healthy"), ``/score`` (Azure designer shape), ``/invocations`` (MLflow
protocol) and ``/swagger.json``."""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import anyio.to_thread
import orjson
from pydantic import BaseModel, Field

from kumi.core import KumiError, NotFoundError, PayloadTooLargeError, UnauthorizedError
from kumi.core.errors import http_status
from kumi.registry import ComponentRegistry, default_registry
from kumi.serving.cache import EndpointCache, LoadedEndpoint
from kumi.serving.errors import error_response, internal_error
from kumi.serving.metrics import Flusher, RequestRecorder
from kumi.serving.payloads import azure_rows, mlflow_rows, parse_json
from kumi.serving.swagger import swagger_document
from kumi.storage.workspace import Workspace

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

PREFIX = "/endpoints/"
DEFAULT_MAX_BODY_BYTES = 10 << 20
logger = logging.getLogger(__name__)
_JSON = [(b"content-type", b"application/json")]
_TEXT = [(b"content-type", b"text/plain; charset=utf-8")]


class ServingSettings(BaseModel):
    """Settings of :func:`create_serving_app`."""

    workspace: Path = Field(Path("kumi-workspace"), description="Workspace folder.")
    only: str | None = Field(None, description="Serve this endpoint only.")
    max_body_bytes: int = Field(DEFAULT_MAX_BODY_BYTES, gt=0, description="Largest request body.")
    flush_interval_s: float = Field(2.0, gt=0, description="How often metrics are stored.")
    recheck_interval_s: float = Field(2.0, gt=0, description="How often changes are looked for.")


class EndpointServer:
    """The ASGI application. The workspace opens at start-up (or on the first request)."""

    def __init__(
        self, settings: ServingSettings, *, registry: ComponentRegistry | None = None
    ) -> None:
        self.settings = settings
        self._registry = registry
        self._open_lock = threading.Lock()
        self.workspace: Workspace | None = None
        self.cache: EndpointCache | None = None
        self.recorder = RequestRecorder()
        self._flusher: Flusher | None = None

    # -- life ----------------------------------------------------------------------------
    def open(self) -> EndpointCache:
        """Open the workspace and start storing metrics (once)."""
        with self._open_lock:
            if self.cache is None:
                self.workspace = Workspace.open(self.settings.workspace)
                registry = self._registry or default_registry()
                self.cache = EndpointCache(
                    self.workspace,
                    registry,
                    only=self.settings.only,
                    recheck_s=self.settings.recheck_interval_s,
                )
                interval = self.settings.flush_interval_s
                self._flusher = Flusher(self.recorder, self.workspace, interval).start()
            return self.cache

    def close(self) -> None:
        with self._open_lock:
            if self._flusher is not None:
                self._flusher.close()
            if self.cache is not None:
                self.cache.close()
            if self.workspace is not None:
                self.workspace.close()
            self.cache, self.workspace, self._flusher = None, None, None

    def flush(self) -> None:
        """Store the metrics and log lines recorded so far."""
        if self._flusher is not None:
            self._flusher.flush()

    # -- ASGI ----------------------------------------------------------------------------
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "lifespan":
            await self._lifespan(receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await anyio.to_thread.run_sync(self._start)
                except Exception as error:
                    await send({"type": "lifespan.startup.failed", "message": str(error)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await anyio.to_thread.run_sync(self.close)
                await send({"type": "lifespan.shutdown.complete"})
                return

    def _start(self) -> None:
        cache = self.open()
        if self.settings.only is not None:
            cache.load(self.settings.only)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        path: str = scope["path"]
        parts = path[len(PREFIX) :].split("/") if path.startswith(PREFIX) else []
        name = unquote(parts[0]) if parts else ""
        action = "/".join(parts[1:])
        rows = 0
        endpoint: LoadedEndpoint | None = None
        try:
            if not name or action not in ("", "score", "invocations", "swagger.json"):
                raise NotFoundError(
                    f"Nothing is served at {path}; endpoints answer at /endpoints/NAME/score, "
                    "/invocations and /swagger.json.",
                    details={"path": path},
                )
            endpoint = await self._endpoint(name)
            status, body, rows = await self._answer(endpoint, action, scope, receive)
            await _send(send, status, body, _TEXT if action == "" else _JSON)
            message = ""
        except KumiError as error:
            status, message = http_status(error), error.message
            await _send(send, status, error_response(error), _JSON)
        except Exception as error:  # a bug must cost one request, never the server
            logger.exception("Endpoint request %s failed", path)
            status, message = 500, f"{type(error).__name__}: {error}"
            await _send(send, status, internal_error(message), _JSON)
        if endpoint is not None and action in ("score", "invocations"):
            ms = (time.perf_counter() - started) * 1000
            self.recorder.record(name, status, rows, ms, message)

    async def _endpoint(self, name: str) -> LoadedEndpoint:
        cache = self.cache
        if cache is None:
            cache = await anyio.to_thread.run_sync(self.open)
        loaded = cache.cached(name)
        if loaded is None:
            loaded = await anyio.to_thread.run_sync(cache.load, name)
        return loaded

    async def _answer(
        self, endpoint: LoadedEndpoint, action: str, scope: Scope, receive: Receive
    ) -> tuple[int, bytes, int]:
        method = scope["method"]
        if action == "":
            return 200, b"Healthy", 0
        if action == "swagger.json":
            if endpoint.swagger is None:
                document = swagger_document(endpoint.record.name, endpoint.record.signature)
                endpoint.swagger = orjson.dumps(document)
            return 200, endpoint.swagger, 0
        if method != "POST":
            raise NotFoundError(
                f"/{action} answers POST requests with rows to score, not {method}.",
                details={"method": method},
            )
        _authorize(endpoint, scope)
        payload = parse_json(await _read_body(scope, receive, self.settings.max_body_bytes))
        return await self._score(endpoint, action, payload)

    async def _score(
        self, endpoint: LoadedEndpoint, action: str, payload: Any
    ) -> tuple[int, bytes, int]:
        runtime = endpoint.runtime
        if action == "score":
            rows = azure_rows(payload, runtime.signature.input_name)
            score = runtime.score
            wrap = "Results"
        else:
            rows = mlflow_rows(payload, [c.name for c in runtime.signature.inputs])
            score = runtime.predict  # type: ignore[assignment]
            wrap = "predictions"
        if runtime.runtime == "onnx":
            result = score(rows)
        else:
            result = await anyio.to_thread.run_sync(score, rows)
        body = orjson.dumps({wrap: result}, option=orjson.OPT_SERIALIZE_NUMPY, default=str)
        return 200, body, len(rows) if isinstance(rows, list) else 0


def create_serving_app(
    settings: ServingSettings | None = None, *, registry: ComponentRegistry | None = None
) -> EndpointServer:
    """The endpoint server over the workspace of ``settings``."""
    return EndpointServer(settings or ServingSettings(), registry=registry)


def _authorize(endpoint: LoadedEndpoint, scope: Scope) -> None:
    header = b""
    for key, value in scope["headers"]:
        if key == b"authorization":
            header = value
            break
    scheme, _, given = header.partition(b" ")
    if not header or scheme.lower() != b"bearer" or not given.strip():
        raise UnauthorizedError(
            f"Endpoint '{endpoint.record.name}' needs a key: send the header 'Authorization: "
            "Bearer <key>' with its primary or secondary key (`kumi endpoints keys NAME`).",
            details={"endpoint": endpoint.record.name, "problem": "missing_key"},
        )
    given = given.strip()
    primary, secondary = endpoint.keys
    if not (hmac.compare_digest(given, primary) | hmac.compare_digest(given, secondary)):
        raise UnauthorizedError(
            f"The key sent to endpoint '{endpoint.record.name}' is not valid; use its current "
            "primary or secondary key (keys change when regenerated).",
            details={"endpoint": endpoint.record.name, "problem": "wrong_key"},
        )


async def _read_body(scope: Scope, receive: Receive, limit: int) -> bytes:
    for key, value in scope["headers"]:
        if key == b"content-length" and value.isdigit() and int(value) > limit:
            raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
        more = message.get("more_body", False)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _too_large(limit: int) -> PayloadTooLargeError:
    return PayloadTooLargeError(
        f"The request body is larger than {limit:,} bytes; send fewer rows per request.",
        details={"max_bytes": limit},
    )


async def _send(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [*headers, (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
