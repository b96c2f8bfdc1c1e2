"""`regenerate.py --timeout` bounds the whole download of a spec URL, and a body past
`MAX_SPEC_BYTES` stops with one line, whatever the server does."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
import regen_support  # noqa: F401  (puts scripts/ on sys.path)
import regenerate


def _serve(answer: Callable[[socket.socket, threading.Event], None]) -> Iterator[str]:
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                with contextlib.suppress(OSError):
                    answer(conn, stop)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/spec.yaml"
    stop.set()
    listener.close()
    thread.join(5)


def _trickle_headers(conn: socket.socket, stop: threading.Event) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 40:
        if stop.wait(0.2):
            return
        conn.sendall(bytes([byte]))


def _endless_body(conn: socket.socket, stop: threading.Event) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/yaml\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"a: b\n" * 20000
    while not stop.is_set():
        conn.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")


@pytest.fixture
def trickling_url() -> Iterator[str]:
    yield from _serve(_trickle_headers)


@pytest.fixture
def endless_url() -> Iterator[str]:
    yield from _serve(_endless_body)


def test_trickled_headers_time_out_within_the_timeout(trickling_url: str) -> None:
    started = time.monotonic()
    with pytest.raises(regenerate.RegenerationError, match="timed out after 1 s"):
        regenerate.fetch(trickling_url, timeout=1)
    assert time.monotonic() - started < 2.0


def test_an_endless_body_stops_at_the_size_cap_with_one_line(endless_url: str) -> None:
    with pytest.raises(regenerate.RegenerationError, match="larger than 20 MB") as caught:
        regenerate.fetch(endless_url, timeout=30)
    assert "\n" not in str(caught.value)
