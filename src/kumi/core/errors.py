"""One error tree with stable codes.

Every error kumi raises on purpose is a :class:`KumiError`. Its ``code`` is stable (clients
match on it); its message says what was wrong and how to fix it; ``details`` carries the
structured facts (node, port, column, file ...). :func:`http_status` maps each family to the
HTTP status the studio API and the endpoint server answer with.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


class KumiError(Exception):
    """Base of every deliberate kumi error."""

    code: ClassVar[str] = "kumi_error"

    def __init__(self, message: str, *, details: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: dict[str, Any] = dict(details or {})

    def to_dict(self) -> dict[str, Any]:
        """The wire shape ``{"error": {"code", "message", "details"}}``."""
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}


class InvalidInputError(KumiError):
    """Input supplied by a user (data, parameters, documents) is not acceptable."""

    code = "invalid_input"


class InvalidParameterError(InvalidInputError):
    """A component or pipeline parameter is missing, of the wrong type or out of bounds."""

    code = "invalid_parameter"


class ColumnNotFoundError(InvalidInputError):
    """A named column does not exist in the table it was looked up in."""

    code = "column_not_found"


class ColumnTypeError(InvalidInputError):
    """A column has a type the operation cannot work on (e.g. text in a numeric-only module)."""

    code = "invalid_column_type"


class DataFormatError(InvalidInputError):
    """A file or payload could not be read as a table (malformed, wrong encoding, empty ...)."""

    code = "invalid_data"


class PipelineValidationError(InvalidInputError):
    """A pipeline document is not runnable; ``details["problems"]`` lists each problem."""

    code = "invalid_pipeline"


class UploadTooLargeError(InvalidInputError):
    """An uploaded file is larger than the server accepts."""

    code = "upload_too_large"


class PayloadTooLargeError(InvalidInputError):
    """A request body (e.g. rows sent to an endpoint) is larger than the server accepts."""

    code = "payload_too_large"


class NotDerivableError(InvalidInputError):
    """A pipeline cannot be turned into what was asked (an inference pipeline, one ONNX
    graph ...); ``details["problems"]`` names each step with the reason."""

    code = "not_derivable"


class UnauthorizedError(KumiError):
    """A request carries no key, or a key that is not valid for what it asks."""

    code = "unauthorized"


class NotFoundError(KumiError):
    """A named thing (dataset, run, component, pipeline ...) does not exist."""

    code = "not_found"


class ConflictError(KumiError):
    """The request conflicts with what exists (e.g. a name already taken)."""

    code = "conflict"


class NotFittedError(KumiError):
    """A model or transformation was used before it was fitted."""

    code = "not_fitted"


class StepFailedError(KumiError):
    """A pipeline step failed; ``details`` names the node and carries its error."""

    code = "step_failed"


class StepTimeoutError(StepFailedError):
    """A step (or a user script) ran longer than its time limit and was stopped."""

    code = "step_timeout"


class RunCanceledError(KumiError):
    """A run was canceled before it finished."""

    code = "run_canceled"


class ConfigurationError(KumiError):
    """The workspace or environment is misconfigured (bad URL, missing optional extra ...)."""

    code = "configuration_error"


_HTTP_STATUS: tuple[tuple[type[KumiError], int], ...] = (
    (UploadTooLargeError, 413),
    (PayloadTooLargeError, 413),
    (NotDerivableError, 422),
    (UnauthorizedError, 401),
    (NotFoundError, 404),
    (ConflictError, 409),
    (InvalidInputError, 400),
)


def http_status(error: KumiError) -> int:
    """The HTTP status of ``error``'s family (most specific first); other errors: 400."""
    return next((status for kind, status in _HTTP_STATUS if isinstance(error, kind)), 400)
