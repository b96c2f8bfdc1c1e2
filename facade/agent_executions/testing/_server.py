"""The machinery both fake servers share: a real HTTP server on loopback in a thread,
validation of every exchange against the pinned spec, a request log, and fault injection."""

from __future__ import annotations

import datetime
import functools
import importlib
import io
import json
import logging
import random
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from types import TracebackType
from typing import Any, Self

import attrs
from jsonschema.exceptions import best_match
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

from .. import _json
from .._arguments import as_bool, as_int, as_text
from .._shape import ApiShape
from ._clock import FakeClock
from ._faults import HOSTILE_KINDS, Fault, Faults
from ._http11 import Connections, persistent_handler
from ._schema_data import SchemaData

JSON = dict[str, Any]
REDACTED = "<redacted>"
MAX_CACHED_LISTINGS = 8
MAX_CACHED_PAGES = 4096


MAX_RULE_TEXT = 200
"""Longest validator message quoted in a violation; the whole body stays on the attribute."""
MAX_VIOLATIONS_PER_RESPONSE = 50
"""Schema errors of one response recorded one by one; the rest are counted."""


@attrs.frozen
class Violation:
    """One schema error of a response that broke the pinned spec: where, which rule, and the whole body."""

    operation: str
    request: str
    path: str
    """JSON path of the first value that breaks the spec, e.g. `$.items[3].status`."""
    rule: str
    """The schema keyword broken (`required`, `type`, `enum`...) or the check that failed."""
    message: str
    body: str = attrs.field(repr=False)

    def __str__(self) -> str:
        return f"{self.operation} ({self.request}) at {self.path}: {self.message} [rule: {self.rule}]"


class SpecViolation(AssertionError):
    """The fake server sent a response that its pinned spec does not allow.

    The message names the operation, the JSON path of the first violation and the rule
    broken; `violations` holds every schema error of every response (by JSON path within a
    response, at most 50 each), `body` the whole body of the first.
    """

    def __init__(self, violations: list[Violation]) -> None:
        first = violations[0]
        more = f"\n(and {len(violations) - 1} more; see .violations)" if len(violations) > 1 else ""
        super().__init__(f"the fake server's response broke the pinned spec:\n{first}{more}")
        self.violations = violations
        self.operation, self.path, self.rule, self.body = first.operation, first.path, first.rule, first.body


class ApiError(Exception):
    """Raised by a route to answer with an error status and the vendor's error body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@attrs.frozen
class Reply:
    """A route's answer other than JSON with status 200: a status, a JSON payload (None: no body), headers."""

    status: int
    payload: Any = None
    headers: dict[str, str] = attrs.field(factory=dict)


@attrs.frozen
class RecordedRequest:
    """One request as the server saw it; the API key header is redacted."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    received_at: float = attrs.field(factory=time.monotonic, eq=False)
    """`time.monotonic()` when the server received it: when requests went out, for rate-limit tests."""
    body: bytes = attrs.field(default=b"", repr=False)
    """The request's body as sent (empty for a GET)."""

    def params(self, name: str) -> list[str]:
        """Every value of the query parameter `name`, in order."""
        return [value for key, value in self.query if key == name]

    def json(self) -> Any:
        """The body decoded as JSON; None when there is none."""
        return json.loads(self.body) if self.body else None


Route = Callable[[Request, dict[str, str]], Any]


def _check_settings(
    *, seed: object, count: object, now: object, api_key: object, validate: object, port: object
) -> None:
    """The fake's settings, checked as the SDK checks its arguments: a wrong one fails here, by
    name, not deep in the data it would have made (`count="3"`) or as an empty store (`count=-1`)."""
    as_int("seed", seed)
    if count is not None:
        as_int("count", count, minimum=0)
    if now is not None:
        if not isinstance(now, datetime.datetime):
            raise TypeError(f"now must be a datetime.datetime, not {type(now).__name__}")
        if now.utcoffset() is None:
            raise ValueError("now must be timezone-aware (e.g. datetime.now(timezone.utc)), not naive")
    as_text("api_key", api_key)
    as_bool("validate", validate)
    as_int("port", port, minimum=0, maximum=65535)


