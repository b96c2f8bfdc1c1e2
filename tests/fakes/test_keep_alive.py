"""The fake servers keep connections alive, as the vendors' servers do, and the clients reuse them."""

from __future__ import annotations

import asyncio
import time

import agent_executions as ae
import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer


def test_a_sync_listing_reuses_one_connection(asteroid_server: FakeAsteroidServer) -> None:
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        assert len(list(client.executions.list(page_size=10))) == 120
    assert len(asteroid_server.requests) == 12
    assert asteroid_server.connections.opened == 1


def test_an_async_listing_reuses_one_connection(asteroid_server: FakeAsteroidServer) -> None:
    async def main() -> int:
        async with ae.AsyncAsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as c:
            return len([e async for e in c.executions.list(page_size=10)])

    assert asyncio.run(main()) == 120
    assert asteroid_server.connections.opened == 1


def test_the_server_answers_http_11_without_closing(asteroid_server: FakeAsteroidServer) -> None:
    with httpx.Client(headers=asteroid_server.auth_headers) as http:
        response = http.get(asteroid_server.url_for("ExecutionList"))
    assert response.http_version == "HTTP/1.1"
    assert "close" not in response.headers.get("connection", "")


@pytest.mark.parametrize("fault", ["drop", "trickle_cut"])
def test_a_response_cut_short_ends_its_connection_and_the_next_request_gets_a_new_one(
    asteroid_server: FakeAsteroidServer, fault: str
) -> None:
    client = ae.AsteroidClient(
        api_key=asteroid_server.api_key, base_url=asteroid_server.base_url, max_retries=1, timeout=0.3
    )
    with client:
        client.executions.list(limit=1).__iter__().__next__()
        if fault == "drop":
            asteroid_server.drop_connection_next()
        else:
            asteroid_server.trickle_next(0.05)  # cut off by the client's deadline
        assert len(list(client.executions.list(page_size=5, limit=5))) == 5  # retried on a new connection
    assert asteroid_server.connections.opened == 2


def test_a_connection_the_server_closed_while_idle_is_replaced_without_a_retry(
    asteroid_server: FakeAsteroidServer,
) -> None:
    """httpcore notices, when it takes a pooled connection, that the server has closed it, and opens
    another: the request is not lost, and needs none of the SDK's retries (max_retries=0)."""
    asteroid_server.connections.idle_timeout = 0.1
    client = ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url, max_retries=0)
    with client:
        first = asteroid_server.executions[0]["id"]
        client.executions.get(first)
        client.executions.get(first)  # within the idle timeout: the same connection
        assert asteroid_server.connections.opened == 1
        time.sleep(0.4)  # the server's idle timeout closes the connection
        assert client.executions.get(first).id == first
    assert asteroid_server.connections.opened == 2
    assert len(asteroid_server.requests) == 3


def test_the_async_client_also_replaces_a_connection_closed_while_idle(asteroid_server: FakeAsteroidServer) -> None:
    asteroid_server.connections.idle_timeout = 0.1
    first = asteroid_server.executions[0]["id"]

    async def main() -> str:
        async with ae.AsyncAsteroidClient(
            api_key=asteroid_server.api_key, base_url=asteroid_server.base_url, max_retries=0
        ) as client:
            await client.executions.get(first)
            await asyncio.sleep(0.4)
            return (await client.executions.get(first)).id

    assert asyncio.run(main()) == first
    assert asteroid_server.connections.opened == 2
    assert len(asteroid_server.requests) == 2


def test_stop_ends_the_connections_clients_left_open() -> None:
    server = FakeAsteroidServer(seed=1, count=3).start()
    http = httpx.Client(headers=server.auth_headers)
    url = server.url_for("ExecutionList")
    http.get(url)  # the connection stays in http's pool, its server thread waiting for the next request
    server.stop()
    with pytest.raises(httpx.TransportError):  # without the shutdown, the old connection would still answer
        http.get(url)
    http.close()


def test_a_delete_leaves_the_kept_alive_connection_usable() -> None:
    """A 204 carries no body: the request after a delete, on the same connection, is answered (a review
    saw `illegal status line: b'0'` from chunked framing on the 204)."""
    with FakeAsteroidServer(seed=1, count=3) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, max_retries=0) as client:
            target = server.executions[0]["id"]
            client.executions.delete(target)
            assert client.executions.get(server.executions[0]["id"]).id == server.executions[0]["id"]
        assert server.connections.opened == 1
