"""README, "Webhooks": its code blocks run as written (issue 26, item 3), on notifications signed as the vendor does."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from agent_executions.webhooks import SIGNATURE_HEADER, WebhookEvent
from signing import key, notification, sign, signed, vendor_key

README = Path(__file__).resolve().parents[2] / "README.md"


def blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Webhooks\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def block(marker: str) -> str:
    (found,) = [code for code in blocks() if marker in code]
    return found


def handling() -> dict[str, Any]:
    """The README's `handle` and `handle_once`, in a namespace of their own."""
    namespace: dict[str, Any] = {"__name__": "readme_webhooks"}
    exec(block("def handle("), namespace)
    exec(block("def handle_once("), namespace)
    return namespace


def recipe(marker: str) -> dict[str, Any]:
    namespace = handling()
    exec(block(marker), namespace)
    return namespace


@pytest.fixture(autouse=True)
def vendor_public_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASTEROID_WEBHOOK_PUBLIC_KEY", vendor_key())


def deliveries() -> list[tuple[bytes, dict[str, str], int]]:
    """(body, headers, the status the recipe must answer): a good one, its replay, and refusals."""
    body, headers = signed(notification())
    failed, failed_headers = signed(
        notification(WebhookEvent.EXECUTION_FAILED, {"reason": "login refused"}, event_id="e2")
    )
    return [
        (body, headers, 204),
        (body, headers, 204),  # the same event_id again: answered, not handled twice
        (failed, failed_headers, 204),
        (body.replace(b"success", b"failure"), headers, 400),  # tampered
        (body, {**headers, SIGNATURE_HEADER: sign(key("other"), body)}, 400),  # another key
        (body, {"Content-Type": "application/json"}, 400),  # unsigned
        (json.dumps(json.loads(body)).encode().replace(b": ", b":"), headers, 400),  # re-serialized
        # Signed by the vendor's key, but not a notification this version reads: answered 2xx, never retried.
        (*signed(b"[" * 100_000 + b"]" * 100_000), 202),  # nested too deeply (was a RecursionError, a 500)
        (*signed(notification(type=["execution"])), 202),  # a type that is no string (was a TypeError)
        (*signed(notification(type="agent")), 202),  # a type newer than this version
        (
            *signed(notification(WebhookEvent.EXECUTION_FAILED, {"reason": 5}, event_id="e3")),
            202,
        ),  # a field of another type
        (*signed({"rows": 3}), 202),  # an agent set to "unwrap result"
    ]


def check_handled(out: str) -> None:
    assert out.splitlines() == [
        "Invoice Collector finished 0f6c2c6e-7d0e-4c62-8d5a-2b1a4b8f3c11: success {'rows': 3}",
        "Invoice Collector failed 0f6c2c6e-7d0e-4c62-8d5a-2b1a4b8f3c11: login refused",
    ]


def test_the_starlette_recipe(capsys: pytest.CaptureFixture[str]) -> None:
    """Through httpx's ASGI transport (Starlette's TestClient over httpx is deprecated in Starlette 1.x)."""
    app = recipe("Starlette(")["app"]

    async def post_all() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return [
                (await client.post("/webhooks/asteroid", content=body, headers=headers)).status_code
                for body, headers, _ in deliveries()
            ]

    assert asyncio.run(post_all()) == [status for _, _, status in deliveries()]
    check_handled(capsys.readouterr().out)


def test_the_flask_recipe(capsys: pytest.CaptureFixture[str]) -> None:
    app = recipe("Flask(")["app"]
    client = app.test_client()
    for body, headers, status in deliveries():
        assert client.post("/webhooks/asteroid", data=body, headers=headers).status_code == status
    check_handled(capsys.readouterr().out)


def test_the_unwrap_result_recipe() -> None:
    read_result = recipe("def read_result(")["read_result"]
    body, headers = signed({"rows": 3})
    assert read_result(body, headers) == {"rows": 3}
    from agent_executions.webhooks import WebhookPayloadError, WebhookVerificationError, unwrap

    with pytest.raises(WebhookPayloadError, match="not a notification envelope") as caught:
        unwrap(body, headers)
    assert caught.value.data == {"rows": 3}
    with pytest.raises(WebhookVerificationError):
        read_result(body.replace(b"3", b"4"), headers)


ZAIA_WITH_WEBHOOKS = """

@pytest.mark.fake_server(webhooks=True)
def test_zaia_sends_none(fake_zaia_server):
    pass


def test_the_receiver_alone_records_what_is_posted(fake_webhook_receiver):
    import httpx

    fake_webhook_receiver.fail_next(1, status=502)
    assert httpx.post(fake_webhook_receiver.url, content=b"{}").status_code == 502
    assert httpx.post(fake_webhook_receiver.url, content=b"[]").status_code == 200
    assert [r.body for r in fake_webhook_receiver.wait_for(2)] == [b"{}", b"[]"]
"""


def test_the_testing_recipe_runs_as_a_users_tests_with_the_plugin(tmp_path: Path) -> None:
    code = "import pytest\n\n" + block("def handle(") + "\n\n" + block("def handle_once(")
    (tmp_path / "test_user.py").write_text(code + "\n\n" + block("def test_my_handler(") + ZAIA_WITH_WEBHOOKS)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path / "test_user.py")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    assert "2 passed" in done.stdout and "1 error" in done.stdout, done.stdout + done.stderr
    assert "webhooks=True): only the Asteroid fake sends webhooks" in done.stdout
