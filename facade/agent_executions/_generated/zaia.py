"""The typed resources of the Zaia v1 clients: generated from the pinned spec and
openapi/operations.toml by scripts/regenerate.py (scripts/facade_shells.py). Never edit it by hand:
change the table, the spec normalization or the rules module `agent_executions._zaia`."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

import httpx

from .. import _zaia as rules
from .._arguments import ExtraHeaders, ExtraQuery
from .._call import RequestOptions, prepare
from .._constants import ZAIA_MAX_PAGE_SIZE
from .._core import RawResponse
from .._zaia import ZaiaExecutionTree
from ..models import ZaiaExecution
from ..pagination import AsyncPager, AsyncResource, SyncPager, SyncResource


class ZaiaExecutions(SyncResource):
    """`client.executions` of `ZaiaClient`: list, get and nest executions."""

    @property
    def with_raw_response(self) -> ZaiaExecutionsWithRawResponse:
        """The same requests, each returning the HTTP response beside the answer (`RawResponse`)."""
        return ZaiaExecutionsWithRawResponse(self._core)

    def list(
        self,
        *,
        responder_ids: str | uuid.UUID | Iterable[str | uuid.UUID] | None = None,
        page_size: int = ZAIA_MAX_PAGE_SIZE,
        limit: int | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> SyncPager[ZaiaExecution]:
        """Every execution of the workspace (of these responders, if given), newest first, fetched
        lazily.

        `extra_query` and `extra_headers` go with every page request, as in Asteroid's `list`.

        Args:
            responder_ids: Only executions of these responders: one UUID, or several sent as
                repeated parameters.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionList"),
            {"responder_ids": responder_ids},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return self._pages(rules.list_executions(call, page_size=page_size, limit=limit), core)

    def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ZaiaExecution:
        """One execution.

        Args:
            execution_id: A UUID v4 string that identifies an entity.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionGet"),
            {"id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
            labels={"id": "execution_id"},
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(call.operation(ZaiaExecution.from_dict))

    def nesting(
        self,
        *,
        chat_message_id: str | uuid.UUID | None = None,
        execution_id: str | uuid.UUID | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ZaiaExecutionTree:
        """An execution with all its descendants, found by its ID or by the chat message that started
        it.

        Args:
            chat_message_id: A UUID v4 string that identifies an entity.
            execution_id: A UUID v4 string that identifies an entity.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionGetNesting"),
            {"chat_message_id": chat_message_id, "execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(rules.nesting(call))


class ZaiaExecutionsWithRawResponse(SyncResource):
    """`client.executions.with_raw_response` of `ZaiaClient`."""

    def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ZaiaExecution]:
        """`get`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionGet"),
            {"id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
            labels={"id": "execution_id"},
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(call.operation(ZaiaExecution.from_dict))

    def nesting(
        self,
        *,
        chat_message_id: str | uuid.UUID | None = None,
        execution_id: str | uuid.UUID | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ZaiaExecutionTree]:
        """`nesting`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionGetNesting"),
            {"chat_message_id": chat_message_id, "execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(rules.nesting(call))


class AsyncZaiaExecutions(AsyncResource):
    """`client.executions` of `AsyncZaiaClient`: list, get and nest executions."""

    @property
    def with_raw_response(self) -> AsyncZaiaExecutionsWithRawResponse:
        """The same requests, each returning the HTTP response beside the answer (`RawResponse`)."""
        return AsyncZaiaExecutionsWithRawResponse(self._core)

    def list(
        self,
        *,
        responder_ids: str | uuid.UUID | Iterable[str | uuid.UUID] | None = None,
        page_size: int = ZAIA_MAX_PAGE_SIZE,
        limit: int | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AsyncPager[ZaiaExecution]:
        """Every execution of the workspace (of these responders, if given), newest first, fetched
        lazily.

        `extra_query` and `extra_headers` go with every page request, as in Asteroid's `list`.

        Args:
            responder_ids: Only executions of these responders: one UUID, or several sent as
                repeated parameters.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionList"),
            {"responder_ids": responder_ids},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return self._pages(rules.list_executions(call, page_size=page_size, limit=limit), core)

    async def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ZaiaExecution:
        """One execution.

        Args:
            execution_id: A UUID v4 string that identifies an entity.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionGet"),
            {"id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
            labels={"id": "execution_id"},
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(call.operation(ZaiaExecution.from_dict))

    async def nesting(
        self,
        *,
        chat_message_id: str | uuid.UUID | None = None,
        execution_id: str | uuid.UUID | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> ZaiaExecutionTree:
        """An execution with all its descendants, found by its ID or by the chat message that started
        it.

        Args:
            chat_message_id: A UUID v4 string that identifies an entity.
            execution_id: A UUID v4 string that identifies an entity.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionGetNesting"),
            {"chat_message_id": chat_message_id, "execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(rules.nesting(call))


class AsyncZaiaExecutionsWithRawResponse(AsyncResource):
    """`client.executions.with_raw_response` of `AsyncZaiaClient`."""

    async def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ZaiaExecution]:
        """`get`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionGet"),
            {"id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
            labels={"id": "execution_id"},
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(call.operation(ZaiaExecution.from_dict))

    async def nesting(
        self,
        *,
        chat_message_id: str | uuid.UUID | None = None,
        execution_id: str | uuid.UUID | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[ZaiaExecutionTree]:
        """`nesting`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionGetNesting"),
            {"chat_message_id": chat_message_id, "execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(rules.nesting(call))


__all__ = [
    "AsyncZaiaExecutions",
    "AsyncZaiaExecutionsWithRawResponse",
    "ZaiaExecutions",
    "ZaiaExecutionsWithRawResponse",
]
