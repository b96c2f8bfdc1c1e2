"""Verify and read the signed notifications Asteroid POSTs to a webhook (needs the `webhooks` extra).

    from agent_executions.webhooks import unwrap

    notification = unwrap(raw_body, request_headers)  # key from $ASTEROID_WEBHOOK_PUBLIC_KEY
    if notification.info.event == "EXECUTION_COMPLETED":
        print(notification.info.payload.result)

The signature (RSA PKCS#1 v1.5 over SHA-256 of the raw body, base64 in `X-Asteroid-Signature`) is
checked before anything is parsed. It covers no timestamp: deduplicate on `event_id` against replays.
The classes are the models generated from the vendor's webhook document, under stable names.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

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
    WebhookNotification,
    WorkflowUpdatedPayload,
)

from .errors import WebhookVerificationError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

SIGNATURE_HEADER = "X-Asteroid-Signature"
"""The header that carries the base64 signature of the body (its name is read in any case)."""
PUBLIC_KEY_ENV = "ASTEROID_WEBHOOK_PUBLIC_KEY"
"""The variable `verify` and `unwrap` read the vendor's public key from when given none."""
INSTALL_HINT = "pip install 'agent-executions[webhooks]'"
Headers = Mapping[str, str] | Iterable[tuple[str, str]]
"""The request's headers: a mapping (Starlette, Django, a dict) or (name, value) pairs (Flask's `request.headers`)."""


def verify(body: bytes, headers: Headers, *, public_key: str | None = None) -> None:
    """Check that `body` (the raw bytes received) is signed by `public_key` (base64 DER or PEM; default
    `$ASTEROID_WEBHOOK_PUBLIC_KEY`); raise `WebhookVerificationError` if not."""
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError(f"body must be the raw bytes received, not {type(body).__name__}: a decoded body may differ")
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding
    except ImportError as exc:
        raise ImportError(f"verifying webhooks needs the cryptography package: {INSTALL_HINT}", name=exc.name) from exc
    signature = _signature(headers)
    key = _public_key(public_key)

    try:
        key.verify(signature, bytes(body), padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise WebhookVerificationError(
            f"the {SIGNATURE_HEADER} signature does not match the body and the public key: the body was changed, "
            "or signed with another key (verify the raw bytes received, before any parsing)"
        ) from None


def unwrap(body: bytes, headers: Headers, *, public_key: str | None = None) -> WebhookNotification:
    """Verify `body` (as `verify` does), then parse it: `info.payload` is the model of `info.event`'s payload
    (an event newer than this version keeps the open object). Any failure is `WebhookVerificationError`."""
    verify(body, headers, public_key=public_key)
    try:
        raw = json.loads(bytes(body))
    except (ValueError, UnicodeDecodeError):
        raise WebhookVerificationError("the signed body is not JSON") from None
    return _parse(raw)


def _parse(raw: Any) -> WebhookNotification:
    if not isinstance(raw, dict) or not isinstance(raw.get("info"), dict) or "type" not in raw:
        raise WebhookVerificationError(
            "the signed body is not a notification envelope ({type, event_id, timestamp, info}): an agent whose "
            'webhook is set to "unwrap result" sends only the result; read it with verify() and json.loads()'
        )
    kind = raw["type"]
    if kind not in WebhookCategory._value2member_map_:
        known = ", ".join(repr(value) for value in WebhookCategory._value2member_map_)
        raise WebhookVerificationError(
            f"the notification's type {kind!r} is not one this version reads ({known}); "
            "read it with verify() and json.loads()"
        )
    try:
        notification = WebhookNotification.from_dict(raw)
        name = PAYLOADS.get(str(notification.info.event))
        if name is not None:  # the event's own model; an event newer than the pin keeps the open object
            notification.info.payload = getattr(_models, name).from_dict(raw["info"]["payload"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise WebhookVerificationError(f"the signed body is not a notification as documented: {_reason(exc)}") from exc
    return notification


def _reason(exc: Exception) -> str:
    return f"missing property {exc.args[0]!r}" if isinstance(exc, KeyError) and exc.args else str(exc)


def _signature(headers: Headers) -> bytes:
    wanted = SIGNATURE_HEADER.lower()
    pairs = headers.items() if isinstance(headers, Mapping) or hasattr(headers, "items") else headers
    values = {value for name, value in pairs if name.lower() == wanted}
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
    text = given if given is not None else os.environ.get(PUBLIC_KEY_ENV)
    if not text or not text.strip():
        raise WebhookVerificationError(
            f"no webhook public key: pass public_key= or set ${PUBLIC_KEY_ENV} to the key Asteroid publishes"
        )
    return _load_key(text.strip(), "public_key" if given is not None else f"${PUBLIC_KEY_ENV}")


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
            f"{source} is not a public key (base64 of its DER SubjectPublicKeyInfo, or PEM)"
        ) from None
    except Exception as exc:  # cryptography's UnsupportedAlgorithm
        raise WebhookVerificationError(f"{source} is not a usable public key: {type(exc).__name__}") from None
    if not isinstance(key, RSAPublicKey):
        raise WebhookVerificationError(f"{source} is not an RSA key ({type(key).__name__})")
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
    "StepCompletedPayload",
    "StepStartedPayload",
    "UserMessageReceivedPayload",
    "WebhookCategory",
    "WebhookEvent",
    "WebhookExecutionInfo",
    "WebhookNotification",
    "WebhookVerificationError",
    "WorkflowUpdatedPayload",
    "unwrap",
    "verify",
]
