"""A pause shared by every listing of one client: a server's `Retry-After` holds them all.

When pages are fetched concurrently, or several listings run at once on one client (backfill
windows in threads), a 429 (or 503) with `Retry-After` on one request says the client is going
too fast; retrying that request alone later while the others go on sending would earn more of
them. The client's `RatePause` records until when the server asked to wait; every listing
request waits for it before each attempt. A `RateGate` is one listing's view of it, with the
listing's own stop. `gated` and `async_gated` are the thin sync and async shells.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable

import httpx

from ._constants import RETRYABLE_STATUS_CODES
from ._retry_after import parse_retry_after


class ListingStopped(Exception):
    """Raised in a worker of a listing its caller stopped (a `break`, Ctrl-C): its waits end at once."""


class RatePause:
    """Until when (`time.monotonic()`) a client's listings must not send: one per client."""

    def __init__(self) -> None:
        self.closed_until = 0.0
        self.lock = threading.Lock()


class RateGate:
    """One listing's gate: the client's pause (`shared`), and whether the listing was stopped:
    every wait of its workers (the gate's, a retry's) ends when it is."""

    def __init__(self, max_wait: float, shared: RatePause | None = None, *, stoppable: bool = True) -> None:
        self.max_wait = max_wait
        self.shared = shared if shared is not None else RatePause()
        self.stopped = threading.Event()
        self.stoppable = stoppable
        """Whether workers of another thread may be stopped (a concurrent window): then a retry's
        wait is the gate's, which a stop ends; otherwise the retries' own sleep."""

    def stop(self) -> None:
        """End every wait of the listing's workers now: each raises `ListingStopped`."""
        self.stopped.set()

    def pause(self, seconds: float) -> None:
        """Sleep `seconds`, unless the listing stops first (then raise `ListingStopped`)."""
        if self.stopped.wait(seconds):
            raise ListingStopped

    def wait_left(self) -> float:
        """Seconds to wait before the next attempt may be sent (0: go)."""
        return max(0.0, self.shared.closed_until - time.monotonic())

    def observe(self, response: httpx.Response) -> None:
        """Close the gate for as long as a retryable answer's `Retry-After` asks (up to `max_wait`; a longer
        wait is not retried at all, so it holds no one)."""
        if response.status_code not in RETRYABLE_STATUS_CODES and response.status_code < 500:
            return
        seconds = parse_retry_after(response.headers.get("retry-after"))
        if seconds is None or seconds <= 0 or seconds > self.max_wait:
            return
        with self.shared.lock:
            self.shared.closed_until = max(self.shared.closed_until, time.monotonic() + seconds)


Send = Callable[[httpx.Request], httpx.Response]
AsyncSend = Callable[[httpx.Request], Awaitable[httpx.Response]]


def gated(gate: RateGate, send: Send) -> Send:
    """`send`, waiting for the gate before each attempt and closing it on a `Retry-After`."""

    def send_when_open(request: httpx.Request) -> httpx.Response:
        while (left := gate.wait_left()) > 0:
            gate.pause(left)
        if gate.stopped.is_set():
            raise ListingStopped
        response = send(request)
        gate.observe(response)
        return response

    return send_when_open


def async_gated(gate: RateGate, send: AsyncSend) -> AsyncSend:
    """The async shell of `gated`."""

    async def send_when_open(request: httpx.Request) -> httpx.Response:
        import asyncio

        while (left := gate.wait_left()) > 0:
            await asyncio.sleep(left)
        response = await send(request)
        gate.observe(response)
        return response

    return send_when_open
