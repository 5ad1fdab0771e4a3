"""kumi errors as endpoint answers: the project's one error shape, 4xx for bad requests."""

from __future__ import annotations

import orjson

from kumi.core import KumiError, NotFoundError, PayloadTooLargeError, UnauthorizedError

_STATUS: tuple[tuple[type[KumiError], int], ...] = (
    (PayloadTooLargeError, 413),
    (UnauthorizedError, 401),
    (NotFoundError, 404),
)


def status_of(error: KumiError) -> int:
    """413, 401, 404, else 400 (the request could not be scored as sent)."""
    return next((status for kind, status in _STATUS if isinstance(error, kind)), 400)


def error_response(error: KumiError) -> bytes:
    """``{"error": {"code", "message", "details"}}`` as JSON."""
    return orjson.dumps(error.to_dict(), default=str)


def internal_error(message: str) -> bytes:
    """The answer to a request the server failed on (its log has the traceback)."""
    text = f"The endpoint failed on this request ({message}). The server log has the traceback."
    return orjson.dumps({"error": {"code": "internal_error", "message": text, "details": {}}})
