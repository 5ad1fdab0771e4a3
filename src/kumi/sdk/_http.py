"""Requests to the studio's REST API: JSON in and out, errors raised as kumi exceptions."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

import httpx

from kumi.sdk._errors import error_from_response, unreachable

API_PREFIX = "/api"

Params = Mapping[str, str | int | float | bool | None]


class Http:
    """An ``httpx.Client`` pointed at one server; paths are relative to ``/api``."""

    def __init__(self, client: httpx.Client, *, owned: bool) -> None:
        self.client = client
        self._owned = owned

    @property
    def url(self) -> str:
        return str(self.client.base_url).rstrip("/")

    def request(self, method: str, path: str, *, params: Params | None = None, **kw: Any) -> Any:
        """The answer's JSON (its text if not JSON, ``None`` if empty); an error answer raises."""
        response = self.send(method, path, params=params, **kw)
        if not response.content:
            return None
        if response.headers.get("content-type", "").startswith("application/json"):
            return response.json()
        return response.text

    def send(
        self, method: str, path: str, *, params: Params | None = None, **kw: Any
    ) -> httpx.Response:
        """The raw answer; an error answer raises."""
        try:
            response = self.client.request(method, API_PREFIX + path, params=_given(params), **kw)
        except httpx.TransportError as problem:
            raise unreachable(self.url, problem) from problem
        if response.is_error:
            raise error_from_response(response)
        return response

    @contextmanager
    def stream_lines(self, path: str) -> Iterator[Iterator[str]]:
        """The lines of a streamed answer (no read time limit: events may be far apart)."""
        timeout = httpx.Timeout(self.client.timeout.connect, read=None)
        try:
            with self.client.stream("GET", API_PREFIX + path, timeout=timeout) as response:
                if response.is_error:
                    response.read()
                    raise error_from_response(response)
                yield response.iter_lines()
        except httpx.TransportError as problem:
            raise unreachable(self.url, problem) from problem

    def close(self) -> None:
        if self._owned:
            self.client.close()


def _given(params: Params | None) -> dict[str, str | int | float | bool] | None:
    """Query parameters without the ones left out (``None``)."""
    if params is None:
        return None
    return {key: value for key, value in params.items() if value is not None}


def part(value: str | int) -> str:
    """A name as one URL path segment (slashes and spaces escaped)."""
    return quote(str(value), safe="")
