"""Pages, and pagers that walk them lazily: `for item in pager`, `for page in pager.pages()`.

A walk decides which page comes next and when to stop: `PageWalk` by page number,
`KeysetWalk` by the last key seen (for consistent listings). `SyncPager` and
`AsyncPager` are the thin shells that fetch. A walk can never loop forever: it stops on an empty page, on the
vendor's own last-page rule, and raises when the server keeps answering with items it
already sent (both walks) or with items beyond the boundary it was asked for (keyed pages).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import attrs

from ._constants import LOGGER_NAME, MAX_REPEATED_PAGES
from ._core import AsyncCore, Operation, SyncCore
from ._rate_gate import RateGate
from .errors import ResponseValidationError

if TYPE_CHECKING:
    import asyncio
    from concurrent.futures import Future

T = TypeVar("T")
logger = logging.getLogger(LOGGER_NAME)


@attrs.frozen
class Page(Generic[T]):
    """One page of results as the server sent it (`items` cut short only by the pager's `limit`)."""

    items: list[T]
    page: int
    page_size: int
    total: int | None
    has_next: bool


OperationForPage = Callable[[int], Operation[Page[T]]]
OperationForKey = Callable[[Any, int], Operation[Page[T]]]


class Walk(Protocol[T]):
    """What a pager asks of a pagination strategy."""

    def next_operation(self) -> Operation[Page[T]] | None: ...

    def accept(self, op: Operation[Page[T]], page: Page[T]) -> Page[T]: ...


@attrs.define
class _LimitedWalk(Generic[T]):
    limit: int | None
    yielded: int = attrs.field(default=0, init=False)

    def limit_reached(self) -> bool:
        return self.limit is not None and self.yielded >= self.limit

    def _count(self, page: Page[T]) -> Page[T]:
        """Cut the page to what `limit` still allows, and count what is handed out."""
        if self.limit is not None and self.yielded + len(page.items) > self.limit:
            page = attrs.evolve(page, items=page.items[: self.limit - self.yielded])
        self.yielded += len(page.items)
        return page


class _SeenIds:
    """The ids a walk has handed out, in a fixed megabyte (a Bloom filter of 2**23 bits, three
    hashes): a listing of millions keeps no set of them. An id it says was seen may, rarely, be
    new; a page is judged old only when every one of its ids was seen, and only several such
    pages in a row stop a walk, so a false alarm would need hundreds of coincidences."""

    BITS = 1 << 23

    def __init__(self) -> None:
        self.bits = bytearray(self.BITS // 8)

    def _positions(self, key: Any) -> tuple[int, int, int]:
        h = hash(key) & 0xFFFFFFFFFFFFFFFF
        mask = self.BITS - 1
        return h & mask, (h >> 23) & mask, ((h >> 46) ^ (h * 0x9E3779B1)) & mask

    def all_seen(self, keys: list[Any]) -> bool:
        bits = self.bits
        return all(all(bits[p >> 3] & (1 << (p & 7)) for p in self._positions(key)) for key in keys)

    def add(self, keys: list[Any]) -> None:
        bits = self.bits
        for key in keys:
            for p in self._positions(key):
                bits[p >> 3] |= 1 << (p & 7)


@attrs.define
class PageWalk(_LimitedWalk[T]):
    """Offset pagination: page 1, 2, 3... until the server says there is no next page.

    The number asked for drives the walk: the spec does not promise that a page's `page`
    field echoes it, so a differing echo is logged, not refused. A server that keeps
    answering with nothing new (it ignores the page number, say, or cycles through a few
    pages) is caught by the items instead: `MAX_REPEATED_PAGES` pages in a row that bring no
    item the previous page did not have, or that are an earlier page over again, raise. One
    such page is normal while data moves (exactly a page's worth of executions created
    between two requests), so one alone does not.
    """

    operation_for: OperationForPage[T] = attrs.field(kw_only=True)
    next_number: int | None = attrs.field(default=1, init=False)
    seen: _SeenIds = attrs.field(factory=lambda: _SeenIds(), init=False)
    """The ids handed out so far: a page of only those (the previous page again, a cycle of pages,
    a mix of earlier pages) brings nothing new."""
    repeated: int = attrs.field(default=0, init=False)
    echo_warned: bool = attrs.field(default=False, init=False)
    last_total: int | None = attrs.field(default=None, init=False)

    def next_operation(self) -> Operation[Page[T]] | None:
        if self.next_number is None or self.limit_reached():
            return None
        return self.operation_for(self.next_number)

    def accept(self, op: Operation[Page[T]], page: Page[T]) -> Page[T]:
        requested = self.next_number if self.next_number is not None else page.page
        if page.page != requested:
            self._log_echo(op, requested, page.page)
            page = attrs.evolve(page, page=requested)
        ids = [key for item in page.items if (key := getattr(item, "id", None)) is not None]
        again = bool(ids) and self.seen.all_seen(ids)
        self.repeated = self.repeated + 1 if again else 0
        self.seen.add(ids)
        if self.repeated >= MAX_REPEATED_PAGES:
            raise ResponseValidationError(
                f"{self.repeated} pages in a row, up to page {requested}, brought no new item;"
                " stopping to avoid an endless listing",
                operation=op.operation_id,
                body="",
            )
        self.last_total = page.total
        self.next_number = requested + 1 if page.has_next and page.items else None
        return self._count(page)

    def _log_echo(self, op: Operation[Page[T]], requested: int, echoed: int) -> None:
        """Warn once per listing (a server numbering from 0 would make a listing skip a page), then quietly."""
        level = logging.DEBUG if self.echo_warned else logging.WARNING
        self.echo_warned = True
        logger.log(level, "%s: asked for page %d, the server's page field says %r", op.operation_id, requested, echoed)


@attrs.define
class KeysetWalk(_LimitedWalk[T]):
    """Keyset pagination for consistent listings: the items at or beyond the last key seen, so
    items created, changed or removed meanwhile cannot shift the pages.

    `operation_for(boundary, number)` asks for page `number` of the items at or beyond
    `boundary` (None: from the start). Items already handed out at the boundary are dropped
    here; when a whole page shares one key, the next page of the same query follows (that set
    cannot move). `total` stays the first answer's: what existed when the listing began.
    The operation checks that each page lies within its boundary (a server ignoring the
    filter would send the same pages forever); `MAX_REPEATED_PAGES` pages in a row with nothing
    new (a server ignoring the page number at one key) raise, as in `PageWalk`.
    """

    operation_for: OperationForKey[T] = attrs.field(kw_only=True)
    key: Callable[[T], Any] = attrs.field(kw_only=True)
    page_size: int = attrs.field(kw_only=True)
    boundary: Any = attrs.field(default=None, init=False)
    number_at_boundary: int = attrs.field(default=1, init=False)
    seen_at_boundary: set[Any] = attrs.field(factory=set, init=False)
    total: int | None = attrs.field(default=None, init=False)
    pages: int = attrs.field(default=0, init=False)
    done: bool = attrs.field(default=False, init=False)
    repeated: int = attrs.field(default=0, init=False)

    def next_operation(self) -> Operation[Page[T]] | None:
        if self.done or self.limit_reached():
            return None
        return self.operation_for(self.boundary, self.number_at_boundary)

    def accept(self, op: Operation[Page[T]], page: Page[T]) -> Page[T]:
        fresh = [item for item in page.items if getattr(item, "id", None) not in self.seen_at_boundary]
        self.pages += 1
        self.repeated = self.repeated + 1 if page.items and not fresh else 0
        if self.repeated >= MAX_REPEATED_PAGES:
            raise ResponseValidationError(
                f"{self.repeated} pages in a row, up to page {self.number_at_boundary} at one key, brought"
                " no new item; stopping to avoid an endless listing",
                operation=op.operation_id,
                body="",
            )
        if self.pages == 1:
            self.total = page.total
        # A server may cap the page size below the one asked for: a page as full as it answered
        # with is not the last one.
        capacity = page.page_size if 0 < page.page_size < self.page_size else self.page_size
        if len(page.items) < capacity or not page.items:
            self.done = True
        else:
            last = self.key(page.items[-1])
            at_last = {getattr(item, "id", None) for item in page.items if self.key(item) == last}
            if last == self.boundary:
                self.number_at_boundary += 1
                self.seen_at_boundary |= at_last
            else:
                self.boundary, self.number_at_boundary, self.seen_at_boundary = last, 1, at_last
        return self._count(Page(fresh, self.pages, page.page_size, self.total, has_next=not self.done))


CoreT = TypeVar("CoreT", SyncCore, AsyncCore)
H = TypeVar("H")


class _Window(Generic[T, H]):
    """The concurrent walk's decisions, shared by the sync and async shells: after the first page has
    given the total, which pages to ask for (at most `concurrency` in flight), which answer comes
    next (in page order) and when to stop. `H` is a shell's handle on a request in flight (a
    future, a task). Every request of the window shares one `RateGate`."""

    def __init__(self, walk: PageWalk[T], first: Page[T], concurrency: int, gate: RateGate) -> None:
        self.walk = walk
        self.concurrency = concurrency
        self.gate = gate
        assert first.total is not None and walk.next_number is not None
        last = -(-first.total // first.page_size)
        if walk.limit is not None:
            last = min(last, -(-walk.limit // first.page_size))
        self.numbers = iter(range(walk.next_number, last + 1))
        self.in_flight: deque[tuple[Operation[Page[T]], H]] = deque()

    def fill(self, start: Callable[[Operation[Page[T]]], H]) -> None:
        """Start requests until `concurrency` are in flight or the pages the total announced are all asked for."""
        if self.walk.next_number is None or self.walk.limit_reached():
            return
        while len(self.in_flight) < self.concurrency and (number := next(self.numbers, None)) is not None:
            op = self.walk.operation_for(number)
            self.in_flight.append((op, start(op)))

    def oldest(self) -> tuple[Operation[Page[T]], H] | None:
        """The request whose answer comes next, or None when the window is done."""
        if not self.in_flight or self.walk.next_number is None or self.walk.limit_reached():
            return None
        return self.in_flight.popleft()

    def handles(self) -> list[H]:
        """The requests still in flight (to cancel when the caller stops early)."""
        return [handle for _, handle in self.in_flight]

    def moved(self, op: Operation[Page[T]], page: Page[T]) -> bool:
        """Whether `page` says the data changed since the page before it (another total): pages in
        flight together may then have been answered out of order, and the items that shifted
        between two of them missed. The shells then drop the window and go on one page at a time
        from this page, asked again: one after another, a change can only repeat an item."""
        if page.total is None or self.walk.last_total is None or page.total == self.walk.last_total:
            return False
        logger.info(
            "%s: the total went from %d to %d during a listing with concurrency=%d; going on one page at a time",
            op.operation_id, self.walk.last_total, page.total, self.concurrency,
        )  # fmt: skip
        return True


def _window(walk: Walk[T], first: Page[T], concurrency: int, gate: RateGate) -> _Window[T, Any] | None:
    """A window over the pages after `first`, when the walk pages by number and the total says how many."""
    if not isinstance(walk, PageWalk) or first.total is None or walk.next_number is None or first.page_size < 1:
        return None
    return _Window(walk, first, concurrency, gate)


class _Pager(Generic[T, CoreT]):
    def __init__(self, core: CoreT, new_walk: Callable[[], Walk[T]], concurrency: int = 1) -> None:
        self._core: CoreT = core
        self._new_walk = new_walk
        self._concurrency = concurrency

    def _gate(self, *, stoppable: bool = True) -> RateGate:
        """This listing's gate on the client's pause: a `Retry-After` to any listing holds them all."""
        return RateGate(self._core.policy.max_retry_after, self._core.rate_pause, stoppable=stoppable)


class SyncPager(_Pager[T, SyncCore]):
    """Every matching item, fetched a page at a time as you iterate.

    With `concurrency` > 1, once the first page has given the total, up to that many of the
    following pages are fetched at once by a bounded pool of threads; pages and items still
    come in order, each request has the usual retries and errors, and a `Retry-After` on one
    holds back every request of the listing. Breaking out, raising or Ctrl-C cancels the pages
    not yet asked for and waits for those in flight (each within the client's timeout): no
    thread is left behind.
    """

    def pages(self) -> Iterator[Page[T]]:
        walk = self._new_walk()
        gate = self._gate(stoppable=self._concurrency > 1)
        if self._concurrency > 1 and (op := walk.next_operation()) is not None:
            first = walk.accept(op, self._core.request(op, gate))
            yield first
            window = _window(walk, first, self._concurrency, gate)
            if window is not None:
                yield from self._pages_at_once(window)
                gate = self._gate(stoppable=False)  # the window's was stopped with its workers
        while (op := walk.next_operation()) is not None:
            yield walk.accept(op, self._core.request(op, gate))

    def _pages_at_once(self, window: _Window[T, Future[Page[T]]]) -> Iterator[Page[T]]:
        """The sync shell of the window: a thread pool of `concurrency` workers."""
        from concurrent.futures import ThreadPoolExecutor  # here: a listing without concurrency need not import it

        pool = ThreadPoolExecutor(window.concurrency, thread_name_prefix="agent-executions-page")
        try:
            window.fill(lambda op: pool.submit(self._core.request, op, window.gate))
            while (entry := window.oldest()) is not None:
                op, future = entry
                answer = future.result()
                if window.moved(op, answer):
                    return  # `pages()` asks for this page again, and the rest one by one
                page = window.walk.accept(op, answer)
                window.fill(lambda op: pool.submit(self._core.request, op, window.gate))  # before the caller's turn
                yield page
        finally:
            window.gate.stop()  # workers asleep in a retry or at the gate wake and give up
            for future in window.handles():
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items


class AsyncPager(_Pager[T, AsyncCore]):
    """The async pager: `async for item in pager`, `async for page in pager.pages()`, or `await pager`.

    Awaiting it fetches the first page only. With `concurrency` > 1, once the first page has
    given the total, up to that many of the following pages are fetched at once; pages and
    items still come in order, each request has the usual retries and errors, and a
    `Retry-After` on one holds back every request of the listing.
    """

    async def pages(self) -> AsyncIterator[Page[T]]:
        walk = self._new_walk()
        gate = self._gate(stoppable=self._concurrency > 1)
        if self._concurrency > 1 and (op := walk.next_operation()) is not None:
            first = walk.accept(op, await self._core.request(op, gate))
            yield first
            window = _window(walk, first, self._concurrency, gate)
            if window is not None:
                async for page in self._pages_at_once(window):
                    yield page
                gate = self._gate(stoppable=False)  # the window's was stopped with its workers
        while (op := walk.next_operation()) is not None:
            yield walk.accept(op, await self._core.request(op, gate))

    async def _pages_at_once(self, window: _Window[T, asyncio.Task[Page[T]]]) -> AsyncIterator[Page[T]]:
        """The async shell of the window: one task per request in flight. What the walk still wants
        afterwards (the total grew meanwhile) `pages()` fetches one by one."""
        import asyncio  # here, not at the top: sync users need not pay ~30 ms to import it

        def start(op: Operation[Page[T]]) -> asyncio.Task[Page[T]]:
            return asyncio.ensure_future(self._core.request(op, window.gate))

        try:
            window.fill(start)
            while (entry := window.oldest()) is not None:
                op, task = entry
                answer = await task
                if window.moved(op, answer):
                    return  # `pages()` asks for this page again, and the rest one by one
                page = window.walk.accept(op, answer)
                window.fill(start)  # the next request goes out while the caller works through this page
                yield page
        finally:
            for task in window.handles():
                task.cancel()
            await asyncio.gather(*window.handles(), return_exceptions=True)

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


@attrs.frozen
class Listing(Generic[T]):
    """A listing as an operation's rules decide it: a new walk for each pass, and how many pages
    may be fetched at once. The resources turn it into a sync or async pager."""

    new_walk: Callable[[], Walk[T]]
    concurrency: int = 1


class SyncResource:
    """Base of a sync resource such as `client.executions`: holds the core, makes sync pagers."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def _pages(self, listing: Listing[T], core: SyncCore | None = None) -> SyncPager[T]:
        """A pager of `listing` over `core` (a call's own settings), else this resource's."""
        return SyncPager(core or self._core, listing.new_walk, listing.concurrency)


class AsyncResource:
    """Base of an async resource: holds the core, makes async pagers."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    def _pages(self, listing: Listing[T], core: AsyncCore | None = None) -> AsyncPager[T]:
        """A pager of `listing` over `core` (a call's own settings), else this resource's."""
        return AsyncPager(core or self._core, listing.new_walk, listing.concurrency)
