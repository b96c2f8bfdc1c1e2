"""The request engine every vendor client shares: one `Operation` per API call, and the thin
sync and async shells that send it, with retries, and parse its answer. Read this first.

What differs between operations (path, query, body, how to read the answer) is data in an
`Operation`; what differs between vendors (server, auth header, environment variables) is
data in a `Vendor` (`_config.py`). Nothing here knows a vendor or an operation by name.

    resource method (generated) -> _call.prepare: the arguments checked -> the vendor's rules
    -> Operation -> SyncCore/AsyncCore.request -> build_request -> retries -> _transfer (one
    attempt within its deadline) -> read_response: an error status mapped, the body parsed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, Generic, Literal, TypeVar

import attrs
import httpx

from . import _json
from ._config import ClientConfig, check_max_retries, check_timeout
from ._constants import LOGGER_NAME
from ._identity import HTTPX_USER_AGENT, USER_AGENT
from ._rate_gate import RateGate, RatePause, async_gated, gated
from ._redact import BEARER, hide_response_secrets, hide_secrets, scrub, secrets_of
from ._transfer import AttemptLimits, async_send_once, send_once
from .errors import (
    AgentExecutionsError,
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    ResponseValidationError,
    status_error,
)
from .retries import RetryPolicy, async_send_with_retries, send_with_retries

T = TypeVar("T")
logger = logging.getLogger(LOGGER_NAME)


Reads = Literal["json", "status", "nothing", "location"]
"""What an operation's `parse` is given (`Operation.reads`)."""


@attrs.frozen
class Operation(Generic[T]):
    """One API call, described once: the shells send it, `parse` reads the decoded JSON body."""

    operation_id: str
    path: str
    parse: Callable[[Any], T]
    params: tuple[tuple[str, str], ...] = ()
    method: str = "GET"
    headers: tuple[tuple[str, str], ...] = ()
    """The caller's `extra_headers`, already checked (they never include the auth header)."""
    json: Any = None
    """The JSON body to send, if any (the request models' `to_dict()`)."""
    reads: Reads = "json"
    """What `parse` is given: "json" the decoded body; "status" (HTTP status, decoded body), for an
    operation whose 200 and 202 mean different things; "nothing" None (a 204); "location" the
    `Location` of the 3xx the operation answers with, which is never followed."""
    hold: float = 0.0
    """Seconds the server may hold the request before answering (a long-poll): added to the read
    timeout and to the whole attempt's deadline, so the client's timeout is a margin beyond it."""
    ends_at: float | None = None
    """A `time.monotonic()` past which no attempt may run, retries included (a wait's end)."""


def attempt_limits(limits: AttemptLimits, op: Operation[Any]) -> AttemptLimits:
    """One attempt's limits: the client's, plus the operation's hold, and never past its `ends_at`."""
    deadline = limits.deadline + op.hold
    if op.ends_at is not None:
        deadline = max(min(deadline, op.ends_at - time.monotonic()), 0.001)
    return limits if deadline == limits.deadline else attrs.evolve(limits, deadline=deadline)


def request_headers(http: httpx.Client | httpx.AsyncClient, op: Operation[Any], config: ClientConfig) -> httpx.Headers:
    """Accept and this SDK's User-Agent (unless the httpx client was given its own), then
    `extra_headers`, then the key: each replacing what it names, whatever its case."""
    headers = httpx.Headers(_ACCEPT if http.headers.get("user-agent", HTTPX_USER_AGENT) != HTTPX_USER_AGENT else _SDK)
    for name, value in (*op.headers, *config.auth_headers.items()):
        headers[name] = value
    return headers


_ACCEPT = {"Accept": "application/json"}
_SDK = {**_ACCEPT, "User-Agent": USER_AGENT}


def build_request(http: httpx.Client | httpx.AsyncClient, config: ClientConfig, op: Operation[Any]) -> httpx.Request:
    """The operation's request; a URL httpx cannot build (only `extra_query` is free-form) is a ValueError."""
    timeout = httpx.Timeout(config.timeout)
    if op.hold:
        read = (timeout.read or 0.0) + op.hold
        timeout = httpx.Timeout(connect=timeout.connect, read=read, write=timeout.write, pool=timeout.pool)
    try:
        request = http.build_request(
            op.method,
            config.api_root + op.path,
            params=op.params or None,  # an empty tuple would make httpx parse the URL a second time
            headers=request_headers(http, op, config),
            timeout=timeout if op.hold else config.timeout,
            json=op.json,
        )
    except httpx.InvalidURL as exc:
        raise ValueError(f"extra_query makes a URL that cannot be sent ({exc})") from None
    hide_secrets(request, config.vendor.auth_header)  # exc.request.headers is handed out
    return request


