"""Execution history in a DuckDB file, kept up to date incrementally (`sync_executions`).

    from agent_executions import AsteroidClient
    from agent_executions.sync import sync_executions

    with AsteroidClient() as client:
        summary = sync_executions(client, "executions.duckdb")
    print(summary.line())

One row per execution in the table `executions` (the model's fields as typed columns, nested
objects as JSON: see `agent_executions._warehouse.columns`), upserted by `id`. A first run lists
everything; later runs list what was created since the newest `created_at` stored, less
`LOOK_BACK` (for clocks that disagree; what comes twice is absorbed by the upsert), and read again
the executions that had not finished (by id, or for Asteroid, when there are many, by a listing
from the oldest of them). Pages are written as they arrive, up to `WRITE_BATCH` executions or
`WRITE_EVERY` seconds' worth in one transaction with the state that goes with it, so a run
stopped at any point (SIGKILL included) is finished by the next one, with the same rows. Needs the `duckdb` extra.
"""

from __future__ import annotations

import datetime
import inspect
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._arguments import as_bool
from ._constants import ASTEROID_MAX_PAGE_SIZE, LOGGER_NAME, ZAIA_MAX_PAGE_SIZE
from ._warehouse.columns import Column, columns_of, row_of
from ._warehouse.store import Counts, DatabaseError, Store, first_line
from .asteroid import AsteroidClient
from .errors import NotFoundError
from .models import TERMINAL_STATUSES, Execution, ExecutionActivity, ZaiaExecution
from .pagination import Page
from .zaia import ZaiaClient

logger = logging.getLogger(LOGGER_NAME)

LOOK_BACK = datetime.timedelta(minutes=5)
"""How far before the newest stored `created_at` an incremental run starts listing: an execution
the vendor dated a little earlier than one already stored (clocks, commit order) still comes."""
REREAD_BATCH = 100
"""Executions read again by id, then written in one transaction; more unfinished executions than
this (Asteroid) are read again by a listing when it takes fewer requests."""
WRITE_BATCH = 1000
"""Executions listed, then written in one transaction (fewer when `WRITE_EVERY` passes first)."""
WRITE_EVERY = 1.0
"""Seconds of listing after which what was listed is written, however few: a slow server still
has its progress saved, and shown, every second or so."""
ACTIVITIES_BATCH = 20
"""Executions whose activities are fetched, then written in one transaction."""
NEEDS_DUCKDB = "syncing into DuckDB needs the duckdb extra: pip install 'agent-executions[duckdb]'"

Progress = Callable[[int, int | None], None]
"""Called after each transaction: the executions the listing has brought and written so far, and
how many it will bring (None when the vendor does not say)."""


@attrs.frozen
class SyncSummary:
    """What a sync did: rows added, changed and found unchanged (listed and read again alike), the
    requests it made, the seconds it took."""

    new: int
    updated: int
    unchanged: int
    pages: int
    """Listing requests."""
    reread: int
    """Unfinished executions read again (by a listing from the oldest of them, or by id)."""
    gone: int
    """Unfinished executions the vendor no longer has (their rows are kept)."""
    activities: int
    """Activity rows written (with `activities=True`)."""
    seconds: float

    def line(self) -> str:
        """The one-line summary the command line prints."""
        extra = f", {self.activities} activities" if self.activities else ""
        gone = f", {self.gone} gone" if self.gone else ""
        return (
            f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged{extra}{gone}"
            f" ({self.pages} pages, {self.reread} read again) in {self.seconds:.1f} s"
        )


def duckdb_available() -> bool:
    """Whether the `duckdb` extra is installed (checked before any request)."""
    import importlib.util

    return importlib.util.find_spec("duckdb") is not None


