"""One attempt of one request, within the SDK's limits: never a redirect, a deadline for the whole
attempt (headers and body included), and a cap on the size of the body.

httpx's timeouts apply to each phase and each read, so a server trickling its headers or body
a byte at a time never trips them; and `Response.read()` keeps whatever arrives. The async
shell runs the attempt under `asyncio.timeout`, a hard bound. The sync shell sets the
attempt's deadline in a context variable that `DeadlineBackend` (wrapped around the socket
layer of the httpx client's connection pools) reads on every connect, read and write: each
waits at most the time left, so the attempt ends at the deadline, within a few milliseconds.
The body is read chunk by chunk (`_Body` holds the checks both shells share), so a transport
the backend cannot reach (a user's custom transport) still ends within the timeout plus one read wait.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

import attrs
import httpcore
import httpx

from ._redact import hide_secrets
from .errors import ResponseTooLargeError


@attrs.frozen
class AttemptLimits:
    """What one attempt may take: `deadline` seconds in all, `max_response_bytes` of (decoded) body."""

    deadline: float
    max_response_bytes: int


class DeadlineExceeded(httpx.ReadTimeout):
    """The whole attempt took longer than the client's timeout; an httpx timeout, so it is retried
    like one and raised as `APITimeoutError`."""


class _Body:
    """A response body gathered within `AttemptLimits`; the checks the sync and async shells share."""

    def __init__(self, response: httpx.Response, limits: AttemptLimits, deadline_at: float) -> None:
        self.response = response
        self.limits = limits
        self.deadline_at = deadline_at
        self.parts: list[bytes] = []
        self.size = 0
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limits.max_response_bytes:
            raise self.too_large()

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limits.max_response_bytes:
            raise self.too_large()
        if time.monotonic() > self.deadline_at:
            raise self.too_slow()
        self.parts.append(chunk)

    def finish(self) -> httpx.Response:
        """The response, its body read (as `Response.read()` would leave it)."""
        self.response._content = b"".join(self.parts)
        return self.response

    def too_large(self) -> ResponseTooLargeError:
        limit = self.limits.max_response_bytes
        return ResponseTooLargeError(
            f"the response is larger than max_response_bytes ({limit} bytes); not read further",
            request=self.response.request,
            limit=limit,
        )

    def too_slow(self) -> DeadlineExceeded:
        return _too_slow(self.limits, self.response.request)


def _too_slow(limits: AttemptLimits, request: httpx.Request) -> DeadlineExceeded:
    message = f"the whole request, body included, took longer than the timeout ({limits.deadline:g} s)"
    return DeadlineExceeded(message, request=request)


_deadline_at: ContextVar[float | None] = ContextVar("agent_executions_deadline_at", default=None)
"""`time.monotonic()` by which the current sync attempt must end; None outside one."""


def _time_left(timeout: float | None, error: type[httpcore.TimeoutException]) -> float | None:
    """The wait one socket operation may take: httpcore's per-phase `timeout`, cut to the attempt's time left."""
    deadline_at = _deadline_at.get()
    if deadline_at is None:
        return timeout
    left = deadline_at - time.monotonic()
    if left <= 0:
        raise error("the whole request took longer than the timeout")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than the attempt's time left."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self.stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self.stream.start_tls(ssl_context, server_hostname, _time_left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self.stream.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's socket layer with the attempt's deadline applied to each connect, read and write."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self.backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        wait = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self.backend.connect_tcp(host, port, wait, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        wait = _time_left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self.backend.connect_unix_socket(path, wait, socket_options))

    def sleep(self, seconds: float) -> None:
        self.backend.sleep(seconds)


def bound_by_deadline(http: httpx.Client) -> None:
    """Put `DeadlineBackend` under each httpx connection pool of `http` (its transport and proxy mounts).

    httpx offers no public way to pass a network backend, so this reaches into its
    transports; one it does not recognise (a custom or mock transport) is left as it is,
    bounded by the per-chunk check of the body only. Outside an SDK attempt the backend does nothing.
    """
    transports = [http._transport, *http._mounts.values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, DeadlineBackend):
            pool._network_backend = DeadlineBackend(backend)  # type: ignore[union-attr]


def send_once(http: httpx.Client, request: httpx.Request, limits: AttemptLimits) -> httpx.Response:
    """Send `request` once over `http` and read its body within `limits`."""
    deadline_at = time.monotonic() + limits.deadline
    phases = request.extensions.get("timeout")
    token = _deadline_at.set(deadline_at)
    try:
        return _read_within(http.send(request, stream=True, follow_redirects=False), request, limits, deadline_at)
    except httpx.TimeoutException as exc:
        if isinstance(exc, DeadlineExceeded) or time.monotonic() < deadline_at - 0.01:
            raise
        raise _too_slow(limits, request) from exc  # a wait cut to the time left: say which limit it was
    finally:
        _deadline_at.reset(token)
        if isinstance(phases, dict):
            request.extensions["timeout"] = phases  # a retry starts with the timeouts as given


def _read_within(
    response: httpx.Response, request: httpx.Request, limits: AttemptLimits, deadline_at: float
) -> httpx.Response:
    phases = request.extensions.get("timeout")
    try:
        body = _Body(response, limits, deadline_at)
        if isinstance(phases, dict):  # httpcore reads the read timeout when the body starts
            left = max(deadline_at - time.monotonic(), 0.001)
            read = phases.get("read")
            request.extensions["timeout"] = {**phases, "read": left if read is None else min(read, left)}
        for chunk in response.iter_bytes():
            body.add(chunk)
        return body.finish()
    finally:
        response.close()


async def async_send_once(http: httpx.AsyncClient, request: httpx.Request, limits: AttemptLimits) -> httpx.Response:
    """The async shell of `send_once`, bounded by `asyncio.timeout`."""
    import asyncio  # here, not at the top: sync users need not pay ~30 ms to import it

    deadline_at = time.monotonic() + limits.deadline
    try:
        async with asyncio.timeout(limits.deadline):
            response = await http.send(request, stream=True, follow_redirects=False)
            try:
                body = _Body(response, limits, deadline_at)
                async for chunk in response.aiter_bytes():
                    body.add(chunk)
                return body.finish()
            finally:
                await response.aclose()
    except TimeoutError:
        raise _too_slow(limits, request) from None


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port: what a browser calls the origin, the unit the key is bound to."""
    return url.scheme, url.host, url.port or {"http": 80, "https": 443}.get(url.scheme)


class ClientTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """What `client.raw` sends through: the facade's httpx client (the one the user passed, with its
    transport, proxies and certificates), one attempt at a time within `limits`.

    It also sets the auth header, so the generated client and its httpx client never hold the key,
    and only on requests to the API's own origin: a redirect the caller asks httpx to follow
    (`follow_redirects=True` on a raw request) reaches another origin without it.
    """

    def __init__(
        self, http: httpx.Client | httpx.AsyncClient, limits: AttemptLimits, auth_headers: dict[str, str], api_root: str
    ) -> None:
        self.http = http
        self.limits = limits
        self.auth_headers = auth_headers
        self.origin = _origin(httpx.URL(api_root))

    def authorize(self, request: httpx.Request) -> None:
        for name in self.auth_headers:
            hide_secrets(request, name)
            if name in request.headers:
                del request.headers[name]
        if _origin(request.url) == self.origin:
            request.headers.update(self.auth_headers)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self.http, httpx.Client)
        self.authorize(request)
        return send_once(self.http, request, self.limits)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self.http, httpx.AsyncClient)
        self.authorize(request)
        return await async_send_once(self.http, request, self.limits)

    def close(self) -> None:
        """Nothing: the facade client closes its httpx client (or leaves the user's open)."""

    async def aclose(self) -> None:
        """Nothing, as `close`."""
