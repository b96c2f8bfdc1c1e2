"""`agent_executions.webhooks.verify` and `unwrap` (issue 26, item 2): verified first, then parsed."""

from __future__ import annotations

import base64
import datetime
import json
import subprocess
import sys
from typing import Any

import pytest
from agent_executions import AgentExecutionsError, WebhookPayloadError, WebhookVerificationError
from agent_executions.webhooks import (
    SIGNATURE_HEADER,
    ActionCompletedPayload,
    ExecutionCompletedPayload,
    ExecutionFailedPayload,
    ExecutionStartedPayload,
    Notification,
    WebhookEvent,
    unwrap,
    verify,
)
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from signing import der_text, key, notification, pem_text, sign, signed, vendor_key


@pytest.mark.parametrize("form", ["base64 DER", "PEM"])
def test_a_signed_notification_verifies_and_parses(form: str) -> None:
    public_key = vendor_key() if form == "base64 DER" else pem_text(key("vendor"))
    body, headers = signed(notification())
    assert verify(body, headers, public_key=public_key) is None
    note = unwrap(body, headers, public_key=public_key)
    assert isinstance(note, Notification)
    assert note.type == "execution"
    assert note.event_id == "6b1f0c1e-3a2d-4a8e-9a43-0d2f7c1b5e90"
    assert note.timestamp == datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)
    assert note.info.event is WebhookEvent.EXECUTION_COMPLETED and note.event is note.info.event
    assert note.info.agent_name == "Invoice Collector"
    assert note.info.metadata is not None and note.info.metadata.to_dict() == {"order": "42"}
    payload = note.payload
    assert isinstance(payload, ExecutionCompletedPayload)
    assert note.info.payload.to_dict() == payload.to_dict()  # info.payload: the open object, as sent
    assert payload.outcome == "success" and payload.result.to_dict() == {"rows": 3}


@pytest.mark.parametrize(
    ("event", "payload", "model", "check"),
    [
        (WebhookEvent.EXECUTION_STARTED, {}, ExecutionStartedPayload, None),
        (
            WebhookEvent.EXECUTION_FAILED,
            {"reason": "login refused"},
            ExecutionFailedPayload,
            ("reason", "login refused"),
        ),
        (
            WebhookEvent.EXECUTION_ACTION_COMPLETED,
            {"action_id": "1", "action_name": "nav_to", "duration": 12, "output": {"ok": True}, "step_number": 2},
            ActionCompletedPayload,
            ("duration", 12),
        ),
    ],
)
def test_the_payload_is_the_events_own_model(
    event: str, payload: dict[str, Any], model: type, check: tuple[str, Any] | None
) -> None:
    note = unwrap(*signed(notification(event, payload)), public_key=vendor_key())
    assert type(note.payload) is model
    if check is not None:
        assert getattr(note.payload, check[0]) == check[1]


def test_an_event_newer_than_the_pin_parses_as_an_open_value() -> None:
    note = unwrap(*signed(notification("EXECUTION_TELEPORTED", {"to": "mars"})), public_key=vendor_key())
    assert note.info.event == "EXECUTION_TELEPORTED"
    assert isinstance(note.info.event, WebhookEvent)
    assert note.payload.to_dict() == {"to": "mars"}
    assert not isinstance(note.payload, ExecutionCompletedPayload)


def test_the_signature_header_is_the_one_the_vendor_documents() -> None:
    assert SIGNATURE_HEADER == "X-Asteroid-Signature"  # the other tests, and the fake, take it from the SDK


def test_the_signature_header_is_found_in_any_case_and_in_pairs() -> None:
    body, headers = signed(notification())
    signature = headers[SIGNATURE_HEADER]
    for given in ({SIGNATURE_HEADER.lower(): signature}, {SIGNATURE_HEADER.upper(): signature}):
        assert unwrap(body, given, public_key=vendor_key()).event_id
    assert unwrap(body, [(SIGNATURE_HEADER.lower(), signature)], public_key=vendor_key()).event_id


def test_the_key_comes_from_the_environment_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    body, headers = signed(notification())
    monkeypatch.setenv("ASTEROID_WEBHOOK_PUBLIC_KEY", vendor_key())
    assert unwrap(body, headers).event_id
    monkeypatch.setenv("ASTEROID_WEBHOOK_PUBLIC_KEY", der_text(key("other")))
    with pytest.raises(WebhookVerificationError, match="does not match"):
        verify(body, headers)
    assert unwrap(body, headers, public_key=vendor_key()).event_id  # the argument wins
    monkeypatch.delenv("ASTEROID_WEBHOOK_PUBLIC_KEY")
    with pytest.raises(WebhookVerificationError, match="ASTEROID_WEBHOOK_PUBLIC_KEY"):
        verify(body, headers)


