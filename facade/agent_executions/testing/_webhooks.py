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
import threading
import time
import urllib.parse
from collections.abc import Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs
import httpx

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

INSTALL_HINT = "pip install 'agent-executions[webhooks]'"
SIGNATURE_HEADER = "X-Asteroid-Signature"
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


def check_url(url: Any) -> str:
    if not isinstance(url, str):
        raise TypeError(f"webhook_url must be a str, not {type(url).__name__}")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"webhook_url must be an http:// or https:// URL with a host, not {url!r}")
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
    """"pending" until sent, then "delivered" (a 2xx answer) or "failed" (every attempt failed)."""


class WebhookSender:
    """Delivers notifications from one background thread, one at a time and in order, retrying failures."""

    def __init__(self, url: str, retry_delays: Sequence[float]) -> None:
        self.url = url
        self.retry_delays = tuple(retry_delays)
        self.deliveries: list[WebhookDelivery] = []
        self._queue: queue.Queue[WebhookDelivery | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    def send(self, delivery: WebhookDelivery) -> None:
        with self._lock:
            self.deliveries.append(delivery)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="FakeAsteroidWebhooks", daemon=True)
                self._thread.start()
        self._queue.put(delivery)

    def wait(self, timeout: float) -> bool:
        """True once every queued delivery has been sent or has failed, False if `timeout` came first."""
        deadline = time.monotonic() + timeout
        while any(delivery.outcome == "pending" for delivery in list(self.deliveries)):
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        return True

    def stop(self, timeout: float) -> None:
        """Let pending deliveries finish for up to `timeout` seconds, then stop the thread."""
        self.wait(timeout)
        self._stopping.set()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout=SEND_TIMEOUT)

    def _run(self) -> None:
        with httpx.Client(timeout=SEND_TIMEOUT) as client:
            while (delivery := self._queue.get()) is not None:
                self._deliver(client, delivery)

    def _deliver(self, client: httpx.Client, delivery: WebhookDelivery) -> None:
        for attempt, delay in enumerate((0.0, *self.retry_delays)):
            if attempt and self._stopping.wait(delay):
                break
            try:
                response = client.post(self.url, content=delivery.body, headers=delivery.headers)
            except httpx.HTTPError as exc:
                delivery.attempts.append(f"{type(exc).__name__}: {exc}")
                continue
            delivery.attempts.append(str(response.status_code))
            if 200 <= response.status_code < 300:
                delivery.outcome = "delivered"
                return
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
