"""Numbered and consistent listings when the data moves or the server numbers pages its own way."""

from __future__ import annotations

import asyncio
import datetime
import inspect
import logging
import threading
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import agent_executions as ae
import httpx
import pytest
from agent_executions._constants import MAX_REPEATED_PAGES
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)


def iso(moment: datetime.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


# --- exactly a page's worth of new executions between two pages (item 14) --------------------


def test_asteroid_listing_survives_a_page_worth_of_new_executions(asteroid_server: FakeAsteroidServer) -> None:
    existing = {item["id"] for item in asteroid_server.executions}
    seen: Counter[str] = Counter()
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        for number, page in enumerate(client.executions.list(page_size=10).pages()):
            seen.update(item.id for item in page.items)
            if number == 0:  # ten newer executions push page 1 onto page 2
                for second in range(10):
                    asteroid_server.add(createdAt=iso(NOW + datetime.timedelta(minutes=1, seconds=second)))
    assert set(seen) == existing, "every execution that existed comes, none is lost"
    assert Counter(seen.values())[2] == 10, "the first page comes twice, as the README says it may"


def test_zaia_listing_survives_a_page_worth_of_new_executions(zaia_server: FakeZaiaServer) -> None:
    existing = {item["id"] for item in zaia_server.executions}
    seen: Counter[str] = Counter()
    with ae.ZaiaClient(api_key=zaia_server.api_key, base_url=zaia_server.base_url) as client:
        for number, page in enumerate(client.executions.list(page_size=10).pages()):
            seen.update(item.id for item in page.items)
            if number == 0:
                for second in range(10):
                    zaia_server.add(createdAt=iso(NOW + datetime.timedelta(minutes=1, seconds=second)))
    assert set(seen) == existing
    assert max(seen.values()) == 2


# --- a server that repeats itself: caught, but not one page early -----------------------------


def scripted_asteroid(
    pages: Callable[[int], list[dict[str, Any]]], total: int, echo: int | None = None
) -> ae.AsteroidClient:
    """A client whose transport answers page n with `pages(n)` (this test is about the walk, not HTTP)."""

    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        size = int(request.url.params["pageSize"])
        page = echo if echo is not None else number
        return httpx.Response(200, json={"items": pages(number), "page": page, "pageSize": size, "total": total})

    return ae.AsteroidClient(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer)))


@pytest.fixture(scope="module")
def wire_items() -> list[dict[str, Any]]:
    with FakeAsteroidServer(seed=3, count=40, now=NOW) as server:
        return sorted(server.executions, key=lambda item: item["id"])


def test_a_server_repeating_one_page_raises_after_the_allowed_repeats(wire_items: list[dict[str, Any]]) -> None:
    """Every page the same item, total 50: without the guard this ends after 50 identical items."""
    client = scripted_asteroid(lambda number: wire_items[:1], total=50)
    pages: list[ae.Page[Any]] = []
    with pytest.raises(ae.ResponseValidationError, match="no new item") as caught:
        pages.extend(client.executions.list(page_size=1).pages())
    assert caught.value.operation == "ExecutionList"


def test_repeated_pages_up_to_the_limit_do_not_raise(wire_items: list[dict[str, Any]]) -> None:
    """Pages 2.. repeat page 1 `MAX_REPEATED_PAGES - 1` times, then the listing moves on."""
    repeats = MAX_REPEATED_PAGES - 1

    def pages(number: int) -> list[dict[str, Any]]:
        return wire_items[:2] if number <= 1 + repeats else wire_items[2 * (number - repeats - 1) :][:2]

    client = scripted_asteroid(pages, total=2 * (repeats + 3))
    items = list(client.executions.list(page_size=2))
    assert len(items) == 2 * (repeats + 3)
    assert Counter(item.id for item in items)[wire_items[0]["id"]] == 1 + repeats


def test_one_more_repeat_than_allowed_raises(wire_items: list[dict[str, Any]]) -> None:
    repeats = MAX_REPEATED_PAGES

    def pages(number: int) -> list[dict[str, Any]]:
        return wire_items[:2] if number <= 1 + repeats else wire_items[2 * (number - repeats - 1) :][:2]

    client = scripted_asteroid(pages, total=2 * (repeats + 3))
    with pytest.raises(ae.ResponseValidationError, match=f"{MAX_REPEATED_PAGES} pages in a row"):
        list(client.executions.list(page_size=2))


