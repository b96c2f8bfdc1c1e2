"""The hostile review of the webhook support (issue 26): what a signed body, odd headers, a short key or a
webhook URL could do that they should not, and the fake's sender stopping and starting again."""

from __future__ import annotations

import datetime
import json
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from agent_executions import WebhookPayloadError, WebhookVerificationError
from agent_executions.testing import FakeAsteroidServer
from agent_executions.testing._webhooks import WebhookReceiver
from agent_executions.webhooks import (
    SIGNATURE_HEADER,
    ExecutionCompletedPayload,
    Notification,
    WebhookEvent,
    WebhookExecutionInfoPayload,
    unwrap,
    verify,
)
from cryptography.hazmat.primitives.asymmetric import rsa
from signing import der_text, key, notification, pem_text, sign, signed, vendor_key

# --- item 1 and 6: after a valid signature, only WebhookPayloadError ------------------------------------


@pytest.mark.parametrize(
    ("body", "message", "data"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply", None),
        (
            json.dumps(notification())[:-2].encode() + b', "deep": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
            "nested too deeply",
            None,
        ),
        (b'{"type": "execution", "event_id": NaN}', "not JSON", None),
        (notification(type=[]), "type is an array, not a string", ...),
        (notification(type={}), "type is an object, not a string", ...),
        (notification(type=None), "type is null, not a string", ...),
        (notification(type="agent"), "type 'agent' is not one this version reads", ...),
        (notification(WebhookEvent.EXECUTION_FAILED, {"reason": 5}), "reason must be a string", ...),
        (
            notification(WebhookEvent.EXECUTION_STEP_STARTED, {"step_number": True}),
            "step_number must be an integer",
            ...,
        ),
        (notification(timestamp="2026-11-23T12:00:00"), "timestamp has no UTC offset", ...),
        (notification(timestamp="99999-01-01T00:00:00Z"), "not a notification as documented", ...),
        ({"type": "invoice", "info": {"amount": 3}}, "type 'invoice'", ...),
        ({"rows": 3}, "unwrap result", ...),
    ],
)
def test_anything_after_a_valid_signature_is_a_payload_error(body: Any, message: str, data: Any) -> None:
    raw, headers = signed(body)
    with pytest.raises(WebhookPayloadError, match=message) as caught:
        unwrap(raw, headers, public_key=vendor_key())
    assert isinstance(caught.value, WebhookVerificationError)
    assert caught.value.data == (body if data is ... else data)
    assert headers[SIGNATURE_HEADER][:12] not in str(caught.value)
    assert vars(caught.value).keys() == {"data"}  # nothing else: no signature, no key
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is WebhookPayloadError and copy.data == caught.value.data


def test_a_model_raising_anything_is_still_a_payload_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from agent_executions import webhooks

    def boom(src: Any) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(webhooks.ExecutionCompletedPayload, "from_dict", boom)
    with pytest.raises(WebhookPayloadError, match="nested too deeply"):
        unwrap(*signed(notification()), public_key=vendor_key())


def test_signature_and_key_problems_stay_verification_errors_not_payload_errors() -> None:
    body, headers = signed(notification())
    for given, public_key in [
        ({SIGNATURE_HEADER: sign(key("other"), body)}, vendor_key()),
        ({}, vendor_key()),
        (headers, "not a key"),
    ]:
        with pytest.raises(WebhookVerificationError) as caught:
            unwrap(body, given, public_key=public_key)
        assert not isinstance(caught.value, WebhookPayloadError)


def test_metadata_values_must_be_strings_as_documented() -> None:
    body = notification()
    body["info"]["metadata"] = {"order": 42}
    with pytest.raises(WebhookPayloadError, match="metadata value 'order' is a number"):
        unwrap(*signed(body), public_key=vendor_key())


# --- item 2: a payload typed as the union ---------------------------------------------------------------


def test_unwrap_returns_a_notification_whose_payload_is_the_events_model() -> None:
    note = unwrap(*signed(notification()), public_key=vendor_key())
    assert isinstance(note, Notification) and isinstance(note.payload, ExecutionCompletedPayload)
    assert note.event == WebhookEvent.EXECUTION_COMPLETED and note.event is note.info.event
    assert isinstance(note.info.payload, WebhookExecutionInfoPayload)  # the generated model, left as generated
    assert note.timestamp == datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)
    with pytest.raises(AttributeError):
        note.event_id = "changed"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(note)) == note


# --- item 5: short RSA keys -----------------------------------------------------------------------------


@pytest.mark.parametrize("bits", [1024, 1536])
def test_an_rsa_key_under_2048_bits_is_refused_naming_its_size(bits: int) -> None:
    short = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    body = json.dumps(notification()).encode()
    headers = {SIGNATURE_HEADER: sign(short, body)}
    for text in (der_text(short), pem_text(short)):
        with pytest.raises(WebhookVerificationError, match=f"{bits}-bit RSA key: keys under 2048 bits") as caught:
            unwrap(body, headers, public_key=text)
        assert not isinstance(caught.value, WebhookPayloadError)
        assert text.strip()[40:80] not in str(caught.value)


