"""The timeout bounds the whole attempt even when a server trickles its response headers (or the
chunk-size framing of its body) a byte at a time, which httpx's per-read timeouts never trip."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator

import agent_executions as ae
import httpx
import pytest

ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
HEADERS = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 40
CHUNKED = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + b"0" * 40


def _trickle(listener: socket.socket, data: bytes, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)
            for byte in data:
                if stop.wait(0.2):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    break


@pytest.fixture(params=[HEADERS, CHUNKED], ids=["headers", "chunk-size"])
def trickling_url(request: pytest.FixtureRequest) -> Iterator[str]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(10)
    stop = threading.Event()
    thread = threading.Thread(target=_trickle, args=(listener, request.param, stop), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()
    thread.join(5)


def test_the_sync_timeout_bounds_trickled_headers(trickling_url: str) -> None:
    with ae.AsteroidClient(api_key="k-1234", base_url=trickling_url, max_retries=0, timeout=1) as client:
        started = time.monotonic()
        with pytest.raises(ae.APITimeoutError):
            client.executions.get(ID)
    assert time.monotonic() - started < 2.0


def test_the_raw_client_is_bounded_too(trickling_url: str) -> None:
    from asteroid_agents_v2_raw.api.execution import execution_get

    with ae.AsteroidClient(api_key="k-1234", base_url=trickling_url, max_retries=0, timeout=1) as client:
        started = time.monotonic()
        with pytest.raises(httpx.TimeoutException):  # the generated client lets httpx errors out
            execution_get.sync_detailed(ID, client=client.raw)
    assert time.monotonic() - started < 2.0


def test_the_async_timeout_bounds_trickled_headers(trickling_url: str) -> None:
    async def main() -> float:
        async with ae.AsyncAsteroidClient(api_key="k-1234", base_url=trickling_url, max_retries=0, timeout=1) as c:
            started = time.monotonic()
            with pytest.raises(ae.APITimeoutError):
                await c.executions.get(ID)
            return time.monotonic() - started

    assert asyncio.run(main()) < 2.0
