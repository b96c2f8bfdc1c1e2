"""The Asteroid Agents v2 clients: `AsteroidClient` and `AsyncAsteroidClient`.

Each operation is described once (`list_page_operation`, `get_operation`); the sync
and async resources only hand those descriptions to their core.
"""

from __future__ import annotations

import datetime
import functools
import uuid
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any, Generic, TypeVar

import asteroid_agents_v2_raw
from asteroid_agents_v2_raw.models import AgentsExecutionListResponse

from . import _arguments as check
from ._base_client import AsyncClient, SyncClient
from ._constants import (
    ASTEROID_API_KEY_ENV,
    ASTEROID_AUTH_HEADER,
    ASTEROID_BASE_URL,
    ASTEROID_BASE_URL_ENV,
    ASTEROID_MAX_CONCURRENCY,
    ASTEROID_MAX_PAGE_SIZE,
)
from ._core import Operation, Vendor
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

ASTEROID = Vendor(
    name="Asteroid",
    default_base_url=ASTEROID_BASE_URL,
    api_key_env=ASTEROID_API_KEY_ENV,
    base_url_env=ASTEROID_BASE_URL_ENV,
    auth_header=ASTEROID_AUTH_HEADER,
)

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
) -> list[tuple[str, str]]:
    """Check the filters of `GET /executions` and turn them into query parameters (arrays repeated)."""
    query: list[tuple[str, str]] = []
    if organization_id is not None:
        query.append(("organizationId", check.as_uuid("organization_id", organization_id)))
    if execution_id is not None:
        query.append(("executionId", check.as_text("execution_id", execution_id)))
    if agent_id is not None:
        query.append(("agentId", check.as_uuid("agent_id", agent_id)))
    if status is not None:
        query += [("status", s) for s in check.as_list("status", status, check.as_status)]
    if agent_version is not None:
        query.append(("agentVersion", str(check.as_int("agent_version", agent_version, minimum=0))))
    if created_after is not None:
        query.append(("createdAfter", check.as_datetime("created_after", created_after)))
    if created_before is not None:
        query.append(("createdBefore", check.as_datetime("created_before", created_before)))
    if created_after is not None and created_before is not None and created_after >= created_before:
        raise ValueError("created_after must be earlier than created_before")
    if human_labels is not None:
        query += [("humanLabels", label) for label in check.as_list("human_labels", human_labels, check.as_uuid)]
    if outcome_label is not None:
        query.append(("outcomeLabel", check.as_text("outcome_label", outcome_label)))
    if (metadata_key is None) != (metadata_value is None):
        raise ValueError("metadata_key and metadata_value go together: pass both or neither")
    if metadata_key is not None and metadata_value is not None:
        query.append(("metadataKey", check.as_text("metadata_key", metadata_key)))
        query.append(("metadataValue", check.as_text("metadata_value", metadata_value)))
    query.append(("sortField", check.as_choice("sort_field", sort_field, [f.value for f in SortField])))
    query.append(("sortDirection", check.as_choice("sort_direction", sort_direction, [d.value for d in SortDirection])))
    return query


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


def list_after(query: list[tuple[str, str]], page_size: int, direction: str) -> KeyOperation[Execution]:
    """The operation that fetches page `number` of the executions at or beyond `boundary` (a
    createdAt), in `direction`; for consistent listings (`KeysetWalk`)."""
    name = "createdBefore" if direction == "desc" else "createdAfter"
    nudge = datetime.timedelta(microseconds=1 if direction == "desc" else -1)  # the bounds are exclusive

    def operation_for(boundary: datetime.datetime | None, number: int) -> Operation[Page[Execution]]:
        params = list(query)
        if boundary is not None:
            params = [(key, value) for key, value in params if key != name]
            params.append((name, check.as_datetime(name, boundary + nudge)))
        params += [("page", str(number)), ("pageSize", str(page_size))]
        return Operation(
            "ExecutionList", "/executions", functools.partial(parse_keyed_page, requested=number), tuple(params)
        )

    return operation_for


def list_pages(query: list[tuple[str, str]], page_size: int) -> PageOperation[Execution]:
    """The operation that fetches page `number` of a listing."""

    def operation_for(number: int) -> Operation[Page[Execution]]:
        params = (*query, ("page", str(number)), ("pageSize", str(page_size)))
        return Operation("ExecutionList", "/executions", functools.partial(parse_page, requested=number), params)

    return operation_for


def created_at(execution: Execution) -> datetime.datetime:
    return execution.created_at


def get_operation(execution_id: str | uuid.UUID) -> Operation[Execution]:
    return Operation("ExecutionGet", f"/executions/{check.as_uuid('execution_id', execution_id)}", Execution.from_dict)


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
        )
        size = check.as_int("page_size", page_size, minimum=1, maximum=ASTEROID_MAX_PAGE_SIZE)
        if limit is not None:
            check.as_int("limit", limit, minimum=1)
        if not isinstance(consistent, bool):
            raise TypeError(f"consistent must be a bool, not {type(consistent).__name__}")
        check.as_int("concurrency", concurrency, minimum=1, maximum=ASTEROID_MAX_CONCURRENCY)
        if not consistent:
            by_number = list_pages(query, size)
            return self._pager(lambda: PageWalk(limit, operation_for=by_number), concurrency)
        if sort_field != "created_at":
            raise ValueError("consistent=True pages by createdAt: it needs sort_field='created_at'")
        if concurrency != 1:
            raise ValueError("consistent=True fetches one page after another: concurrency must be 1")
        by_key = list_after(query, size, sort_direction)
        return self._pager(lambda: KeysetWalk(limit, operation_for=by_key, key=created_at, page_size=size))


class Executions(SyncResource, _Executions[SyncPager[Execution]]):
    """`client.executions` of `AsteroidClient`."""

    def get(self, execution_id: str | uuid.UUID) -> Execution:
        """One execution with all its details."""
        return self._core.request(get_operation(execution_id))


class AsyncExecutions(AsyncResource, _Executions[AsyncPager[Execution]]):
    """`client.executions` of `AsyncAsteroidClient`."""

    async def get(self, execution_id: str | uuid.UUID) -> Execution:
        """One execution with all its details."""
        return await self._core.request(get_operation(execution_id))


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
