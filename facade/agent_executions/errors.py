"""The exceptions the SDK raises, and the one place that maps an HTTP status to its class.

AgentExecutionsError
├── APIConnectionError          the request did not get a response
│   ├── APITimeoutError
│   └── ResponseTooLargeError   the body outgrew the client's max_response_bytes
├── APIStatusError              the server answered with a status >= 400
│   ├── BadRequestError 400, AuthenticationError 401, PermissionDeniedError 403,
│   ├── NotFoundError 404, ConflictError 409, UnprocessableEntityError 422,
│   └── RateLimitError 429, InternalServerError >= 500
├── ResponseValidationError     a response that does not match the pinned spec
├── WaitTimeoutError            an execution did not finish within `wait`'s timeout (also a TimeoutError)
└── WebhookVerificationError    a webhook body that is not signed by the key (or no usable key)
    └── WebhookPayloadError     signed by the key, but not a notification this SDK can read
"""

from __future__ import annotations

from typing import Any

import httpx

from . import _json
from ._retry_after import parse_retry_after


class AgentExecutionsError(Exception):
    """Base class of every error this SDK raises on purpose.

    `execution_id` is set when the error came after an execution was started (`workflows.run`:
    the wait failed): that execution may still be running. The message then says so too.
    """

    execution_id: str | None = None
    _started_note: str = ""

    def __str__(self) -> str:
        return super().__str__() + self._started_note

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (to cross a process pool, say) with its message and attributes, but not its
        `request` and `response`: they hold the API key in their headers and cannot cross a process
        anyway. They are None in the copy; `status_code`, `body`, `request_id` and the rest stay."""
        state = {name: None if name in _NOT_PICKLED else value for name, value in self.__dict__.items()}
        return (_unpickle, (type(self), self.args, state))


_NOT_PICKLED = frozenset({"request", "response"})


def _unpickle(cls: type[AgentExecutionsError], args: tuple[Any, ...], state: dict[str, Any]) -> AgentExecutionsError:
    exc = cls.__new__(cls)
    Exception.__init__(exc, *args)
    exc.__dict__.update(state)
    return exc


class ConfigurationError(AgentExecutionsError, ValueError):
    """A client cannot be built as configured, e.g. no API key in the argument or the environment."""


class APIConnectionError(AgentExecutionsError):
    """No usable response: the connection failed, was dropped, or the body was cut off."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request took longer than the client's timeout."""


class ResponseTooLargeError(APIConnectionError):
    """The response body grew past the client's `max_response_bytes` (`limit`); not retried."""

    def __init__(self, message: str, *, request: httpx.Request | None = None, limit: int) -> None:
        super().__init__(message, request=request)
        self.limit = limit


class APIStatusError(AgentExecutionsError):
    """The server answered with a status code >= 400.

    `retry_after` is the wait in seconds the server asked for in `Retry-After` (any status:
    a 503 may carry one too), or None when it sent none or nothing readable.
    """

    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: Any) -> None:
        super().__init__(message)
        self.message = message
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.request_id: str | None = response.headers.get("x-request-id")
        self.retry_after: float | None = parse_retry_after(response.headers.get("retry-after"))

    def __str__(self) -> str:
        suffix = f" (request id {self.request_id})" if self.request_id else ""
        return f"{self.status_code}: {self.message}{suffix}{self._started_note}"


class BadRequestError(APIStatusError):
    """400: the server rejected the request's parameters."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the API key may not see this resource."""


class NotFoundError(APIStatusError):
    """404: no such resource."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well-formed but cannot be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests. `retry_after` is the server's wait in seconds, when it said one."""


class InternalServerError(APIStatusError):
    """>= 500: the server failed, including statuses outside the HTTP standard such as 520."""


class ResponseValidationError(AgentExecutionsError):
    """A response the pinned spec does not allow: a missing property, a wrong type, a body that is not JSON.

    `operation` names the API operation, `property` the offending property when known,
    and `body` holds the raw response text for diagnosis.
    """

    def __init__(self, message: str, *, operation: str, body: str, property: str | None = None) -> None:
        super().__init__(f"{operation}: {message}")
        self.operation = operation
        self.property = property
        self.body = body


class WaitTimeoutError(AgentExecutionsError, TimeoutError):
    """An execution was still not finished when `wait` (or `run`) reached its `timeout`.

    `execution_id` names it (it keeps running: cancel it if need be) and `last_status` is the
    status the server reported last (None if no answer came).
    """

    execution_id: str

    def __init__(self, message: str, *, execution_id: str, last_status: str | None, timeout: float) -> None:
        super().__init__(message)
        self.execution_id = execution_id
        self.last_status = last_status
        self.timeout = timeout


class WebhookVerificationError(AgentExecutionsError):
    """A webhook notification that `agent_executions.webhooks` refuses: the signature is missing, malformed or
    does not match the body and key, or no usable key is configured (`WebhookPayloadError`: the signed body
    is not a notification this SDK can read)."""


class WebhookPayloadError(WebhookVerificationError):
    """The signature is valid, but the body is not a notification this SDK can read: not JSON, an "unwrap
    result" body, a `type` or a field of another kind than the pinned document says.

    The body is authentic, so a handler should answer it 2xx (and log it) rather than 4xx: the vendor
    would retry a notification that will never parse. `data` is the verified body decoded from JSON
    (None if it is not JSON), to read by hand; the error carries no signature and no key.
    """

    def __init__(self, message: str, *, data: Any = None) -> None:
        super().__init__(message)
        self.data = data


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

_BODY_EXCERPT = 200


def status_error(response: httpx.Response) -> APIStatusError:
    """The exception for an error response, whatever its body: JSON, HTML or empty."""
    content = response.content
    text = response.text
    body: Any
    try:  # from the bytes, as JSON is decoded (UTF-16 or -32 found by their pattern, as RFC 8259 allows)
        body = _json.loads(content) if content else None
        text = _json.text_of(content)
    except (ValueError, UnicodeDecodeError):  # not JSON, or nested too deeply: kept as text
        body = text
    message = body.get("message") if isinstance(body, dict) else None
    if 300 <= response.status_code < 400:
        message = f"redirect to {response.headers.get('location', '(no location)')} not followed"
    elif not isinstance(message, str) or not message:
        message = _describe_body(response, text)
    cls = _STATUS_ERRORS.get(response.status_code)
    if cls is None:
        cls = InternalServerError if response.status_code >= 500 else APIStatusError
    return cls(message, response=response, body=body)


def _describe_body(response: httpx.Response, text: str) -> str:
    reason = response.reason_phrase or "error"
    if not text.strip():
        return f"{reason} (empty body)"
    content_type = response.headers.get("content-type", "unknown content type").split(";")[0]
    excerpt = " ".join(text.split())[:_BODY_EXCERPT]
    return f"{reason} ({content_type}: {excerpt})"