# --- item 8: headers ------------------------------------------------------------------------------------


def test_bytes_headers_as_an_asgi_scope_has_them_verify() -> None:
    body, headers = signed(notification())
    scope_headers = [
        (b"content-type", b"application/json"),
        (SIGNATURE_HEADER.lower().encode(), headers[SIGNATURE_HEADER].encode()),
    ]
    assert unwrap(body, scope_headers, public_key=vendor_key()).event_id
    assert unwrap(body, {SIGNATURE_HEADER: headers[SIGNATURE_HEADER].encode()}, public_key=vendor_key()).event_id  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({SIGNATURE_HEADER: None}, "each name and value must be a str .or bytes., not NoneType"),
        ({1: "x", SIGNATURE_HEADER: "AAAA"}, "not int"),
        (f"{SIGNATURE_HEADER}: AAAA", "headers must be a mapping or .name, value. pairs, not str"),
        (f"{SIGNATURE_HEADER}: AAAA".encode(), "not bytes"),
        (None, "not NoneType"),
        ({SIGNATURE_HEADER: ["AAAA"]}, "not list .join several values"),  # API Gateway's multiValueHeaders
        ([("a", "b", "c")], "pairs of tuple"),
        (42, "not int"),
    ],
)
def test_odd_headers_are_a_type_error_naming_headers(headers: Any, message: str) -> None:
    body, _ = signed(notification())
    with pytest.raises(TypeError, match=r"^headers") as caught:
        unwrap(body, headers, public_key=vendor_key())
    assert caught.match(message)


# --- item 10: one copy of the body ----------------------------------------------------------------------


def test_the_bytes_verified_are_the_bytes_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    from agent_executions import webhooks

    good = json.dumps(notification(event_id="GOOD")).encode()
    evil = json.dumps(notification(event_id="EVIL")).encode()
    buffer = bytearray(good)
    real = webhooks._signature

    def read_then_change(headers: Any) -> bytes:
        buffer[:] = evil  # the caller's buffer changes while unwrap runs
        return real(headers)

    monkeypatch.setattr(webhooks, "_signature", read_then_change)
    note = unwrap(buffer, {SIGNATURE_HEADER: sign(key("vendor"), good)}, public_key=vendor_key())
    assert note.event_id == "GOOD"  # the one copy made on entry: verified, then parsed


# --- item 12: keys pasted wrongly, and an explicit empty key ---------------------------------------------


@pytest.mark.parametrize(
    ("change", "hint"),
    [
        (lambda text: f'"{text}"', "wrapped in quotes"),
        (lambda text: f"'{text}'", "wrapped in quotes"),
        (lambda text: text.replace("\n", "\\n"), "literal \\\\n"),
    ],
)
def test_a_key_pasted_wrongly_gets_a_hint_without_the_key(change: Any, hint: str) -> None:
    text = change(pem_text(key("vendor")) if "\\" in hint else vendor_key())
    with pytest.raises(WebhookVerificationError, match=hint) as caught:
        verify(*signed(notification()), public_key=text)
    assert vendor_key()[40:80] not in str(caught.value) and "MII" not in str(caught.value)


def test_an_explicit_empty_public_key_is_an_error_not_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASTEROID_WEBHOOK_PUBLIC_KEY", vendor_key())
    body, headers = signed(notification())
    assert unwrap(body, headers).event_id
    for empty in ("", "  \n"):
        with pytest.raises(WebhookVerificationError, match="public_key is empty"):
            unwrap(body, headers, public_key=empty)


# --- item 3 and 9: webhook URLs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:abc/x", "InvalidURL"),
        ("http://127.0.0.1:70000/x", "port must be 1 to 65535"),
        ("http://127.0.0.1:0/x", "port must be 1 to 65535"),
        ("http://exa\u00e9mple..com/x", "InvalidURL"),
        ("http://" + "a" * 64 + ".com/x", "each label of the host"),
        ("http://" + ".".join(["a" * 60] * 5) + "/x", "each label of the host"),
        ("http://a b/x", "each label of the host"),
        ("http://xn--/hook", "IDNAError"),
    ],
)
def test_a_webhook_url_httpx_cannot_send_to_is_refused_at_construction(url: str, reason: str) -> None:
    with pytest.raises(ValueError, match=r"^webhook_url must be") as caught:
        FakeAsteroidServer(count=0, webhook_url=url)
    assert caught.match(reason)


def test_valid_webhook_urls_are_accepted() -> None:
    for url in (
        "http://127.0.0.1:8000/x",
        "https://hooks.example.com/a?b=c",
        "http://[::1]:9/x",
        "http://b\u00fccher.de/",
    ):
        FakeAsteroidServer(count=0, webhook_url=url)


def test_the_url_is_shown_without_userinfo_and_query() -> None:
    with pytest.raises(ValueError) as caught:
        FakeAsteroidServer(count=0, webhook_url="ftp://user:SECRETPW@host/x?token=SECRET_TOKEN")
    assert "SECRET" not in str(caught.value) and "ftp://host/x?..." in str(caught.value)


