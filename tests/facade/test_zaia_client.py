"""ZaiaClient and AsyncZaiaClient against FakeZaiaServer over loopback."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import uuid
from importlib import resources

import agent_executions as ae
import httpx
import pytest
from agent_executions.testing import FakeZaiaServer
from drive import Drive


def spec_server_url(package: str) -> str:
    """The first `servers` URL of the spec a raw package was generated from: the default base URL."""
    spec = json.loads(resources.files(package).joinpath("openapi.json").read_text(encoding="utf-8"))
    return str(spec["servers"][0]["url"])


@pytest.fixture(params=["sync", "async"])
def drive(request: pytest.FixtureRequest, zaia_server: FakeZaiaServer) -> Drive:
    return Drive(request.param, zaia_server)


def newest_first(server: FakeZaiaServer) -> list[str]:
    return [i["id"] for i in sorted(server.executions, key=lambda i: (i["createdAt"], i["id"]), reverse=True)]


def test_key_from_the_environment(monkeypatch: pytest.MonkeyPatch, zaia_server: FakeZaiaServer) -> None:
    monkeypatch.setenv("ZAIA_API_KEY", zaia_server.api_key)
    monkeypatch.setenv("ZAIA_BASE_URL", zaia_server.base_url)
    with ae.ZaiaClient() as client:
        assert len(list(client.executions.list(limit=2))) == 2
    monkeypatch.delenv("ZAIA_API_KEY")
    with pytest.raises(ae.AgentExecutionsError, match="ZAIA_API_KEY"):
        ae.ZaiaClient()


def test_default_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZAIA_BASE_URL", raising=False)
    assert ae.ZaiaClient(api_key="k").base_url == spec_server_url("zaia_v1_raw") == "https://api.endless.zaia.app"


def recorder(seen: list[httpx.Request]) -> httpx.MockTransport:
    """The one place these tests stand in for the network: the vendor's host cannot be reached from a test."""

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[])

    return httpx.MockTransport(answer)


def test_requests_go_to_the_current_api_with_the_key_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Zaia's current API: https://api.endless.zaia.app/api/v1/..., `Authorization: <key>`, sync and async."""
    monkeypatch.delenv("ZAIA_BASE_URL", raising=False)
    seen: list[httpx.Request] = []
    with ae.ZaiaClient(api_key="zk-123", http_client=httpx.Client(transport=recorder(seen))) as client:
        assert list(client.executions.list()) == []

    async def run_async() -> None:
        http = httpx.AsyncClient(transport=recorder(seen))
        async with ae.AsyncZaiaClient(api_key="zk-123", http_client=http) as client:
            assert [item async for item in client.executions.list()] == []
        await http.aclose()

    asyncio.run(run_async())
    assert [str(r.url.copy_with(query=None)) for r in seen] == ["https://api.endless.zaia.app/api/v1/executions"] * 2
    assert [r.headers.get_list("authorization") for r in seen] == [["zk-123"], ["zk-123"]]


def test_a_bearer_key_is_sent_as_given_and_refused_saying_so(zaia_server: FakeZaiaServer) -> None:
    """The fake answers as a strict server does: the key alone, never with a scheme."""
    key = "Bearer " + zaia_server.api_key
    with ae.ZaiaClient(api_key=key, base_url=zaia_server.base_url, max_retries=0) as client:
        with pytest.raises(ae.AuthenticationError) as caught:
            client.executions.get(zaia_server.executions[0]["id"])
    assert caught.value.status_code == 401
    assert "sent as given, 'Bearer ' included: Authorization takes the key alone" in str(caught.value)
    assert zaia_server.api_key not in str(caught.value)
    with ae.ZaiaClient(api_key=zaia_server.api_key, base_url=zaia_server.base_url) as client:
        assert client.executions.get(zaia_server.executions[0]["id"]).id == zaia_server.executions[0]["id"]


