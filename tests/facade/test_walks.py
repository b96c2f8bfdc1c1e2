"""The pagination strategies on their own: pure state machines fed pages by hand, no HTTP.

The client tests drive them over loopback; these pin the exact thresholds (how many repeated
pages are tolerated, where a listing starts and stops), which a server can only show by luck.
"""

from __future__ import annotations

import random
from typing import Any

import attrs
import pytest
from agent_executions._constants import MAX_REPEATED_PAGES
from agent_executions._core import Operation
from agent_executions.errors import ResponseValidationError
from agent_executions.pagination import KeysetWalk, Page, PageWalk


@attrs.frozen
class Item:
    id: str
    created: int


def items(*numbers: int) -> list[Item]:
    return [Item(f"e{n}", n) for n in numbers]


def page_walk(limit: int | None = None) -> PageWalk[Item]:
    return PageWalk(limit, operation_for=lambda number: Operation("List", f"/page/{number}", lambda d: d))


def keyset_walk(page_size: int, limit: int | None = None) -> KeysetWalk[Item]:
    def operation_for(boundary: Any, number: int) -> Operation[Page[Item]]:
        return Operation("List", f"/after/{boundary}/page/{number}", lambda d: d)

    return KeysetWalk(limit, operation_for=operation_for, key=lambda item: item.created, page_size=page_size)


def answer(
    walk: PageWalk[Item] | KeysetWalk[Item], page_items: list[Item], number: int = 1, **fields: Any
) -> Page[Item]:
    op = walk.next_operation()
    assert op is not None, "the walk stopped before this page"
    values: dict[str, Any] = {"page": number, "page_size": 2, "total": 100, "has_next": True, **fields}
    return walk.accept(op, Page(page_items, values["page"], values["page_size"], values["total"], values["has_next"]))


def test_a_page_walk_starts_at_page_one_and_follows_the_numbers() -> None:
    walk = page_walk()
    first = walk.next_operation()
    assert first is not None and first.path == "/page/1"
    answer(walk, items(1, 2))
    second = walk.next_operation()
    assert second is not None and second.path == "/page/2"


def test_a_page_walk_tolerates_repeated_pages_up_to_the_limit_then_raises() -> None:
    walk = page_walk()
    answer(walk, items(1, 2))
    for number in range(2, MAX_REPEATED_PAGES + 1):  # data moving: the same items again, tolerated
        assert answer(walk, items(1, 2), number).items == items(1, 2)
    with pytest.raises(ResponseValidationError, match=f"{MAX_REPEATED_PAGES} pages in a row"):
        answer(walk, items(1, 2), MAX_REPEATED_PAGES + 1)


def test_a_new_item_resets_the_page_walks_count_of_repeats() -> None:
    walk = page_walk()
    answer(walk, items(1, 2))
    for number in range(2, 2 * MAX_REPEATED_PAGES):
        page_items = items(1, 2) if number % 2 else items(1, 2, number + 10)
        answer(walk, page_items, number)  # never MAX_REPEATED_PAGES repeats in a row


def test_a_page_walk_hands_out_exactly_its_limit() -> None:
    walk = page_walk(limit=3)
    assert len(answer(walk, items(1, 2)).items) == 2
    assert answer(walk, items(3, 4), 2).items == items(3)
    assert walk.limit_reached() and walk.next_operation() is None


def test_a_keyset_walk_starts_at_no_boundary_on_page_one() -> None:
    walk = keyset_walk(page_size=2)
    first = walk.next_operation()
    assert first is not None and first.path == "/after/None/page/1"
    answer(walk, items(5, 4))
    after = walk.next_operation()
    assert after is not None and after.path == "/after/4/page/1"


def test_a_keyset_walk_tolerates_repeated_pages_up_to_the_limit_then_raises() -> None:
    walk = keyset_walk(page_size=2)
    answer(walk, [Item("a", 7), Item("b", 7)])  # a full page at one key: the next page of the same key
    for number in range(2, MAX_REPEATED_PAGES + 1):
        assert answer(walk, [Item("a", 7), Item("b", 7)], number).items == []
    with pytest.raises(ResponseValidationError, match=f"{MAX_REPEATED_PAGES} pages in a row"):
        answer(walk, [Item("a", 7), Item("b", 7)], MAX_REPEATED_PAGES + 1)


def test_a_keyset_walk_ends_at_a_short_page_and_keeps_the_first_total() -> None:
    walk = keyset_walk(page_size=2)
    assert answer(walk, items(9, 8), total=3).total == 3
    last = answer(walk, items(7), total=5)
    assert (last.items, last.total, last.has_next) == (items(7), 3, False)
    assert walk.next_operation() is None


def test_a_limit_above_256_stops_the_walk_when_reached() -> None:
    """Ints above 256 are distinct objects in CPython: the count must be compared by value."""
    walk = page_walk(limit=300)
    for number in range(1, 4):
        answer(walk, [Item(f"e{number}-{i}", i) for i in range(100)], number, page_size=100, total=1000)
    assert walk.limit_reached() and walk.next_operation() is None


def test_the_seen_ids_filter_keeps_a_megabyte_and_rarely_mistakes_a_new_id() -> None:
    """The walk's record of the ids it handed out (a Bloom filter): a fixed megabyte, no id added
    ever reads as new, and about 4 in 100,000 new ids read as seen after 100,000 were added
    (three independent positions in 2**23 bits); a weaker hash or smaller filter gives tens or
    hundreds. Integer keys hash to themselves, so the figures do not depend on the hash seed."""
    from agent_executions.pagination import _SeenIds

    seen = _SeenIds()
    assert len(seen.bits) == 2**20
    rng = random.Random(24)
    added = [rng.getrandbits(60) for _ in range(100_000)]
    seen.add(added)
    assert seen.all_seen(added) and seen.all_seen(added[:1]) and seen.all_seen([])
    others = [rng.getrandbits(60) for _ in range(100_000)]
    mistaken = sum(seen.all_seen([key]) for key in others)
    assert mistaken <= 15, f"{mistaken} new ids of 100,000 read as seen"
    assert not seen.all_seen([*added[:50], others[0]]) or seen.all_seen([others[0]])
