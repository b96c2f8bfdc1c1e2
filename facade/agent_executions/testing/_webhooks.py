"""Signed webhook notifications from the fake Asteroid server, and a loopback receiver that records them.

Assumption: the vendor documents no retry policy. The fake tries a delivery 3 times (after 0.1 s, then
0.2 s) when the receiver cannot be reached or answers other than 2xx, one delivery at a time, in order.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import queue
import re
import threading
import time
import urllib.parse
from collections.abc import Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs
import httpx

from ..webhooks import INSTALL_HINT

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

DEFAULT_RETRY_DELAYS = (0.1, 0.2)
"""Seconds before the second and the third attempt (Assumption: the vendor documents no policy)."""
SEND_TIMEOUT = 5.0

_key: RSAPrivateKey | None = None
_key_lock = threading.Lock()


def private_key() -> RSAPrivateKey:
    """The fakes' signing key: one 2048-bit RSA key per process (made once: it takes a while)."""
    global _key
    try:
        from cryptography.hazmat.primitives.asymmetric import rsa
    except ImportError as exc:
        raise ImportError(f"the fake's webhooks need the cryptography package: {INSTALL_HINT}", name=exc.name) from exc
    with _key_lock:
        if _key is None:
            _key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return _key


def public_key_text(key: RSAPrivateKey) -> str:
    """The public half as the vendor publishes its own: base64 of the DER SubjectPublicKeyInfo."""
    from cryptography.hazmat.primitives import serialization

    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode("ascii")


def sign(key: RSAPrivateKey, body: bytes) -> str:
    """Base64 of the RSA PKCS#1 v1.5 signature over SHA-256 of `body`, as `X-Asteroid-Signature` carries it."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return base64.b64encode(key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode("ascii")


def shown_url(url: str) -> str:
    """`url` without its userinfo and query, which may carry credentials or a token: for messages."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "(a URL that cannot be parsed)"
    netloc = parts.netloc.rpartition("@")[2]
    query = "?..." if parts.query else ""
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", "")) + query


_LABEL = re.compile(r"[A-Za-z0-9_-]{1,63}")


def check_url(url: Any) -> str:
    """`url` if httpx can POST to it: http(s), a host whose labels are valid (IDNA-encoded), a port 1-65535;
    else ValueError naming webhook_url (and the URL without userinfo and query)."""
    if not isinstance(url, str):
        raise TypeError(f"webhook_url must be a str, not {type(url).__name__}")
    wrong = f"webhook_url must be an http:// or https:// URL with a valid host and port, not {shown_url(url)!r}"
    try:
        parsed = httpx.URL(url)
        port = parsed.port
        host = parsed.raw_host.decode("ascii")
        _ = parsed.host  # decodes an IDNA host: a malformed A-label fails here, not in the sender
    except Exception as exc:  # httpx.InvalidURL, idna's errors (UnicodeError), anything else on a bad URL
        raise ValueError(f"{wrong}: {type(exc).__name__}") from None
    if parsed.scheme not in ("http", "https") or not host:
        raise ValueError(wrong)
    if port is not None and not 1 <= port <= 65535:
        raise ValueError(f"{wrong}: the port must be 1 to 65535")
    if ":" not in host:  # an IPv6 literal has no labels
        labels = host[:-1].split(".") if host.endswith(".") else host.split(".")
        if len(host) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
            raise ValueError(f"{wrong}: each label of the host must be 1 to 63 letters, digits or hyphens")
    return url


def check_delays(delays: Any) -> tuple[float, ...]:
    if isinstance(delays, str | bytes) or not isinstance(delays, Sequence):
        raise TypeError(f"webhook_retry_delays must be a sequence of seconds, not {type(delays).__name__}")
    for delay in delays:
        if isinstance(delay, bool) or not isinstance(delay, int | float) or not 0 <= delay < math.inf:
            raise ValueError(f"webhook_retry_delays: each delay must be a finite number >= 0, not {delay!r}")
    return tuple(float(delay) for delay in delays)


@attrs.define
class WebhookDelivery:
    """One notification the fake sent: the exact bytes and headers, and how each attempt went."""

    event: str
    execution_id: str
    event_id: str
    body: bytes
    headers: dict[str, str]
    attempts: list[str] = attrs.field(factory=list)
    """Each attempt's outcome: the status code (`"200"`) or the error (`"ConnectError: ..."`)."""
    outcome: str = "pending"
    """"pending" until sent, then "delivered" (a 2xx answer), "failed" (every attempt failed), or
    "abandoned" (the server stopped first; an attempt under way then may still reach the receiver)."""


class _Run:
    """One sender thread and what it reads: started by the first delivery after construction or start()."""

    def __init__(self, sender: WebhookSender) -> None:
        self.queue: queue.Queue[WebhookDelivery | None] = queue.Queue()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=sender._run, args=(self,), name="FakeAsteroidWebhooks", daemon=True)