def check_path(path: Any) -> Path:
    """The database's path, refused before any request when it cannot be one."""
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or a path, not {type(path).__name__}")
    target = Path(path)
    if str(path) == "":
        raise ValueError("path must not be empty; give a database file name")
    if str(path).endswith((os.sep, "/")):  # "trail/" names a directory, and pathlib would drop the slash
        raise ValueError(f"path must name a database file, not a directory: {str(path)!r}")
    if str(path) == "-":  # not standard output: a database is a file
        raise ValueError("path '-' would be a file named '-'; give a database file name (./- if you mean it)")
    if target.is_dir():
        raise ValueError(f"path must name a database file, not the directory {str(path)!r}")
    if target.exists() and not target.is_file():  # a FIFO would block DuckDB, a device mislead it
        raise ValueError(f"path {str(path)!r} is not a regular file; give a database file name")
    if not target.parent.is_dir():
        raise ValueError(f"path: the directory {str(target.parent)!r} does not exist")
    return target


def sync_executions(
    client: AsteroidClient | ZaiaClient,
    path: str | os.PathLike[str],
    *,
    full: bool = False,
    activities: bool = False,
    look_back: datetime.timedelta = LOOK_BACK,
    progress: Progress | None = None,
) -> SyncSummary:
    """Bring the DuckDB file at `path` up to date with `client`'s executions; `full` lists every one
    again, `activities` (Asteroid) also stores the activities of finished executions.

    Sync clients only: the writes are synchronous and the listing goes one page after another, so an
    async program runs it in a thread (`await asyncio.to_thread(sync_executions, client, path)`).
    """
    return sync_from(
        client, path, server_of(client), full=full, activities=activities, look_back=look_back, progress=progress
    )


def sync_from(
    client: AsteroidClient | ZaiaClient,
    path: str | os.PathLike[str],
    server: str,
    *,
    full: bool = False,
    activities: bool = False,
    look_back: datetime.timedelta = LOOK_BACK,
    progress: Progress | None = None,
) -> SyncSummary:
    """`sync_executions`, the database tied to `server` rather than to the client's base URL (the
    command line's `--fake`, whose port changes from run to run, is one server)."""
    started = time.monotonic()
    vendor = vendor_of(client)
    check_open(client)
    target = check_path(path)
    for name, flag in (("full", full), ("activities", activities)):
        as_bool(name, flag)
    check_look_back(look_back)
    _check_progress(progress)
    if activities and vendor == "zaia":
        raise ValueError(
            "activities=True is for Asteroid: Zaia has no activities, and its parent/child links are"
            " the parent_id column of executions"
        )
    if not duckdb_available():
        raise ModuleNotFoundError(NEEDS_DUCKDB, name="duckdb")
    tables = {"executions": columns_of(Execution if vendor == "asteroid" else ZaiaExecution)}
    if activities:
        tables["activities"] = columns_of(ExecutionActivity)
    import duckdb

    # The saved position never passes the moment the run started (this machine's clock; the
    # look-back covers the skew): an execution dated in the future is stored, and listed again.
    now = datetime.datetime.now(datetime.UTC)
    counts = Counts()
    try:
        store = Store(target, vendor, tables, server)
        try:
            run = store.begin_run(start_over=full)
            since = store.cursor()
            since = min(since, now) if since is not None else None  # a cursor a former version let pass
            # less 1 µs: the listing's created_after is exclusive, and an execution created at
            # the very instant stored must come again (--look-back 0s)
            since = _minus(since, look_back + _MICROSECOND) if since is not None else None
            pages, listed = _walk(client, vendor, store, run, since, tables["executions"], counts, progress, now)
            reread, gone, more = _read_again(client, vendor, store, run, tables["executions"], counts, progress, listed)
            pages += more
            written = _store_activities(client, store, tables["activities"]) if activities else 0
        finally:
            store.close()
    except duckdb.Error as exc:  # a full disk, a write-ahead log refused, another sync of the file...
        raise DatabaseError(f"{os.fspath(target)!r}: {first_line(exc)}") from exc
    except RuntimeError as exc:  # DuckDB's own word for Ctrl-C during a statement
        if str(exc).startswith("Query interrupted"):
            raise KeyboardInterrupt from None
        raise
    return SyncSummary(
        new=counts.new,
        updated=counts.updated,
        unchanged=counts.unchanged,
        pages=pages,
        reread=reread,
        gone=gone,
        activities=written,
        seconds=time.monotonic() - started,
    )


