"""Pages, and pagers that walk them lazily: `for item in pager`, `for page in pager.pages()`.

`PageWalk` decides which page comes next and when to stop (no next page, `limit`
reached, or a server that repeats itself); `SyncPager` and `AsyncPager` are the thin
shells that fetch. A walk can never loop forever: it stops on an empty page, on the
vendor's own last-page rule, and raises when the server answers a page with one it
already sent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Generator, Iterator
from typing import Any, Generic, TypeVar

import attrs

from ._core import AsyncCore, Operation, SyncCore
from .errors import ResponseValidationError

T = TypeVar("T")


@attrs.frozen
class Page(Generic[T]):
    """One page of results as the server sent it (`items` cut short only by the pager's `limit`)."""

    items: list[T]
    page: int
    page_size: int
    total: int | None
    has_next: bool


PageOperation = Callable[[int], Operation[Page[T]]]


@attrs.define
class PageWalk(Generic[T]):
    """Which page to fetch next, and when to stop; shared by the sync and async pagers."""

    operation_for: PageOperation[T]
    limit: int | None = None
    next_number: int | None = 1
    yielded: int = 0
    last_first_item: Any = None

    def next_operation(self) -> Operation[Page[T]] | None:
        if self.next_number is None or (self.limit is not None and self.yielded >= self.limit):
            return None
        return self.operation_for(self.next_number)

    def accept(self, op: Operation[Page[T]], page: Page[T]) -> Page[T]:
        """Check the page, cut it to `limit`, and work out the next page number."""
        requested = self.next_number
        if page.page != requested:
            raise ResponseValidationError(
                f"asked for page {requested}, the server sent page {page.page}", operation=op.name, body=""
            )
        first = getattr(page.items[0], "id", None) if page.items else None
        if first is not None and first == self.last_first_item:
            raise ResponseValidationError(
                f"page {requested} repeats the previous page; stopping to avoid an endless listing",
                operation=op.name,
                body="",
            )
        self.last_first_item = first
        items = page.items
        if self.limit is not None and self.yielded + len(items) > self.limit:
            items = items[: self.limit - self.yielded]
            page = attrs.evolve(page, items=items)
        self.yielded += len(items)
        self.next_number = requested + 1 if page.has_next and page.items else None
        return page


CoreT = TypeVar("CoreT", SyncCore, AsyncCore)


class _Pager(Generic[T, CoreT]):
    def __init__(self, core: CoreT, operation_for: PageOperation[T], limit: int | None = None) -> None:
        self._core: CoreT = core
        self._operation_for = operation_for
        self._limit = limit

    def _new_walk(self) -> PageWalk[T]:
        return PageWalk(self._operation_for, self._limit)


class SyncPager(_Pager[T, SyncCore]):
    """Every matching item, fetched a page at a time as you iterate."""

    def pages(self) -> Iterator[Page[T]]:
        walk = self._new_walk()
        while (op := walk.next_operation()) is not None:
            yield walk.accept(op, self._core.request(op))

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items


class AsyncPager(_Pager[T, AsyncCore]):
    """The async pager: `async for item in pager`, `async for page in pager.pages()`, or `await pager`.

    Awaiting it fetches the first page only.
    """

    async def pages(self) -> AsyncIterator[Page[T]]:
        walk = self._new_walk()
        while (op := walk.next_operation()) is not None:
            yield walk.accept(op, await self._core.request(op))

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def first_page(self) -> Page[T]:
        walk = self._new_walk()
        op = walk.next_operation()
        assert op is not None
        return walk.accept(op, await self._core.request(op))

    def __await__(self) -> Generator[Any, None, Page[T]]:
        return self.first_page().__await__()


class SyncResource:
    """Base of a sync resource such as `client.executions`: holds the core, makes sync pagers."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def _pager(self, operation_for: PageOperation[T], limit: int | None) -> SyncPager[T]:
        return SyncPager(self._core, operation_for, limit)


class AsyncResource:
    """Base of an async resource: holds the core, makes async pagers."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    def _pager(self, operation_for: PageOperation[T], limit: int | None) -> AsyncPager[T]:
        return AsyncPager(self._core, operation_for, limit)
