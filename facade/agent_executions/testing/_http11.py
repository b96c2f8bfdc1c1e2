"""Persistent HTTP/1.1 for the fake servers, as the vendors' servers speak it.

werkzeug's development server closes every connection (it writes `Connection: close` and
drains the socket after each response), so a client behind it never reuses one. This
request handler keeps the connection open between requests, as a real API does, and closes
it only when a response cannot be completed (a fault cut it short), the client asks, or the
connection has been idle longer than the server's `idle_timeout`.
"""

from __future__ import annotations

import contextlib
import io
import socket
import threading
from collections.abc import Callable, Iterable
from typing import Any

from werkzeug.serving import WSGIRequestHandler


class Connections:
    """The connections a fake server holds open: counted (to prove reuse) and shut on stop."""

    def __init__(self) -> None:
        self.opened = 0
        """Connections accepted since the server started."""
        self.idle_timeout: float | None = None
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self.opened += 1
            self._open.add(sock)

    def discard(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.discard(sock)

    def shut_all(self) -> None:
        """End every open connection, so no handler thread waits on an idle client after `stop()`."""
        with self._lock:
            open_ = list(self._open)
        for sock in open_:
            with contextlib.suppress(OSError):  # already closed by the client
                sock.shutdown(socket.SHUT_RDWR)


def persistent_handler(connections: Connections) -> type[WSGIRequestHandler]:
    """A request handler class that keeps connections alive and reports them to `connections`."""

    class PersistentHandler(_PersistentHandler):
        pass

    PersistentHandler.connections = connections
    return PersistentHandler


class _PersistentHandler(WSGIRequestHandler):
    protocol_version = "HTTP/1.1"
    connections: Connections

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.connections.idle_timeout)  # an idle client is hung up on
        # Headers and body go out in separate writes: with Nagle's algorithm the body would wait for the
        # client's delayed ACK of the headers (40 ms a response) once the connection stays open.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.connections.add(self.connection)

    def finish(self) -> None:
        self.connections.discard(self.connection)
        super().finish()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass

    def run_wsgi(self) -> None:
        """Answer one request; the connection stays open unless the response could not be completed."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True  # werkzeug reads it to the end; the next request cannot follow
        length = self.headers.get("Content-Length", "")
        body = self.rfile.read(int(length)) if length.isdigit() else b""
        environ = self.make_environ()
        if not self.close_connection:
            environ["wsgi.input"] = io.BytesIO(body)  # read whole, so the next request starts clean
        self.environ = environ
        self._sent = False
        try:
            self._respond(self.server.app(environ, self._start_response))
        except (ConnectionError, TimeoutError):
            self.close_connection = True  # the client hung up mid-response
        except Exception:
            self.close_connection = True  # a fault cut the body short: the client must see the connection end
            if not self._sent:
                self.send_error(500, "the fake server failed")

    def _start_response(self, status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[..., Any]:
        self._status, self._headers = status, headers
        return self._write_unsupported

    @staticmethod
    def _write_unsupported(data: bytes) -> None:
        raise NotImplementedError("the fake servers return their bodies; they do not call write()")

    def _respond(self, chunks: Iterable[bytes]) -> None:
        try:
            iterator = iter(chunks)
            first = next(iterator, b"")
            code, _, reason = self._status.partition(" ")
            self._sent = True
            self.send_response(int(code), reason)
            names = set()
            for name, value in self._headers:
                self.send_header(name, value)
                names.add(name.lower())
            # 204 and 304 carry no body (RFC 9110): chunked framing there would be read as the next
            # response on a kept-alive connection.
            bodiless = int(code) in (204, 304) or self.command == "HEAD"
            chunked = "content-length" not in names and not bodiless
            if chunked:
                self.send_header("Transfer-Encoding", "chunked")
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            for data in _chain(first, iterator):
                if data and not bodiless:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)
                    self.wfile.flush()
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()


def _chain(first: bytes, iterator: Iterable[bytes]) -> Iterable[bytes]:
    yield first
    yield from iterator