class SendsABadPayload(FakeAsteroidServer):
    @staticmethod
    def _webhook_payload(item: dict[str, object], status: str, reason: str | None) -> dict[str, object]:
        return {"reason": 5} if status == "failed" else {}


def test_a_violation_names_the_notification_and_hides_the_urls_secrets(receiver: WebhookReceiver) -> None:
    from agent_executions.testing import SpecViolation

    url = receiver.url.replace("http://", "http://user:s3cr3tpw@") + "?token=SECRET_TOKEN"
    server = SendsABadPayload(count=1, webhook_url=url).start()
    server.finish(server.add(status="running")["id"], "failed")
    server.wait_for_webhooks()
    with pytest.raises(SpecViolation) as caught:
        server.stop()
    text = str(caught.value)
    assert "s3cr3tpw" not in text and "SECRET_TOKEN" not in text
    assert "webhook notification (a request the fake sent, not a response)" in text
    assert receiver.requests[0].path.endswith("?token=SECRET_TOKEN")  # the real URL is what is used


# --- item 3 and 4: the sender never dies, stops within its timeout, and starts again ---------------------


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as started:
        yield started


def test_an_exception_in_an_attempt_is_recorded_and_the_sender_goes_on(
    receiver: WebhookReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    real = httpx.Client.post
    calls: list[int] = []

    def post(self: httpx.Client, *args: Any, **kwargs: Any) -> httpx.Response:
        calls.append(1)
        if len(calls) <= 3:
            raise UnicodeError("encoding with 'idna' codec failed")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(httpx.Client, "post", post)
    with FakeAsteroidServer(count=1, webhook_url=receiver.url, webhook_retry_delays=(0.01, 0.01)) as server:
        server.finish(server.add(status="running")["id"])
        server.finish(server.add(status="running")["id"], "failed")
        deliveries = server.wait_for_webhooks(timeout=5)
    assert [(d.outcome, d.attempts[0].split(":")[0]) for d in deliveries] == [
        ("failed", "UnicodeError"),
        ("delivered", "200"),
    ]


def test_stop_is_bounded_abandons_what_is_left_and_sends_nothing_after(receiver: WebhookReceiver) -> None:
    receiver.delay = 1.0
    server = FakeAsteroidServer(count=1, webhook_url=receiver.url).start()
    assert server._webhooks is not None
    for _ in range(4):
        server.finish(server.add(status="running")["id"])
    time.sleep(0.2)  # the first attempt is under way
    started = time.monotonic()
    server._webhooks.stop(timeout=0.5)
    assert time.monotonic() - started < 0.9  # the timeout in all, not a wait and then a join
    server.stop()
    outcomes = [d.outcome for d in server.webhook_deliveries]
    assert outcomes == ["abandoned"] * 4
    time.sleep(1.5)  # the attempt under way ends; no other one starts
    assert len(receiver.requests) <= 1
    assert not [t for t in threading.enumerate() if t.name == "FakeAsteroidWebhooks"]
    assert [d.outcome for d in server.webhook_deliveries] == ["abandoned"] * 4


def test_start_after_stop_sends_again_from_a_new_thread(receiver: WebhookReceiver) -> None:
    server = FakeAsteroidServer(count=1, webhook_url=receiver.url)
    with server:
        server.finish(server.add(status="running")["id"])
        assert [d.outcome for d in server.wait_for_webhooks()] == ["delivered"]
    server.finish(server.add(status="running")["id"])  # stopped: nothing sends it
    with server:
        server.finish(server.add(status="running")["id"])
        deliveries = server.wait_for_webhooks(timeout=5)
    assert [d.outcome for d in deliveries] == ["delivered", "abandoned", "delivered"]
    assert len(receiver.requests) == 2


# --- item 7: the marker's webhooks setting --------------------------------------------------------------

MARKER_TESTS = """
import pytest

@pytest.mark.fake_server(webhooks="no")
def test_text(fake_asteroid_server):
    pass

@pytest.mark.fake_server(webhooks=1)
def test_number(fake_asteroid_server):
    pass

@pytest.mark.fake_server(webhooks=False, count=1)
def test_false(fake_asteroid_server):
    assert fake_asteroid_server.webhook_deliveries == []
"""


def test_the_markers_webhooks_setting_must_be_a_bool(tmp_path: Path) -> None:
    (tmp_path / "test_marker.py").write_text(MARKER_TESTS)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rE"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "400"},
        check=False,
    )
    assert "1 passed, 2 errors" in done.stdout, done.stdout[-3000:]
    for line in [
        "test_text - Failed: @pytest.mark.fake_server(webhooks='no'): webhooks must be a bool, not str",
        "test_number - Failed: @pytest.mark.fake_server(webhooks=1): webhooks must be a bool, not int",
    ]:
        assert line in done.stdout, (line, done.stdout[-3000:])
