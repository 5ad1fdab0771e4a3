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
    """Routes ``/endpoints/*`` to the endpoint server and everything else to the API."""

    def __init__(self, api: FastAPI, endpoints: EndpointServer) -> None:
        self.api = api
        self.endpoints = endpoints

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        path: str = scope.get("path", "")
        if scope["type"] == "http" and (path == ENDPOINTS or path.startswith(ENDPOINTS + "/")):
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
