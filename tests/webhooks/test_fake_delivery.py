"""`FakeAsteroidServer(webhook_url=...)` POSTs signed notifications for the executions it runs (issue 26, item 4)."""

from __future__ import annotations

import base64
import datetime
import json
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest
from agent_executions import AsteroidClient, WebhookVerificationError
from agent_executions.testing import FakeAsteroidServer
from agent_executions.testing._webhooks import WebhookReceiver
from agent_executions.webhooks import (
    ExecutionCancelledPayload,
    ExecutionCompletedPayload,
    ExecutionFailedPayload,
    ExecutionPausedPayload,
    WebhookEvent,
    unwrap,
)
from signing import vendor_key

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as receiver:
        yield receiver


def workflow_of(server: FakeAsteroidServer) -> str:
    return str(server.executions[0]["workflowId"])


def test_a_run_delivers_a_signed_started_then_completed_sequence(receiver: WebhookReceiver) -> None:
    with FakeAsteroidServer(count=3, now=NOW, webhook_url=receiver.url) as server:
        client = AsteroidClient(api_key=server.api_key, base_url=server.base_url)
        execution = client.workflows.run(workflow_of(server), inputs={"x": 1}, metadata={"order": "42"}, timeout=10)
        deliveries = server.wait_for_webhooks()
        received = receiver.wait_for(2)
    notes = [unwrap(request.body, request.headers, public_key=server.webhook_public_key) for request in received]
    assert [note.info.event for note in notes] == [WebhookEvent.EXECUTION_STARTED, WebhookEvent.EXECUTION_COMPLETED]
    assert [request.body for request in received] == [delivery.body for delivery in deliveries]
    assert [d.outcome for d in deliveries] == ["delivered", "delivered"] and deliveries[0].attempts == ["200"]
    assert all(request.path == "/webhooks/asteroid" for request in received)
    assert received[0].headers["Content-Type"] == "application/json"
    for note in notes:
        assert note.info.execution_id == execution.id
        assert note.info.agent_id == str(execution.agent_id) and note.info.agent_name == execution.agent_name
        assert note.info.execution_url.endswith(execution.id)
        assert note.info.metadata is not None and note.info.metadata.to_dict() == {"order": "42"}
        assert note.timestamp.tzinfo is not None and note.timestamp >= NOW
    assert len({note.event_id for note in notes}) == 2
    completed = notes[1].payload
    assert isinstance(completed, ExecutionCompletedPayload)
    assert execution.execution_result is not None
    assert completed.outcome == "success" and completed.result.to_dict() == execution.execution_result.result
    with pytest.raises(WebhookVerificationError):  # signed by the fake's key, not another
        unwrap(received[0].body, received[0].headers, public_key=vendor_key())


def test_pause_resume_failed_and_cancelled_are_delivered_in_order(receiver: WebhookReceiver) -> None:
    with FakeAsteroidServer(count=3, now=NOW, webhook_url=receiver.url) as server:
        server.clock.freeze(at=NOW + datetime.timedelta(hours=1))
        server.lifecycle = ((0.0, "running"),)
        client = AsteroidClient(api_key=server.api_key, base_url=server.base_url)
        first = client.workflows.execute(workflow_of(server)).execution_id
        client.executions.pause(first)
        client.executions.resume(first)
        server.finish(first, "failed")
        second = client.workflows.execute(workflow_of(server)).execution_id
        client.executions.cancel(second)
        deliveries = server.wait_for_webhooks()
    events = [(d.execution_id, d.event) for d in deliveries]
    assert events == [
        (first, WebhookEvent.EXECUTION_STARTED),
        (first, WebhookEvent.EXECUTION_PAUSED),
        (first, WebhookEvent.EXECUTION_RESUMED),
        (first, WebhookEvent.EXECUTION_FAILED),
        (second, WebhookEvent.EXECUTION_STARTED),
        (second, WebhookEvent.EXECUTION_CANCELLED),
    ]
    notes = [unwrap(r.body, r.headers, public_key=server.webhook_public_key) for r in receiver.requests]
    assert [(n.info.execution_id, n.info.event) for n in notes] == events
    assert {note.timestamp for note in notes} == {NOW + datetime.timedelta(hours=1)}  # the fake's (frozen) clock
    assert isinstance(notes[1].payload, ExecutionPausedPayload) and notes[1].payload.reason
    assert isinstance(notes[3].payload, ExecutionFailedPayload) and notes[3].payload.reason
    assert isinstance(notes[5].payload, ExecutionCancelledPayload)


def test_a_failed_delivery_is_retried_with_backoff_then_given_up(receiver: WebhookReceiver) -> None:
    with FakeAsteroidServer(count=1, webhook_url=receiver.url, webhook_retry_delays=(0.05, 0.1)) as server:
        receiver.fail_next(2, status=503)
        first = server.add(status="running")["id"]
        server.finish(first)
        server.wait_for_webhooks()
        receiver.fail_next(3, status=500)
        second = server.add(status="running")["id"]
        server.finish(second, "failed")
        server.finish(first, "cancelled")  # after a delivery given up, the next ones still go, in order
        deliveries = server.wait_for_webhooks()
    assert [(d.event, d.attempts, d.outcome) for d in deliveries] == [
        (WebhookEvent.EXECUTION_COMPLETED, ["503", "503", "200"], "delivered"),
        (WebhookEvent.EXECUTION_FAILED, ["500", "500", "500"], "failed"),
        (WebhookEvent.EXECUTION_CANCELLED, ["200"], "delivered"),
    ]
    assert [r.body for r in receiver.requests[:3]] == [deliveries[0].body] * 3  # the same signed bytes again


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_receiver_that_refuses_connections_fails_each_attempt_and_the_api_goes_on() -> None:
    url = f"http://127.0.0.1:{closed_port()}/hook"
    with FakeAsteroidServer(count=2, webhook_url=url, webhook_retry_delays=(0.01, 0.01)) as server:
        client = AsteroidClient(api_key=server.api_key, base_url=server.base_url)
        assert client.workflows.run(workflow_of(server), timeout=10).status == "completed"
        deliveries = server.wait_for_webhooks()
    assert [d.outcome for d in deliveries] == ["failed", "failed"]
    assert all(len(d.attempts) == 3 and d.attempts[0].startswith("ConnectError") for d in deliveries)


