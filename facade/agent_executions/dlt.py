"""dlt sources of the execution history, for teams that outgrow one DuckDB file.

    import dlt
    from agent_executions.dlt import asteroid_source

    pipeline = dlt.pipeline("asteroid", destination="duckdb", dataset_name="asteroid")
    pipeline.run(asteroid_source())  # ASTEROID_API_KEY, or api_key=...

`asteroid_source` has a resource `executions` (one row per execution, `primary_key="id"`,
`write_disposition="merge"`: a row read again replaces itself) and a transformer `activities`
(the activities of each finished execution, fetched once); `zaia_source` has `executions`
alone (Zaia has no activities: the parent/child links are the `parent_id` column). The columns
and their types are the sync's (`_warehouse.columns`), given to dlt as hints; nested objects
are dlt `json` columns (`max_table_nesting=0`: no child tables).

Built on the SDK's clients and pagers, not on dlt's REST configuration, so retries, the
`Retry-After` gate, key redaction and the consistent `createdAt` walk apply. Incremental as
`sync` is: the source's state (dlt keeps it with the pipeline, committed with each load) holds
the newest `created_at` reached and the executions not finished; a run lists from that point
less `lag` (for clock skew: what comes again is merged, not duplicated) and reads the
unfinished ones again by id, so an execution loaded as `running` is loaded again once it ends,
however long it took. With `created_before`, a run is one window of a backfill: it lists
`created_after` to `created_before` and neither reads nor writes the state (so windows can run
side by side, each in a pipeline of its own). Needs the `dlt` extra; dlt is imported only when a
source is made.
"""

from __future__ import annotations

import datetime
import importlib.util
import weakref
from collections.abc import Iterator
from typing import Any

from ._arguments import as_int
from ._constants import ASTEROID_MAX_PAGE_SIZE, ZAIA_MAX_PAGE_SIZE
from ._warehouse.columns import EXTRA, Column, columns_of, wire
from .asteroid import AsteroidClient
from .errors import NotFoundError
from .models import TERMINAL_STATUSES, Execution, ExecutionActivity, ZaiaExecution
from .sync import REREAD_BATCH, ascending_listing, check_look_back, check_open, logger, server_of, unfinished
from .zaia import ZaiaClient

LAG = datetime.timedelta(minutes=5)
"""How far before the newest `created_at` loaded an incremental run starts listing (clock skew)."""
NEEDS_DLT = "agent_executions.dlt needs dlt: pip install 'agent-executions[dlt]'"
DLT_TYPES = {
    "VARCHAR": "text",
    "BIGINT": "bigint",
    "DOUBLE": "double",
    "BOOLEAN": "bool",
    "TIMESTAMPTZ": "timestamp",
    "DATE": "date",
    "JSON": "json",
}
"""The sync's column types as dlt's data types."""
FINISHED = frozenset(str(status.value) for status in TERMINAL_STATUSES)
"""Asteroid's terminal statuses as the text of the `status` column."""
STATE_KEY = "agent_executions"
"""The source state's entry: {"cursor": ISO time, "unfinished": [ids], "activities": {id: ISO time},
"base_url": the server, "since": the last run's created_after (ISO time or None)}."""


def dlt_available() -> bool:
    """Whether the `dlt` extra is installed."""
    try:
        return importlib.util.find_spec("dlt") is not None
    except ValueError:  # a module without a spec stands in for it
        return False


def column_hints(columns: tuple[Column, ...]) -> dict[str, dict[str, Any]]:
    """dlt column hints for `columns`: each its data type, timestamps with their zone."""
    hints: dict[str, dict[str, Any]] = {}
    for column in columns:
        hint: dict[str, Any] = {"name": column.name, "data_type": DLT_TYPES[column.type], "nullable": True}
        if column.type == "TIMESTAMPTZ":
            hint["timezone"] = True
        hints[column.name] = hint
    hints["id"]["nullable"] = False
    return hints


