"""kumi's errors as HTTP answers, in one place: ``{"error": {"code", "message", "details"}}``."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kumi.core.errors import KumiError, http_status

logger = logging.getLogger(__name__)


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error with the one JSON shape."""

    @app.exception_handler(KumiError)
    async def kumi_error(request: Request, exc: KumiError) -> JSONResponse:
        return JSONResponse(
            error_body(exc.code, exc.message, dict(exc.details)), status_code=http_status(exc)
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        listed = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        message = f"The request is not valid: {listed}. Fix these fields and send it again."
        return JSONResponse(
            error_body("invalid_request", message, {"problems": problems}), status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "not_found" if exc.status_code == 404 else f"http_{exc.status_code}"
        message = (
            f"Nothing is served at {request.url.path}; see /docs for the API."
            if exc.status_code == 404
            else str(exc.detail)
        )
        return JSONResponse(error_body(code, message), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("Unexpected error answering %s %s", request.method, request.url.path)
        message = (
            f"The server failed on this request ({type(exc).__name__}: {exc}). "
            "The server log has the traceback."
        )
        return JSONResponse(error_body("internal_error", message), status_code=500)
