"""Verify and read the signed notifications Asteroid POSTs to a webhook (needs the `webhooks` extra).

    from agent_executions.webhooks import ExecutionCompletedPayload, unwrap

    notification = unwrap(raw_body, request_headers)  # key from $ASTEROID_WEBHOOK_PUBLIC_KEY
    if isinstance(notification.payload, ExecutionCompletedPayload):
        print(notification.payload.result)

The signature (RSA PKCS#1 v1.5 over SHA-256 of the raw body, base64 in `X-Asteroid-Signature`) is
checked before anything is parsed. It covers no timestamp: deduplicate on `event_id` against replays.
The payload classes are the models generated from the vendor's webhook document, under stable names;
`Notification` is this module's own, so that `payload` is typed as the union of them.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import functools
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
from asteroid_webhooks_raw import models as _models
from asteroid_webhooks_raw.api_shape import PAYLOADS
from asteroid_webhooks_raw.models import (
    ActionCompletedPayload,
    ActionFailedPayload,
    ActionStartedPayload,
    BatchCompletedPayload,
    ExecutionAwaitingConfirmationPayload,
    ExecutionCancelledPayload,
    ExecutionCompletedPayload,
    ExecutionFailedPayload,
    ExecutionPausedPayload,
    ExecutionResumedPayload,
    ExecutionStartedPayload,
    FileAddedPayload,
    StepCompletedPayload,
    StepStartedPayload,
    UserMessageReceivedPayload,
    WebhookCategory,
    WebhookEvent,
    WebhookExecutionInfo,
    WebhookExecutionInfoPayload,
    WebhookNotification,
    WorkflowUpdatedPayload,
)

from . import _json
from .errors import WebhookPayloadError, WebhookVerificationError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

SIGNATURE_HEADER = "X-Asteroid-Signature"
"""The header that carries the base64 signature of the body (its name is read in any case)."""
PUBLIC_KEY_ENV = "ASTEROID_WEBHOOK_PUBLIC_KEY"
"""The variable `verify` and `unwrap` read the vendor's public key from when given none."""
INSTALL_HINT = "pip install 'agent-executions[webhooks]'"
MIN_KEY_BITS = 2048
"""RSA keys shorter than this are refused: a short modulus can be factored, and any body then forged."""
Headers: TypeAlias = (
    Mapping[str, str] | Mapping[bytes, bytes] | Iterable[tuple[str, str]] | Iterable[tuple[bytes, bytes]]
)
"""The request's headers: a mapping (Starlette, Django, a dict), or (name, value) pairs (Flask's `request.headers`,
an ASGI scope's `headers`); names and values are str, or bytes read as latin-1 (as ASGI's are)."""

WebhookPayload: TypeAlias = (
    ActionCompletedPayload
    | ActionFailedPayload
    | ActionStartedPayload
    | BatchCompletedPayload
    | ExecutionAwaitingConfirmationPayload
    | ExecutionCancelledPayload
    | ExecutionCompletedPayload
    | ExecutionFailedPayload
    | ExecutionPausedPayload
    | ExecutionResumedPayload
    | ExecutionStartedPayload
    | FileAddedPayload
    | StepCompletedPayload
    | StepStartedPayload
    | UserMessageReceivedPayload
    | WorkflowUpdatedPayload
    | WebhookExecutionInfoPayload
)
"""A notification's payload: the model of its event, or the open object (`WebhookExecutionInfoPayload`, with
`to_dict()` and `additional_properties`) for an event newer than this version."""


@attrs.frozen
class Notification:
    """A verified notification, as `unwrap` returns it: the envelope's `type`, `event_id` and `timestamp`
    (timezone-aware), `info` (the execution, agent and metadata; its own `info.payload` is the open object
    as sent), and `payload`, the model of `event`'s payload, for `isinstance` checks."""

    type: WebhookCategory
    event_id: str
    """Unique per notification: deduplicate on it (the signature covers no timestamp)."""
    timestamp: datetime.datetime
    info: WebhookExecutionInfo
    payload: WebhookPayload

    @property
    def event(self) -> WebhookEvent:
        """`info.event`: an open enum, equal to its string, kept when newer than this version."""
        return self.info.event


def verify(body: bytes, headers: Headers, *, public_key: str | None = None) -> None:
    """Check that `body` (the raw bytes received) is signed by `public_key` (base64 DER or PEM; default
    `$ASTEROID_WEBHOOK_PUBLIC_KEY`); raise `WebhookVerificationError` if not."""
    _verify(_bytes(body), headers, public_key)


