"""Faults a test injects into a running fake server, consumed one request at a time, in order."""

from __future__ import annotations

import email.utils
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs
from werkzeug.wrappers import Response

JSON = dict[str, Any]


@attrs.define
class Fault:
    """One kind of misbehaviour for the next `times` requests."""

    kind: str
    times: int
    after: int = 0
    """Requests to let through untouched before the fault starts."""
    status: int = 503
    retry_after: str | int | None = None
    body: str | bytes | None = None
    content_type: str | None = "application/json"
    seconds: float = 0.0
    item_status: str | None = None
    extra: JSON | None = None
    missing: str | None = None
    headers: dict[str, str] = attrs.field(factory=dict)

    def response(self, error_body: Callable[[int, str], JSON]) -> Response:
        """The error response of a `status` fault."""
        body = self.body if self.body is not None else json.dumps(error_body(self.status, "injected failure"))
        response = Response(body, status=self.status, content_type=self.content_type)
        if self.retry_after is not None:
            response.headers["Retry-After"] = str(self.retry_after)
        response.headers.update(self.headers)
        return response

    def corrupt(self, response: Response, items: Callable[[Any], Iterator[JSON]]) -> Response:
        """Rewrite a JSON response so that it breaks the spec the way this fault says."""
        if not response.get_data():  # no body to break (a 204, a redirect): only the label changes
            if self.content_type is not None:
                response.headers["Content-Type"] = self.content_type
            return response
        payload = json.loads(response.get_data())
        for item in items(payload):
            if self.item_status is not None:
                item["status"] = self.item_status
            if self.extra:
                item.update(self.extra)
            if self.missing is not None:
                item.pop(self.missing, None)
        corrupted = Response(json.dumps(payload), status=response.status_code, content_type="application/json")
        if self.content_type is not None and self.content_type != "application/json":
            corrupted.headers["Content-Type"] = self.content_type
        return corrupted

    def cut(self, response: Response, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """Half of the body: after a full Content-Length (`drop`), or as a complete short message (`truncate`)."""
        data = response.get_data()
        half = data[: max(1, len(data) // 2)]
        kept = [(k, v) for k, v in response.headers if k.lower() not in ("content-type", "content-length")]
        if self.kind == "truncate":
            cut = Response(half, status=response.status_code, headers=kept, content_type="application/json")
            return cut(environ, start_response)
        # a body of at least one byte is announced, so an empty one (a 204, a redirect) is cut too
        length = ("Content-Length", str(max(len(data), 1)))
        start_response(response.status, [*kept, ("Content-Type", "application/json"), length])
        return _then_fail(half if data else b"")

    def hostile(
        self,
        response: Response,
        request_headers: dict[str, str],
        environ: dict[str, Any],
        start_response: Callable[..., Any],
    ) -> Iterable[bytes]:
        """The answers of a hostile or broken server (`Fault.kind`): `trickle` sends the body a byte
        every `seconds`; `endless` sends JSON that never ends; `deep` a JSON array nested `times`
        deep... (`extra["depth"]`); `bad_encoding` a body labelled gzip that is not; `echo` an error
        whose body quotes the request's headers, key included."""
        if self.kind == "trickle":
            data = response.get_data()
            start_response(response.status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
            return _trickle(data, self.seconds)
        if self.kind == "endless":
            start_response("200 OK", [("Content-Type", "application/json")])
            return _endless()
        if self.kind == "deep":
            depth = int((self.extra or {}).get("depth", 100_000))
            body = b"[" * depth + b"]" * depth
            return Response(body, status=200, content_type="application/json")(environ, start_response)
        if self.kind == "bad_encoding":
            corrupt = Response(b"this is not gzip" * 8, status=200, content_type="application/json")
            corrupt.headers["Content-Encoding"] = "gzip"
            return corrupt(environ, start_response)
        if self.kind == "echo":
            echoed = {"message": f"invalid request; headers received: {request_headers}", "headers": request_headers}
            return Response(json.dumps(echoed), status=self.status, content_type="application/json")(
                environ, start_response
            )
        raise ValueError(f"not a hostile fault: {self.kind}")


HOSTILE_KINDS = frozenset({"trickle", "endless", "deep", "bad_encoding", "echo"})


def _trickle(data: bytes, seconds: float) -> Iterator[bytes]:
    import time

    for index in range(len(data)):
        yield data[index : index + 1]
        time.sleep(seconds)


def _endless() -> Iterator[bytes]:
    yield b"["
    chunk = b"0," * 32_768
    while True:  # until the client hangs up: werkzeug then closes this generator
        yield chunk


def _then_fail(first: bytes) -> Iterator[bytes]:
    yield first
    raise ConnectionAbortedError("fault injected: connection dropped mid-body")


def http_date(seconds_from_now: float) -> str:
    """A Retry-After value as an HTTP date."""
    import time

    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)


class Faults:
    """A thread-safe queue of faults; each request takes the first one still pending."""

    def __init__(self) -> None:
        self._pending: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> None:
        if fault.times < 1:
            raise ValueError(f"times must be >= 1, not {fault.times}")
        with self._lock:
            self._pending.append(fault)

    def take(self) -> Fault | None:
        with self._lock:
            if not self._pending:
                return None
            fault = self._pending[0]
            if fault.after > 0:
                fault.after -= 1
                return None
            fault.times -= 1
            if fault.times == 0:
                self._pending.pop(0)
            return fault

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()

    def __len__(self) -> int:
        with self._lock:
            return sum(f.times for f in self._pending)
