"""`AsyncAsteroidClient.executions.list(concurrency=N)`: pages fetched at once, items in order."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import agent_executions as ae
import pytest
from agent_executions.testing import FakeAsteroidServer


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=9, count=230) as fake:
        yield fake


def listing(server: FakeAsteroidServer, **options: Any) -> list[str]:
    async def main() -> list[str]:
        async with ae.AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            return [str(e.id) async for e in client.executions.list(page_size=10, **options)]

    return asyncio.run(main())


def test_same_items_in_the_same_order_with_pages_in_flight_together(server: FakeAsteroidServer) -> None:
    expected = listing(server)
    server.requests.clear()
    server.max_in_flight = 0
    server.latency = 0.05  # long enough for the requests to overlap
    assert listing(server, concurrency=6) == expected
    assert len(expected) == 230
    assert sorted(int(r.params("page")[0]) for r in server.requests) == list(range(1, 24))
    assert server.max_in_flight > 1


def test_a_limit_fetches_only_the_pages_it_needs(server: FakeAsteroidServer) -> None:
    got = listing(server, concurrency=8, limit=35)
    assert len(got) == 35 and len(server.requests) == 4


def test_retries_and_errors_work_the_same(server: FakeAsteroidServer) -> None:
    server.fail_next(503, times=2, after=3, retry_after=0)
    assert len(listing(server, concurrency=4)) == 230
    server.fail_next(401, times=1, after=5)
    with pytest.raises(ae.AuthenticationError):
        listing(server, concurrency=4)


def test_pages_keep_their_numbers(server: FakeAsteroidServer) -> None:
    async def main() -> list[tuple[int, int, bool]]:
        async with ae.AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            pager = client.executions.list(page_size=50, concurrency=3)
            return [(p.page, len(p.items), p.has_next) async for p in pager.pages()]

    assert asyncio.run(main()) == [(1, 50, True), (2, 50, True), (3, 50, True), (4, 50, True), (5, 30, False)]


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"concurrency": 0}, "concurrency"),
        ({"concurrency": 100}, "concurrency"),
        ({"concurrency": 2, "consistent": True}, "concurrency"),
    ],
)
def test_bad_concurrency(server: FakeAsteroidServer, options: dict[str, Any], match: str) -> None:
    client = ae.AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url)
    with pytest.raises(ValueError, match=match):
        client.executions.list(**options)
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as sync:
        with pytest.raises(ValueError, match="async"):
            sync.executions.list(concurrency=4)
    assert server.requests == []