def unwrap(body: bytes, headers: Headers, *, public_key: str | None = None) -> Notification:
    """Verify `body` (as `verify` does), then parse it: `payload` is the model of the event's payload (an
    event newer than this version keeps the open object). A refused signature or key is
    `WebhookVerificationError`; any failure after a valid signature is `WebhookPayloadError` (a subclass,
    carrying the decoded body as `data`)."""
    data = _bytes(body)  # one copy, verified and then parsed: a buffer changed meanwhile is not read again
    _verify(data, headers, public_key)
    try:
        raw = _json.loads(data)
    except _json.TooDeeplyNested:
        raise WebhookPayloadError("the signed body is JSON nested too deeply to decode", data=None) from None
    except ValueError:  # not JSON, not in a JSON encoding, NaN or Infinity
        raise WebhookPayloadError("the signed body is not JSON", data=None) from None
    return _parse(raw)


def _bytes(body: object) -> bytes:
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError(f"body must be the raw bytes received, not {type(body).__name__}: a decoded body may differ")
    return bytes(body)


def _verify(body: bytes, headers: Headers, public_key: str | None) -> None:
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding
    except ImportError as exc:
        raise ImportError(f"verifying webhooks needs the cryptography package: {INSTALL_HINT}", name=exc.name) from exc
    signature = _signature(headers)
    key = _public_key(public_key)

    try:
        key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise WebhookVerificationError(
            f"the {SIGNATURE_HEADER} signature does not match the body and the public key: the body was changed, "
            "or signed with another key (verify the raw bytes received, before any parsing)"
        ) from None


_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), "a number")


def _parse(raw: Any) -> Notification:
    """The notification in `raw` (the verified body, decoded); anything else is `WebhookPayloadError`."""
    if not isinstance(raw, dict) or not isinstance(raw.get("info"), dict) or "type" not in raw:
        raise WebhookPayloadError(
            "the signed body is not a notification envelope ({type, event_id, timestamp, info}): an agent whose "
            'webhook is set to "unwrap result" sends only the result; it is in this error\'s .data',
            data=raw,
        )
    kind = raw["type"]
    if not isinstance(kind, str):
        raise WebhookPayloadError(f"the notification's type is {_json_type(kind)}, not a string", data=raw)
    if kind not in WebhookCategory._value2member_map_:
        known = ", ".join(repr(value) for value in WebhookCategory._value2member_map_)
        raise WebhookPayloadError(
            f"the notification's type {kind!r} is not one this version reads ({known}); "
            "the body is in this error's .data",
            data=raw,
        )
    try:
        envelope = WebhookNotification.from_dict(raw)
        info = envelope.info
        if envelope.timestamp.tzinfo is None:
            raise WebhookPayloadError("the notification's timestamp has no UTC offset", data=raw)
        metadata = info.metadata.additional_properties if info.metadata is not None else {}
        for name, value in metadata.items():
            if not isinstance(value, str):
                raise WebhookPayloadError(
                    f"the metadata value {name!r} is {_json_type(value)}, not a string as documented", data=raw
                )
        model = PAYLOADS.get(str(info.event))
        # The event's own model; an event newer than the pin keeps the open object.
        payload: WebhookPayload = getattr(_models, model).from_dict(raw["info"]["payload"]) if model else info.payload
    except WebhookPayloadError:
        raise
    except Exception as exc:  # whatever a model's parsing raises: the body is authentic, and unreadable
        raise WebhookPayloadError(
            f"the signed body is not a notification as documented: {_reason(exc)}", data=raw
        ) from exc
    return Notification(
        type=envelope.type_, event_id=envelope.event_id, timestamp=envelope.timestamp, info=info, payload=payload
    )


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError) and exc.args:
        return f"missing property {exc.args[0]!r}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc) or type(exc).__name__


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("latin-1")  # as ASGI servers and http.client read header bytes
    raise TypeError(
        f"headers: each name and value must be a str (or bytes), not {type(value).__name__}"
        + (" (join several values of one header first)" if isinstance(value, list | tuple) else "")
    )


