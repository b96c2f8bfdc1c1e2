"""Listing while the data moves: the default offset pages and `consistent=True`."""

from __future__ import annotations

import asyncio
import datetime
from collections import Counter
from collections.abc import Iterator

import pytest
from agent_executions import AsteroidClient, AsyncAsteroidClient, Execution
from agent_executions.testing import FakeAsteroidServer

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)
COUNT = 10_000


@pytest.fixture(scope="module")
def big() -> Iterator[FakeAsteroidServer]:
    # 10,000 executions; validation off only to keep this test quick (the spec checks run elsewhere)
    with FakeAsteroidServer(seed=11, count=COUNT, now=NOW, validate=False) as server:
        yield server


def churn(server: FakeAsteroidServer, round_number: int) -> None:
    """Between two pages: five new executions, and five existing ones change status."""
    for offset in range(5):
        server.add(createdAt=(NOW + datetime.timedelta(seconds=round_number * 5 + offset)).isoformat())
    ids = [item["id"] for item in server.executions]
    for index in range(5):
        server.update(ids[(round_number * 37 + index * 101) % len(ids)], status="failed")


def walk_while_churning(server: FakeAsteroidServer, **options: object) -> tuple[set[str], Counter[str]]:
    existing = {item["id"] for item in server.executions}
    seen: Counter[str] = Counter()
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        for number, page in enumerate(client.executions.list(page_size=100, **options).pages()):  # type: ignore[arg-type]
            seen.update(str(execution.id) for execution in page.items)
            churn(server, number)
    return existing, seen


def test_consistent_listing_returns_every_existing_execution_exactly_once(big: FakeAsteroidServer) -> None:
    existing, seen = walk_while_churning(big, consistent=True)
    assert len(existing) >= COUNT
    assert {i for i in existing if seen[i] != 1} == set()
    assert set(seen) == existing, "executions created during the listing do not come"


def test_the_default_offset_listing_repeats_items_when_data_moves(big: FakeAsteroidServer) -> None:
    """What the documentation says of the default: new executions push old ones onto later pages."""
    _, seen = walk_while_churning(big)
    assert any(count > 1 for count in seen.values())


def test_consistent_listing_reports_the_total_at_the_start(big: FakeAsteroidServer) -> None:
    with AsteroidClient(api_key=big.api_key, base_url=big.base_url) as client:
        pages = client.executions.list(page_size=100, consistent=True, limit=250).pages()
        first = next(pages)
        before = len(big.executions)
        big.add(createdAt=(NOW + datetime.timedelta(days=1)).isoformat())
        rest = list(pages)
    assert first.total == before and all(page.total == before for page in rest)
    assert [page.page for page in [first, *rest]] == [1, 2, 3]
    assert sum(len(page.items) for page in [first, *rest]) == 250


@pytest.mark.parametrize("group", [3, 10, 25])
def test_ties_on_created_at_are_neither_lost_nor_repeated(group: int) -> None:
    with FakeAsteroidServer(seed=2, count=0, now=NOW) as server:
        for index in range(23):  # 23 executions, `group` of them in each second
            moment = NOW - datetime.timedelta(seconds=index // group)
            server.add(server.new_execution(), createdAt=moment.isoformat())
        with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            got = [str(e.id) for e in client.executions.list(page_size=10, consistent=True)]
    assert sorted(got) == sorted(item["id"] for item in server.executions) and len(got) == 23


def test_consistent_oldest_first_async(big: FakeAsteroidServer) -> None:
    async def main() -> list[Execution]:
        async with AsyncAsteroidClient(api_key=big.api_key, base_url=big.base_url) as client:
            pager = client.executions.list(page_size=100, consistent=True, sort_direction="asc", limit=1000)
            return [execution async for execution in pager]

    got = asyncio.run(main())
    times = [e.created_at for e in got]
    assert times == sorted(times) and len({e.id for e in got}) == 1000


def test_consistent_needs_created_at_order(big: FakeAsteroidServer) -> None:
    with AsteroidClient(api_key=big.api_key, base_url=big.base_url) as client:
        with pytest.raises(ValueError, match="sort_field"):
            client.executions.list(consistent=True, sort_field="status")
        with pytest.raises(TypeError, match="consistent"):
            client.executions.list(consistent="yes")  # type: ignore[arg-type]
