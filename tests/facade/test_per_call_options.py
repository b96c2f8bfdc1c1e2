"""Every operation takes `timeout=` and `max_retries=` for that one call (issue 23, item 5), as
openai-python's methods do; the client's own settings stay for every other call."""

from __future__ import annotations

import asyncio
from typing import Any

import agent_executions as ae
import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer


def attempts(server: FakeAsteroidServer | FakeZaiaServer, path_part: str) -> int:
    return sum(1 for request in server.requests if path_part in request.path)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_max_retries_for_one_call(mode: str) -> None:
    with FakeAsteroidServer(seed=3, count=3) as server:
        execution = server.executions[0]["id"]
        options = {"api_key": server.api_key, "base_url": server.base_url, "max_retries": 2}
        server.fail_next(500, times=1)

        async def async_calls() -> None:
            async with ae.AsyncAsteroidClient(**options) as client:
                with pytest.raises(ae.InternalServerError):
                    await client.executions.get(execution, max_retries=0)
                server.fail_next(500, times=1)
                assert (await client.executions.get(execution)).id == execution  # the client's 2 retries again

        if mode == "sync":
            with ae.AsteroidClient(**options) as client:
                with pytest.raises(ae.InternalServerError):
                    client.executions.get(execution, max_retries=0)
                server.fail_next(500, times=1)
                assert client.executions.get(execution).id == execution
        else:
            asyncio.run(async_calls())
        assert attempts(server, execution) == 1 + 2  # one attempt, then one failure and its retry


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_timeout_for_one_call_and_each_page_of_a_listing(mode: str) -> None:
    with FakeZaiaServer(seed=3, count=30) as server:
        options = {"api_key": server.api_key, "base_url": server.base_url, "max_retries": 0}
        server.latency = 0.5

        async def async_calls() -> list[Any]:
            async with ae.AsyncZaiaClient(**options) as client:
                with pytest.raises(ae.APITimeoutError):
                    [item async for item in client.executions.list(page_size=10, timeout=0.1)]
                return [item async for item in client.executions.list(page_size=10, limit=20, timeout=5)]

        if mode == "sync":
            with ae.ZaiaClient(**options) as client:
                with pytest.raises(ae.APITimeoutError):
                    list(client.executions.list(page_size=10, timeout=0.1))
                items = list(client.executions.list(page_size=10, limit=20, timeout=5))
        else:
            items = asyncio.run(async_calls())
        assert len(items) == 20


def test_wait_takes_max_retries_and_keeps_its_own_timeout() -> None:
    with FakeAsteroidServer(seed=3, count=1) as server:
        server.lifecycle = ((0.0, "running"), (0.05, "completed"))
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            started = client.workflows.execute("6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10")
            server.fail_next(503, times=1)
            with pytest.raises(ae.InternalServerError):
                client.executions.wait(started.execution_id, timeout=30, max_retries=0)
            assert client.executions.wait(started.execution_id, timeout=30).status == "completed"


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"timeout": 0}, ValueError, "timeout must be a number of seconds > 0"),
        ({"timeout": "5"}, TypeError, "timeout must be a number of seconds or an httpx.Timeout"),
        ({"max_retries": -1}, ValueError, "max_retries must be >= 0"),
        ({"max_retries": 1.5}, TypeError, "max_retries must be an int"),
    ],
)
def test_a_wrong_setting_fails_before_any_request(
    options: dict[str, Any], error: type[Exception], message: str
) -> None:
    with FakeAsteroidServer(seed=3, count=1) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            with pytest.raises(error, match=message):
                client.executions.get(server.executions[0]["id"], **options)
            with pytest.raises(error, match=message):
                client.executions.list(**options)
        assert server.requests == []


def test_a_bool_is_no_number_of_seconds_in_a_timeout_either() -> None:
    """Review of issue 23: `httpx.Timeout(5, read=True)` was taken as a 1 s read timeout."""
    import httpx

    with FakeAsteroidServer(seed=3, count=1) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            with pytest.raises(ValueError, match="timeout's read must be a number of seconds"):
                client.executions.get(server.executions[0]["id"], timeout=httpx.Timeout(5, read=True))
        with pytest.raises(ValueError, match="timeout's connect must be"):
            ae.AsteroidClient(api_key="k", timeout=httpx.Timeout(True))
        assert server.requests == []
