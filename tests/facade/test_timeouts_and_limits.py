"""`timeout` as a number or an `httpx.Timeout` kept as given; `max_response_bytes`, adjustable and typed."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import agent_executions as ae
import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

CLIENT_CLASSES = [ae.AsteroidClient, ae.AsyncAsteroidClient, ae.ZaiaClient, ae.AsyncZaiaClient]
PHASES = httpx.Timeout(connect=1, read=120, write=5, pool=2)


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=4, count=5) as fake:
        yield fake


def test_an_httpx_timeout_is_sent_phase_by_phase_as_given(server: FakeAsteroidServer) -> None:
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, timeout=PHASES, max_retries=0) as client:
        assert client.timeout == PHASES and client.with_options(max_retries=1).timeout == PHASES
        server.fail_next(404)
        with pytest.raises(ae.NotFoundError) as caught:
            client.executions.get(server.executions[0]["id"])
    assert caught.value.response.request.extensions["timeout"] == PHASES.as_dict()


def test_a_number_sets_every_phase(server: FakeAsteroidServer) -> None:
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, timeout=3, max_retries=0) as client:
        server.fail_next(404)
        with pytest.raises(ae.NotFoundError) as caught:
            client.executions.get(server.executions[0]["id"])
    assert caught.value.response.request.extensions["timeout"] == httpx.Timeout(3.0).as_dict()


def test_the_read_phase_of_an_httpx_timeout_applies(server: FakeAsteroidServer) -> None:
    short_read = httpx.Timeout(connect=5, read=0.2, write=5, pool=5)
    server.slow_next(1.0)
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, timeout=short_read, max_retries=0) as c:
        with pytest.raises(ae.APITimeoutError):
            c.executions.get(server.executions[0]["id"])


@pytest.mark.parametrize(
    ("timeout", "reason"),
    [
        (httpx.Timeout(None), "connect, read, write, pool without a limit"),
        (httpx.Timeout(5, read=None), "read without a limit"),
        (httpx.Timeout(5, pool=0), "pool must be a number of seconds > 0 and <= 604800"),
        (httpx.Timeout(5, read=1e10), "read must be a number of seconds > 0 and <= 604800"),
        (httpx.Timeout(5, read=-1), "read must be a number of seconds > 0 and <= 604800"),
        (float("nan"), "number of seconds > 0 and <= 604800"),
        (float("inf"), "number of seconds > 0 and <= 604800"),
        (1e10, "number of seconds > 0 and <= 604800"),
    ],
)
@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
def test_a_timeout_without_a_limit_is_refused_with_the_reason(
    client_class: type, timeout: float | httpx.Timeout, reason: str
) -> None:
    with pytest.raises(ValueError, match="timeout") as caught:
        client_class(api_key="k", base_url="http://127.0.0.1:9", timeout=timeout)
    assert reason in str(caught.value)


@pytest.mark.parametrize("server_class", [FakeAsteroidServer, FakeZaiaServer])
def test_a_response_above_max_response_bytes_raises_a_typed_error_and_is_not_retried(
    server_class: type[FakeAsteroidServer] | type[FakeZaiaServer],
) -> None:
    sync_class, async_class = (
        (ae.AsteroidClient, ae.AsyncAsteroidClient)
        if server_class is FakeAsteroidServer
        else (ae.ZaiaClient, ae.AsyncZaiaClient)
    )
    with server_class(seed=4, count=5) as fake:
        execution_id = fake.executions[0]["id"]
        with sync_class(api_key=fake.api_key, base_url=fake.base_url) as client:
            assert client.max_response_bytes == 64 * 1024 * 1024
            client.executions.get(execution_id)
            small = client.with_options(max_response_bytes=100)
            assert small.max_response_bytes == 100
            with pytest.raises(ae.ResponseTooLargeError) as caught:
                small.executions.get(execution_id)
            assert caught.value.limit == 100 and "max_response_bytes" in str(caught.value)
            assert isinstance(caught.value, ae.APIConnectionError)

        async def main() -> None:
            async with async_class(api_key=fake.api_key, base_url=fake.base_url, max_response_bytes=100) as aclient:
                with pytest.raises(ae.ResponseTooLargeError):
                    await aclient.executions.get(execution_id)

        asyncio.run(main())
        assert len(fake.requests) == 3


@pytest.mark.parametrize(("value", "error"), [(0, ValueError), (-5, ValueError), ("1", TypeError), (True, TypeError)])
@pytest.mark.parametrize("client_class", CLIENT_CLASSES)
def test_a_bad_max_response_bytes_names_the_argument(client_class: type, value: object, error: type) -> None:
    with pytest.raises(error, match="max_response_bytes"):
        client_class(api_key="k", base_url="http://127.0.0.1:9", max_response_bytes=value)
