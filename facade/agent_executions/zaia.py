"""The Zaia v1 clients: `ZaiaClient` and `AsyncZaiaClient`, on the same core as Asteroid's.

Zaia pages by `pageNumber`/`pageSize` (at most 100) and sends no total, so a listing
ends on the first page shorter than the page size. Executions nest: `nesting()`
returns an execution with its children, and `walk()` visits the whole tree.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import Any, Generic, TypeVar

import attrs
import zaia_v1_raw
import zaia_v1_raw.api_shape

from . import _arguments as check
from ._base_client import AsyncClient, SyncClient
from ._constants import ZAIA_API_KEY_ENV, ZAIA_BASE_URL_ENV, ZAIA_MAX_PAGE_SIZE
from ._core import Operation, Vendor
from ._shape import ApiShape
from .models import ZaiaExecution, ZaiaExecutionNesting
from .pagination import AsyncPager, AsyncResource, Page, PageOperation, PageWalk, SyncPager, SyncResource, Walk

SHAPE = ApiShape.of(zaia_v1_raw.api_shape)
LIST = SHAPE.operation("ExecutionList")
GET = SHAPE.operation("ExecutionGet")
NESTING = SHAPE.operation("ExecutionGetNesting")
PAGE_PARAMS = (LIST.query_name("page_number"), LIST.query_name("page_size"))
"""The parameters the pager sets on each request, so `extra_query` cannot."""

ZAIA = Vendor(name="Zaia", shape=SHAPE, api_key_env=ZAIA_API_KEY_ENV, base_url_env=ZAIA_BASE_URL_ENV)

Headers = tuple[tuple[str, str], ...]


@attrs.define(repr=False)
class ZaiaExecutionTree(ZaiaExecutionNesting):
    """An execution with its `children`, each of the same shape. Its repr is the generated model's short one."""

    def walk(self) -> Iterator[ZaiaExecutionNesting]:
        """This execution and all its descendants, depth first, parents before children."""
        stack: list[ZaiaExecutionNesting] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def list_pages(query: tuple[tuple[str, str], ...], headers: Headers, page_size: int) -> PageOperation[ZaiaExecution]:
    """The operation that fetches page `number`; a full page means there may be more."""
    page_number, page_size_name = PAGE_PARAMS

    def operation_for(number: int) -> Operation[Page[ZaiaExecution]]:
        def parse(data: Any) -> Page[ZaiaExecution]:
            if not isinstance(data, list):
                raise TypeError(f"expected a JSON array of executions, got {type(data).__name__}")
            items = [ZaiaExecution.from_dict(item) for item in data]
            return Page(items, number, page_size, None, has_next=len(items) >= page_size)

        params = ((page_number, str(number)), (page_size_name, str(page_size)), *query)
        return Operation(LIST.operation_id, LIST.path, parse, params, LIST.method, headers)

    return operation_for


def get_operation(
    execution_id: str | uuid.UUID, extra_query: check.ExtraQuery | None, extra_headers: check.ExtraHeaders | None
) -> Operation[ZaiaExecution]:
    (name,) = GET.path_params
    path = GET.path_for(**{name: check.as_uuid("execution_id", execution_id)})
    params = check.merge_query((), check.as_extra_query(extra_query))
    headers = check.as_extra_headers(extra_headers, auth_header=SHAPE.auth_header)
    return Operation(GET.operation_id, path, ZaiaExecution.from_dict, params, GET.method, headers)


def nesting_operation(
    execution_id: str | uuid.UUID | None,
    chat_message_id: str | uuid.UUID | None,
    extra_query: check.ExtraQuery | None,
    extra_headers: check.ExtraHeaders | None,
) -> Operation[ZaiaExecutionTree]:
    if (execution_id is None) == (chat_message_id is None):
        raise ValueError("pass exactly one of execution_id and chat_message_id")
    if execution_id is not None:
        given = [(NESTING.query_name("execution_id"), check.as_uuid("execution_id", execution_id))]
    else:
        given = [(NESTING.query_name("chat_message_id"), check.as_uuid("chat_message_id", chat_message_id))]
    params = check.merge_query(given, check.as_extra_query(extra_query))
    headers = check.as_extra_headers(extra_headers, auth_header=SHAPE.auth_header)
    return Operation(NESTING.operation_id, NESTING.path, ZaiaExecutionTree.from_dict, params, NESTING.method, headers)


