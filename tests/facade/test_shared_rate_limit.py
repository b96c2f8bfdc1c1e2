"""A `Retry-After` to one listing holds back every listing of the same client (backfill windows
in threads or tasks run behind one rate limit; issue 25, item 4)."""

from __future__ import annotations

import asyncio
import datetime
import threading
from collections.abc import Iterator

import pytest
from agent_executions import AsteroidClient, AsyncAsteroidClient
from agent_executions.testing import FakeAsteroidServer

NOW = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
MIDDLE = NOW - datetime.timedelta(days=3, hours=12)


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=3, count=200, now=NOW) as fake:
        fake.latency = 0.02
        yield fake


def sent_while_closed(server: FakeAsteroidServer) -> tuple[int, int]:
    """(requests received within 0.9 s after the 429, requests in all after it)."""
    refused = 3  # fail_next(after=3): the fourth request got the 429
    start = server.requests[refused].received_at
    after = server.requests[refused + 1 :]
    return sum(1 for r in after if r.received_at < start + 0.9), len(after)


def test_two_windows_in_threads_share_one_pause(server: FakeAsteroidServer) -> None:
    server.fail_next(429, times=1, after=3, retry_after=1)
    counts: dict[str, int] = {}
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url, max_retries=3) as client:

        def window(name: str, **bounds: datetime.datetime) -> None:
            counts[name] = sum(1 for _ in client.executions.list(page_size=5, **bounds))

        threads = [
            threading.Thread(target=window, args=("old",), kwargs={"created_before": MIDDLE}),
            threading.Thread(target=window, args=("new",), kwargs={"created_after": MIDDLE}),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert counts["old"] + counts["new"] == 200
    early, later = sent_while_closed(server)
    assert later > 10 and early <= 1  # at most the other window's request already on its way


def test_two_async_windows_share_one_pause(server: FakeAsteroidServer) -> None:
    server.fail_next(429, times=1, after=3, retry_after=1)

    async def main() -> int:
        async with AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url, max_retries=3) as client:

            async def window(**bounds: datetime.datetime) -> int:
                return len([e async for e in client.executions.list(page_size=5, **bounds)])

            old, new = await asyncio.gather(window(created_before=MIDDLE), window(created_after=MIDDLE))
            return old + new

    assert asyncio.run(main()) == 200
    early, later = sent_while_closed(server)
    assert later > 10 and early <= 1


def test_a_window_after_a_concurrent_listing_still_pages(server: FakeAsteroidServer) -> None:
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        pager = client.executions.list(page_size=10, concurrency=4)
        seen = 0
        for page in pager.pages():
            seen += len(page.items)
            if page.page == 2:
                for _ in range(3):
                    server.add()  # the total moves: the window steps back, pages go on one at a time
        assert seen >= 200
