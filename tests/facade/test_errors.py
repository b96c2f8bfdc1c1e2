"""errors.py on its own: which class each status maps to, and what the message says, for every kind of body.

These build `httpx.Response` objects directly: the mapping is a pure function of the response,
and the client tests already cover the same answers over loopback. Quick, so `make mutate`
can run them for every mutant of errors.py.
"""

from __future__ import annotations

import pickle
from typing import Any

import agent_executions as ae
import httpx
import pytest
from agent_executions.errors import status_error

REQUEST = httpx.Request("GET", "https://api.example.com/executions")


def response(status: int, body: bytes = b"", content_type: str | None = None, **headers: str) -> httpx.Response:
    if content_type is not None:
        headers["content-type"] = content_type
    return httpx.Response(status, content=body, headers=headers, request=REQUEST)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, ae.BadRequestError),
        (401, ae.AuthenticationError),
        (403, ae.PermissionDeniedError),
        (404, ae.NotFoundError),
        (409, ae.ConflictError),
        (422, ae.UnprocessableEntityError),
        (429, ae.RateLimitError),
        (500, ae.InternalServerError),
        (503, ae.InternalServerError),
        (520, ae.InternalServerError),
        (599, ae.InternalServerError),
        (405, ae.APIStatusError),
        (418, ae.APIStatusError),
        (499, ae.APIStatusError),
        (301, ae.APIStatusError),
        (300, ae.APIStatusError),
        (399, ae.APIStatusError),
        (299, ae.APIStatusError),
    ],
)
def test_each_status_maps_to_its_class(status: int, cls: type[ae.APIStatusError]) -> None:
    error = status_error(response(status, b'{"message": "nope"}', "application/json"))
    assert type(error) is cls
    assert error.message == ("redirect to (no location) not followed" if 300 <= status < 400 else "nope")
    assert error.status_code == status and error.response.status_code == status
    assert isinstance(error, ae.APIStatusError) and isinstance(error, ae.AgentExecutionsError)


def test_a_json_message_is_the_message_and_the_body_is_kept() -> None:
    error = status_error(response(400, b'{"code": 400, "message": "page must be >= 1"}', "application/json"))
    assert error.message == "page must be >= 1"
    assert error.body == {"code": 400, "message": "page must be >= 1"}
    assert str(error) == "400: page must be >= 1"


def test_the_request_id_is_read_and_shown() -> None:
    error = status_error(response(404, b'{"message": "gone"}', "application/json", **{"X-Request-Id": "req-7"}))
    assert error.request_id == "req-7"
    assert str(error) == "404: gone (request id req-7)"
    assert status_error(response(404, b'{"message": "gone"}')).request_id is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"message": ""}', 'Not Found (application/json: {"message": ""})'),
        (b'{"message": 5}', 'Not Found (application/json: {"message": 5})'),
        (b'["a list"]', 'Not Found (application/json: ["a list"])'),
        (b'{"error": "other shape"}', 'Not Found (application/json: {"error": "other shape"})'),
    ],
)
def test_a_json_body_without_a_usable_message_is_described(body: bytes, expected: str) -> None:
    error = status_error(response(404, body, "application/json; charset=utf-8"))
    assert error.message == expected
    assert error.body is not None and not isinstance(error.body, str)


def test_an_html_body_is_an_excerpt_on_one_line() -> None:
    page = b"<html>\n  <h1>502   Bad Gateway</h1>\n" + b"x" * 500 + b"</html>"
    error = status_error(response(502, page, "text/html; charset=utf-8"))
    assert error.message.startswith("Bad Gateway (text/html: <html> <h1>502 Bad Gateway</h1> xxx")
    assert error.message == f"Bad Gateway (text/html: {' '.join(page.decode().split())[:200]})"
    assert error.body == page.decode()


@pytest.mark.parametrize("body", [b"", b"   \n "])
def test_an_empty_body_says_so(body: bytes) -> None:
    error = status_error(response(503, body))
    assert error.message == "Service Unavailable (empty body)"
    assert error.body == (None if not body else body.decode())


def test_a_body_without_a_content_type_or_reason() -> None:
    error = status_error(response(599, b"oops"))
    assert error.message == "error (unknown content type: oops)"


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_names_its_location(status: int) -> None:
    error = status_error(response(status, b"", Location="https://elsewhere.example/x"))
    assert error.message == "redirect to https://elsewhere.example/x not followed"
    assert status_error(response(status)).message == "redirect to (no location) not followed"