def test_a_zaia_server_that_ignores_the_page_number_cannot_loop_forever() -> None:
    with FakeZaiaServer(seed=3, count=5) as zaia:
        full_page = zaia.executions[:5]
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=full_page if len(requests) < 100 else [])

    client = ae.ZaiaClient(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    with pytest.raises(ae.ResponseValidationError, match="no new item"):
        list(client.executions.list(page_size=5))
    assert len(requests) == 1 + MAX_REPEATED_PAGES


# --- the page field need not echo the request (issue 12 item 8) -------------------------------


def test_the_requested_number_drives_the_walk_and_a_differing_echo_is_logged(
    wire_items: list[dict[str, Any]], caplog: pytest.LogCaptureFixture
) -> None:
    """A server that numbers from 0 in its answers: every page still comes once, the end is
    reckoned from the numbers asked for, and the difference is a warning once, then debug."""

    def pages(number: int) -> list[dict[str, Any]]:
        return wire_items[:25][(number - 1) * 10 : number * 10]

    with caplog.at_level(logging.DEBUG, logger="agent_executions"):
        listed = list(scripted_asteroid(pages, total=25, echo=0).executions.list(page_size=10).pages())
    assert [page.page for page in listed] == [1, 2, 3]
    assert [len(page.items) for page in listed] == [10, 10, 5]
    assert [page.has_next for page in listed] == [True, True, False]
    echoes = [r for r in caplog.records if "page field says 0" in r.getMessage()]
    assert [r.levelno for r in echoes] == [logging.WARNING, logging.DEBUG, logging.DEBUG]
    assert "asked for page 1" in echoes[0].getMessage()


def test_the_last_page_is_reckoned_from_the_requested_number(wire_items: list[dict[str, Any]]) -> None:
    """An echo of a later page must not end the listing early (nor an earlier one make it run on)."""

    def pages(number: int) -> list[dict[str, Any]]:
        return wire_items[(number - 1) * 10 : number * 10]

    assert len(list(scripted_asteroid(pages, total=30, echo=9).executions.list(page_size=10))) == 30
    assert len(list(scripted_asteroid(pages, total=30, echo=1).executions.list(page_size=10))) == 30


# --- consistent listings (items 15 and 16) --------------------------------------------------


class CappingAsteroidServer(FakeAsteroidServer):
    """A server that answers at most `cap` items per page, whatever `pageSize` asks for."""

    cap = 50

    def _wsgi(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        pairs = urllib.parse.parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        capped = [(k, str(min(int(v), self.cap)) if k == "pageSize" else v) for k, v in pairs]
        return super()._wsgi({**environ, "QUERY_STRING": urllib.parse.urlencode(capped)}, start_response)


@pytest.fixture
def capping() -> Iterator[CappingAsteroidServer]:
    with CappingAsteroidServer(seed=5, count=230, now=NOW) as server:
        yield server


@pytest.mark.parametrize("consistent", [True, False])
def test_a_capped_page_size_is_followed(capping: CappingAsteroidServer, consistent: bool) -> None:
    with ae.AsteroidClient(api_key=capping.api_key, base_url=capping.base_url) as client:
        pages = list(client.executions.list(page_size=100, consistent=consistent).pages())
    ids = [item.id for page in pages for item in page.items]
    assert sorted(ids) == sorted(item["id"] for item in capping.executions)
    assert len(ids) == len(set(ids)) == 230
    assert {page.page_size for page in pages} == {50}


def test_a_created_at_without_a_zone_is_a_response_error_in_a_consistent_listing() -> None:
    with FakeAsteroidServer(seed=2, count=30, now=NOW, validate=False) as server:
        naive = server.add(createdAt="2026-11-23T13:00:00")
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            with pytest.raises(ae.ResponseValidationError, match="no time zone") as caught:
                list(client.executions.list(page_size=10, consistent=True))
    assert naive["id"] in str(caught.value) and caught.value.operation == "ExecutionList"
    assert not isinstance(caught.value, ValueError)


# --- argument checks the suite must not lose ---------------------------------------------------


@pytest.mark.parametrize("gap", [datetime.timedelta(0), datetime.timedelta(seconds=1)])
def test_created_after_must_be_earlier_than_created_before(
    asteroid_server: FakeAsteroidServer, gap: datetime.timedelta
) -> None:
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        with pytest.raises(ValueError, match="created_after must be earlier than created_before"):
            client.executions.list(created_after=NOW + gap, created_before=NOW)
        assert len(list(client.executions.list(created_after=NOW - datetime.timedelta(days=400), created_before=NOW)))
    assert all(r.params("createdBefore") for r in asteroid_server.requests), "only the valid listing was sent"


@pytest.mark.parametrize("direction", ["desc", "asc"])
def test_a_consistent_listing_under_churn_gives_each_existing_execution_once(direction: str) -> None:
    """A small, quick version of the 10,000-execution test: new executions between pages, and
    25 sharing one instant (more than a page) so that a page lies wholly within it."""
    with FakeAsteroidServer(seed=9, count=120, now=NOW) as server:
        for _ in range(25):
            server.add(createdAt=iso(NOW - datetime.timedelta(hours=3)))
        existing = {item["id"] for item in server.executions}
        seen: Counter[str] = Counter()
        pages: list[ae.Page[Any]] = []
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            listing = client.executions.list(page_size=10, consistent=True, sort_direction=direction)
            for number, page in enumerate(listing.pages()):
                pages.append(page)
                seen.update(item.id for item in page.items)
                for offset in range(3):
                    server.add(createdAt=iso(NOW + datetime.timedelta(seconds=number * 3 + offset)))
    assert {i for i in existing if seen[i] != 1} == set()
    created_meanwhile = set(seen) - existing
    assert (created_meanwhile == set()) if direction == "desc" else created_meanwhile
    assert max(seen.values()) == 1
    assert [page.page for page in pages] == list(range(1, len(pages) + 1))
    assert {page.total for page in pages} == {145}
    assert [page.has_next for page in pages] == [True] * (len(pages) - 1) + [False]


def test_a_consistent_listing_stops_at_its_limit() -> None:
    with FakeAsteroidServer(seed=9, count=50, now=NOW) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            pages = list(client.executions.list(page_size=10, consistent=True, limit=25).pages())
        assert sum(len(page.items) for page in pages) == 25
        assert len(server.requests) == len(pages) == 3


# --- the shells around the walks ------------------------------------------------------------


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_numbered_listing_stops_at_its_limit(asteroid_server: FakeAsteroidServer, mode: str) -> None:
    options = {"page_size": 10, "limit": 25}
    if mode == "sync":
        with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
            pages = list(client.executions.list(**options).pages())  # type: ignore[arg-type]
            items = list(client.executions.list(**options))  # type: ignore[arg-type]
    else:

        async def main() -> tuple[list[ae.Page[Any]], list[Any]]:
            async with ae.AsyncAsteroidClient(
                api_key=asteroid_server.api_key, base_url=asteroid_server.base_url
            ) as client:
                listing = client.executions.list(**options)  # type: ignore[arg-type]
                return [p async for p in listing.pages()], [i async for i in listing]

        pages, items = asyncio.run(main())
    assert [len(page.items) for page in pages] == [10, 10, 5]
    assert [page.page for page in pages] == [1, 2, 3] and [page.total for page in pages] == [120] * 3
    assert [item.id for item in items] == [item.id for page in pages for item in page.items]
    assert len(asteroid_server.requests) == 6, "three pages for each walk, none beyond the limit"


def test_awaiting_an_async_pager_gives_its_first_page(asteroid_server: FakeAsteroidServer) -> None:
    async def main() -> ae.Page[Any]:
        async with ae.AsyncAsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
            return await client.executions.list(page_size=7)

    first = asyncio.run(main())
    assert (first.page, len(first.items), first.total, first.has_next) == (1, 7, 120, True)
    assert len(asteroid_server.requests) == 1


def test_zaia_pages_end_on_a_short_page(zaia_server: FakeZaiaServer) -> None:
    with ae.ZaiaClient(api_key=zaia_server.api_key, base_url=zaia_server.base_url) as client:
        pages = list(client.executions.list(page_size=15).pages())
    count = len(zaia_server.executions)
    assert count % 15, "a last page shorter than the others, for this test"
    full = count // 15
    assert [len(page.items) for page in pages] == [15] * full + [count % 15]
    assert [page.has_next for page in pages] == [True] * full + [False]
    assert [page.page for page in pages] == list(range(1, full + 2))


# --- pages fetched at once (async, concurrency=N) --------------------------------------------


class MeetsAtTheBarrier(FakeAsteroidServer):
    """Holds the requests for pages 2.. until `parties` of them have arrived: proof that they were
    in flight together, without timing anything (a missing one breaks the barrier)."""

    def __init__(self, parties: int, **options: Any) -> None:
        super().__init__(**options)
        self.barrier = threading.Barrier(parties, timeout=20)

    def _answer(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if "page=1&" not in environ.get("QUERY_STRING", "") + "&":
            self.barrier.wait()
        return super()._answer(environ, start_response)


def listed_at_once(server: FakeAsteroidServer, **options: Any) -> list[ae.Page[Any]]:
    async def main() -> list[ae.Page[Any]]:
        async with ae.AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            return [page async for page in client.executions.list(page_size=10, **options).pages()]

    return asyncio.run(main())


@pytest.mark.parametrize(
    ("count", "limit", "concurrency", "parties"), [(50, None, 8, 4), (50, 35, 8, 3), (47, None, 8, 4), (30, None, 2, 2)]
)
def test_every_page_the_total_announces_is_fetched_at_once(
    count: int, limit: int | None, concurrency: int, parties: int
) -> None:
    with MeetsAtTheBarrier(parties, seed=2, count=count, now=NOW) as server:
        pages = listed_at_once(server, concurrency=concurrency, limit=limit)
        assert len(server.requests) == 1 + parties
    assert sum(len(page.items) for page in pages) == (limit or count)
    assert [page.page for page in pages] == list(range(1, parties + 2))


def test_pages_at_once_stop_where_a_shrunken_total_ends() -> None:
    """The first page says 5 pages; then 20 executions go. Page 3 is the last: nothing after it."""
    with FakeAsteroidServer(seed=2, count=50, now=NOW) as server:

        async def main() -> list[ae.Page[Any]]:
            pages: list[ae.Page[Any]] = []
            async with ae.AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
                async for page in client.executions.list(page_size=10, concurrency=2).pages():
                    pages.append(page)
                    if page.page == 1:
                        for item in server.executions[:20]:
                            server.remove(item["id"])
            return pages

        pages = asyncio.run(main())
    assert [(page.page, page.has_next) for page in pages] == [(1, True), (2, True), (3, False)]
    assert all(page.items for page in pages)


# --- consistent listings and what the server says of its page size ---------------------------


@pytest.mark.parametrize("echoed_size", [0, -1, 25])
def test_a_short_page_ends_a_consistent_listing_whatever_page_size_is_echoed(
    wire_items: list[dict[str, Any]], echoed_size: int
) -> None:
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        newest_first = sorted(wire_items[:5], key=lambda item: item["createdAt"], reverse=True)
        body = {"items": newest_first, "page": 1, "pageSize": echoed_size, "total": 5}
        return httpx.Response(200, json=body)

    client = ae.AsteroidClient(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    assert len(list(client.executions.list(page_size=10, consistent=True))) == 5
    assert len(requests) == 1


def test_page_numbers_beyond_the_small_int_cache_are_compared_by_value(
    wire_items: list[dict[str, Any]], caplog: pytest.LogCaptureFixture
) -> None:
    """Page 257 and up are new int objects each time: an identity check would warn on every one."""
    template = wire_items[0]
    pages = 260

    def one_item(number: int) -> list[dict[str, Any]]:
        return [{**template, "id": f"00000000-0000-4000-8000-{number:012d}"}] if number <= pages else []

    with caplog.at_level(logging.DEBUG, logger="agent_executions"):
        items = list(scripted_asteroid(one_item, total=pages).executions.list(page_size=1))
    assert len(items) == pages
    assert not [r for r in caplog.records if "page field says" in r.getMessage()]


def test_a_consistent_listing_follows_a_server_capping_pages_at_one() -> None:
    with CappingAsteroidServer(seed=5, count=6, now=NOW) as server:
        server.cap = 1
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            ids = [item.id for item in client.executions.list(page_size=10, consistent=True)]
    assert sorted(ids) == sorted(item["id"] for item in server.executions)


class HoldsLaterPages(FakeAsteroidServer):
    """Holds every page after the first until `release` is set (or 10 s pass, counted in
    `timed_out`): the pages in flight are answered after whatever the test changes meanwhile."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.release = threading.Event()
        self.timed_out = 0

    def _answer(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        page = int(urllib.parse.parse_qs(environ.get("QUERY_STRING", "")).get("page", ["1"])[0])
        if page >= 2 and not self.release.wait(10):
            self.timed_out += 1
        return super()._answer(environ, start_response)


def test_a_total_that_changes_drops_the_pages_in_flight_and_goes_on_one_at_a_time() -> None:
    """The total shrinks after page 1 while pages 2 and 3 are in flight: page 2 shows it, so the
    window is dropped (page 3 cancelled), page 2 is asked again, and page 3 is the last."""
    with HoldsLaterPages(seed=2, count=50, now=NOW) as server:

        async def main() -> list[int]:
            numbers: list[int] = []
            async with ae.AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
                async for page in client.executions.list(page_size=10, concurrency=2).pages():
                    numbers.append(page.page)
                    if page.page == 1:
                        for item in server.executions[:20]:
                            server.remove(item["id"])
                        server.release.set()
            return numbers

        try:
            assert asyncio.run(main()) == [1, 2, 3]
        finally:
            server.release.set()
        asked = [r.params("page") for r in server.requests]
        assert asked.count(["2"]) == 2 and ["4"] not in asked
        assert server.timed_out == 0


def test_pages_at_once_when_the_first_page_is_the_only_one() -> None:
    with FakeAsteroidServer(seed=2, count=7, now=NOW) as server:
        pages = listed_at_once(server, concurrency=8)
        assert len(server.requests) == 1
    assert [(page.page, len(page.items), page.has_next) for page in pages] == [(1, 7, False)]


def test_the_walks_take_only_their_settings() -> None:
    """A walk's progress (page number, ids seen, boundary...) always starts fresh: it is not a
    constructor argument, and the settings are keyword-only beside `limit`."""
    from agent_executions.pagination import KeysetWalk, PageWalk

    def parameters(cls: type) -> list[tuple[str, Any]]:
        return [(p.name, p.kind) for p in inspect.signature(cls).parameters.values()]

    keyword = inspect.Parameter.KEYWORD_ONLY
    assert parameters(PageWalk) == [("limit", inspect.Parameter.POSITIONAL_OR_KEYWORD), ("operation_for", keyword)]
    assert parameters(KeysetWalk) == [
        ("limit", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        ("operation_for", keyword),
        ("key", keyword),
        ("page_size", keyword),
    ]


def test_pages_at_once_need_a_page_size_to_count_pages(wire_items: list[dict[str, Any]]) -> None:
    """A server that echoes `pageSize: 0` (Prism's static answers) gives no page count: the
    listing goes on one page at a time instead of dividing by zero."""

    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        return httpx.Response(
            200, json={"items": wire_items[number : number + 1], "page": 0, "pageSize": 0, "total": 50}
        )

    async def main() -> list[Any]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
        async with ae.AsyncAsteroidClient(api_key="k", http_client=http) as client:
            return [item async for item in client.executions.list(page_size=10, concurrency=4, limit=5)]

    assert [item.id for item in asyncio.run(main())] == [item["id"] for item in wire_items[1:6]]


def test_an_echo_above_the_requested_number_is_also_replaced(wire_items: list[dict[str, Any]]) -> None:
    def pages(number: int) -> list[dict[str, Any]]:
        return wire_items[(number - 1) * 10 : number * 10]

    listed = list(scripted_asteroid(pages, total=30, echo=9).executions.list(page_size=10).pages())
    assert [page.page for page in listed] == [1, 2, 3]


def test_a_page_that_repeats_part_of_the_previous_one_counts_as_repeated(wire_items: list[dict[str, Any]]) -> None:
    requests: list[int] = []

    def pages(number: int) -> list[dict[str, Any]]:
        requests.append(number)
        return wire_items[:2] if number == 1 else wire_items[:1]

    with pytest.raises(ae.ResponseValidationError, match="no new item"):
        list(scripted_asteroid(pages, total=50).executions.list(page_size=2))
    assert requests == list(range(1, 2 + MAX_REPEATED_PAGES))


def consistent_pages(pages: Callable[[int], list[dict[str, Any]]], echoed_size: int) -> list[int]:
    """The page numbers a consistent listing asked for, against a server echoing `echoed_size`."""
    asked: list[int] = []

    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        asked.append(number)
        body = {"items": pages(len(asked)), "page": number, "pageSize": echoed_size, "total": 100}
        return httpx.Response(200, json=body)

    client = ae.AsteroidClient(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    list(client.executions.list(page_size=10, consistent=True))
    return asked


def test_a_page_size_echo_above_the_request_does_not_end_a_full_page(wire_items: list[dict[str, Any]]) -> None:
    ordered = sorted(wire_items, key=lambda item: item["createdAt"], reverse=True)
    asked = consistent_pages(lambda n: ordered[(n - 1) * 10 : n * 10] if n <= 2 else ordered[20:25], 100)
    assert len(asked) == 3


def test_a_page_longer_than_asked_is_not_the_last(wire_items: list[dict[str, Any]]) -> None:
    ordered = sorted(wire_items, key=lambda item: item["createdAt"], reverse=True)
    asked = consistent_pages(lambda n: ordered[:15] if n == 1 else ordered[15:20], 10)
    assert len(asked) == 2


def test_pages_of_one_item_are_fetched_at_once() -> None:
    with MeetsAtTheBarrier(2, seed=2, count=3, now=NOW) as server:

        async def main() -> list[ae.Page[Any]]:
            async with ae.AsyncAsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
                return [page async for page in client.executions.list(page_size=1, concurrency=8).pages()]

        pages = asyncio.run(main())
        assert len(server.requests) == 3
    assert [page.page for page in pages] == [1, 2, 3]
