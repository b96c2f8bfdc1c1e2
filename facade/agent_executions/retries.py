"""When to retry a request, how long to wait, and the one loop that does it.

Written by hand rather than with httpx-retries, tenacity or stamina: transport-level
retry libraries decide before the body is read, so a connection dropped mid-body is
not retried, and each would add a runtime dependency beside httpx and attrs. The
decisions live in `Attempts`; `send_with_retries` and `async_send_with_retries` are
the thin sync and async shells that send and sleep.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Awaitable, Callable

import attrs
import httpx

from ._constants import (
    INITIAL_RETRY_DELAY,
    LOGGER_NAME,
    MAX_BACKOFF_EXPONENT,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    RETRYABLE_STATUS_CODES,
)
from ._redact import redact, secrets_of
from ._retry_after import parse_retry_after as parse_retry_after

logger = logging.getLogger(LOGGER_NAME)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
NOTHING_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
"""Transport errors raised before any byte of the request left: no connection was made (refused,
unreachable, DNS) or none came free. Retrying them cannot repeat a change of state."""

Outcome = httpx.Response | httpx.TransportError

sleep = time.sleep
"""How the sync shell waits; a module attribute so that tests can record the waits instead."""


async def async_sleep(seconds: float) -> None:
    """How the async shell waits; replaceable like `sleep`."""
    import asyncio

    await asyncio.sleep(seconds)


@attrs.frozen
class RetryPolicy:
    """How many times to retry and how long to wait between attempts."""

    max_retries: int
    initial_delay: float = INITIAL_RETRY_DELAY
    max_delay: float = MAX_RETRY_DELAY
    max_retry_after: float = MAX_RETRY_AFTER

    def is_retryable(self, request: httpx.Request, outcome: Outcome) -> bool:
        """Reads (GET, HEAD, OPTIONS) on any transient failure. A request that changes state (POST,
        DELETE...) only when it cannot have reached the server (no connection was made) or the server
        refused it unread (429 with a readable Retry-After): a connection dropped after sending, a
        timeout or a 5xx may mean it was applied, and repeating it could start a workflow twice."""
        if request.method not in IDEMPOTENT_METHODS:
            if isinstance(outcome, httpx.Response):
                return outcome.status_code == 429 and parse_retry_after(outcome.headers.get("retry-after")) is not None
            return isinstance(outcome, NOTHING_SENT_ERRORS)
        if isinstance(outcome, httpx.Response):
            return outcome.status_code in RETRYABLE_STATUS_CODES or outcome.status_code >= 500
        return isinstance(outcome, RETRYABLE_ERRORS)

    def backoff(self, retry_number: int) -> float:
        """Capped exponential backoff with jitter: 0.5 s, 1 s, 2 s... each cut by up to a quarter."""
        exponent = min(retry_number - 1, MAX_BACKOFF_EXPONENT)  # 2.0 ** 1024 overflows
        delay = min(self.initial_delay * 2.0**exponent, self.max_delay)
        return delay * (1 - 0.25 * random.random())


@attrs.define
class Attempts:
    """The retry loop's decisions for one request, independent of sync or async I/O."""

    policy: RetryPolicy
    request: httpx.Request
    ends_at: float | None = None
    """A `time.monotonic()` no wait may run past (a wait's end); None: the policy alone decides."""
    retries_done: int = 0

    def delay_after(self, outcome: Outcome) -> float | None:
        """Seconds to wait before the next attempt, or None when `outcome` is final."""
        if self.retries_done >= self.policy.max_retries or not self.policy.is_retryable(self.request, outcome):
            return None
        delay = self.policy.backoff(self.retries_done + 1)
        if isinstance(outcome, httpx.Response):
            retry_after = parse_retry_after(outcome.headers.get("retry-after"))
            if retry_after is not None:
                if retry_after > self.policy.max_retry_after:
                    return None
                delay = retry_after
        if self.ends_at is not None and time.monotonic() + delay >= self.ends_at:
            return None  # the retry could not be sent in time: this outcome is the answer
        self.retries_done += 1
        logger.info(
            "Retrying %s %s in %.2f s (retry %d of %d) after %s",
            self.request.method,
            self.request.url.path,
            delay,
            self.retries_done,
            self.policy.max_retries,
            redact(describe(outcome), secrets_of(self.request)),
        )
        return delay

    @staticmethod
    def final(outcome: Outcome) -> httpx.Response:
        """Return the last response, or raise the last transport error."""
        if isinstance(outcome, httpx.Response):
            return outcome
        raise outcome


def describe(outcome: Outcome) -> str:
    if isinstance(outcome, httpx.Response):
        return f"{outcome.status_code} {outcome.reason_phrase}".strip()
    return f"{type(outcome).__name__}: {outcome}" if str(outcome) else type(outcome).__name__


def send_with_retries(
    send: Callable[[httpx.Request], httpx.Response],
    request: httpx.Request,
    policy: RetryPolicy,
    *,
    ends_at: float | None = None,
    pause: Callable[[float], None] | None = None,
) -> httpx.Response:
    """Send `request`, retrying as `policy` says; return the last response or raise the last transport
    error. No wait runs past `ends_at` (a `time.monotonic()`): the outcome before it is the last.
    `pause` replaces `sleep` (a listing's, which its caller can interrupt)."""
    attempts = Attempts(policy, request, ends_at)
    while True:
        try:
            outcome: Outcome = send(request)
        except httpx.TransportError as exc:
            outcome = exc
        delay = attempts.delay_after(outcome)
        if delay is None:
            return attempts.final(outcome)
        (pause or sleep)(delay)


async def async_send_with_retries(
    send: Callable[[httpx.Request], Awaitable[httpx.Response]],
    request: httpx.Request,
    policy: RetryPolicy,
    *,
    ends_at: float | None = None,
) -> httpx.Response:
    """The async shell of `send_with_retries` (a task's sleep is cancelled with it)."""
    attempts = Attempts(policy, request, ends_at)
    while True:
        try:
            outcome: Outcome = await send(request)
        except httpx.TransportError as exc:
            outcome = exc
        delay = attempts.delay_after(outcome)
        if delay is None:
            return attempts.final(outcome)
        await async_sleep(delay)


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport that applies a `RetryPolicy`, for the raw generated clients (`client.raw`)."""

    def __init__(self, policy: RetryPolicy, transport: httpx.BaseTransport | httpx.AsyncBaseTransport) -> None:
        self.policy = policy
        self.transport = transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self.transport, httpx.BaseTransport)
        inner = self.transport

        def send(req: httpx.Request) -> httpx.Response:
            response = inner.handle_request(req)
            response.read()
            return response

        return send_with_retries(send, request, self.policy)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(self.transport, httpx.AsyncBaseTransport)
        inner = self.transport

        async def send(req: httpx.Request) -> httpx.Response:
            response = await inner.handle_async_request(req)
            await response.aread()
            return response

        return await async_send_with_retries(send, request, self.policy)

    def close(self) -> None:
        if isinstance(self.transport, httpx.BaseTransport):
            self.transport.close()

    async def aclose(self) -> None:
        if isinstance(self.transport, httpx.AsyncBaseTransport):
            await self.transport.aclose()