def tampered(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    return body.replace(b'"rows": 3', b'"rows": 4'), headers


def other_key(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    return body, {**headers, SIGNATURE_HEADER: sign(key("other"), body)}


def no_header(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    return body, {"Content-Type": "application/json"}


def not_base64(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    return body, {**headers, SIGNATURE_HEADER: headers[SIGNATURE_HEADER][:-4] + "!!!!"}


def empty(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    return body, {**headers, SIGNATURE_HEADER: ""}


def truncated(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    cut = base64.b64encode(base64.b64decode(headers[SIGNATURE_HEADER])[:-1]).decode()
    return body, {**headers, SIGNATURE_HEADER: cut}


def re_serialized(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    """What a framework's parse-then-dump gives: the same JSON, other bytes."""
    return json.dumps(json.loads(body), separators=(",", ":")).encode(), headers


def two_signatures(body: bytes, headers: dict[str, str]) -> tuple[bytes, list[tuple[str, str]]]:
    return body, [*headers.items(), (SIGNATURE_HEADER.lower(), sign(key("other"), body))]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (tampered, "does not match"),
        (other_key, "does not match"),
        (re_serialized, "does not match"),
        (no_header, f"no {SIGNATURE_HEADER} header"),
        (not_base64, "not base64"),
        (empty, "empty"),
        (truncated, "does not match"),
        (two_signatures, "several"),
    ],
)
def test_a_body_not_signed_by_the_key_is_refused_before_any_parsing(change: Any, message: str) -> None:
    body, headers = change(*signed(notification()))
    for function in (verify, unwrap):
        with pytest.raises(WebhookVerificationError, match=message) as caught:
            function(body, headers, public_key=vendor_key())
        assert isinstance(caught.value, AgentExecutionsError)
        signatures = [value for name, value in dict(headers).items() if name.lower() == SIGNATURE_HEADER.lower()]
        assert all(value[:12] not in str(caught.value) for value in signatures if value)
        assert vendor_key()[30:60] not in str(caught.value)


def test_an_unverified_body_is_never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    from agent_executions import webhooks

    parsed: list[bytes] = []
    monkeypatch.setattr(webhooks._json, "loads", lambda body: parsed.append(body))
    body, headers = tampered(*signed(notification()))
    with pytest.raises(WebhookVerificationError):
        unwrap(body, headers, public_key=vendor_key())
    assert parsed == []


@pytest.mark.parametrize(
    ("public_key", "message"),
    [
        ("not a key at all", "not a public key"),
        (base64.b64encode(b"\x30\x03\x02\x01\x01").decode(), "not a public key"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "not a public key"),
        ("   ", "public_key is empty"),
    ],
)
def test_a_key_that_is_not_a_usable_rsa_public_key_is_a_clear_error(public_key: str, message: str) -> None:
    with pytest.raises(WebhookVerificationError, match=message) as caught:
        verify(*signed(notification()), public_key=public_key)
    assert public_key.strip() == "" or public_key not in str(caught.value)


def test_an_ec_key_is_refused_as_not_rsa() -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1()).public_key()
    der = ec_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    text = base64.b64encode(der).decode()
    with pytest.raises(WebhookVerificationError, match="not an RSA key") as caught:
        verify(*signed(notification()), public_key=text)
    assert text[20:50] not in str(caught.value)


def test_the_key_and_body_types_are_checked() -> None:
    body, headers = signed(notification())
    with pytest.raises(TypeError, match="raw bytes"):
        verify(body.decode(), headers, public_key=vendor_key())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="public_key must be a str"):
        verify(body, headers, public_key=vendor_key().encode())  # type: ignore[arg-type]
    assert unwrap(bytearray(body), headers, public_key=vendor_key()).event_id  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"\xff\xfe not JSON", "not JSON"),
        (b"{truncated", "not JSON"),
        ({"rows": 3}, "unwrap result"),  # an agent set to "unwrap result": payload.result alone
        ([1, 2], "unwrap result"),
        ("done", "unwrap result"),
        (notification(type="agent"), "type 'agent' is not one this version reads"),
        (notification(event_id=12), "event_id must be a string"),
        (notification(timestamp="yesterday"), "not a notification as documented"),
        ({**notification(), "info": {"event": WebhookEvent.EXECUTION_STARTED}}, "missing property 'agent_id'"),
        (notification(WebhookEvent.EXECUTION_COMPLETED, {"outcome": "success"}), "missing property 'result'"),
        (notification("EXECUTION_BRAND_NEW", [1]), "not a notification as documented"),
    ],
)
def test_a_signed_body_that_is_not_a_notification_is_a_payload_error(body: Any, message: str) -> None:
    raw, headers = signed(body)
    verify(raw, headers, public_key=vendor_key())  # the signature is good
    with pytest.raises(WebhookPayloadError, match=message) as caught:
        unwrap(raw, headers, public_key=vendor_key())
    assert isinstance(caught.value, WebhookVerificationError)  # a subclass: one except clause still catches all
    assert caught.value.data == (None if isinstance(body, bytes) else body)


def test_an_unwrap_result_body_reads_with_verify_and_json_loads() -> None:
    body, headers = signed({"rows": 3})
    verify(body, headers, public_key=vendor_key())
    assert json.loads(body) == {"rows": 3}


def test_without_cryptography_verify_and_unwrap_name_the_extra() -> None:
    body, headers = signed(notification())
    code = (
        "import sys; sys.modules['cryptography'] = None\n"
        "from agent_executions.webhooks import unwrap, verify\n"
        f"body, headers, key = {body!r}, {headers!r}, {vendor_key()!r}\n"
        "for function in (verify, unwrap):\n"
        "    try:\n"
        "        function(body, headers, public_key=key)\n"
        "    except ImportError as exc:\n"
        "        print(type(exc).__name__, exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        assert "cryptography" in line and "pip install 'agent-executions[webhooks]'" in line