def test_a_wrong_key_without_bearer_gets_no_such_hint(zaia_server: FakeZaiaServer) -> None:
    with ae.ZaiaClient(api_key="nope", base_url=zaia_server.base_url) as client:
        with pytest.raises(ae.AuthenticationError) as caught:
            client.executions.get(zaia_server.executions[0]["id"])
    assert "Bearer" not in str(caught.value)


def test_the_word_bearer_alone_as_the_key_is_refused_saying_so(zaia_server: FakeZaiaServer) -> None:
    with ae.ZaiaClient(api_key="Bearer ", base_url=zaia_server.base_url, max_retries=0) as client:
        with pytest.raises(ae.AuthenticationError) as caught:
            client.executions.get(zaia_server.executions[0]["id"])
    assert "the key given is the scheme word alone, with no key after it" in str(caught.value)


@pytest.mark.parametrize("url", ["https://api.zaia.app", "https://API.zaia.app/", "https://api.zaia.app/v1"])
def test_the_legacy_host_is_a_warning_naming_the_current_one(url: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="agent_executions"), ae.ZaiaClient(api_key="k", base_url=url):
        pass
    assert "Zaia's legacy API" in caplog.text and "https://api.endless.zaia.app" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="agent_executions"), ae.ZaiaClient(api_key="k"):
        pass
    assert caplog.text == ""


