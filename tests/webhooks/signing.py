"""Keys and signed notifications for the webhook tests: signed here as the vendor documents, not by the SDK."""

from __future__ import annotations

import base64
import json
from typing import Any

from agent_executions.webhooks import SIGNATURE_HEADER, WebhookEvent
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

_KEYS: dict[str, rsa.RSAPrivateKey] = {}


def key(name: str) -> rsa.RSAPrivateKey:
    """A 2048-bit test key, made once per name and process."""
    if name not in _KEYS:
        _KEYS[name] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return _KEYS[name]


def der_text(private: rsa.RSAPrivateKey) -> str:
    der = private.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode()


def pem_text(private: rsa.RSAPrivateKey) -> str:
    pem = private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return pem.decode()


def sign(private: rsa.RSAPrivateKey, body: bytes) -> str:
    return base64.b64encode(private.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode()


def notification(event: str = WebhookEvent.EXECUTION_COMPLETED, payload: Any = None, **changes: Any) -> dict[str, Any]:
    """A notification as docs.asteroid.ai shows one."""
    body: dict[str, Any] = {
        "type": "execution",
        "event_id": "6b1f0c1e-3a2d-4a8e-9a43-0d2f7c1b5e90",
        "timestamp": "2026-11-23T12:00:00Z",
        "info": {
            "event": event,
            "execution_id": "0f6c2c6e-7d0e-4c62-8d5a-2b1a4b8f3c11",
            "execution_url": "https://platform.asteroid.ai/executions/0f6c2c6e-7d0e-4c62-8d5a-2b1a4b8f3c11",
            "agent_id": "3c9d6f0a-1b2c-4d5e-8f90-a1b2c3d4e5f6",
            "agent_name": "Invoice Collector",
            "metadata": {"order": "42"},
            "payload": payload
            if payload is not None
            else {"result": {"rows": 3}, "outcome": "success", "reasoning": "All invoices found."},
        },
    }
    body.update(changes)
    return body


def signed(body: Any, private: rsa.RSAPrivateKey | None = None) -> tuple[bytes, dict[str, str]]:
    """The bytes and headers of a delivery of `body` (a JSON value, or bytes as they are)."""
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return raw, {"Content-Type": "application/json", SIGNATURE_HEADER: sign(private or key("vendor"), raw)}


def vendor_key() -> str:
    """The public key the tests' "vendor" signs with, as the vendor publishes its own (base64 DER)."""
    return der_text(key("vendor"))
