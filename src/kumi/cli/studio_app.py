"""The studio process of `kumi up`: the API and page app, with the endpoint server
answering ``/endpoints/*`` beside it (the two apps know nothing of each other)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio.to_thread
from fastapi import FastAPI

from kumi.serving import EndpointServer

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ENDPOINTS = "/endpoints"


class StudioApp:
    """Routes ``/endpoints/*`` to the endpoint server (except a browser opening the page
    there) and everything else to the API."""

    def __init__(self, api: FastAPI, endpoints: EndpointServer) -> None:
        self.api = api
        self.endpoints = endpoints

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        path: str = scope.get("path", "")
        endpoint_path = path == ENDPOINTS or path.startswith(ENDPOINTS + "/")
        if scope["type"] == "http" and endpoint_path and not _page_load(scope, path):
            await self.endpoints(scope, receive, send)
        else:
            await self.api(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        await receive()  # lifespan.startup
        try:
            async with self.api.router.lifespan_context(self.api):
                await anyio.to_thread.run_sync(self.endpoints.open)
                await send({"type": "lifespan.startup.complete"})
                await receive()  # lifespan.shutdown
                await anyio.to_thread.run_sync(self.endpoints.close)
        except Exception as error:
            await send({"type": "lifespan.startup.failed", "message": str(error)})
            return
        await send({"type": "lifespan.shutdown.complete"})


def _page_load(scope: Scope, path: str) -> bool:
    """A browser opening the page's own ``/endpoints`` or ``/endpoints/NAME`` (GET asking
    for HTML); scoring, swagger and plain health checks still go to the endpoint server."""
    if scope.get("method") != "GET" or path.rstrip("/").count("/") > 2:
        return False
    accept = dict(scope.get("headers") or []).get(b"accept", b"")
    return b"text/html" in accept