def read_response(op: Operation[T], request: httpx.Request, outcome: httpx.Response, started: float) -> T:
    """Map an error status to its exception, else decode and parse the body."""
    logger.debug(
        "%s %s -> %s (%.0f ms)", request.method, request.url, outcome.status_code, (time.monotonic() - started) * 1e3
    )
    data: Any = None
    if op.reads == "location" and 300 <= outcome.status_code < 400 and outcome.headers.get("location"):
        try:
            data = str(request.url.join(outcome.headers["location"]))  # a relative one, resolved
        except httpx.InvalidURL as exc:
            message = f"the redirect's Location is not a URL ({exc})"
            raise ResponseValidationError(message, operation=op.operation_id, body="") from None
    elif outcome.status_code >= 300:
        raise status_error(outcome)
    elif op.reads not in ("nothing", "location"):
        data = decode_json(op, outcome)
    try:
        return op.parse((outcome.status_code, data) if op.reads == "status" else data)
    except KeyError as exc:
        name = str(exc.args[0]) if exc.args else "?"
        message = f"the response lacks the required property {name!r}"
        raise ResponseValidationError(message, operation=op.operation_id, body=outcome.text, property=name) from None
    except RecursionError:
        raise ResponseValidationError(
            "the response is nested too deeply", operation=op.operation_id, body=outcome.text
        ) from None
    except Exception as exc:  # whatever the parser trips over in a hostile body is a bad response, not a crash
        message = f"the response does not match the pinned spec ({type(exc).__name__}: {exc})"
        raise ResponseValidationError(message, operation=op.operation_id, body=outcome.text) from None


def decode_json(op: Operation[Any], outcome: httpx.Response) -> Any:
    try:
        return _json.loads(outcome.content)  # bytes: JSON is UTF-8, and decoding to text first costs a pass
    except _json.TooDeeplyNested:
        raise ResponseValidationError(
            "the response is nested too deeply", operation=op.operation_id, body=outcome.text
        ) from None
    except _json.NotJSONNumber as exc:
        message = f"the response is not JSON: {exc} (NaN and infinities are Python's, not JSON's)"
        raise ResponseValidationError(message, operation=op.operation_id, body=outcome.text) from None
    except ValueError:
        content_type = outcome.headers.get("content-type", "no content type")
        message = f"the response is not JSON ({content_type})"
        raise ResponseValidationError(message, operation=op.operation_id, body=outcome.text) from None


def explain_refusal(exc: AgentExecutionsError, config: ClientConfig) -> None:
    """A 401 for a key given as `Bearer <key>` to an API that takes the key alone says so: the key is
    sent as given, and a key copied from a bearer-token example is the likely cause."""
    if not isinstance(exc, AuthenticationError) or config.vendor.auth_prefix:
        return
    header = config.vendor.auth_header
    if config.api_key.lower() == BEARER.strip().lower():
        exc.message += f" (the key given is the scheme word alone, with no key after it: {header} takes the key itself)"
    elif config.api_key[: len(BEARER)].lower() == BEARER.lower():
        exc.message += f" (the key was sent as given, 'Bearer ' included: {header} takes the key alone)"


def connection_error(
    op: Operation[Any], request: httpx.Request, exc: httpx.HTTPError | httpx.InvalidURL
) -> AgentExecutionsError:
    """The SDK's error for an httpx one: a timeout, a body that cannot be decoded, a redirect to a
    Location that is not a URL (httpx builds the next request even when it does not follow it), or no
    usable response."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.InvalidURL):
        message = f"the redirect's Location is not a URL ({detail})"
        return ResponseValidationError(message, operation=op.operation_id, body="")
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{op.operation_id}: timed out ({detail})", request=request)
    if isinstance(exc, httpx.DecodingError):
        message = f"the response body cannot be decoded ({detail})"
        return ResponseValidationError(message, operation=op.operation_id, body="")
    return APIConnectionError(f"{op.operation_id}: connection failed ({detail})", request=request)


class RawResponse(Generic[T]):
    """A successful call's HTTP response beside its answer (`client.executions.with_raw_response.get(...)`):
    `.status_code`, `.headers`, `.request_id`, `.http_response` (httpx's), and `.parse()` for the
    model the plain call returns. An error status still raises the typed exception."""

    __slots__ = ("_parsed", "http_response")

    def __init__(self, http_response: httpx.Response, parsed: T) -> None:
        self.http_response = http_response
        self._parsed = parsed

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The vendor's ID of this request (`X-Request-Id`), for its support."""
        found: str | None = self.http_response.headers.get("x-request-id")
        return found

    def parse(self) -> T:
        """The answer, as the plain call returns it."""
        return self._parsed

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] request_id={self.request_id!r}>"

    def __reduce__(self) -> Any:
        raise TypeError("a RawResponse cannot be pickled: its request's headers carry the API key; pickle .parse()")