class WebhookSender:
    """Delivers notifications from one background thread, one at a time and in order, retrying failures."""

    def __init__(self, url: str, retry_delays: Sequence[float]) -> None:
        self.url = url
        self.retry_delays = tuple(retry_delays)
        self.deliveries: list[WebhookDelivery] = []
        self._lock = threading.Lock()
        self._run_now: _Run | None = None
        self._stopped = False

    def start(self) -> None:
        """Send again after stop(): the next delivery starts a new thread."""
        with self._lock:
            self._stopped = False

    def send(self, delivery: WebhookDelivery) -> None:
        with self._lock:
            self.deliveries.append(delivery)
            if self._stopped:  # stop() came and no start() since: nothing sends it
                delivery.outcome = "abandoned"
                return
            if self._run_now is None:
                self._run_now = _Run(self)
                self._run_now.thread.start()
            self._run_now.queue.put(delivery)

    def wait(self, timeout: float) -> bool:
        """True once every queued delivery has been sent or has failed, False if `timeout` came first."""
        deadline = time.monotonic() + timeout
        while any(delivery.outcome == "pending" for delivery in list(self.deliveries)):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        return True

    def stop(self, timeout: float) -> None:
        """Let pending deliveries finish, then stop the thread, within `timeout` seconds in all: no attempt
        starts after this returns, and the deliveries still pending are marked "abandoned"."""
        deadline = time.monotonic() + timeout
        self.wait(timeout)
        with self._lock:
            run, self._run_now, self._stopped = self._run_now, None, True
            if run is not None:
                run.stopping.set()
                run.queue.put(None)
            for delivery in self.deliveries:
                if delivery.outcome == "pending":
                    delivery.outcome = "abandoned"
        if run is not None:
            run.thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def _run(self, run: _Run) -> None:
        with httpx.Client(timeout=SEND_TIMEOUT) as client:
            while (delivery := run.queue.get()) is not None and not run.stopping.is_set():
                self._deliver(client, run, delivery)

    def _deliver(self, client: httpx.Client, run: _Run, delivery: WebhookDelivery) -> None:
        for attempt, delay in enumerate((0.0, *self.retry_delays)):
            if attempt and run.stopping.wait(delay):
                return
            with self._lock:  # stop() marks what is pending under this lock: no attempt begins after it
                if run.stopping.is_set():
                    return
            try:
                response = client.post(self.url, content=delivery.body, headers=delivery.headers)
            except Exception as exc:  # anything: the thread must outlive a delivery, whatever goes wrong
                outcome = f"{type(exc).__name__}: {exc}"
            else:
                outcome = str(response.status_code)
            with self._lock:
                if delivery.outcome != "pending":  # abandoned by stop() while this attempt was under way
                    return
                delivery.attempts.append(outcome)
                if outcome.isdigit() and 200 <= int(outcome) < 300:
                    delivery.outcome = "delivered"
                    return
        with self._lock:
            if delivery.outcome == "pending":
                delivery.outcome = "failed"


@attrs.define
class ReceivedWebhook:
    """A request the receiver got: its path, headers (names as sent) and raw body."""

    path: str
    headers: dict[str, str]
    body: bytes


class WebhookReceiver:
    """A loopback HTTP server that records every POST and answers 200 (or `fail_next`'s status)."""

    def __init__(self) -> None:
        self.requests: list[ReceivedWebhook] = []
        self.delay = 0.0
        """Seconds to wait before answering each request: a slow receiver."""
        self._failures: list[int] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        """Where to point `webhook_url`."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/webhooks/asteroid"

    def fail_next(self, times: int = 1, *, status: int = 503) -> None:
        """Answer the next `times` requests with `status` (the fake then retries them)."""
        with self._lock:
            self._failures.extend([status] * times)

    def wait_for(self, count: int, timeout: float = 5.0) -> list[ReceivedWebhook]:
        """The requests received, once there are `count` of them; AssertionError after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while len(self.requests) < count:
            if time.monotonic() >= deadline:
                raise AssertionError(f"{len(self.requests)} webhook requests received in {timeout} s, not {count}")
            time.sleep(0.01)
        return list(self.requests)

    def start(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _answer(self, path: str, headers: Mapping[str, str], body: bytes) -> int:
        with self._lock:
            self.requests.append(ReceivedWebhook(path, dict(headers), body))
            return self._failures.pop(0) if self._failures else 200


def _handler(receiver: WebhookReceiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            time.sleep(receiver.delay)
            status = receiver._answer(self.path, dict(self.headers.items()), body)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: pytest shows what the test asserts, not an access log."""

    return Handler


@functools.cache
def _notification_checkers() -> tuple[Any, dict[str, Any]]:
    """JSON Schema validators, from the pinned webhook document, of the envelope and of each event's payload."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    spec = json.loads(resources.files("asteroid_webhooks_raw").joinpath("openapi.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource("urn:webhooks", Resource.from_contents(spec, default_specification=DRAFT202012))
    schemas = spec["components"]["schemas"]
    info = schemas["Notifications.V2.ExecutionInfo"]["properties"]["payload"]["x-payload-by"]["mapping"]

    def checker(ref: str) -> Any:
        return Draft202012Validator({"$ref": "urn:webhooks" + ref}, registry=registry)

    envelope = checker("#/components/schemas/Notifications.V2.NotificationV2")
    return envelope, {event: checker(target["$ref"]) for event, target in info.items()}


def notification_errors(body: bytes) -> list[tuple[str, str, str]]:
    """(JSON path, rule, message) of each way a notification the fake sends breaks the pinned webhook
    document: the envelope, then the payload against its event's schema."""
    envelope, payloads = _notification_checkers()
    note = json.loads(body)
    found = [(e.json_path, str(e.validator), e.message) for e in envelope.iter_errors(note)]
    info = note.get("info") if isinstance(note, dict) else None
    if isinstance(info, dict) and info.get("event") in payloads:
        checker = payloads[info["event"]]
        for error in checker.iter_errors(info.get("payload")):
            found.append((f"$.info.payload{error.json_path[1:]}", str(error.validator), error.message))
    return found
