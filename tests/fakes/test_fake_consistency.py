"""The fake Asteroid server's answers agree with its store: after `add()` returns, under filters."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterable
from typing import Any

import httpx
from agent_executions.testing import FakeAsteroidServer

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)


def first_page(server: FakeAsteroidServer, params: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    response = httpx.get(server.api_url + "/executions", params=params or [], headers=server.auth_headers, timeout=10)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


class AddsWhileListing(FakeAsteroidServer):
    """Another thread's `add()` lands between a request reading its listing and encoding its page:
    the thread switch seen 3 times in 2,000 trials, made to happen every time."""

    added: dict[str, Any] | None = None

    def listing(self, query: Any, build: Callable[[Iterable[dict[str, Any]]], list[dict[str, Any]]]) -> Any:
        listing = super().listing(query, build)
        if self.added is None:
            done = threading.Event()

            def add() -> None:
                self.added = self.add(createdAt=(NOW + datetime.timedelta(hours=1)).isoformat())
                done.set()

            threading.Thread(target=add).start()
            done.wait(5)
        return listing


def test_a_listing_after_add_returned_has_the_new_execution() -> None:
    with AddsWhileListing(seed=1, count=20, now=NOW) as server:
        during = first_page(server)
        assert server.added is not None
        assert server.added["id"] not in [i["id"] for i in during["items"]], "that request began before the add"
        after = first_page(server)
        assert after["items"][0]["id"] == server.added["id"]
        assert after["total"] == 21


def test_the_total_counts_only_the_matching_executions(asteroid_server: FakeAsteroidServer) -> None:
    failed = sum(1 for item in asteroid_server.executions if item["status"] == "failed")
    assert 0 < failed < len(asteroid_server.executions)
    body = first_page(asteroid_server, [("status", "failed"), ("pageSize", "5")])
    assert body["total"] == failed
    assert len(body["items"]) == 5
    assert first_page(asteroid_server, [("executionId", "no-such-id")])["total"] == 0
