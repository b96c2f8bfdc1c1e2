"""FakeZaiaServer over plain HTTP, and the fault knobs both servers share."""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer


def zget(server: FakeZaiaServer, path: str, params: Any = None, auth: str | None = None) -> httpx.Response:
    """GET a path as the spec writes it after its common prefix (`/executions`); `auth` is the raw header value."""
    headers = server.auth_headers if auth is None else {server.auth_header: auth}
    return httpx.get(server.api_url + path, params=params, headers=headers, timeout=10)


def test_zaia_lists_pages_newest_first(zaia_server: FakeZaiaServer) -> None:
    expected = sorted(zaia_server.executions, key=lambda i: (i["createdAt"], i["id"]), reverse=True)
    got: list[dict[str, Any]] = []
    for number in range(1, 100):
        page = zget(zaia_server, "/executions", {"pageNumber": number, "pageSize": 9}).json()
        assert isinstance(page, list) and len(page) <= 9
        got += page
        if len(page) < 9:
            break
    assert [i["id"] for i in got] == [i["id"] for i in expected]
    assert len(got) > 40, "children are executions too"


def test_zaia_filters_by_one_or_many_responders(zaia_server: FakeZaiaServer) -> None:
    one, two, _ = zaia_server.responder_ids
    for chosen in ([one], [one, two]):
        params = [("pageSize", "100"), *(("responderIds", r) for r in chosen)]
        got = zget(zaia_server, "/executions", params).json()
        assert {i["id"] for i in got} == {i["id"] for i in zaia_server.executions if i["responderId"] in chosen}
        assert got


def test_zaia_nesting_by_execution_or_chat_message(zaia_server: FakeZaiaServer) -> None:
    message_id, root_id = next(
        (m, r) for m, r in zaia_server.chat_messages.items() if any(e["parentId"] == r for e in zaia_server.executions)
    )
    by_id = zget(zaia_server, "/executions/nestings", {"executionId": root_id}).json()
    by_message = zget(zaia_server, "/executions/nestings", {"chatMessageId": message_id}).json()
    assert by_id == by_message and by_id["id"] == root_id
    children = {e["id"] for e in zaia_server.executions if e["parentId"] == root_id}
    assert {c["id"] for c in by_id["children"]} == children and children


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/executions", {"pageSize": "101"}, 400),
        ("/executions", {"pageNumber": "0"}, 400),
        ("/executions", {"responderIds": "nope"}, 400),
        ("/executions/nestings", {}, 400),
        ("/executions/nestings", {"executionId": str(uuid.uuid4())}, 404),
        (f"/executions/{uuid.uuid4()}", {}, 404),
    ],
)
def test_zaia_errors(zaia_server: FakeZaiaServer, path: str, params: dict[str, str], status: int) -> None:
    response = zget(zaia_server, path, params)
    assert response.status_code == status and response.json()["message"]


@pytest.mark.parametrize("auth", ["", "nope", "{prefix}nope", "{prefix}{key}{key}"])
def test_zaia_checks_the_key(zaia_server: FakeZaiaServer, auth: str) -> None:
    value = auth.format(prefix=zaia_server.shape.auth_prefix, key=zaia_server.api_key)
    assert zget(zaia_server, "/executions", auth=value).status_code == 401
    if zaia_server.shape.auth_prefix:  # bearer auth: the bare key is not enough
        assert zget(zaia_server, "/executions", auth=zaia_server.api_key).status_code == 401


@pytest.mark.parametrize(
    ("value", "status"), [("{key}", 200), ("Bearer {key}", 401), ("bearer {key}", 401), ("{key}x", 401)]
)
def test_zaia_takes_the_key_alone_in_authorization(zaia_server: FakeZaiaServer, value: str, status: int) -> None:
    """Zaia's current API: `Authorization: <key>`, no scheme; a `Bearer ` prefix is refused as a strict server would."""
    assert zaia_server.auth_header == "Authorization" and zaia_server.shape.auth_prefix == ""
    assert zget(zaia_server, "/executions", auth=value.format(key=zaia_server.api_key)).status_code == status


def test_fail_next_with_retry_after_then_recovers(asteroid_server: FakeAsteroidServer) -> None:
    asteroid_server.fail_next(429, times=2, retry_after=3)
    url, headers = asteroid_server.api_url + "/executions", asteroid_server.auth_headers
    answers = [httpx.get(url, headers=headers) for _ in range(3)]
    assert [a.status_code for a in answers] == [429, 429, 200]
    assert answers[0].headers["retry-after"] == "3" and answers[0].json() == {
        "code": 429,
        "message": "injected failure",
    }


def test_html_error_page(asteroid_server: FakeAsteroidServer) -> None:
    asteroid_server.html_error_next(503)
    response = httpx.get(asteroid_server.api_url + "/executions")
    assert response.status_code == 503 and response.headers["content-type"].startswith("text/html")


def test_dropped_connection_and_truncated_json(asteroid_server: FakeAsteroidServer) -> None:
    headers = asteroid_server.auth_headers
    asteroid_server.drop_connection_next()
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(asteroid_server.api_url + "/executions", headers=headers)
    asteroid_server.truncate_next()
    cut = httpx.get(asteroid_server.api_url + "/executions", headers=headers)
    assert cut.status_code == 200
    with pytest.raises(ValueError):
        cut.json()


def test_latency_and_slow_next(asteroid_server: FakeAsteroidServer) -> None:
    headers = asteroid_server.auth_headers
    asteroid_server.slow_next(0.3)
    started = time.monotonic()
    httpx.get(asteroid_server.api_url + "/executions", headers=headers)
    assert time.monotonic() - started >= 0.3
    with pytest.raises(httpx.ReadTimeout):
        asteroid_server.slow_next(0.5)
        httpx.get(asteroid_server.api_url + "/executions", headers=headers, timeout=0.1)


def test_corrupt_missing_property_and_content_type(asteroid_server: FakeAsteroidServer) -> None:
    asteroid_server.corrupt_next(missing="agentId", content_type="text/plain")
    response = httpx.get(asteroid_server.api_url + "/executions", headers=asteroid_server.auth_headers)
    assert response.headers["content-type"] == "text/plain"
    assert all("agentId" not in item for item in response.json()["items"])
