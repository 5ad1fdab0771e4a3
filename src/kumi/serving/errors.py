"""kumi errors as endpoint answers: the project's one error shape, 4xx for bad requests."""

from __future__ import annotations

import orjson

from kumi.core import KumiError


def error_response(error: KumiError) -> bytes:
    """``{"error": {"code", "message", "details"}}`` as JSON."""
    return orjson.dumps(error.to_dict(), default=str)


def internal_error(message: str) -> bytes:
    """The answer to a request the server failed on (its log has the traceback)."""
    text = f"The endpoint failed on this request ({message}). The server log has the traceback."
    return orjson.dumps({"error": {"code": "internal_error", "message": text, "details": {}}})
