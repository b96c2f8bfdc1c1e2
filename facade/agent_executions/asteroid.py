"""The Asteroid Agents v2 clients: `AsteroidClient` and `AsyncAsteroidClient`.

Each operation is described once (`page_operation`, `get_operation`), with its path and
parameter names taken from the spec (`_shape`); the sync
and async resources only hand those descriptions to their core.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any, Generic, TypeVar

import asteroid_agents_v2_raw
import asteroid_agents_v2_raw.api_shape
from asteroid_agents_v2_raw.models import AgentsExecutionListResponse

from . import _arguments as check
from ._base_client import AsyncClient, SyncClient
from ._constants import (
    ASTEROID_API_KEY_ENV,
    ASTEROID_BASE_URL_ENV,
    ASTEROID_MAX_CONCURRENCY,
    ASTEROID_MAX_PAGE_SIZE,
)
from ._core import Operation, Vendor
from ._shape import ApiShape
from .models import Execution, SortDirection, SortField
from .pagination import (
    AsyncPager,
    AsyncResource,
    KeyOperation,
    KeysetWalk,
    Page,
    PageOperation,
    PageWalk,
    SyncPager,
    SyncResource,
    Walk,
)

SHAPE = ApiShape.of(asteroid_agents_v2_raw.api_shape)
LIST = SHAPE.operation("ExecutionList")
GET = SHAPE.operation("ExecutionGet")
PAGE_PARAMS = (LIST.query_name("page"), LIST.query_name("page_size"))
"""The parameters the pager sets on each request, so `extra_query` cannot."""


def keyset_params(direction: str) -> tuple[str, ...]:
    """What a consistent listing sets besides the page parameters: its order and its moving bound."""
    bound = "created_before" if direction == "desc" else "created_after"
    return (LIST.query_name("sort_field"), LIST.query_name("sort_direction"), LIST.query_name(bound))


Query = tuple[tuple[str, str], ...]
Headers = tuple[tuple[str, str], ...]

ASTEROID = Vendor(name="Asteroid", shape=SHAPE, api_key_env=ASTEROID_API_KEY_ENV, base_url_env=ASTEROID_BASE_URL_ENV)

DEFAULT_PAGE_SIZE = ASTEROID_MAX_PAGE_SIZE


def list_query(
    *,
    status: str | Iterable[str] | None,
    created_after: datetime.datetime | None,
    created_before: datetime.datetime | None,
    agent_id: str | uuid.UUID | None,
    execution_id: str | None,
    agent_version: int | None,
    human_labels: str | uuid.UUID | Iterable[str | uuid.UUID] | None,
    outcome_label: str | None,
    metadata_key: str | None,
    metadata_value: str | None,
    organization_id: str | uuid.UUID | None,
    sort_field: str,
    sort_direction: str,
    extra_query: check.ExtraQuery | None,
    reserved: tuple[str, ...] = PAGE_PARAMS,
) -> Query:
    """Check the filters of `GET /executions` and turn them into query parameters (arrays repeated),
    named as the pinned spec names them; `extra_query` last, replacing what it names but `reserved`."""
    values: dict[str, list[str]] = {}
    if organization_id is not None:
        values["organization_id"] = [check.as_uuid("organization_id", organization_id)]
    if execution_id is not None:
        values["execution_id"] = [check.as_text("execution_id", execution_id)]
    if agent_id is not None:
        values["agent_id"] = [check.as_uuid("agent_id", agent_id)]
    if status is not None:
        values["status"] = check.as_list("status", status, check.as_status)
    if agent_version is not None:
        values["agent_version"] = [str(check.as_int("agent_version", agent_version, minimum=0))]
    if created_after is not None:
        values["created_after"] = [check.as_datetime("created_after", created_after)]
    if created_before is not None:
        values["created_before"] = [check.as_datetime("created_before", created_before)]
    if created_after is not None and created_before is not None and created_after >= created_before:
        raise ValueError("created_after must be earlier than created_before")
    if human_labels is not None:
        values["human_labels"] = check.as_list("human_labels", human_labels, check.as_uuid)
    if outcome_label is not None:
        values["outcome_label"] = [check.as_text("outcome_label", outcome_label)]
    if (metadata_key is None) != (metadata_value is None):
        raise ValueError("metadata_key and metadata_value go together: pass both or neither")
    if metadata_key is not None and metadata_value is not None:
        values["metadata_key"] = [check.as_text("metadata_key", metadata_key)]
        values["metadata_value"] = [check.as_text("metadata_value", metadata_value)]
    values["sort_field"] = [check.as_choice("sort_field", sort_field, [f.value for f in SortField])]
    values["sort_direction"] = [check.as_choice("sort_direction", sort_direction, [d.value for d in SortDirection])]
    extra = check.as_extra_query(extra_query, reserved=reserved)
    params = [(LIST.query_name(name), value) for name, given in values.items() for value in given]
    return check.merge_query(params, extra)


def parse_page(data: Any, requested: int) -> Page[Execution]:
    """A page of `GET /executions`; whether another follows is reckoned from the page number
    asked for, since the spec does not promise that the `page` field echoes it."""
    response = AgentsExecutionListResponse.from_dict(data)
    # The generated models do not check primitive types, and these three drive the pagination
    # ("0000000" as a pageSize once made a multi-gigabyte string here).
    for name, value in (("page", response.page), ("pageSize", response.page_size), ("total", response.total)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
    seen = (requested - 1) * response.page_size + len(response.items)
    return Page(
        items=response.items,
        page=response.page,
        page_size=response.page_size,
        total=response.total,
        has_next=bool(response.items) and seen < response.total,
    )


def parse_keyed_page(data: Any, requested: int) -> Page[Execution]:
    """A page of a consistent listing, whose next request is built from the last `createdAt`:
    a time without a zone cannot be compared or sent back, so it breaks the spec."""
    page = parse_page(data, requested)
    for item in page.items:
        if item.created_at.tzinfo is None:
            raise ValueError(f"createdAt {item.created_at.isoformat()} of execution {item.id} has no time zone")
    return page


def page_operation(
    query: Query, headers: Headers, number: int, size: int, parse: Callable[[Any, int], Page[Execution]] = parse_page
) -> Operation[Page[Execution]]:
    """The operation that fetches page `number` of a listing of `size` executions per page."""
    page, page_size = PAGE_PARAMS
    params = (*query, (page, str(number)), (page_size, str(size)))

    def read(data: Any) -> Page[Execution]:
        return parse(data, number)

    return Operation(LIST.operation_id, LIST.path, read, params, LIST.method, headers)


def list_pages(query: Query, headers: Headers, size: int) -> PageOperation[Execution]:
    """The operation that fetches page `number` of a listing."""
    return lambda number: page_operation(query, headers, number, size)


def list_after(query: Query, headers: Headers, size: int, direction: str) -> KeyOperation[Execution]:
    """The operation that fetches page `number` of the executions at or beyond `boundary` (a
    createdAt), in `direction`; for consistent listings (`KeysetWalk`)."""
    arg = "created_before" if direction == "desc" else "created_after"
    nudge = datetime.timedelta(microseconds=1 if direction == "desc" else -1)  # the bounds are exclusive

    def operation_for(boundary: datetime.datetime | None, number: int) -> Operation[Page[Execution]]:
        if boundary is None:
            return page_operation(query, headers, number, size, parse_keyed_page)
        wire = LIST.query_name(arg)
        bound = {wire: [check.as_datetime(arg, boundary + nudge)]}

        def parse_bounded(data: Any, requested: int) -> Page[Execution]:
            """A keyed page holds nothing beyond its bound: an item that does came from a server
            ignoring the filter, whose pages would repeat forever."""
            page = parse_keyed_page(data, requested)
            for item in page.items:
                if item.created_at > boundary if direction == "desc" else item.created_at < boundary:
                    raise ValueError(
                        f"execution {item.id} (createdAt {item.created_at.isoformat()}) lies outside"
                        f" {wire}={bound[wire][0]}: the server ignored {wire}"
                    )
            return page

        return page_operation(check.merge_query(query, bound), headers, number, size, parse_bounded)

    return operation_for


def created_at(execution: Execution) -> datetime.datetime:
    return execution.created_at


def get_operation(
    execution_id: str | uuid.UUID, extra_query: check.ExtraQuery | None, extra_headers: check.ExtraHeaders | None
) -> Operation[Execution]:
    path = GET.path_for(execution_id=check.as_uuid("execution_id", execution_id))
    params = check.merge_query((), check.as_extra_query(extra_query))
    headers = check.as_extra_headers(extra_headers, auth_header=SHAPE.auth_header)
    return Operation(GET.operation_id, path, Execution.from_dict, params, GET.method, headers)


PagerT = TypeVar("PagerT", SyncPager[Execution], AsyncPager[Execution])


class _Executions(Generic[PagerT]):
    """`client.executions`: list and get. The argument checks run when `list` is called, before any request."""

    def _pager(self, new_walk: Callable[[], Walk[Execution]], concurrency: int = 1) -> PagerT:
        raise NotImplementedError

    def list(
        self,
        *,
        status: str | Iterable[str] | None = None,
        created_after: datetime.datetime | None = None,
        created_before: datetime.datetime | None = None,
        agent_id: str | uuid.UUID | None = None,
        execution_id: str | None = None,
        agent_version: int | None = None,
        human_labels: str | uuid.UUID | Iterable[str | uuid.UUID] | None = None,
        outcome_label: str | None = None,
        metadata_key: str | None = None,
        metadata_value: str | None = None,
        organization_id: str | uuid.UUID | None = None,
        sort_field: str = "created_at",
        sort_direction: str = "desc",
        page_size: int = DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        consistent: bool = False,
        concurrency: int = 1,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> PagerT:
        """Every execution matching the filters, across pages, fetched lazily; at most `limit` of them.

        `status` and `human_labels` take one value or several (OR-ed by the server);
        datetimes must be timezone-aware. By default pages are fetched by number, so
        executions created during a long listing shift later pages (an item may come
        twice, or be skipped after a deletion). `consistent=True` pages by `createdAt`
        instead: every execution that existed when the listing began comes exactly once;
        those created since do not come when sorting newest first (the default) and come
        at the end when sorting oldest first. It needs `sort_field="created_at"`.

        `concurrency` (async clients only): once the first page gives the total, fetch up to
        this many pages at once; items still come in order.

        `extra_query` and `extra_headers` go with every page request: a filter the vendor
        added after this SDK's pinned spec, say. `extra_query` replaces the parameters it
        names (None leaves one out) but cannot set the page parameters (nor, when
        `consistent`, the sort and the `createdBefore`/`createdAfter` bound it moves);
        `extra_headers` cannot set the auth header.
        """
        query = list_query(
            status=status,
            created_after=created_after,
            created_before=created_before,
            agent_id=agent_id,
            execution_id=execution_id,
            agent_version=agent_version,
            human_labels=human_labels,
            outcome_label=outcome_label,
            metadata_key=metadata_key,
            metadata_value=metadata_value,
            organization_id=organization_id,
            sort_field=sort_field,
            sort_direction=sort_direction,
            extra_query=extra_query,
            reserved=PAGE_PARAMS + keyset_params(sort_direction) if consistent is True else PAGE_PARAMS,
        )
        headers = check.as_extra_headers(extra_headers, auth_header=SHAPE.auth_header)
        size = check.as_int("page_size", page_size, minimum=1, maximum=ASTEROID_MAX_PAGE_SIZE)
        if limit is not None:
            check.as_int("limit", limit, minimum=1)
        if not isinstance(consistent, bool):
            raise TypeError(f"consistent must be a bool, not {type(consistent).__name__}")
        check.as_int("concurrency", concurrency, minimum=1, maximum=ASTEROID_MAX_CONCURRENCY)
        if not consistent:
            by_number = list_pages(query, headers, size)
            return self._pager(lambda: PageWalk(limit, operation_for=by_number), concurrency)
        if sort_field != "created_at":
            raise ValueError("consistent=True pages by createdAt: it needs sort_field='created_at'")
        if concurrency != 1:
            raise ValueError("consistent=True fetches one page after another: concurrency must be 1")
        by_key = list_after(query, headers, size, sort_direction)
        return self._pager(lambda: KeysetWalk(limit, operation_for=by_key, key=created_at, page_size=size))


class Executions(SyncResource, _Executions[SyncPager[Execution]]):
    """`client.executions` of `AsteroidClient`."""

    def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> Execution:
        """One execution with all its details."""
        return self._core.request(get_operation(execution_id, extra_query, extra_headers))


class AsyncExecutions(AsyncResource, _Executions[AsyncPager[Execution]]):
    """`client.executions` of `AsyncAsteroidClient`."""

    async def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> Execution:
        """One execution with all its details."""
        return await self._core.request(get_operation(execution_id, extra_query, extra_headers))


class AsteroidClient(SyncClient):
    """Blocking client of the Asteroid Agents v2 API.

    `api_key` defaults to $ASTEROID_API_KEY and `base_url` to $ASTEROID_BASE_URL, else
    the public API. Every request has a timeout (seconds) and is retried `max_retries`
    times on connection errors, timeouts, 408, 409, 429 and 5xx.
    """

    _vendor = ASTEROID
    _raw_client_class = asteroid_agents_v2_raw.AuthenticatedClient

    @cached_property
    def executions(self) -> Executions:
        """List and get executions."""
        return Executions(self._core)


class AsyncAsteroidClient(AsyncClient):
    """Async client of the Asteroid Agents v2 API; the same settings as `AsteroidClient`."""

    _vendor = ASTEROID
    _raw_client_class = asteroid_agents_v2_raw.AuthenticatedClient

    @cached_property
    def executions(self) -> AsyncExecutions:
        """List and get executions."""
        return AsyncExecutions(self._core)
