"""Listings that do not trust what the server says (issue 22, items 1-3): a server whose echoed
page size, sort order or pages contradict what was asked for is reported, never a silent stop,
a silent gap or an endless walk. Each server here answers over a real loopback socket."""

from __future__ import annotations

import asyncio
import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import agent_executions as ae
import pytest
from agent_executions.testing import FakeAsteroidServer

Answer = Callable[[dict[str, list[str]]], dict[str, Any]]
LIST = ae.asteroid.LIST  # the wire names from the pinned spec, not written here
PAGE, SIZE, BEFORE = LIST.query_name("page"), LIST.query_name("page_size"), LIST.query_name("created_before")


def executions(count: int) -> list[dict[str, Any]]:
    """`count` valid executions, newest first, from the fake's generator."""
    with FakeAsteroidServer(seed=5, count=count) as fake:
        items = [dict(item) for item in fake.executions]
    return sorted(items, key=lambda item: item["createdAt"], reverse=True)


@pytest.fixture
def serve() -> Iterator[Callable[[Answer], str]]:
    servers: list[ThreadingHTTPServer] = []

    def start(answer: Answer) -> str:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                body = json.dumps(answer(query)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def listed(base_url: str, mode: str, **options: Any) -> list[ae.Execution]:
    if mode == "sync":
        with ae.AsteroidClient(api_key="k", base_url=base_url, max_retries=0) as client:
            return list(client.executions.list(**options))

    async def main() -> list[ae.Execution]:
        async with ae.AsyncAsteroidClient(api_key="k", base_url=base_url, max_retries=0) as client:
            return [item async for item in client.executions.list(**options)]

    return asyncio.run(main())


STORE = executions(1000)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("concurrency", [1, 4])
def test_an_echoed_page_size_above_the_one_asked_for_ends_nothing_early(
    serve: Callable[[Answer], str], mode: str, concurrency: int, caplog: pytest.LogCaptureFixture
) -> None:
    def lying_size(query: dict[str, list[str]]) -> dict[str, Any]:
        page, size = int(query[PAGE][0]), int(query[SIZE][0])
        return {"items": STORE[(page - 1) * size : page * size], "page": page, "pageSize": 500, "total": len(STORE)}

    items = listed(serve(lying_size), mode, page_size=100, concurrency=concurrency)
    assert [item.id for item in items] == [item["id"] for item in STORE]
    assert "the server's pageSize says 500" in caplog.text


@pytest.mark.parametrize(("cap", "asked"), [(50, 100), (100, 100), (1, 1)], ids=["capped", "as-asked", "one"])
def test_a_page_size_the_server_caps_and_says_is_followed_without_a_word(
    serve: Callable[[Answer], str], cap: int, asked: int, caplog: pytest.LogCaptureFixture
) -> None:
    """An honest server (pages of the size it echoes, the one asked for or a smaller cap) draws
    no warning: only contradictions are logged."""

    store = STORE if cap > 1 else STORE[:5]  # pages of one: five of them are enough
    total = len(store)

    def capped(query: dict[str, list[str]]) -> dict[str, Any]:
        page = int(query[PAGE][0])
        return {"items": store[(page - 1) * cap : page * cap], "page": page, "pageSize": cap, "total": total}

    assert [item.id for item in listed(serve(capped), "sync", page_size=asked)] == [item["id"] for item in store]
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == []


def test_a_consistent_listing_refuses_a_server_that_ignores_the_order(serve: Callable[[Answer], str]) -> None:
    store = executions(300)

    def oldest_first(query: dict[str, list[str]]) -> dict[str, Any]:
        before = query.get(BEFORE, [None])[0]
        kept = [item for item in store if before is None or item["createdAt"] < before.replace("Z", "+00:00")]
        page, size = int(query[PAGE][0]), int(query[SIZE][0])
        ascending = sorted(kept, key=lambda item: item["createdAt"])
        return {"items": ascending[(page - 1) * size : page * size], "page": page, "pageSize": size, "total": 300}

    with pytest.raises(ae.ResponseValidationError, match="the server ignored the order"):
        listed(serve(oldest_first), "sync", page_size=100, consistent=True)


@pytest.mark.parametrize("cycle", [2, 3])
def test_a_cycle_of_pages_is_caught(serve: Callable[[Answer], str], cycle: int) -> None:
    def cycling(query: dict[str, list[str]]) -> dict[str, Any]:
        page, size = int(query[PAGE][0]), int(query[SIZE][0])
        start = ((page - 1) % cycle) * size
        return {"items": STORE[start : start + size], "page": page, "pageSize": size, "total": 10**9}

    with pytest.raises(ae.ResponseValidationError, match="brought no new item"):
        listed(serve(cycling), "sync", page_size=10)


@pytest.mark.parametrize("consistent", [False, True])
def test_a_server_that_caps_pages_without_saying_loses_nothing(
    serve: Callable[[Answer], str], consistent: bool
) -> None:
    """Second review: 5 items a page while it echoes the 10 asked for and `total` says 33."""
    store = executions(33)

    def silent_cap(query: dict[str, list[str]]) -> dict[str, Any]:
        before = query.get(BEFORE, [None])[0]
        kept = [item for item in store if before is None or item["createdAt"] < before.replace("Z", "+00:00")]
        page = int(query[PAGE][0])
        return {"items": kept[(page - 1) * 5 : page * 5], "page": page, "pageSize": 10, "total": len(kept)}

    items = listed(serve(silent_cap), "sync", page_size=10, consistent=consistent)
    assert sorted(item.id for item in items) == sorted(item["id"] for item in store)


def test_pages_mixing_earlier_pages_are_caught(serve: Callable[[Answer], str]) -> None:
    """Second review: after two pages, every page a different mix of the twenty items already sent."""
    import random

    shuffler = random.Random(3)

    def mixing(query: dict[str, list[str]]) -> dict[str, Any]:
        page = int(query[PAGE][0])
        items = STORE[(page - 1) * 10 : page * 10] if page <= 2 else shuffler.sample(STORE[:20], 10)
        return {"items": items, "page": page, "pageSize": 10, "total": 10**6}

    with pytest.raises(ae.ResponseValidationError, match="brought no new item"):
        listed(serve(mixing), "sync", page_size=10, limit=3000)


def test_a_page_with_more_than_the_total_ends_the_listing(serve: Callable[[Answer], str]) -> None:
    """A total below what the first page holds: the listing ends there, not in a walk of empty pages."""
    asked: list[int] = []

    def short_total(query: dict[str, list[str]]) -> dict[str, Any]:
        page = int(query[PAGE][0])
        asked.append(page)
        return {"items": STORE[(page - 1) * 10 : page * 10], "page": page, "pageSize": 10, "total": 5}

    assert len(listed(serve(short_total), "sync", page_size=10)) == 10
    assert asked == [1]
