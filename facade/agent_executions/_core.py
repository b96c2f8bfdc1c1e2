"""The machinery every vendor client shares: configuration, one description per operation,
and the thin sync and async shells that send an operation and parse its answer.

What differs between vendors (the API's shape read from its spec, environment variables)
is data in a `Vendor`; what differs between operations (path, query, how to read the body)
is data in an `Operation`. Nothing here knows a vendor by name.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs
import httpx

from . import _json
from ._arguments import as_int
from ._constants import DEFAULT_MAX_RESPONSE_BYTES, LOGGER_NAME, MAX_TIMEOUT
from ._rate_gate import RateGate, async_gated, gated
from ._redact import BEARER, check_api_key, hide_secrets, scrub, secrets_of
from ._shape import ApiShape
from ._transfer import Limits, async_send_once, send_once
from .errors import (
    AgentExecutionsError,
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    ConfigurationError,
    ResponseValidationError,
    status_error,
)
from .retries import RetryPolicy, async_send_with_retries, send_with_retries

T = TypeVar("T")
logger = logging.getLogger(LOGGER_NAME)


@attrs.frozen
class Vendor:
    """What one API needs to be reached: the shared core is driven by this data."""

    name: str
    shape: ApiShape
    api_key_env: str
    base_url_env: str

    @property
    def default_base_url(self) -> str:
        return self.shape.server_url

    @property
    def auth_header(self) -> str:
        return self.shape.auth_header

    @property
    def auth_prefix(self) -> str:
        return self.shape.auth_prefix


@attrs.frozen
class ClientConfig:
    """Resolved settings of one client; `api_key` is left out of its repr."""

    vendor: Vendor
    api_key: str = attrs.field(repr=False)
    base_url: str
    timeout: float | httpx.Timeout
    max_retries: int
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    api_root: str = attrs.field(init=False)
    """`base_url` with the spec's path prefix (see `_shape`): operation paths are appended to it."""

    @api_root.default
    def _api_root(self) -> str:
        return self.vendor.shape.api_root(self.base_url)

    @property
    def server_root(self) -> str:
        """`api_root` without the path prefix: where the generated client's full paths are appended."""
        prefix = self.vendor.shape.path_prefix
        return self.api_root[: -len(prefix)] if prefix else self.api_root

    @classmethod
    def resolve(
        cls,
        vendor: Vendor,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int,
        allow_insecure_http: bool,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> ClientConfig:
        """Take each setting from its argument, else the environment, else the default; check them all."""
        if api_key is not None and not isinstance(api_key, str):
            raise TypeError(f"api_key must be a str, not {type(api_key).__name__}")
        key = api_key if api_key is not None else os.environ.get(vendor.api_key_env)
        if key is None or not key.strip():
            raise ConfigurationError(f"no {vendor.name} API key: pass api_key= or set {vendor.api_key_env}")
        key = check_api_key(key, vendor.name)
        if base_url is not None and not isinstance(base_url, str):
            raise TypeError(f"base_url must be a str, not {type(base_url).__name__}")
        url = (base_url or os.environ.get(vendor.base_url_env) or vendor.default_base_url).rstrip("/")
        check_base_url(url, allow_insecure_http)
        limit = check_max_response_bytes(max_response_bytes)
        return cls(vendor, key, url, check_timeout(timeout), check_max_retries(max_retries), limit)

    @property
    def limits(self) -> Limits:
        """One attempt's bounds: the whole request within the longest timeout phase, the body within the cap."""
        timeout = self.timeout
        deadline = max(v for v in timeout.as_dict().values() if v) if isinstance(timeout, httpx.Timeout) else timeout
        return Limits(deadline, self.max_response_bytes)

    @property
    def auth_headers(self) -> dict[str, str]:
        return {self.vendor.auth_header: f"{self.vendor.auth_prefix}{self.api_key}"}


def check_base_url(url: str, allow_insecure_http: bool) -> None:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise ValueError(f"base_url is not a URL ({exc})") from None
    if parsed.userinfo:  # its own message: httpx would send them as Basic auth, whatever else is wrong
        raise ValueError(
            "base_url must not carry credentials (user:password@): httpx would send them as Basic auth,"
            " and they would show wherever the URL does; the API key goes in api_key"
        )
    # The messages never quote the URL: a malformed one may still hold credentials or a key.
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError("base_url must be an absolute http:// or https:// URL with a host (the URL is not shown)")
    if parsed.query or parsed.fragment or "?" in url or "#" in url:
        raise ValueError("base_url must not have a query or a fragment: operation paths are appended to it")
    if parsed.scheme == "http" and not allow_insecure_http and not is_loopback(parsed.host):
        raise ValueError(
            f"base_url http://{parsed.host}/... would send the API key unencrypted; use https, "
            "or pass allow_insecure_http=True if you mean it"
        )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_timeout(timeout: float | httpx.Timeout) -> float | httpx.Timeout:
    """Seconds for every phase and for the whole attempt; or an `httpx.Timeout` kept as given, whose
    longest phase bounds the whole attempt, so each phase needs a limit."""
    if isinstance(timeout, httpx.Timeout):
        unbounded = [name for name, value in timeout.as_dict().items() if value is None]
        if unbounded:
            raise ValueError(
                f"timeout={timeout!r} leaves {', '.join(unbounded)} without a limit; every request of this SDK "
                "has a deadline (the longest phase bounds the whole request), so give every phase a number of seconds"
            )
        for name, value in timeout.as_dict().items():
            if not (isinstance(value, int | float) and 0 < value <= MAX_TIMEOUT):
                limit = f"a number of seconds > 0 and <= {MAX_TIMEOUT:g}"
                raise ValueError(f"timeout's {name} must be {limit}, not {value!r}")
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise TypeError(f"timeout must be a number of seconds or an httpx.Timeout, not {type(timeout).__name__}")
    if not 0 < timeout <= MAX_TIMEOUT:
        raise ValueError(f"timeout must be a number of seconds > 0 and <= {MAX_TIMEOUT:g}, not {timeout!r}")
    return float(timeout)


def check_max_response_bytes(limit: int) -> int:
    return as_int("max_response_bytes", limit, minimum=1)


def check_max_retries(max_retries: int) -> int:
    return as_int("max_retries", max_retries, minimum=0)


@attrs.frozen
class Operation(Generic[T]):
    """One API call, described once: the shells send it, `parse` reads the decoded JSON body."""

    name: str
    path: str
    parse: Callable[[Any], T]
    params: tuple[tuple[str, str], ...] = ()
    method: str = "GET"
    headers: tuple[tuple[str, str], ...] = ()
    """The caller's `extra_headers`, already checked (they never include the auth header)."""
    json: Any = None
    """The JSON body to send, if any (the request models' `to_dict()`)."""
    reads: str = "json"
    """What `parse` is given: "json" the decoded body; "status" (HTTP status, decoded body), for an
    operation whose 200 and 202 mean different things; "nothing" None (a 204); "location" the
    `Location` of the 3xx the operation answers with, which is never followed."""
    hold: float = 0.0
    """Seconds the server may hold the request before answering (a long-poll): added to the read
    timeout and to the whole attempt's deadline, so the client's timeout is a margin beyond it."""
    ends_at: float | None = None
    """A `time.monotonic()` past which no attempt may run, retries included (a wait's end)."""


def attempt_limits(limits: Limits, op: Operation[Any]) -> Limits:
    """One attempt's limits: the client's, plus the operation's hold, and never past its `ends_at`."""
    deadline = limits.deadline + op.hold
    if op.ends_at is not None:
        deadline = max(min(deadline, op.ends_at - time.monotonic()), 0.001)
    return limits if deadline == limits.deadline else attrs.evolve(limits, deadline=deadline)


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
            headers={"Accept": "application/json", **dict(op.headers), **config.auth_headers},
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
            raise ResponseValidationError(message, operation=op.name, body="") from None
    elif outcome.status_code >= 300:
        raise status_error(outcome)
    elif op.reads not in ("nothing", "location"):
        data = decode_json(op, outcome)
    try:
        return op.parse((outcome.status_code, data) if op.reads == "status" else data)
    except KeyError as exc:
        name = str(exc.args[0]) if exc.args else "?"
        message = f"the response lacks the required property {name!r}"
        raise ResponseValidationError(message, operation=op.name, body=outcome.text, property=name) from None
    except RecursionError:
        raise ResponseValidationError(
            "the response is nested too deeply", operation=op.name, body=outcome.text
        ) from None
    except Exception as exc:  # whatever the parser trips over in a hostile body is a bad response, not a crash
        message = f"the response does not match the pinned spec ({type(exc).__name__}: {exc})"
        raise ResponseValidationError(message, operation=op.name, body=outcome.text) from None


def decode_json(op: Operation[Any], outcome: httpx.Response) -> Any:
    try:
        return _json.loads(outcome.content)  # bytes: JSON is UTF-8, and decoding to text first costs a pass
    except _json.TooDeeplyNested:
        raise ResponseValidationError(
            "the response is nested too deeply", operation=op.name, body=outcome.text
        ) from None
    except ValueError:
        content_type = outcome.headers.get("content-type", "no content type")
        message = f"the response is not JSON ({content_type})"
        raise ResponseValidationError(message, operation=op.name, body=outcome.text) from None


def explain_refusal(exc: AgentExecutionsError, config: ClientConfig) -> None:
    """A 401 for a key given as `Bearer <key>` to an API that takes the key alone says so: the key is
    sent as given, and a key copied from a bearer-token example is the likely cause."""
    bearer = config.api_key[: len(BEARER)].lower() == BEARER.lower()
    if isinstance(exc, AuthenticationError) and bearer and not config.vendor.auth_prefix:
        header = config.vendor.auth_header
        exc.message += f" (the key was sent as given, 'Bearer ' included: {header} takes the key alone)"


def connection_error(
    op: Operation[Any], request: httpx.Request, exc: httpx.HTTPError | httpx.InvalidURL
) -> AgentExecutionsError:
    """The SDK's error for an httpx one: a timeout, a body that cannot be decoded, a redirect to a
    Location that is not a URL (httpx builds the next request even when it does not follow it), or no
    usable response."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.InvalidURL):
        return ResponseValidationError(f"the redirect's Location is not a URL ({detail})", operation=op.name, body="")
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"{op.name}: timed out ({detail})", request=request)
    if isinstance(exc, httpx.DecodingError):
        message = f"the response body cannot be decoded ({detail})"
        return ResponseValidationError(message, operation=op.name, body="")
    return APIConnectionError(f"{op.name}: connection failed ({detail})", request=request)


class SyncCore:
    """Sends operations over an `httpx.Client`, with retries."""

    def __init__(self, config: ClientConfig, http: httpx.Client) -> None:
        self.config = config
        self.http = http
        self.policy = RetryPolicy(config.max_retries)
        self.limits = config.limits

    def send(self, request: httpx.Request, limits: Limits | None = None) -> httpx.Response:
        return send_once(self.http, request, limits or self.limits)

    def request(self, op: Operation[T], gate: RateGate | None = None) -> T:
        """Send `op` with retries and parse its answer; with a `gate`, wait whenever another request of
        the same listing was told to (`_rate_gate`)."""
        request = build_request(self.http, self.config, op)
        started = time.monotonic()
        policy = self.policy

        def send_one(request: httpx.Request) -> httpx.Response:
            return self.send(request, attempt_limits(self.limits, op))

        send = send_one if gate is None else gated(gate, send_one)
        try:
            try:
                response = send_with_retries(send, request, policy)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise connection_error(op, request, exc) from exc
            return read_response(op, request, response, started)
        except AgentExecutionsError as exc:
            explain_refusal(exc, self.config)
            scrub(exc, secrets_of(request))
            raise


class AsyncCore:
    """Sends operations over an `httpx.AsyncClient`, with retries."""

    def __init__(self, config: ClientConfig, http: httpx.AsyncClient) -> None:
        self.config = config
        self.http = http
        self.policy = RetryPolicy(config.max_retries)
        self.limits = config.limits

    async def send(self, request: httpx.Request, limits: Limits | None = None) -> httpx.Response:
        return await async_send_once(self.http, request, limits or self.limits)

    async def request(self, op: Operation[T], gate: RateGate | None = None) -> T:
        request = build_request(self.http, self.config, op)
        started = time.monotonic()
        policy = self.policy

        async def send_one(request: httpx.Request) -> httpx.Response:
            return await self.send(request, attempt_limits(self.limits, op))

        send = send_one if gate is None else async_gated(gate, send_one)
        try:
            try:
                response = await async_send_with_retries(send, request, policy)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise connection_error(op, request, exc) from exc
            return read_response(op, request, response, started)
        except AgentExecutionsError as exc:
            explain_refusal(exc, self.config)
            scrub(exc, secrets_of(request))
            raise