@pytest.mark.parametrize(("header", "expected"), [("7", 7.0), ("0", 0.0), (None, None)])
def test_a_rate_limit_carries_the_wait(header: str | None, expected: float | None) -> None:
    headers: dict[str, Any] = {} if header is None else {"Retry-After": header}
    error = status_error(response(429, b'{"message": "slow down"}', "application/json", **headers))
    assert isinstance(error, ae.RateLimitError) and error.retry_after == expected


def test_the_other_errors_keep_what_they_are_given() -> None:
    connection = ae.APIConnectionError("ExecutionGet: connection failed (refused)", request=REQUEST)
    assert (str(connection), connection.message, connection.request) == (
        "ExecutionGet: connection failed (refused)",
        "ExecutionGet: connection failed (refused)",
        REQUEST,
    )
    assert ae.APIConnectionError("x").request is None
    assert issubclass(ae.APITimeoutError, ae.APIConnectionError)
    invalid = ae.ResponseValidationError("lacks id", operation="ExecutionGet", body="{}", property="id")
    assert (str(invalid), invalid.operation, invalid.body, invalid.property) == (
        "ExecutionGet: lacks id",
        "ExecutionGet",
        "{}",
        "id",
    )
    assert ae.ResponseValidationError("x", operation="o", body="").property is None
    assert issubclass(ae.ConfigurationError, ValueError) and issubclass(ae.ConfigurationError, ae.AgentExecutionsError)


def test_the_details_of_an_error_are_keyword_arguments() -> None:
    """Positional details would silently swap if a parameter were added: they are keyword-only."""
    answer = response(500)
    with pytest.raises(TypeError):
        ae.APIConnectionError("m", REQUEST)  # type: ignore[misc]
    with pytest.raises(TypeError):
        ae.InternalServerError("m", answer, None)  # type: ignore[misc]
    with pytest.raises(TypeError):
        ae.RateLimitError("m", answer, None)  # type: ignore[misc]
    with pytest.raises(TypeError):
        ae.ResponseValidationError("m", "ExecutionGet", "")  # type: ignore[misc]
    with pytest.raises(TypeError):
        ae.WebhookPayloadError("m", {"type": "x"})  # type: ignore[misc]
    assert ae.WebhookPayloadError("m", data={"type": "x"}).data == {"type": "x"}


def test_a_pickled_error_keeps_its_details_but_not_the_exchange_that_holds_the_key() -> None:
    """`request` and `response` carry the Authorization header: None in the copy, the rest kept."""
    keyed = httpx.Request("GET", "https://api.example.com/executions/e", headers={"X-Asteroid-Agents-Api-Key": "sk-9"})
    answer = httpx.Response(
        404,
        content=b'{"message": "no such execution"}',
        headers={"content-type": "application/json", "x-request-id": "req-7"},
        request=keyed,
    )
    error = status_error(answer)
    error.execution_id = "exec-1"
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ae.NotFoundError and str(copy) == str(error)
    assert copy.response is None
    assert (copy.status_code, copy.body, copy.request_id, copy.message, copy.execution_id) == (
        404,
        {"message": "no such execution"},
        "req-7",
        "no such execution",
        "exec-1",
    )
    assert b"sk-9" not in pickle.dumps(error)
    connection = pickle.loads(pickle.dumps(ae.APIConnectionError("ExecutionGet: refused", request=keyed)))
    assert (str(connection), connection.message, connection.request) == (
        "ExecutionGet: refused",
        "ExecutionGet: refused",
        None,
    )


def test_a_wait_timeout_takes_its_details_by_keyword_only() -> None:
    """Keyword-only, so a detail added later (or reordered) breaks no caller that builds one, e.g. in a test double."""
    error = ae.WaitTimeoutError("still running", execution_id="exec-1", last_status="running", timeout=2.5)
    assert (error.execution_id, error.last_status, error.timeout) == ("exec-1", "running", 2.5)
    assert str(error) == "still running"
    assert isinstance(error, TimeoutError)
    with pytest.raises(TypeError):
        ae.WaitTimeoutError("still running", "exec-1", "running", 2.5)  # type: ignore[misc]