def test_a_slow_receiver_never_blocks_the_api(receiver: WebhookReceiver) -> None:
    with FakeAsteroidServer(count=2, webhook_url=receiver.url) as server:
        client = AsteroidClient(api_key=server.api_key, base_url=server.base_url)
        receiver.delay = 5.0  # longer than the calls below take: the deliveries are still pending after them
        assert client.workflows.run(workflow_of(server), timeout=10).status == "completed"
        assert len(list(client.executions.list(limit=5))) == 3
        assert [d.outcome for d in server.webhook_deliveries] == ["pending", "pending"]
        receiver.delay = 0.0
        assert [d.outcome for d in server.wait_for_webhooks(timeout=15)] == ["delivered", "delivered"]


def test_without_a_webhook_url_nothing_is_sent() -> None:
    with FakeAsteroidServer(count=2) as server:
        execution_id = server.add(status="running")["id"]
        server.finish(execution_id)
        assert server.webhook_deliveries == [] and server.wait_for_webhooks() == []


@pytest.mark.parametrize(
    ("settings", "error", "message"),
    [
        ({"webhook_url": b"http://127.0.0.1/x"}, TypeError, "webhook_url must be a str"),
        ({"webhook_url": "ftp://127.0.0.1/x"}, ValueError, "http:// or https://"),
        ({"webhook_url": "127.0.0.1:8000/hook"}, ValueError, "http:// or https://"),
        ({"webhook_url": "http:///hook"}, ValueError, "with a valid host"),
        ({"webhook_url": "https://h/x", "webhook_retry_delays": 0.1}, TypeError, "sequence of seconds"),
        ({"webhook_url": "https://h/x", "webhook_retry_delays": (0.1, -1)}, ValueError, "finite number >= 0"),
    ],
)
def test_the_webhook_settings_are_checked(settings: dict[str, object], error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        FakeAsteroidServer(count=0, **settings)  # type: ignore[arg-type]


def test_the_public_key_is_one_2048_bit_rsa_key_shared_by_the_fakes() -> None:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
    from cryptography.hazmat.primitives.serialization import load_der_public_key

    first, second = FakeAsteroidServer(count=0), FakeAsteroidServer(count=0, webhook_url="http://127.0.0.1:9/x")
    assert first.webhook_public_key == second.webhook_public_key
    key = load_der_public_key(base64.b64decode(first.webhook_public_key))
    assert isinstance(key, RSAPublicKey) and key.key_size == 2048


def test_without_cryptography_a_fake_with_a_webhook_url_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['cryptography'] = None\n"
        "from agent_executions.testing import FakeAsteroidServer\n"
        "FakeAsteroidServer(count=0)\n"  # no webhook_url: no cryptography needed
        "try:\n"
        "    FakeAsteroidServer(count=0, webhook_url='http://127.0.0.1:9/hook')\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert "cryptography" in done.stdout and "pip install 'agent-executions[webhooks]'" in done.stdout


def test_the_body_is_compact_json_as_documented(receiver: WebhookReceiver) -> None:
    with FakeAsteroidServer(count=1, webhook_url=receiver.url) as server:
        execution_id = server.add(status="running")["id"]
        server.finish(execution_id)
        (delivery,) = server.wait_for_webhooks()
    body = json.loads(delivery.body)
    assert sorted(body) == ["event_id", "info", "timestamp", "type"] and body["type"] == "execution"
    assert sorted(body["info"]) == sorted(
        ["event", "execution_id", "execution_url", "agent_id", "agent_name", "metadata", "payload"]
    )
    assert sorted(body["info"]["payload"]) == ["outcome", "reasoning", "result"]


class SendsABadPayload(FakeAsteroidServer):
    """A fake whose failed notifications break the pinned webhook document (a number as the reason)."""

    @staticmethod
    def _webhook_payload(item: dict[str, object], status: str, reason: str | None) -> dict[str, object]:
        return {"reason": 5} if status == "failed" else {}


def test_the_fake_checks_what_it_sends_against_the_webhook_document(receiver: WebhookReceiver) -> None:
    from agent_executions.testing import SpecViolation

    server = SendsABadPayload(count=3, now=NOW, webhook_url=receiver.url).start()
    client = AsteroidClient(api_key=server.api_key, base_url=server.base_url)
    started = client.workflows.execute(workflow_of(server))
    server.finish(started.execution_id, "failed")
    server.wait_for_webhooks()
    with pytest.raises(SpecViolation) as caught:
        server.stop()
    assert caught.value.operation.startswith("webhook notification") and caught.value.path == "$.info.payload.reason"
    assert WebhookEvent.EXECUTION_FAILED in str(caught.value) and caught.value.rule == "type"
    unchecked = SendsABadPayload(count=3, now=NOW, webhook_url=receiver.url, validate=False).start()
    unchecked_client = AsteroidClient(api_key=unchecked.api_key, base_url=unchecked.base_url)
    unchecked.finish(unchecked_client.workflows.execute(workflow_of(unchecked)).execution_id, "failed")
    unchecked.wait_for_webhooks()
    unchecked.stop()  # validate=False: nothing checked, nothing raised
