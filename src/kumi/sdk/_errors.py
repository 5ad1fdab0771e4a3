"""Error answers of the server turned back into kumi's exceptions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from kumi.core import errors
from kumi.core.errors import KumiError


class ApiError(KumiError):
    """The server answered with an error that has no kumi exception class of its own
    (e.g. ``invalid_request``, ``internal_error``) or not in kumi's error shape."""

    code = "api_error"

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: str,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message, details=details)
        self.status = status
        vars(self)["code"] = code  # this answer's code, shadowing the class default


class ServerUnreachableError(KumiError):
    """No kumi server answered at the client's URL."""

    code = "server_unreachable"


def _error_classes() -> dict[str, type[KumiError]]:
    """Every error class of :mod:`kumi.core.errors` by its code."""
    return {
        value.code: value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, KumiError)
    }


ERROR_CLASSES: Mapping[str, type[KumiError]] = _error_classes()


def error_from_response(response: httpx.Response) -> KumiError:
    """The exception an error answer stands for (its class chosen by the answer's code)."""
    status = response.status_code
    error = _error_body(response)
    if error is None:
        text = response.text.strip()[:500] or response.reason_phrase
        return ApiError(
            f"The server answered {status} to {response.request.method} "
            f"{response.request.url.path}: {text}",
            status=status,
            code=f"http_{status}",
        )
    code = str(error.get("code") or f"http_{status}")
    message = str(error.get("message") or f"The server answered {status} ({code}).")
    raw_details = error.get("details")
    details = raw_details if isinstance(raw_details, Mapping) else {}
    kind = ERROR_CLASSES.get(code)
    if kind is None:
        return ApiError(message, status=status, code=code, details=details)
    return kind(message, details=details)


def _error_body(response: httpx.Response) -> Mapping[str, Any] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    error = body.get("error") if isinstance(body, Mapping) else None
    return error if isinstance(error, Mapping) else None


def unreachable(url: str, problem: httpx.TransportError) -> ServerUnreachableError:
    """The error for a server that cannot be reached (or did not answer in time)."""
    if isinstance(problem, httpx.TimeoutException) and not isinstance(
        problem, httpx.ConnectTimeout
    ):
        message = (
            f"The kumi server at {url} did not answer in time ({type(problem).__name__}). "
            "Try again, or give the client a longer timeout: Client(url, timeout=...)."
        )
    else:
        message = (
            f"No kumi server answers at {url} ({problem}). Start one with `kumi up` "
            "(or `kumi up --port PORT`), or pass the URL it serves: Client(url)."
        )
    return ServerUnreachableError(message, details={"url": url})
