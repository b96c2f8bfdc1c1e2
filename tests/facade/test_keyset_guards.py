"""Consistent listings against servers that ignore what a keyed page asks for: raised, never looped."""

from __future__ import annotations

import asyncio
import datetime
import itertools
import urllib.parse
from collections.abc import Callable, Iterator
from typing import Any

import agent_executions as ae
import pytest
from agent_executions.asteroid import LIST
from agent_executions.testing import FakeAsteroidServer

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)


class DropsParameters(FakeAsteroidServer):
    """A server that ignores the query parameters named in `dropped` (a vendor that never implemented them)."""

    dropped: frozenset[str] = frozenset()

    def _wsgi(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        pairs = urllib.parse.parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        kept = [(k, v) for k, v in pairs if k not in self.dropped]
        return super()._wsgi({**environ, "QUERY_STRING": urllib.parse.urlencode(kept)}, start_response)


@pytest.fixture
def ignores_bounds() -> Iterator[DropsParameters]:
    with DropsParameters(seed=7, count=250, now=NOW) as server:
        server.dropped = frozenset({LIST.query_name("created_before"), LIST.query_name("created_after")})
        yield server


@pytest.mark.parametrize("direction", ["desc", "asc"])
def test_a_server_ignoring_the_boundary_raises_instead_of_repeating(
    ignores_bounds: DropsParameters, direction: str
) -> None:
    wire = LIST.query_name("created_before" if direction == "desc" else "created_after")
    got: list[ae.Execution] = []
    with ae.AsteroidClient(api_key=ignores_bounds.api_key, base_url=ignores_bounds.base_url) as client:
        listing = client.executions.list(consistent=True, sort_direction=direction)
        with pytest.raises(ae.ResponseValidationError, match=f"ignored {wire}"):
            got.extend(itertools.islice(listing, 5000))
    assert len(got) == 100, "the first page (no boundary yet) comes, nothing after it"


def test_a_server_ignoring_the_page_number_at_one_key_raises() -> None:
    """Every execution created at the same instant: the walk pages within that key, and a server
    answering page 1 whatever number it is asked for must not make it loop."""
    with DropsParameters(seed=7, count=0, now=NOW) as server:
        for _ in range(30):
            server.add(createdAt="2026-11-23T11:00:00Z")
        server.dropped = frozenset({LIST.query_name("page")})
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            listing = client.executions.list(consistent=True, page_size=10)
            with pytest.raises(ae.ResponseValidationError, match="no new item"):
                list(itertools.islice(listing, 5000))


def test_a_server_honouring_the_filters_still_lists_everything_once() -> None:
    with FakeAsteroidServer(seed=7, count=250, now=NOW) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            ids = [item.id for item in client.executions.list(consistent=True)]
    assert sorted(ids) == sorted(item["id"] for item in server.executions)


@pytest.mark.parametrize(
    ("direction", "name"),
    [
        ("desc", "sort_direction"),
        ("desc", "sort_field"),
        ("desc", "created_before"),
        ("asc", "created_after"),
    ],
)
def test_extra_query_cannot_set_what_a_consistent_listing_pages_by(
    asteroid_server: FakeAsteroidServer, direction: str, name: str
) -> None:
    wire = LIST.query_name(name)
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        for spelling in (wire, wire.upper()):
            with pytest.raises(ValueError, match=f"extra_query cannot set {spelling!r}"):
                client.executions.list(consistent=True, sort_direction=direction, extra_query={spelling: "x"})
    assert asteroid_server.requests == [], "refused before any request"


def test_extra_query_may_still_set_the_other_bound_and_the_sort_of_a_numbered_listing(
    asteroid_server: FakeAsteroidServer,
) -> None:
    middle = sorted(item["createdAt"] for item in asteroid_server.executions)[60]
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        later = list(client.executions.list(consistent=True, extra_query={LIST.query_name("created_after"): middle}))
        oldest_first = list(client.executions.list(extra_query={LIST.query_name("sort_direction"): "asc"}, limit=5))
    bound = datetime.datetime.fromisoformat(middle.replace("Z", "+00:00"))
    assert later and all(item.created_at > bound for item in later)
    assert [item.created_at for item in oldest_first] == sorted(item.created_at for item in oldest_first)
    assert oldest_first[0].created_at == min(item.created_at for item in later + oldest_first)


def test_an_async_consistent_listing_raises_too(ignores_bounds: DropsParameters) -> None:
    async def main() -> list[ae.Execution]:
        got: list[ae.Execution] = []
        async with ae.AsyncAsteroidClient(api_key=ignores_bounds.api_key, base_url=ignores_bounds.base_url) as client:
            with pytest.raises(ae.ResponseValidationError, match="ignored"):
                async for item in client.executions.list(consistent=True):
                    got.append(item)
                    if len(got) >= 5000:
                        break
        return got

    assert len(asyncio.run(main())) == 100