def asteroid_source(
    api_key: str | None = None,
    base_url: str | None = None,
    *,
    client: AsteroidClient | None = None,
    created_after: datetime.datetime | None = None,
    created_before: datetime.datetime | None = None,
    lag: datetime.timedelta = LAG,
    page_size: int = ASTEROID_MAX_PAGE_SIZE,
) -> Any:
    """A dlt source of Asteroid's executions (resource `executions`) and their activities
    (transformer `activities`).

    `client` shares one client (its connection pool) between sources, say the windows of a
    backfill; otherwise one is made from `api_key` and `base_url` (the environment's by default)
    and closed with the source. `created_after` is where the first run starts (later runs go on
    from the state); with `created_before` too, the run is one stateless window. Arguments are
    checked here, before any request.
    """
    for name, moment in (("created_after", created_after), ("created_before", created_before)):
        _check_time(name, moment)
    if created_after is not None and created_before is not None and created_after >= created_before:
        raise ValueError(f"created_after ({created_after}) must be before created_before ({created_before})")
    as_int("page_size", page_size, minimum=1, maximum=ASTEROID_MAX_PAGE_SIZE)
    dlt = _import_dlt()
    used = _client(AsteroidClient, client, api_key, base_url, lag)
    columns = columns_of(Execution)

    def listing(since: datetime.datetime | None) -> Iterator[list[Any]]:
        for page in ascending_listing(used, since, created_before, page_size).pages():
            yield page.items

    executions = _executions_resource(dlt, used, "asteroid", columns, listing, created_after, created_before, lag)

    @dlt.transformer(  # type: ignore[untyped-decorator]
        data_from=executions,
        name="activities",
        primary_key="id",
        write_disposition="merge",
        columns=column_hints(columns_of(ExecutionActivity)),
    )
    def activities(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
        done: dict[str, str] = {} if created_before is not None else _state(dlt).setdefault("activities", {})
        activity_columns = columns_of(ExecutionActivity)
        for row in rows:
            if row["status"] not in FINISHED or row["id"] in done:
                continue
            try:
                found = used.executions.activities(row["id"])
            except NotFoundError:
                found = []
            done[row["id"]] = row["created_at"].isoformat() if row["created_at"] else row[EXTRA]["created_at"]
            if found:
                yield _rows(found, activity_columns)

    @dlt.source(name="asteroid", max_table_nesting=0)  # type: ignore[untyped-decorator]
    def source() -> Any:
        return executions, activities

    return _owning(source(), used, client)


def zaia_source(
    api_key: str | None = None,
    base_url: str | None = None,
    *,
    client: ZaiaClient | None = None,
    lag: datetime.timedelta = LAG,
) -> Any:
    """A dlt source of Zaia's executions (resource `executions`). Zaia's listing has no time
    filter: a run reads its pages, newest first, until one reaches back before the newest
    `created_at` loaded less `lag`, then reads the unfinished ones (no `endedAt`) again by id."""
    dlt = _import_dlt()
    used = _client(ZaiaClient, client, api_key, base_url, lag)
    columns = columns_of(ZaiaExecution)

    def listing(since: datetime.datetime | None) -> Iterator[list[Any]]:
        for page in used.executions.list(page_size=ZAIA_MAX_PAGE_SIZE).pages():
            items = page.items
            yield items
            times = [item.created_at for item in items]
            if since is not None and times and times == sorted(times, reverse=True) and times[-1] < since:
                return  # newest first: what comes after is older still, and loaded

    executions = _executions_resource(dlt, used, "zaia", columns, listing, None, None, lag)

    @dlt.source(name="zaia", max_table_nesting=0)  # type: ignore[untyped-decorator]
    def source() -> Any:
        return (executions,)

    return _owning(source(), used, client)


def _executions_resource(
    dlt: Any,
    client: Any,
    vendor: str,
    columns: tuple[Column, ...],
    listing: Any,
    created_after: datetime.datetime | None,
    created_before: datetime.datetime | None,
    lag: datetime.timedelta,
) -> Any:
    window = created_before is not None

    @dlt.resource(  # type: ignore[untyped-decorator]
        name="executions", primary_key="id", write_disposition="merge", columns=column_hints(columns)
    )
    def executions() -> Iterator[list[dict[str, Any]]]:
        other = "zaia" if vendor == "asteroid" else "asteroid"
        # the other's schema is in the pipeline once it has run there: a window, a failed run or
        # the other source of this very run included (its state is kept only by a loaded run)
        if "executions" in getattr(dlt.current.pipeline().schemas.get(other), "tables", {}):
            raise ValueError(
                f"this pipeline has loaded {other} executions into its `executions` table: load {vendor}'s"
                " with a pipeline (and dataset) of its own"
            )
        state: dict[str, Any] = {} if window else _state(dlt)
        server = server_of(client)
        if state.get("cursor") is not None and state.setdefault("base_url", server) != server:
            raise ValueError(
                f"the pipeline's state is of executions from {state['base_url']}, not {server}:"
                " give this server a pipeline (or a pipelines_dir) of its own"
            )
        if not window:
            state["base_url"] = server
        # The cursor never passes the moment the run started (a future-dated execution would hide
        # every later one); the listing's created_after is exclusive, hence the 1 µs.
        now = datetime.datetime.now(datetime.UTC)
        cursor = _time(state.get("cursor"))
        cursor = min(cursor, now) if cursor is not None else None
        back = lag + datetime.timedelta(microseconds=1)
        since = created_after if cursor is None else max(cursor - back, created_after or cursor - back)
        given = created_after.isoformat() if created_after is not None else None
        if created_after is not None and since is not None and created_after < since and state.get("since") != given:
            # once for a created_after: the same one run after run (a cron job's) is the position's start
            logger.warning(
                "created_after=%s is before where this pipeline's state goes on from (%s): the state wins;"
                " a backfill of earlier executions is a window run (created_before too)",
                created_after.isoformat(),
                since.isoformat(),
            )
        if not window:
            state["since"] = given
        pending = set(state.get("unfinished", ()))
        if "activities" in state and since is not None:  # only what the listing can bring again
            state["activities"] = {
                k: v for k, v in state["activities"].items() if datetime.datetime.fromisoformat(v) >= since
            }
        seen: set[str] = set()
        newest = cursor
        for items in listing(since):
            for item in items:
                seen.add(item.id)
                (pending.add if unfinished(vendor, item) else pending.discard)(item.id)
                newest = item.created_at if newest is None or item.created_at > newest else newest
            newest = min(newest, now) if newest is not None else None
            if items:
                yield _rows(items, columns)
            if not window and newest is not None and vendor == "asteroid":
                state["cursor"] = newest.isoformat()  # oldest first: every page moves it
        if not window and newest is not None:
            state["cursor"] = newest.isoformat()
        again = sorted(pending - seen)
        for start in range(0, len(again), REREAD_BATCH):
            records = []
            for execution_id in again[start : start + REREAD_BATCH]:
                try:
                    record = client.executions.get(execution_id)
                except NotFoundError:  # gone at the vendor: its row stays, no longer read again
                    pending.discard(execution_id)
                    continue
                if record.id != execution_id:  # another id: a row of its own, and this one read forever
                    logger.warning(
                        "%s answered a get of execution %r with execution %r; it is not read again",
                        vendor,
                        execution_id,
                        record.id,
                    )
                    pending.discard(execution_id)
                    continue
                records.append(record)
                if not unfinished(vendor, record):
                    pending.discard(execution_id)
            if records:
                yield _rows(records, columns)
        if not window:
            state["unfinished"] = sorted(pending)

    return executions


def _rows(records: Any, columns: tuple[Column, ...]) -> list[dict[str, Any]]:
    """The dlt rows of `records`. A time UTC cannot hold (year 1 at +05:00, 9999-12-31 at -05:00)
    is NULL, its text kept in `additional_properties` under the column's name, as the sync keeps an
    integer too large: dlt's normalizer would fail on it, and leave its package pending."""
    stamps = [c.name for c in columns if c.type == "TIMESTAMPTZ"]
    rows = []
    for record in records:
        row = {c.name: wire(record, c) for c in columns}
        for name in stamps:
            value = row[name]
            if value is not None and not _in_utc(value):
                row[EXTRA] = {**(row.get(EXTRA) or {}), name: value.isoformat()}
                row[name] = None
        rows.append(row)
    return rows


def _in_utc(moment: datetime.datetime) -> bool:
    try:
        moment.astimezone(datetime.UTC)
    except OverflowError:
        return False
    return True


def _state(dlt: Any) -> dict[str, Any]:
    found: dict[str, Any] = dlt.current.source_state().setdefault(STATE_KEY, {})
    return found


def _time(text: Any) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(text) if isinstance(text, str) else None


def _check_time(name: str, moment: Any) -> None:
    if moment is None:
        return
    if not isinstance(moment, datetime.datetime) or moment.tzinfo is None:
        raise TypeError(f"{name} must be a datetime with a time zone, not {moment!r}")


def _import_dlt() -> Any:
    if not dlt_available():
        raise ModuleNotFoundError(NEEDS_DLT, name="dlt")
    import dlt

    return dlt


def _client(kind: type[Any], client: Any, api_key: str | None, base_url: str | None, lag: Any) -> Any:
    """The client given (checked), or one made from `api_key` and `base_url`."""
    check_look_back(lag, "lag")
    if client is None:
        return kind(api_key=api_key, base_url=base_url)
    if not isinstance(client, kind):
        article = "an" if kind.__name__[0] in "AEIOU" else "a"
        raise TypeError(f"client must be {article} {kind.__name__}, not {type(client).__name__}")
    if api_key is not None or base_url is not None:
        raise ValueError("give client or api_key/base_url, not both: the client has its own")
    check_open(client)
    return client


def _owning(source: Any, used: Any, given: Any) -> Any:
    """`source`; the client it made is closed once nothing holds it any more: the source, and any
    copy or resource taken from it (`with_resources`, `source.executions`), gone. The finalizer
    holds the client's connection pool only, so the client itself can be collected. A given
    client is its owner's."""
    if given is None:
        weakref.finalize(used, used._http.close)
    return source


__all__ = ["LAG", "NEEDS_DLT", "asteroid_source", "zaia_source"]