class FakeServer:
    """Base of the fake vendor servers: start it, point a client at `base_url`, stop it.

    Subclasses give the raw package whose spec they serve, the routes (by operationId) and
    their realistic data; the paths, the server prefix and the auth header come from the
    spec (the package's `api_shape`), and what the realistic data lacks from its schemas.
    """

    spec_package: str
    default_count: int
    execution_operation: str
    """The operation whose success response is one stored execution: its schema completes the store."""
    known_properties: frozenset[str] = frozenset()
    """Top-level properties the realistic data decides about, present or not: never added from the schema."""

    def __init__(
        self,
        *,
        seed: int = 0,
        count: int | None = None,
        now: datetime.datetime | None = None,
        api_key: str = "test-key",
        validate: bool = True,
        port: int = 0,
    ) -> None:
        """`count` executions are made from `seed`, dated up to `now` (default: the current time);
        `clock` starts at `now` and runs on, so what is created later is dated when it is created."""
        _check_settings(seed=seed, count=count, now=now, api_key=api_key, validate=validate, port=port)
        self.rng = random.Random(seed)
        self.now = now or datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        """When the seeded executions end: the clock's start."""
        self.clock: FakeClock = FakeClock(self.now)
        """The fake's time (`FakeClock`): new executions' `createdAt`, durations and terminal times,
        and the schedules of those it runs. `clock.freeze()` and `clock.advance(s)` control it."""
        self.api_key = api_key
        self.validate = validate
        self.latency = 0.0
        """Seconds added to every response."""
        self.faults = Faults()
        self.requests: list[RecordedRequest] = []
        self.max_in_flight = 0
        """The most requests the server has been answering at once."""
        self._in_flight = 0
        self.violations: list[Violation] = []
        self._lock = threading.Lock()
        self.connections: Connections = Connections()
        """Connections accepted (`connections.opened`) and open; `connections.idle_timeout` (seconds,
        None: never) closes one left idle that long, as a real server's keep-alive timeout does."""
        self._port = port
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self.shape = _load_shape(self.spec_package)
        self.schema = SchemaData(_load_spec(self.spec_package), seed)
        self._openapi = _load_openapi(self.spec_package, self.shape.server_path) if validate else None
        self._store: dict[str, JSON] = {}
        self._store_lock = threading.Lock()
        self._version = 0  # bumped by every change, so listings can be cached between changes
        self._listings: dict[Any, list[JSON]] = {}
        self._pages: dict[Any, bytes] = {}
        self._read = threading.local()  # the store version this thread's request read its listing at
        self.populate(self.default_count if count is None else count)

    # --- lifecycle ------------------------------------------------------------

    def start(self) -> Self:
        if self._server is None:
            # The socket is bound here, so that a port in use is an `OSError` (werkzeug, binding
            # itself, prints a line and calls sys.exit).
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                listener.bind(("127.0.0.1", self._port))
                listener.listen(128)
                self._server = make_server(
                    "127.0.0.1",
                    self._port,
                    self._wsgi,
                    threaded=True,
                    request_handler=persistent_handler(self.connections),
                    fd=listener.fileno(),  # werkzeug serves a duplicate; this one closes here
                )
            server = self._server
            self._thread = threading.Thread(
                target=lambda: server.serve_forever(poll_interval=0.05), name=type(self).__name__, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; raise `SpecViolation` if a response broke the spec while running."""
        if self._server is not None:
            self._server.shutdown()
            self.connections.shut_all()  # kept-alive connections would keep their threads waiting
            self._server.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._server = None
        self.assert_no_violations()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc is None:
            self.stop()
        else:  # the test's own failure matters more than a violation it may have caused
            violations, self.violations = self.violations, []
            self.stop()
            self.violations = violations

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the server is not running: call start() or use it as a context manager")
        return int(self._server.port)

    @property
    def url(self) -> str:
        """The server's root URL (without the API's path prefix)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """What to pass as a client's `base_url`: the root URL plus the spec's server path."""
        return self.url + self.shape.server_path

    @property
    def api_url(self) -> str:
        """`base_url` plus the spec's common path prefix: where each operation's path after that
        prefix (`/executions`, whichever form the pinned spec has) is appended."""
        return self.shape.api_root(self.base_url)

    @property
    def auth_header(self) -> str:
        """The header the pinned spec sends the API key in."""
        return self.shape.auth_header

    @property
    def auth_headers(self) -> dict[str, str]:
        """The auth header with this server's key, for requests made by hand."""
        return {self.shape.auth_header: self.shape.auth_prefix + self.api_key}

    def url_for(self, operation_id: str, **path_values: str) -> str:
        """The full URL of an operation, e.g. `url_for("ExecutionGet", execution_id=...)`."""
        shape = self.shape.operation(operation_id)
        return self.api_url + shape.path_for(**path_values)

    def assert_no_violations(self) -> None:
        if self.violations:
            raise SpecViolation(list(self.violations))

    # --- the store ------------------------------------------------------------

    @property
    def executions(self) -> list[JSON]:
        """A snapshot of every stored execution, in wire format."""
        with self._store_lock:
            return [dict(item) for item in self._store.values()]

    def add(self, execution: JSON | None = None, **overrides: Any) -> JSON:
        """Store an execution (a new realistic one by default), with `overrides` applied."""
        item = execution if execution is not None else self.new_execution()
        item.update(overrides)
        self.complete(item)
        with self._store_lock:
            self._store[item["id"]] = item
            self._version += 1
        return item

    def update(self, execution_id: str, **changes: Any) -> JSON:
        """Change stored properties of an execution; return its new state."""
        with self._store_lock:
            item = self._store[execution_id]
            self.apply_changes(item, changes)
            self.complete(item)
            self._version += 1
            return dict(item)

    def remove(self, execution_id: str) -> None:
        with self._store_lock:
            del self._store[execution_id]
            self._version += 1

    def listing(self, query: Any, build: Callable[[Iterable[JSON]], list[JSON]]) -> list[JSON]:
        """`build(store)` for this query, cached until the store changes (pages of one listing share
        it). Several queries stay cached, so clients that interleave their listings do not evict
        each other's."""
        with self._store_lock:
            key = (self._version, query)
            listing = self._listings.get(key)
            if listing is None:
                if len(self._listings) >= MAX_CACHED_LISTINGS or _stale(self._listings, self._version):
                    self._listings.clear()
                listing = self._listings[key] = build(self._store.values())
            self._read.version = self._version
            return listing

    def encoded_page(self, key: Any, make: Callable[[], Any]) -> bytes:
        """The JSON of one page of the current listing, encoded once until the store changes,
        so that a benchmark measures its clients rather than this server's json.dumps.

        The page is cached under the version its listing was read at, not the current one: a
        change between the two (another thread's `add()`) must not file an old page as new."""
        version = getattr(self._read, "version", None)
        self._read.version = None
        if version is None:
            with self._store_lock:
                version = self._version
        cached = self._pages.get((version, key))
        if cached is None:
            cached = json.dumps(make()).encode()
            with self._store_lock:
                if len(self._pages) >= MAX_CACHED_PAGES or _stale(self._pages, self._version):
                    self._pages.clear()
                self._pages[(version, key)] = cached
        return cached

    def populate(self, count: int) -> None:
        """Fill the store with `count` realistic executions drawn from `self.rng`."""
        raise NotImplementedError

    def new_execution(self) -> JSON:
        """A realistic execution for `add()`."""
        raise NotImplementedError

    def apply_changes(self, item: JSON, changes: dict[str, Any]) -> None:
        item.update(changes)

    def complete(self, item: JSON) -> None:
        """Give a stored execution what the pinned spec requires and the realistic data lacks."""
        schema = self.schema.response_schema(self.execution_operation)
        self.schema.complete(item, schema, key=str(item.get("id")), known=self.known_properties)

    # --- faults ---------------------------------------------------------------

    def fail_next(
        self,
        status: int = 503,
        *,
        times: int = 1,
        after: int = 0,
        retry_after: str | int | None = None,
        body: str | bytes | None = None,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:
        """Answer `times` requests with `status` (JSON error body unless `body` is given), after letting
        `after` requests through; `headers` are added (a `Location` for a redirect, say)."""
        fault = Fault(
            "status",
            times,
            after,
            status=status,
            retry_after=retry_after,
            body=body,
            content_type=content_type,
            headers=dict(headers or {}),
        )
        self.faults.add(fault)

    def html_error_next(self, status: int = 502, *, times: int = 1) -> None:
        """Answer like a proxy in front of the API: an HTML error page."""
        page = f"<html><head><title>{status} Bad Gateway</title></head><body><h1>{status}</h1>nginx</body></html>"
        self.fail_next(status, times=times, body=page, content_type="text/html")

    def drop_connection_next(self, *, times: int = 1) -> None:
        """Send the headers and half the body, then close the connection."""
        self.faults.add(Fault("drop", times))

    def truncate_next(self, *, times: int = 1) -> None:
        """Send a complete HTTP response whose JSON body is cut in half."""
        self.faults.add(Fault("truncate", times))

    def slow_next(self, seconds: float, *, times: int = 1, after: int = 0) -> None:
        """Wait `seconds` before answering the next requests (for timeouts), after letting `after`
        requests through."""
        self.faults.add(Fault("slow", times, after, seconds=seconds))

    def corrupt_next(
        self,
        *,
        times: int = 1,
        status: str | None = None,
        extra: JSON | None = None,
        missing: str | None = None,
        content_type: str | None = None,
    ) -> None:
        """Break the spec in the next responses: every execution gets `status` and `extra`
        properties or loses `missing`; or the body is labelled `content_type`. Not validated."""
        self.faults.add(
            Fault("corrupt", times, item_status=status, extra=extra, missing=missing, content_type=content_type)
        )

    def trickle_next(self, seconds_per_byte: float = 0.5, *, times: int = 1) -> None:
        """Send the next bodies one byte every `seconds_per_byte` (each read is quick; the whole is not)."""
        self.faults.add(Fault("trickle", times, seconds=seconds_per_byte))

    def endless_next(self, *, times: int = 1) -> None:
        """Answer 200 with a JSON body that never ends, until the client hangs up."""
        self.faults.add(Fault("endless", times))

    def deep_json_next(self, depth: int = 100_000, *, times: int = 1) -> None:
        """Answer 200 with JSON arrays nested `depth` deep."""
        self.faults.add(Fault("deep", times, extra={"depth": depth}))

    def bad_encoding_next(self, *, times: int = 1) -> None:
        """Answer 200 with `Content-Encoding: gzip` on a body that is not gzip."""
        self.faults.add(Fault("bad_encoding", times))

    def echo_headers_next(self, status: int = 400, *, times: int = 1) -> None:
        """Answer `status` with an error body quoting every request header, the API key included, as
        some servers and proxies do."""
        self.faults.add(Fault("echo", times, status=status))

    def redirect_next(self, location: str, status: int = 302, *, times: int = 1) -> None:
        """Answer with a redirect to `location` (another origin, say)."""
        self.fail_next(status, times=times, body="", headers={"Location": location})

    # --- serving --------------------------------------------------------------

    def routes(self) -> list[tuple[str, Route]]:
        """(operationId, handler) pairs; the handler gets the path's `{name}` segments by wire name."""
        raise NotImplementedError

    def authorized(self, request: Request) -> bool:
        return request.headers.get(self.shape.auth_header) == self.shape.auth_prefix + self.api_key

    def error_body(self, status: int, message: str) -> JSON:
        return {"message": message}

    def execution_items(self, payload: Any) -> Iterator[JSON]:
        """The execution objects inside a response payload (for `corrupt_next`)."""
        raise NotImplementedError

    def _wsgi(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            return self._answer(environ, start_response)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _answer(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        number = self._record(Request(environ))
        start_response = _with_request_id(start_response, f"req-{number}")
        request = Request(_without_empty_params(environ))
        fault = self.faults.take()
        delay = self.latency + (fault.seconds if fault is not None and fault.kind == "slow" else 0.0)
        if delay:
            time.sleep(delay)
        if fault is not None and fault.kind == "status":
            return fault.response(self.error_body)(environ, start_response)
        if fault is not None and fault.kind in HOSTILE_KINDS and fault.kind != "trickle":
            return fault.hostile(Response(), dict(Request(environ).headers), environ, start_response)
        response, validate, operation_id = self._dispatch(request)
        if fault is not None and fault.kind == "corrupt":
            response, validate = fault.corrupt(response, self.execution_items), False
        if validate and self._openapi is not None:
            self._check_response(request, response, operation_id)
        if fault is not None and fault.kind in ("drop", "truncate"):
            return fault.cut(response, environ, start_response)
        if fault is not None and fault.kind == "trickle":
            return fault.hostile(response, {}, environ, start_response)
        return response(environ, start_response)

    def _record(self, request: Request) -> int:
        """Log the request; return its number, which the response carries as `X-Request-Id: req-<n>`."""
        headers = {k.lower(): (REDACTED if self._secret(k, v) else v) for k, v in request.headers}
        query = list(request.args.items(multi=True))
        body = request.get_data()
        request.environ["wsgi.input"] = io.BytesIO(body)  # read again by the route's own Request
        recorded = RecordedRequest(request.method, request.path, query, headers, body=body)
        with self._lock:
            self.requests.append(recorded)
            return len(self.requests)

    def _secret(self, name: str, value: str) -> bool:
        """Whether a header is to be redacted in the log: the auth header, or any carrying the key
        (`X-Api-Key` under `serve_newer_api`, say)."""
        return name.lower() in (self.auth_header.lower(), "authorization") or bool(
            self.api_key and self.api_key in value
        )

    def _dispatch(self, request: Request) -> tuple[Response, bool, str]:
        """Route the request; the bool says whether the answer is to be validated, the str names
        the operation."""
        path, root = request.path, self.shape.server_path + self.shape.path_prefix
        if root and not path.startswith(root + "/"):
            return self._json(404, self.error_body(404, f"no route {path}")), False, "(no route)"
        local, allowed = path[len(root) :], []
        problem = _not_json(request)
        if problem is not None:  # stored, a NaN would break every later response, validated or not
            return self._json(400, self.error_body(400, problem)), False, "(not JSON)"
        for operation_id, handler in self.routes():
            operation = self.shape.operation(operation_id)
            values = _match(operation.path, local)
            if values is None:
                continue
            if request.method != operation.method:
                allowed.append(operation.method)
                continue
            if not self.authorized(request):
                return self._json(401, self.error_body(401, "invalid or missing API key")), True, operation_id
            problem = self._check_request(request)
            if problem is not None:
                return self._json(400, self.error_body(400, problem)), True, operation_id
            try:
                status = self.schema.success_status(operation_id)
                return self._reply(handler(request, values), status), True, operation_id
            except ApiError as exc:
                return self._json(exc.status, self.error_body(exc.status, exc.message)), True, operation_id
        if allowed:
            refused = self._json(405, self.error_body(405, "method not allowed"))
            refused.headers["Allow"] = ", ".join(sorted(set(allowed)))
            return refused, False, "(method not allowed)"
        return self._json(404, self.error_body(404, f"no route {path}")), False, "(no route)"

    def _check_request(self, request: Request) -> str | None:
        if self._openapi is None:
            return None
        try:
            self._openapi.validate_request(WerkzeugOpenAPIRequest(request))
        except Exception as exc:
            return _describe(exc)
        return None

    def _check_response(self, request: Request, response: Response, operation_id: str) -> None:
        assert self._openapi is not None
        try:
            self._openapi.validate_response(WerkzeugOpenAPIRequest(request), WerkzeugOpenAPIResponse(response))
        except Exception as exc:
            where, body = f"{request.method} {request.full_path.rstrip('?')}", response.get_data(as_text=True)
            found = [Violation(operation_id, where, *error, body) for error in _schema_violations(exc)]
            with self._lock:
                self.violations.extend(found)

    def _reply(self, answer: Any, status: int = 200) -> Response:
        """A route's answer as a response: a `Reply` as it says, anything else as JSON with `status`
        (the operation's first documented success status)."""
        if not isinstance(answer, Reply):
            return self._json(status, answer)
        if answer.payload is None:
            response = Response(b"", status=answer.status, content_type=None)
        else:
            response = self._json(answer.status, answer.payload)
        for name, value in answer.headers.items():
            response.headers[name] = value
        return response

    @staticmethod
    def _json(status: int, payload: Any) -> Response:
        """A JSON response; `bytes` are taken as JSON already encoded (a cached page)."""
        body = payload if isinstance(payload, bytes) else json.dumps(payload)
        return Response(body, status=status, content_type="application/json")


def _not_json(request: Request) -> str | None:
    """Why a request's body is not JSON (`NaN`, `Infinity`, nesting too deep, not text), or None
    when it is, or there is none: the SDK's own decoder decides."""
    body = request.get_data(cache=True)
    if not body:
        return None
    try:
        _json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        return f"the request body is not JSON: {exc}"
    return None


def _stale(cache: dict[Any, Any], version: int) -> bool:
    """Whether a cache keyed by `(store version, ...)` holds entries of an older version (all its
    keys share one version: it is cleared whenever that changes)."""
    return bool(cache) and next(iter(cache))[0] != version


def int_arg(value: str, name: str, minimum: int, maximum: int | None = None) -> int:
    """A whole-number query parameter in range, else a 400."""
    try:
        number = int(value)
    except ValueError:
        raise ApiError(400, f"{name} must be an integer") from None
    if number < minimum or (maximum is not None and number > maximum):
        raise ApiError(400, f"{name} must be between {minimum} and {maximum or 'any'}")
    return number


def _with_request_id(start_response: Callable[..., Any], request_id: str) -> Callable[..., Any]:
    def start(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
        return start_response(status, [*headers, ("X-Request-Id", request_id)], *args)

    return start


def _without_empty_params(environ: dict[str, Any]) -> dict[str, Any]:
    """Treat `name=` as absent, as the vendors' servers do; openapi-core would reject it."""
    query = environ.get("QUERY_STRING", "")
    pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
    if all(value for _, value in pairs):
        return environ
    return {**environ, "QUERY_STRING": urllib.parse.urlencode([(k, v) for k, v in pairs if v])}


def _match(pattern: str, path: str) -> dict[str, str] | None:
    want, got = pattern.strip("/").split("/"), path.strip("/").split("/")
    if len(want) != len(got):
        return None
    values: dict[str, str] = {}
    for w, g in zip(want, got, strict=True):
        if w.startswith("{") and w.endswith("}"):
            values[w[1:-1]] = g
        elif w != g:
            return None
    return values


def _schema_violations(exc: BaseException) -> list[tuple[str, str, str]]:
    """(JSON path, rule, short message) of every schema error under an openapi-core error, by path.

    At most `MAX_VIOLATIONS_PER_RESPONSE`; a last entry (rule `more`) says how many were left out.
    """
    cause: BaseException | None = exc
    while cause is not None and not getattr(cause, "schema_errors", None):
        cause = cause.__cause__
    if cause is None:
        return [("$", type(exc).__name__, _shorten(_describe(exc)))]
    # An error of a `oneOf`/`anyOf` holds each branch's errors: the most relevant one says most.
    errors = [best_match([error]) for error in getattr(cause, "schema_errors", ())]
    found = sorted({(e.json_path, str(e.validator), _shorten(e.message)) for e in errors}, key=_path_order)
    if len(found) > MAX_VIOLATIONS_PER_RESPONSE:
        left_out = len(found) - MAX_VIOLATIONS_PER_RESPONSE
        more = ("$", "more", f"{left_out} more schema errors in this response, not listed")
        found = [*found[:MAX_VIOLATIONS_PER_RESPONSE], more]
    return found


def _path_order(error: tuple[str, str, str]) -> tuple[Any, ...]:
    """JSON paths in document order: `$.items[2]` before `$.items[10]`."""
    parts = re.split(r"\[(\d+)\]", error[0])
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts)), error[1]


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_RULE_TEXT else text[: MAX_RULE_TEXT - 1] + "…"


def _describe(exc: BaseException) -> str:
    """openapi-core's message and its causes, on one line."""
    parts = [_text_of(exc)]
    cause = exc.__cause__
    while cause is not None and len(parts) < 4:
        parts.append(_text_of(cause).splitlines()[0] or type(cause).__name__)
        cause = cause.__cause__
    return ": ".join(parts)


def _text_of(exc: BaseException) -> str:
    """`str(exc)`, or its class name when that fails (openapi-core decodes a request body that is not
    UTF-8 inside `__str__`)."""
    try:
        return str(exc) or type(exc).__name__
    except Exception:
        return type(exc).__name__


@functools.cache
def _load_spec(package: str) -> JSON:
    """The normalized spec the raw client was generated from (shipped in its package)."""
    spec: JSON = json.loads(resources.files(package).joinpath("openapi.json").read_text(encoding="utf-8"))
    return spec


@functools.cache
def _load_shape(package: str) -> ApiShape:
    return ApiShape.of(importlib.import_module(f"{package}.api_shape"))


def _drop_discriminators(node: Any) -> None:
    """Remove every `discriminator` from the spec the fake validates against. openapi-core looks a
    value missing from a mapping up as a schema name and fails, so a variant the spec does not know
    (an activity kind, a trigger source) could never be served; without them the `oneOf` stays
    exact, since the regeneration's catch-all branch excludes the known values."""
    if isinstance(node, dict):
        node.pop("discriminator", None)
        for value in node.values():
            _drop_discriminators(value)
    elif isinstance(node, list):
        for value in node:
            _drop_discriminators(value)


@functools.cache
def _load_openapi(package: str, prefix: str) -> OpenAPI:
    """The spec the raw client was generated from, served at this server's path prefix."""
    spec = json.loads(json.dumps(_load_spec(package)))  # a copy: the servers entry changes
    spec["servers"] = [{"url": prefix or "/"}]
    _drop_discriminators(spec)
    logging.getLogger("openapi_core").setLevel(logging.WARNING)
    return OpenAPI.from_dict(spec)