_MICROSECOND = datetime.timedelta(microseconds=1)


def check_open(client: Any, name: str = "client") -> None:
    """Refuse a closed client before anything is made or sent (its requests would all fail)."""
    http = getattr(client, "_http", None)
    if http is not None and http.is_closed:
        raise ValueError(f"{name} is closed: make a new one, or use it inside its `with` block")


def _check_progress(progress: Any) -> None:
    if progress is None:
        return
    if not callable(progress):
        raise TypeError(f"progress must be a callable (done, total) or None, not {type(progress).__name__}")
    try:
        inspect.signature(progress).bind(0, None)
    except TypeError:
        raise TypeError(f"progress must take two arguments (done, total): {progress!r} does not") from None
    except ValueError:  # no signature to read (some builtins): called as it is
        pass


def check_look_back(look_back: Any, name: str = "look_back") -> None:
    """A look-back of 0 or more that reaches no further back than the year 1; errors say `name`."""
    if not isinstance(look_back, datetime.timedelta):
        raise TypeError(f"{name} must be a timedelta of 0 or more, not {look_back!r}")
    if look_back < datetime.timedelta(0):
        raise ValueError(f"{name} must be a timedelta of 0 or more, not {look_back!r}")
    try:
        datetime.datetime.now(datetime.UTC) - look_back - _MICROSECOND
    except OverflowError:
        raise ValueError(f"{name} reaches back before the year 1: {look_back!r}") from None


def _minus(moment: datetime.datetime, span: datetime.timedelta) -> datetime.datetime | None:
    """`moment - span`, None (list everything) when that is before the year 1."""
    try:
        return moment - span
    except OverflowError:
        return None


def server_of(client: Any) -> str:
    """The client's base URL without credentials, query or trailing slash: what the database
    remembers, so that a file synced from staging is not silently reused against production."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(str(client.base_url))
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port is not None else host
    return urlunsplit((parts.scheme.lower(), netloc, parts.path.rstrip("/"), "", ""))


def vendor_of(client: Any) -> str:
    if isinstance(client, AsteroidClient):
        return "asteroid"
    if isinstance(client, ZaiaClient):
        return "zaia"
    raise TypeError(
        f"client must be an AsteroidClient or a ZaiaClient, not {type(client).__name__}"
        " (an async program runs the sync in a thread with a sync client)"
    )


def unfinished(vendor: str, record: Any) -> bool:
    """Whether an execution may still change: Asteroid's until a terminal status (an unknown one is
    not), Zaia's until it has an `ended_at` (Zaia documents no status values)."""
    if vendor == "asteroid":
        return record.status not in TERMINAL_STATUSES
    return record.ended_at is None


def _walk(
    client: Any,
    vendor: str,
    store: Store,
    run: int,
    since: datetime.datetime | None,
    columns: tuple[Column, ...],
    counts: Counts,
    progress: Progress | None,
    now: datetime.datetime,
) -> tuple[int, int]:
    """List what was created since `since` and write it a batch of pages at a time; the number of
    pages and of executions listed. The cursor never passes `now`."""
    pages = 0
    newest: datetime.datetime | None = None
    batch = _Batch(store, run, counts, progress)
    try:
        for page in _pages(client, vendor, since):
            pages += 1
            items = page.items
            last_page = vendor == "zaia" and (not page.has_next or _older_than(items, since))
            cursor: datetime.datetime | None = None
            if vendor == "asteroid":
                cursor = items[-1].created_at if items else None  # oldest first: the newest so far
            else:  # newest first by page number: the cursor moves only when the walk is through
                newest = max([newest, *(item.created_at for item in items)], key=_instant)
                cursor = newest if last_page else None
            if cursor is not None and cursor > now:
                cursor = now
            batch.add([row_of(item, columns) for item in items], [unfinished(vendor, item) for item in items], cursor)
            batch.total = page.total
            if last_page:
                break
    except BaseException:
        batch.flush()  # what was listed before the failure (or Ctrl-C) is kept
        raise
    batch.flush()
    return pages, batch.written