def test_the_command_line_authenticates_with_the_key_alone(zaia_server: FakeZaiaServer) -> None:
    command = [sys.executable, "-m", "agent_executions", "zaia", "get", zaia_server.executions[0]["id"]]
    base = [*command, "--base-url", zaia_server.base_url]
    env = {**os.environ, "ZAIA_API_KEY": zaia_server.api_key}
    done = subprocess.run([*base, "--format", "json"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert zaia_server.executions[0]["id"] in done.stdout
    env["ZAIA_API_KEY"] = "Bearer " + zaia_server.api_key
    done = subprocess.run([*base, "--format", "json"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode != 0 and "takes the key alone" in done.stderr


@pytest.mark.parametrize("page_size", [7, 100])
def test_walks_pages_until_a_short_one(drive: Drive, page_size: int) -> None:
    items = drive.list(page_size=page_size)
    assert [str(e.id) for e in items] == newest_first(drive.server)
    pages = len(newest_first(drive.server)) // page_size + 1
    assert [r.params("pageNumber") for r in drive.server.requests] == [[str(n)] for n in range(1, pages + 1)]


def test_an_exactly_full_last_page_ends_on_an_empty_one(drive: Drive) -> None:
    total = len(drive.server.executions)
    pages = drive.pages(page_size=total)
    assert [len(p.items) for p in pages] == [total, 0]
    assert [p.has_next for p in pages] == [True, False] and pages[0].total is None


def test_limit(drive: Drive) -> None:
    assert [str(e.id) for e in drive.list(page_size=10, limit=15)] == newest_first(drive.server)[:15]
    assert len(drive.server.requests) == 2


def test_the_smallest_page_and_limit(drive: Drive) -> None:
    assert [str(e.id) for e in drive.list(page_size=1, limit=1)] == newest_first(drive.server)[:1]
    assert [r.params("pageSize") for r in drive.server.requests] == [["1"]]


def test_responder_ids_one_or_many(drive: Drive) -> None:
    one, two, _ = drive.server.responder_ids
    for chosen in (one, [one, uuid.UUID(two)]):
        wanted = [one] if chosen == one else [one, two]
        got = {str(e.id) for e in drive.list(responder_ids=chosen)}
        assert got == {i["id"] for i in drive.server.executions if i["responderId"] in wanted} and got
    assert drive.server.requests[-1].params("responderIds") == [one, two]


def test_get_and_models(drive: Drive) -> None:
    wire = next(i for i in drive.server.executions if i["parentId"] is not None and i["endedAt"] is not None)
    execution = drive.get(wire["id"])
    assert isinstance(execution, ae.ZaiaExecution)
    assert str(execution.id) == wire["id"] and str(execution.parent_id) == wire["parentId"]
    assert execution.credits_used == wire["creditsUsed"] and execution.is_agentic == wire["isAgentic"]
    assert execution.is_purged == wire["isPurged"] and execution.responder_id == wire["responderId"]
    assert execution.workspace_id == wire["workspaceId"] and execution.ended_at is not None
    assert execution.started_at.tzinfo is not None
    assert execution.detail.to_dict() == wire["detail"]


def test_any_status_string_is_accepted(drive: Drive) -> None:
    wire = drive.server.add(status="waiting_for_human")
    assert drive.get(wire["id"]).status == "waiting_for_human"


def test_nesting_by_execution_and_by_chat_message(drive: Drive) -> None:
    message, root = next(
        (m, r)
        for m, r in drive.server.chat_messages.items()
        if any(e["parentId"] == r for e in drive.server.executions)
    )
    tree = drive.nesting(execution_id=root)
    assert isinstance(tree, ae.ZaiaExecutionTree)
    expected = drive.server.tree(root)

    def depth_first(node: dict[str, object]) -> list[str]:
        children = node["children"]
        assert isinstance(children, list)
        return [str(node["id"]), *(i for child in children for i in depth_first(child))]

    assert [str(n.id) for n in tree.walk()] == depth_first(expected)
    assert len(list(tree.walk())) > 1
    assert repr(tree).startswith("ZaiaExecutionTree(") and "children" not in repr(tree)  # the short repr
    assert drive.nesting(chat_message_id=uuid.UUID(message)).id == root


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({}, ValueError, "exactly one"),
        ({"execution_id": str(uuid.uuid4()), "chat_message_id": str(uuid.uuid4())}, ValueError, "exactly one"),
        ({"execution_id": "nope"}, ValueError, "execution_id"),
        ({"chat_message_id": 7}, TypeError, "chat_message_id"),
    ],
)
def test_bad_nesting_arguments_fail_before_any_request(
    zaia_server: FakeZaiaServer, kwargs: dict[str, object], error: type[Exception], match: str
) -> None:
    with ae.ZaiaClient(api_key=zaia_server.api_key, base_url=zaia_server.base_url) as client:
        with pytest.raises(error, match=match):
            client.executions.nesting(**kwargs)  # type: ignore[arg-type]
    assert zaia_server.requests == []


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"page_size": 0}, ValueError),
        ({"page_size": 101}, ValueError),
        ({"responder_ids": ["x"]}, ValueError),
        ({"responder_ids": 5}, TypeError),
        ({"limit": -1}, ValueError),
        ({"limit": 0}, ValueError),
    ],
)
def test_bad_list_arguments_fail_before_any_request(
    zaia_server: FakeZaiaServer, kwargs: dict[str, object], error: type[Exception]
) -> None:
    with ae.ZaiaClient(api_key=zaia_server.api_key, base_url=zaia_server.base_url) as client:
        with pytest.raises(error, match=next(iter(kwargs))):
            client.executions.list(**kwargs)  # type: ignore[arg-type]
    assert zaia_server.requests == []


def test_errors_and_retries_come_from_the_shared_core(drive: Drive) -> None:
    drive.server.fail_next(503, retry_after=0)
    assert len(drive.list(limit=3)) == 3
    with pytest.raises(ae.NotFoundError):
        drive.get(uuid.uuid4())
    drive.server.corrupt_next(missing="workspaceId")
    with pytest.raises(ae.ResponseValidationError) as caught:
        drive.list(limit=1)
    assert caught.value.property == "workspaceId" and caught.value.operation == "ExecutionList"


def test_wrong_key(zaia_server: FakeZaiaServer) -> None:
    with ae.ZaiaClient(api_key="nope", base_url=zaia_server.base_url) as client:
        with pytest.raises(ae.AuthenticationError):
            list(client.executions.list())