PagerT = TypeVar("PagerT", SyncPager[ZaiaExecution], AsyncPager[ZaiaExecution])


class _ZaiaExecutions(Generic[PagerT]):
    """`client.executions`: list, get and nesting. Arguments are checked before any request."""

    def _pager(self, new_walk: Callable[[], Walk[ZaiaExecution]]) -> PagerT:
        raise NotImplementedError

    def list(
        self,
        *,
        responder_ids: str | uuid.UUID | Iterable[str | uuid.UUID] | None = None,
        page_size: int = ZAIA_MAX_PAGE_SIZE,
        limit: int | None = None,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> PagerT:
        """Every execution of the workspace (of these responders, if given), newest first, fetched lazily.

        `extra_query` and `extra_headers` go with every page request, as in Asteroid's `list`.
        """
        responders = [] if responder_ids is None else check.as_list("responder_ids", responder_ids, check.as_uuid)
        size = check.as_int("page_size", page_size, minimum=1, maximum=ZAIA_MAX_PAGE_SIZE)
        if limit is not None:
            check.as_int("limit", limit, minimum=1)
        given = [(LIST.query_name("responder_ids"), responder) for responder in responders]
        query = check.merge_query(given, check.as_extra_query(extra_query, reserved=PAGE_PARAMS))
        headers = check.as_extra_headers(extra_headers, auth_header=SHAPE.auth_header)
        operation_for = list_pages(query, headers, size)
        return self._pager(lambda: PageWalk(limit, operation_for=operation_for))


class ZaiaExecutions(SyncResource, _ZaiaExecutions[SyncPager[ZaiaExecution]]):
    """`client.executions` of `ZaiaClient`."""

    def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> ZaiaExecution:
        """One execution."""
        return self._core.request(get_operation(execution_id, extra_query, extra_headers))

    def nesting(
        self,
        *,
        execution_id: str | uuid.UUID | None = None,
        chat_message_id: str | uuid.UUID | None = None,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> ZaiaExecutionTree:
        """An execution with all its descendants, found by its ID or by the chat message that started it."""
        op = nesting_operation(execution_id, chat_message_id, extra_query, extra_headers)
        return self._core.request(op)


class AsyncZaiaExecutions(AsyncResource, _ZaiaExecutions[AsyncPager[ZaiaExecution]]):
    """`client.executions` of `AsyncZaiaClient`."""

    async def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> ZaiaExecution:
        """One execution."""
        return await self._core.request(get_operation(execution_id, extra_query, extra_headers))

    async def nesting(
        self,
        *,
        execution_id: str | uuid.UUID | None = None,
        chat_message_id: str | uuid.UUID | None = None,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> ZaiaExecutionTree:
        """An execution with all its descendants, found by its ID or by the chat message that started it."""
        op = nesting_operation(execution_id, chat_message_id, extra_query, extra_headers)
        return await self._core.request(op)


class ZaiaClient(SyncClient):
    """Blocking client of the Zaia v1 API.

    `api_key` defaults to $ZAIA_API_KEY (sent as `Authorization: <key>`, the key alone) and
    `base_url` to $ZAIA_BASE_URL, else https://api.endless.zaia.app. Timeouts and retries
    work as in `AsteroidClient`.
    """

    _vendor = ZAIA
    _raw_client_class = zaia_v1_raw.AuthenticatedClient

    @cached_property
    def executions(self) -> ZaiaExecutions:
        """List, get and nest executions."""
        return ZaiaExecutions(self._core)


class AsyncZaiaClient(AsyncClient):
    """Async client of the Zaia v1 API; the same settings as `ZaiaClient`."""

    _vendor = ZAIA
    _raw_client_class = zaia_v1_raw.AuthenticatedClient

    @cached_property
    def executions(self) -> AsyncZaiaExecutions:
        """List, get and nest executions."""
        return AsyncZaiaExecutions(self._core)