@attrs.define
class _Batch:
    """The walk's pages waiting to be written: one transaction for up to `WRITE_BATCH` executions
    or `WRITE_EVERY` seconds of listing, whichever comes first (a transaction a page cost four
    times as much), with the cursor of its last page."""

    store: Store
    run: int
    counts: Counts
    progress: Progress | None
    rows: list[tuple[Any, ...]] = attrs.field(factory=list)
    flags: list[bool] = attrs.field(factory=list)
    cursor: datetime.datetime | None = None
    since: float = attrs.field(factory=time.monotonic)
    written: int = 0
    total: int | None = None

    def add(self, rows: list[tuple[Any, ...]], flags: list[bool], cursor: datetime.datetime | None) -> None:
        if not self.rows:
            self.since = time.monotonic()
        self.rows += rows
        self.flags += flags
        self.cursor = cursor if cursor is not None else self.cursor
        if len(self.rows) >= WRITE_BATCH or time.monotonic() - self.since >= WRITE_EVERY:
            self.flush()

    def flush(self) -> None:
        if not self.rows and self.cursor is None:
            return
        rows, flags, cursor = self.rows, self.flags, self.cursor
        self.rows, self.flags, self.cursor = [], [], None
        self.counts.add(self.store.write_executions(rows, flags, self.run, cursor=cursor))
        self.written += len(rows)
        if self.progress is not None:
            self.progress(self.written, self.total)


def _instant(moment: datetime.datetime | None) -> datetime.datetime:
    return moment if moment is not None else datetime.datetime.min.replace(tzinfo=datetime.UTC)


def ascending_listing(
    client: Any,
    after: datetime.datetime | None,
    before: datetime.datetime | None = None,
    page_size: int = ASTEROID_MAX_PAGE_SIZE,
) -> Any:
    """Asteroid's consistent listing, oldest first, of the executions created after `after` (and
    before `before`): the walk that each execution comes in once, even while data moves."""
    return client.executions.list(
        consistent=True,
        sort_field="created_at",
        sort_direction="asc",
        created_after=after,
        created_before=before,
        page_size=page_size,
    )


def _pages(client: Any, vendor: str, since: datetime.datetime | None) -> Iterator[Page[Any]]:
    if vendor == "asteroid":
        pager = ascending_listing(client, since)
    else:
        pager = client.executions.list(page_size=ZAIA_MAX_PAGE_SIZE)
    return pager.pages()  # type: ignore[no-any-return]


_warned_order: set[str] = set()


def _older_than(items: Sequence[ZaiaExecution], since: datetime.datetime | None) -> bool:
    """Whether a Zaia page reaches back before `since`, so that the pages after it (older still)
    are stored already. Assumption: Zaia lists newest first (its fake does; its documentation says
    nothing); a page that is not in that order makes the walk go on to the end."""
    if since is None or not items:
        return False
    times = [item.created_at for item in items]
    if times != sorted(times, reverse=True):
        if "zaia" not in _warned_order:
            _warned_order.add("zaia")
            logger.warning("Zaia's listing is not newest first: the sync reads it to the end")
        return False
    return times[-1] < since