def _pairs(headers: object) -> list[tuple[str, str]]:
    """The headers as (name, value) strings; TypeError naming `headers` for anything else."""
    if headers is None or isinstance(headers, str | bytes | bytearray):
        raise TypeError(f"headers must be a mapping or (name, value) pairs, not {type(headers).__name__}")
    items: Any = headers.items() if hasattr(headers, "items") else headers
    try:
        pairs = list(items)
    except TypeError:
        raise TypeError(f"headers must be a mapping or (name, value) pairs, not {type(headers).__name__}") from None
    found: list[tuple[str, str]] = []
    for pair in pairs:
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise TypeError(f"headers must be a mapping or (name, value) pairs, not pairs of {type(pair).__name__}")
        found.append((_text(pair[0]), _text(pair[1])))
    return found


def _signature(headers: Headers) -> bytes:
    wanted = SIGNATURE_HEADER.lower()
    values = {value for name, value in _pairs(headers) if name.lower() == wanted}
    if not values:
        raise WebhookVerificationError(f"no {SIGNATURE_HEADER} header: the request is not signed")
    if len(values) > 1:
        raise WebhookVerificationError(f"several different {SIGNATURE_HEADER} headers")
    (text,) = values
    try:
        signature = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise WebhookVerificationError(f"the {SIGNATURE_HEADER} header is not base64") from None
    if not signature:
        raise WebhookVerificationError(f"the {SIGNATURE_HEADER} header is empty")
    return signature


def _public_key(given: str | None) -> RSAPublicKey:
    if given is not None and not isinstance(given, str):
        raise TypeError(f"public_key must be a str (base64 DER or PEM), not {type(given).__name__}")
    if given is not None:
        if not given.strip():  # passed, but empty: never a silent fallback to the environment
            raise WebhookVerificationError("public_key is empty: pass the key Asteroid publishes (base64 DER or PEM)")
        return _load_key(given.strip(), "public_key")
    text = os.environ.get(PUBLIC_KEY_ENV)
    if not text or not text.strip():
        raise WebhookVerificationError(
            f"no webhook public key: pass public_key= or set ${PUBLIC_KEY_ENV} to the key Asteroid publishes"
        )
    return _load_key(text.strip(), f"${PUBLIC_KEY_ENV}")


def _hint(text: str) -> str:
    """Why a key that does not load may not have: two common ways of pasting one wrongly (never the key)."""
    if text[:1] in ("'", '"') or text[-1:] in ("'", '"'):
        return ": it is wrapped in quotes, remove them"
    if "\\n" in text:
        return ": it contains a literal \\n, write real line breaks (or give the base64 lines only)"
    return ""


@functools.lru_cache(maxsize=8)
def _load_key(text: str, source: str) -> RSAPublicKey:
    """The RSA public key in `text` (PEM, or base64 of the DER SubjectPublicKeyInfo); parsed once per key."""
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
    from cryptography.hazmat.primitives.serialization import load_der_public_key, load_pem_public_key

    try:
        if text.startswith("-----BEGIN"):
            key: object = load_pem_public_key(text.encode("ascii"))
        else:
            key = load_der_public_key(base64.b64decode("".join(text.split()), validate=True))
    except (ValueError, TypeError, UnicodeEncodeError, binascii.Error):
        raise WebhookVerificationError(
            f"{source} is not a public key (base64 of its DER SubjectPublicKeyInfo, or PEM){_hint(text)}"
        ) from None
    except Exception as exc:  # cryptography's UnsupportedAlgorithm
        raise WebhookVerificationError(f"{source} is not a usable public key: {type(exc).__name__}") from None
    if not isinstance(key, RSAPublicKey):
        raise WebhookVerificationError(f"{source} is not an RSA key ({type(key).__name__})")
    if key.key_size < MIN_KEY_BITS:
        raise WebhookVerificationError(
            f"{source} is a {key.key_size}-bit RSA key: keys under {MIN_KEY_BITS} bits are refused (a short key "
            "can be factored, and any body then signed)"
        )
    return key


__all__ = [
    "ActionCompletedPayload",
    "ActionFailedPayload",
    "ActionStartedPayload",
    "BatchCompletedPayload",
    "ExecutionAwaitingConfirmationPayload",
    "ExecutionCancelledPayload",
    "ExecutionCompletedPayload",
    "ExecutionFailedPayload",
    "ExecutionPausedPayload",
    "ExecutionResumedPayload",
    "ExecutionStartedPayload",
    "FileAddedPayload",
    "Headers",
    "Notification",
    "StepCompletedPayload",
    "StepStartedPayload",
    "UserMessageReceivedPayload",
    "WebhookCategory",
    "WebhookEvent",
    "WebhookExecutionInfo",
    "WebhookExecutionInfoPayload",
    "WebhookPayload",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "WorkflowUpdatedPayload",
    "unwrap",
    "verify",
]