def raw_response(op: Operation[T], request: httpx.Request, response: httpx.Response, started: float) -> RawResponse[T]:
    """The parsed answer beside its response, whose headers and body no longer hold the key (a
    server echoing it), as an error's response does not."""
    parsed = read_response(op, request, response, started)
    hide_response_secrets(response, secrets_of(request))
    return RawResponse(response, parsed)


def with_settings(config: ClientConfig, timeout: float | httpx.Timeout | None, max_retries: int | None) -> ClientConfig:
    """`config` with one call's own `timeout` and `max_retries` (None: the client's), checked as the
    client's are."""
    return attrs.evolve(
        config,
        timeout=config.timeout if timeout is None else check_timeout(timeout),
        max_retries=config.max_retries if max_retries is None else check_max_retries(max_retries),
    )


class SyncCore:
    """Sends operations over an `httpx.Client`, with retries."""

    def __init__(self, config: ClientConfig, http: httpx.Client, rate_pause: RatePause | None = None) -> None:
        self.config = config
        self.http = http
        self.policy = RetryPolicy(config.max_retries)
        self.limits = config.limits
        self.rate_pause = rate_pause if rate_pause is not None else RatePause()
        """The client's pause, shared by its listings (`_rate_gate`)."""

    def with_settings(self, timeout: float | httpx.Timeout | None, max_retries: int | None) -> SyncCore:
        """This core, or for one call a copy with its own settings (same connection pool)."""
        if timeout is None and max_retries is None:
            return self
        return SyncCore(with_settings(self.config, timeout, max_retries), self.http, self.rate_pause)

    def send(self, request: httpx.Request, limits: AttemptLimits | None = None) -> httpx.Response:
        return send_once(self.http, request, limits or self.limits)

    def request(self, op: Operation[T], gate: RateGate | None = None) -> T:
        """Send `op` with retries and parse its answer; with a `gate`, wait whenever another request of
        the same listing was told to (`_rate_gate`)."""
        return self.request_raw(op, gate).parse()

    def request_raw(self, op: Operation[T], gate: RateGate | None = None) -> RawResponse[T]:
        """`request`, keeping the HTTP response beside the parsed answer (`with_raw_response`)."""
        request = build_request(self.http, self.config, op)
        started = time.monotonic()
        policy = self.policy

        def send_one(request: httpx.Request) -> httpx.Response:
            return self.send(request, attempt_limits(self.limits, op))

        send = send_one if gate is None else gated(gate, send_one)
        pause = None if gate is None or not gate.stoppable else gate.pause
        try:
            try:
                response = send_with_retries(send, request, policy, ends_at=op.ends_at, pause=pause)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise connection_error(op, request, exc) from exc
            return raw_response(op, request, response, started)
        except AgentExecutionsError as exc:
            explain_refusal(exc, self.config)
            scrub(exc, secrets_of(request))
            raise


class AsyncCore:
    """Sends operations over an `httpx.AsyncClient`, with retries."""

    def __init__(self, config: ClientConfig, http: httpx.AsyncClient, rate_pause: RatePause | None = None) -> None:
        self.config = config
        self.http = http
        self.policy = RetryPolicy(config.max_retries)
        self.limits = config.limits
        self.rate_pause = rate_pause if rate_pause is not None else RatePause()
        """The client's pause, shared by its listings (`_rate_gate`)."""

    def with_settings(self, timeout: float | httpx.Timeout | None, max_retries: int | None) -> AsyncCore:
        """This core, or for one call a copy with its own settings (same connection pool)."""
        if timeout is None and max_retries is None:
            return self
        return AsyncCore(with_settings(self.config, timeout, max_retries), self.http, self.rate_pause)

    async def send(self, request: httpx.Request, limits: AttemptLimits | None = None) -> httpx.Response:
        return await async_send_once(self.http, request, limits or self.limits)

    async def request(self, op: Operation[T], gate: RateGate | None = None) -> T:
        return (await self.request_raw(op, gate)).parse()

    async def request_raw(self, op: Operation[T], gate: RateGate | None = None) -> RawResponse[T]:
        request = build_request(self.http, self.config, op)
        started = time.monotonic()
        policy = self.policy

        async def send_one(request: httpx.Request) -> httpx.Response:
            return await self.send(request, attempt_limits(self.limits, op))

        send = send_one if gate is None else async_gated(gate, send_one)
        try:
            try:
                response = await async_send_with_retries(send, request, policy, ends_at=op.ends_at)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise connection_error(op, request, exc) from exc
            return raw_response(op, request, response, started)
        except AgentExecutionsError as exc:
            explain_refusal(exc, self.config)
            scrub(exc, secrets_of(request))
            raise