def _read_again(
    client: Any,
    vendor: str,
    store: Store,
    run: int,
    columns: tuple[Column, ...],
    counts: Counts,
    progress: Progress | None,
    listed: int,
) -> tuple[int, int, int]:
    """Bring up to date the unfinished executions this run's listing did not bring; (how many were
    read again, how many the vendor no longer has, listing requests made).

    Asteroid, when more are waiting than one page holds and listing from the oldest of them takes
    fewer requests than one `get` each (estimated from the rows stored since then): a consistent
    listing from that `created_at`, pages of 100, written as the walk's pages are, until none is
    left or the listing passes the newest of them. Then the rest (Zaia's, a few, or those the
    listing did not bring: gone, or moved) by id, a batch per transaction. `progress` goes on from
    `listed` executions, its total grown by those waiting."""
    waiting, oldest, newest = store.waiting(run)
    if waiting == 0:
        return 0, 0, 0
    reached = listed

    def advance(count: int) -> None:
        nonlocal reached
        reached += count
        if progress is not None:
            progress(reached, listed + waiting)

    pages = 0
    if vendor == "asteroid" and waiting > REREAD_BATCH and oldest is not None and newest is not None:
        requests = -(-store.rows_since(oldest) // ASTEROID_MAX_PAGE_SIZE)
        if requests < waiting:
            pages = _list_again(client, store, run, columns, counts, oldest, newest, advance)
    left, _, _ = store.waiting(run)
    reread, gone_count = waiting - left, 0
    while ids := store.unfinished_before(run, REREAD_BATCH):
        records: list[Any] = []
        gone: list[str] = []
        for execution_id in ids:
            try:
                record = client.executions.get(execution_id)
            except NotFoundError:
                logger.info("execution %s is gone from %s; its row is kept", execution_id, vendor)
                gone.append(execution_id)
                continue
            if record.id != execution_id:  # stored under another id, it would never leave the set
                logger.warning(
                    "%s answered a get of execution %r with execution %r; its row is kept and not read again",
                    vendor,
                    execution_id,
                    record.id,
                )
                gone.append(execution_id)
                continue
            records.append(record)
        reread += len(ids)
        gone_count += len(gone)
        rows = [row_of(item, columns) for item in records]
        flags = [unfinished(vendor, item) for item in records]
        counts.add(store.write_executions(rows, flags, run, gone=gone))
        advance(len(ids))
    return reread, gone_count, pages


def _list_again(
    client: Any,
    store: Store,
    run: int,
    columns: tuple[Column, ...],
    counts: Counts,
    oldest: datetime.datetime,
    newest: datetime.datetime,
    advance: Callable[[int], None],
) -> int:
    """The consistent listing from `oldest` (included) written a page at a time, until no waiting
    execution is left or the listing passes `newest`; the number of pages."""
    pages = 0
    before = store.waiting(run)[0]
    for page in ascending_listing(client, oldest - _MICROSECOND).pages():
        pages += 1
        items = page.items
        # only what is waiting (or new): the rest is stored as listed, and would be counted twice
        wanted = store.worth_writing_again([item.id for item in items], run) if items else set()
        kept = [item for item in items if item.id in wanted]
        rows = [row_of(item, columns) for item in kept]
        counts.add(store.write_executions(rows, [unfinished("asteroid", item) for item in kept], run))
        left = store.waiting(run)[0]
        advance(before - left)
        before = left
        # not on an empty page: the keyset walk's page after a run of executions sharing one
        # created_at can be empty and still have a next one
        if left == 0 or not page.has_next or (items and items[-1].created_at > newest):
            break
    return pages


def _store_activities(client: Any, store: Store, columns: tuple[Column, ...]) -> int:
    """The activities of every finished execution not done yet, a batch of executions per transaction."""
    written = 0
    while ids := store.without_activities(ACTIVITIES_BATCH):
        rows: list[tuple[Any, ...]] = []
        for execution_id in ids:
            try:
                rows.extend(row_of(item, columns) for item in client.executions.activities(execution_id))
            except NotFoundError:
                logger.info("execution %s is gone; no activities stored", execution_id)
        store.write_activities(ids, rows)
        written += len(rows)
    return written


__all__ = ["LOOK_BACK", "NEEDS_DUCKDB", "DatabaseError", "Progress", "SyncSummary", "sync_executions"]
