"""One attempt of one request, within the SDK's limits: never a redirect, a deadline for the whole
attempt (body included), and a cap on the size of the body.

httpx's timeouts apply to each phase and each read, so a server trickling its body a byte at
a time never trips them; and `Response.read()` keeps whatever arrives. The body is therefore
read chunk by chunk here (`_Body` holds the checks both shells share). The async shell runs
the attempt under `asyncio.timeout`, a hard bound; the sync shell checks the clock as each
chunk arrives and shortens the read wait to the time left when the body starts, so it ends
within the timeout plus at most one read wait.
"""

from __future__ import annotations

import time

import attrs
import httpx

from ._redact import hide_secrets
from .errors import ResponseTooLargeError


@attrs.frozen
class Limits:
    """What one attempt may take: `deadline` seconds in all, `max_response_bytes` of (decoded) body."""

    deadline: float
    max_response_bytes: int


class DeadlineExceeded(httpx.ReadTimeout):
    """The whole attempt took longer than the client's timeout; an httpx timeout, so it is retried
    like one and raised as `APITimeoutError`."""


class _Body:
    """A response body gathered within `Limits`; the checks the sync and async shells share."""

    def __init__(self, response: httpx.Response, limits: Limits, deadline_at: float) -> None:
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
        message = f"the whole request, body included, took longer than the timeout ({self.limits.deadline:g} s)"
        return DeadlineExceeded(message, request=self.response.request)


def send_once(http: httpx.Client, request: httpx.Request, limits: Limits) -> httpx.Response:
    """Send `request` once over `http` and read its body within `limits`."""
    deadline_at = time.monotonic() + limits.deadline
    phases = request.extensions.get("timeout")
    response = http.send(request, stream=True, follow_redirects=False)
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
        if isinstance(phases, dict):
            request.extensions["timeout"] = phases  # a retry starts with the timeouts as given


async def async_send_once(http: httpx.AsyncClient, request: httpx.Request, limits: Limits) -> httpx.Response:
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
        message = f"the whole request, body included, took longer than the timeout ({limits.deadline:g} s)"
        raise DeadlineExceeded(message, request=request) from None


class ClientTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """What `client.raw` sends through: the facade's httpx client (the one the user passed, with its
    transport, proxies and certificates), one attempt at a time within `limits`.

    It also sets the auth header, so the generated client and its httpx client never hold the key.
    """

    def __init__(self, http: httpx.Client | httpx.AsyncClient, limits: Limits, auth_headers: dict[str, str]) -> None:
        self.http = http
        self.limits = limits
        self.auth_headers = auth_headers

    def authorize(self, request: httpx.Request) -> None:
        for name in self.auth_headers:
            hide_secrets(request, name)
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
