"""The API key never leaks; bad settings fail before any request; nothing leaks after many calls."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator

import agent_executions as ae
import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

SECRET = "sk-live-7f3a9c1e5b2d4068"


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[FakeAsteroidServer]:
    options = getattr(request, "param", {})
    with FakeAsteroidServer(seed=5, count=30, api_key=SECRET, **options) as fake:
        yield fake


def client_for(server: FakeAsteroidServer | FakeZaiaServer, **options: object) -> ae.AsteroidClient:
    return ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, **options)  # type: ignore[arg-type]


# --- secrets ------------------------------------------------------------------------------


def every_error(server: FakeAsteroidServer) -> list[ae.AgentExecutionsError]:
    """One instance of each error class, raised for real against the fake server."""
    caught: list[ae.AgentExecutionsError] = []
    with client_for(server, max_retries=0, timeout=0.2) as client:
        for status in (400, 401, 403, 404, 409, 422, 429, 500, 520):
            server.fail_next(status)
            with pytest.raises(ae.APIStatusError) as info:
                client.executions.get(server.executions[0]["id"])
            caught.append(info.value)
        for inject in (server.truncate_next, server.drop_connection_next, lambda: server.slow_next(1.0)):
            inject()
            with pytest.raises(ae.AgentExecutionsError) as info:  # type: ignore[assignment]
                client.executions.get(server.executions[0]["id"])
            caught.append(info.value)
    server.violations.clear()
    return caught


def test_the_key_is_in_no_exception_text(server: FakeAsteroidServer) -> None:
    errors = every_error(server)
    kinds = {type(e) for e in errors}
    assert {ae.ResponseValidationError, ae.APIConnectionError, ae.APITimeoutError, ae.RateLimitError} <= kinds
    for error in errors:
        for text in (str(error), repr(error), repr(getattr(error, "response", None)), repr(error.args)):
            assert SECRET not in text, type(error).__name__


def test_the_key_is_in_no_log_line_at_any_level(server: FakeAsteroidServer, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):  # every logger: ours, httpx and httpcore included
        server.fail_next(503, retry_after=0)
        with client_for(server) as client:
            list(client.executions.list(limit=150, page_size=100))
            with pytest.raises(ae.NotFoundError):
                client.executions.get(uuid.uuid4())
    assert len(caplog.records) > 10
    assert all(SECRET not in record.getMessage() for record in caplog.records)


def test_the_key_is_in_no_repr(server: FakeAsteroidServer) -> None:
    with client_for(server) as client:
        texts = [repr(client), repr(client._config), repr(client._core), repr(client.with_options(timeout=1.0))]
        texts.append(repr(client.executions.list()))
    assert all(SECRET not in text for text in texts)


def test_the_key_is_in_no_command_line_output_even_with_debug(server: FakeAsteroidServer) -> None:
    runs = [(["get", str(uuid.uuid4())], 4), (["list", "--limit", "3", "--format", "json"], 0)]
    for args, code in runs:  # a not-found traceback and a listing: both must have run, not failed early
        command = [sys.executable, "-m", "agent_executions", "asteroid", *args, "--debug"]
        env = {**os.environ, "ASTEROID_API_KEY": SECRET, "ASTEROID_BASE_URL": server.base_url}
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=60)
        assert done.returncode == code, done.stderr
        assert ("Traceback" in done.stderr) == (code != 0)
        assert len(json.loads(done.stdout)) == 3 if code == 0 else done.stdout == ""
        assert SECRET not in done.stdout + done.stderr
    assert server.requests[-1].headers[server.auth_header.lower()] == "<redacted>"


def test_plain_http_is_refused_except_on_loopback_or_by_choice() -> None:
    with pytest.raises(ValueError, match="unencrypted"):
        ae.AsteroidClient(api_key=SECRET, base_url="http://api.example.com/agents/v2")
    with pytest.raises(ValueError, match="unencrypted"):
        ae.ZaiaClient(api_key=SECRET, base_url="http://10.0.0.8")
    assert ae.AsteroidClient(api_key=SECRET, base_url="http://localhost:8080").base_url == "http://localhost:8080"
    assert ae.AsteroidClient(api_key=SECRET, base_url="http://[::1]:8080").base_url == "http://[::1]:8080"
    chosen = ae.AsteroidClient(api_key=SECRET, base_url="http://api.internal", allow_insecure_http=True)
    assert chosen.base_url == "http://api.internal"


def test_a_redirect_to_another_origin_never_receives_the_key(server: FakeAsteroidServer) -> None:
    with FakeAsteroidServer(seed=5, count=1) as elsewhere:  # another port: another origin
        target = elsewhere.api_url + "/executions"
        for code in (301, 302, 307, 308):
            server.fail_next(code, body="", headers={"Location": target})
            with client_for(server) as client:
                with pytest.raises(ae.APIStatusError) as info:
                    list(client.executions.list(limit=1))
            assert info.value.status_code == code and "not followed" in str(info.value)
        assert elsewhere.requests == []
    raw = client_for(server).raw.get_httpx_client()
    assert raw.follow_redirects is False


# --- bad settings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "error", "name"),
    [
        ({"api_key": 123}, TypeError, "api_key"),
        ({"api_key": "  "}, ae.ConfigurationError, "API key"),
        ({"base_url": 5}, TypeError, "base_url"),
        ({"base_url": "not a url"}, ValueError, "base_url"),
        ({"timeout": -1}, ValueError, "timeout"),
        ({"timeout": None}, TypeError, "timeout"),
        ({"max_retries": "3"}, TypeError, "max_retries"),
        ({"http_client": object()}, TypeError, "http_client"),
    ],
)
@pytest.mark.parametrize("client_class", [ae.AsteroidClient, ae.AsyncAsteroidClient, ae.ZaiaClient, ae.AsyncZaiaClient])
def test_bad_settings_name_the_argument(
    client_class: type, options: dict[str, object], error: type[Exception], name: str
) -> None:
    settings = {"api_key": SECRET, **options}
    with pytest.raises(error, match=name):
        client_class(**settings)


@pytest.mark.parametrize(("options", "name"), [({"timeout": 0}, "timeout"), ({"max_retries": -2}, "max_retries")])
def test_bad_with_options_name_the_argument(server: FakeAsteroidServer, options: dict[str, int], name: str) -> None:
    with client_for(server) as client:
        with pytest.raises(ValueError, match=name):
            client.with_options(**options)  # type: ignore[arg-type]
    assert server.requests == []


# --- resources ---------------------------------------------------------------------------------


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.parametrize("server", [{"validate": False}], indirect=True)  # spec checks are not the point here
def test_no_connections_or_threads_leak_after_1000_calls(server: FakeAsteroidServer) -> None:
    execution_id = server.executions[0]["id"]
    with client_for(server) as warm:  # the first call imports and caches what later calls reuse
        warm.executions.get(execution_id)
    gc.collect()
    files, threads = open_files(), threading.active_count()

    with client_for(server) as client:  # one client, many calls: one pooled connection
        for _ in range(500):
            client.executions.get(execution_id)
    for _ in range(250):  # a client per call, closed
        with client_for(server) as client:
            client.executions.get(execution_id)
    for _ in range(250):  # a client per call, never closed
        client_for(server).executions.get(execution_id)
    gc.collect()

    assert len(server.requests) == 1001
    for _ in range(50):  # the server's kept-alive connections and their threads end once the clients are gone
        if threading.active_count() <= threads and open_files() <= files + 2:
            break
        threading.Event().wait(0.05)
    assert open_files() <= files + 2
    assert threading.active_count() <= threads


def test_one_async_client_serves_many_tasks_at_once(server: FakeAsteroidServer) -> None:
    ids = [item["id"] for item in server.executions]

    async def main() -> tuple[list[ae.Execution], list[list[ae.Execution]]]:
        async with ae.AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:

            async def listing() -> list[ae.Execution]:
                return [e async for e in client.executions.list(page_size=7)]

            gets = asyncio.gather(*(client.executions.get(i) for i in ids))
            lists = asyncio.gather(*(listing() for _ in range(5)))
            return await asyncio.gather(gets, lists)  # type: ignore[return-value]

    got, listed = asyncio.run(main())
    assert [str(e.id) for e in got] == ids
    assert all(sorted(str(e.id) for e in one) == sorted(ids) for one in listed)
