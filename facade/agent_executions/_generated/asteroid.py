"""The typed resources of the Asteroid Agents v2 clients: generated from the pinned spec and
openapi/operations.toml by scripts/regenerate.py (scripts/facade_shells.py). Never edit it by hand:
change the table, the spec normalization or the rules module `agent_executions._asteroid`."""

from __future__ import annotations

import builtins
import datetime
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypedDict

import httpx
from asteroid_agents_v2_raw.models import ExecutionStatus, SortDirection, SortField

from .. import _asteroid as rules
from .._arguments import ExtraHeaders, ExtraQuery
from .._call import RequestOptions, prepare
from .._constants import ASTEROID_MAX_PAGE_SIZE
from .._core import RawResponse
from ..models import Execution, ExecutionActivity, StartedExecution, StatusChange
from ..pagination import AsyncPager, AsyncResource, SyncPager, SyncResource
from ..waiting import async_start_and_wait, async_wait_for, start_and_wait, wait_for

StatusValue = Literal[
    "starting", "running", "paused", "awaiting_confirmation", "completed", "cancelled", "failed", "paused_by_agent"
]
SortFieldValue = Literal["created_at", "status"]
SortDirectionValue = Literal["asc", "desc"]
OrderValue = Literal["asc", "desc"]


class ExecutionOptionsParam(TypedDict, total=False):
    """Per-execution runtime options."""

    shared_storage_key: str
    """Scopes shared-file storage to a per-entity subdirectory under each node's shared folder. The
    value is normalised to a filesystem-safe slug by the server.
    """
    soft_timeout_mins: int
    """Soft timeout in minutes. When the execution has been running longer than this value, a message
    is injected on every subsequent step urging the agent to wrap up and produce output. Must be
    greater than 0 and less than the agent's hard timeout (max_timeout_mins).
    """


class Executions(SyncResource):
    """`client.executions` of `AsteroidClient`: list, get, wait for, steer and stop executions."""

    @property
    def with_raw_response(self) -> ExecutionsWithRawResponse:
        """The same requests, each returning the HTTP response beside the answer (`RawResponse`)."""
        return ExecutionsWithRawResponse(self._core)

    def list(
        self,
        *,
        organization_id: str | uuid.UUID | None = None,
        execution_id: str | None = None,
        agent_id: str | uuid.UUID | None = None,
        status: StatusValue | ExecutionStatus | Iterable[StatusValue | ExecutionStatus] | None = None,
        agent_version: int | None = None,
        created_after: datetime.datetime | None = None,
        created_before: datetime.datetime | None = None,
        human_labels: str | uuid.UUID | Iterable[str | uuid.UUID] | None = None,
        outcome_label: str | None = None,
        metadata_key: str | None = None,
        metadata_value: str | None = None,
        sort_field: SortFieldValue | SortField = "created_at",
        sort_direction: SortDirectionValue | SortDirection = "desc",
        page_size: int = ASTEROID_MAX_PAGE_SIZE,
        limit: int | None = None,
        consistent: bool = False,
        concurrency: int = 1,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> SyncPager[Execution]:
        """Every execution matching the filters, across pages, fetched lazily; at most `limit` of them.

        `status` and `human_labels` take one value or several (OR-ed by the server); datetimes must
        be timezone-aware. By default pages are fetched by number, so executions created during a
        long listing shift later pages (an item may come twice, or be skipped after a deletion).
        `consistent=True` pages by `createdAt` instead: every execution that existed when the
        listing began comes exactly once; those created since do not come when sorting newest first
        (the default) and come at the end when sorting oldest first. It needs
        `sort_field="created_at"`.

        `concurrency` (async clients only): once the first page gives the total, fetch up to this
        many pages at once; items still come in order.

        `extra_query` and `extra_headers` go with every page request: a filter the vendor added
        after this SDK's pinned spec, say. `extra_query` replaces the parameters it names (None
        leaves one out) but cannot set the page parameters (nor, when `consistent`, the sort and the
        `createdBefore`/`createdAfter` bound it moves); `extra_headers` cannot set the auth header.

        Args:
            organization_id: Optional organization ID filter (required for customer queries)
            execution_id: Search by execution ID (partial, case-insensitive match)
            agent_id: Filter by agent ID
            status: Filter by execution status (can specify multiple, there is an 'OR' condition
                applied to these)
            agent_version: Filter by agent version
            created_after: Filter executions created after this timestamp
            created_before: Filter executions created before this timestamp
            human_labels: Filter by human labels (can specify multiple label IDs, there is an 'OR'
                condition applied to these)
            outcome_label: Filter by execution result outcome (partial, case-insensitive match)
            metadata_key: Filter by metadata key - must be used together with metadataValue
            metadata_value: Filter by metadata value - must be used together with metadataKey
            sort_field: Fields that can be used for sorting executions
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionList"),
            {
                "organization_id": organization_id,
                "execution_id": execution_id,
                "agent_id": agent_id,
                "status": status,
                "agent_version": agent_version,
                "created_after": created_after,
                "created_before": created_before,
                "human_labels": human_labels,
                "outcome_label": outcome_label,
                "metadata_key": metadata_key,
                "metadata_value": metadata_value,
                "sort_field": sort_field,
                "sort_direction": sort_direction,
            },
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
            closed=("sort_field", "sort_direction"),
        )
        core = self._core.with_settings(timeout, max_retries)
        return self._pages(
            rules.list_executions(
                call, page_size=page_size, limit=limit, consistent=consistent, concurrency=concurrency
            ),
            core,
        )

    def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Execution:
        """One execution with all its details.

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionGet"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(call.operation(Execution.from_dict))

    def wait(
        self,
        execution_id: str | uuid.UUID,
        *,
        timeout: float | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        max_retries: int | None = None,
    ) -> Execution:
        """Wait until the execution is completed, failed or cancelled, and return it (whatever the
        outcome: check `status` and `execution_result`).

        Uses the server's long-poll, so a finish is seen within moments. Paused executions and those
        awaiting confirmation are not finished: waiting goes on until someone resumes or answers
        them. Past `timeout` seconds (None: no limit) raises `WaitTimeoutError`, which carries the
        execution's ID and last status; the execution itself keeps running.

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionSyncGet"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(None, max_retries)
        return wait_for(core, rules.start_waiting(call, timeout=timeout))

    def cancel(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> StatusChange:
        """Stop an execution; a finished one cannot be cancelled (`ConflictError`).

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionCancel"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(call.operation(StatusChange.from_dict))

    def pause(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> StatusChange:
        """Pause a running execution (`ConflictError` if its status does not allow it).

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionPause"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(call.operation(StatusChange.from_dict))

    def resume(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> StatusChange:
        """Resume a paused execution (`ConflictError` if it is not paused).

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionResume"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(call.operation(StatusChange.from_dict))

    def send_message(
        self,
        execution_id: str | uuid.UUID,
        message: str,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Send the agent a message (the answer to its question, say).

        Args:
            execution_id: The unique identifier of the execution
            message: The message the agent receives.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionUserMessagesAdd"),
            {"execution_id": execution_id, "message": message},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(call.operation(rules.nothing, reads="nothing"))

    def activities(
        self,
        execution_id: str | uuid.UUID,
        *,
        order: OrderValue = "asc",
        limit: int | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> builtins.list[ExecutionActivity]:
        """What happened during the execution, oldest first (`order="desc"`: newest first), at most
        `limit`. Each `payload` is one of `ActivityPayload`, `UnknownActivity` for a kind this SDK's
        spec does not know.

        Args:
            execution_id: The unique identifier of the execution
            order: Sort order for activities by timestamp
            limit: The most activities to return. Assumption: the vendor's SDK states no bounds; at
                least 1.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionActivitiesGet"),
            {"execution_id": execution_id, "order": order, "limit": limit},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
            closed=("order",),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(call.operation(rules.parse_activities))

    def rerun(
        self,
        execution_id: str | uuid.UUID,
        *,
        inputs: Mapping[str, Any] | None = None,
        profile_id: str | uuid.UUID | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> StartedExecution:
        """Start a new execution with this one's workflow and values; `inputs` replaces its inputs.

        Args:
            execution_id: The unique identifier of the execution
            inputs: Input variables for the new execution. Replaces the original inputs when set.
            profile_id: The ID of the login profile to use. Replaces the original profile when set.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionRerun"),
            {"execution_id": execution_id, "inputs": inputs, "profile_id": profile_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(call.operation(StartedExecution.from_dict))

    def delete(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Delete an execution.

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionDelete"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(call.operation(rules.nothing, reads="nothing"))

    def recording_url(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> str:
        """The URL of the execution's recording: where the server redirects, read without following it,
        so the API key never reaches the recording's host.

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionRecordingRedirect"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(call.operation(rules.recording_location, reads="location"))


class ExecutionsWithRawResponse(SyncResource):
    """`client.executions.with_raw_response` of `AsteroidClient`."""

    def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Execution]:
        """`get`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionGet"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(call.operation(Execution.from_dict))

    def cancel(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[StatusChange]:
        """`cancel`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionCancel"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(call.operation(StatusChange.from_dict))

    def pause(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[StatusChange]:
        """`pause`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionPause"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(call.operation(StatusChange.from_dict))

    def resume(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[StatusChange]:
        """`resume`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionResume"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(call.operation(StatusChange.from_dict))

    def send_message(
        self,
        execution_id: str | uuid.UUID,
        message: str,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """`send_message`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionUserMessagesAdd"),
            {"execution_id": execution_id, "message": message},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(call.operation(rules.nothing, reads="nothing"))

    def activities(
        self,
        execution_id: str | uuid.UUID,
        *,
        order: OrderValue = "asc",
        limit: int | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[builtins.list[ExecutionActivity]]:
        """`activities`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionActivitiesGet"),
            {"execution_id": execution_id, "order": order, "limit": limit},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
            closed=("order",),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(call.operation(rules.parse_activities))

    def rerun(
        self,
        execution_id: str | uuid.UUID,
        *,
        inputs: Mapping[str, Any] | None = None,
        profile_id: str | uuid.UUID | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[StartedExecution]:
        """`rerun`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionRerun"),
            {"execution_id": execution_id, "inputs": inputs, "profile_id": profile_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(call.operation(StartedExecution.from_dict))

    def delete(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """`delete`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionDelete"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(call.operation(rules.nothing, reads="nothing"))

    def recording_url(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[str]:
        """`recording_url`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionRecordingRedirect"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(call.operation(rules.recording_location, reads="location"))


class AsyncExecutions(AsyncResource):
    """`client.executions` of `AsyncAsteroidClient`: list, get, wait for, steer and stop executions."""

    @property
    def with_raw_response(self) -> AsyncExecutionsWithRawResponse:
        """The same requests, each returning the HTTP response beside the answer (`RawResponse`)."""
        return AsyncExecutionsWithRawResponse(self._core)

    def list(
        self,
        *,
        organization_id: str | uuid.UUID | None = None,
        execution_id: str | None = None,
        agent_id: str | uuid.UUID | None = None,
        status: StatusValue | ExecutionStatus | Iterable[StatusValue | ExecutionStatus] | None = None,
        agent_version: int | None = None,
        created_after: datetime.datetime | None = None,
        created_before: datetime.datetime | None = None,
        human_labels: str | uuid.UUID | Iterable[str | uuid.UUID] | None = None,
        outcome_label: str | None = None,
        metadata_key: str | None = None,
        metadata_value: str | None = None,
        sort_field: SortFieldValue | SortField = "created_at",
        sort_direction: SortDirectionValue | SortDirection = "desc",
        page_size: int = ASTEROID_MAX_PAGE_SIZE,
        limit: int | None = None,
        consistent: bool = False,
        concurrency: int = 1,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AsyncPager[Execution]:
        """Every execution matching the filters, across pages, fetched lazily; at most `limit` of them.

        `status` and `human_labels` take one value or several (OR-ed by the server); datetimes must
        be timezone-aware. By default pages are fetched by number, so executions created during a
        long listing shift later pages (an item may come twice, or be skipped after a deletion).
        `consistent=True` pages by `createdAt` instead: every execution that existed when the
        listing began comes exactly once; those created since do not come when sorting newest first
        (the default) and come at the end when sorting oldest first. It needs
        `sort_field="created_at"`.

        `concurrency` (async clients only): once the first page gives the total, fetch up to this
        many pages at once; items still come in order.

        `extra_query` and `extra_headers` go with every page request: a filter the vendor added
        after this SDK's pinned spec, say. `extra_query` replaces the parameters it names (None
        leaves one out) but cannot set the page parameters (nor, when `consistent`, the sort and the
        `createdBefore`/`createdAfter` bound it moves); `extra_headers` cannot set the auth header.

        Args:
            organization_id: Optional organization ID filter (required for customer queries)
            execution_id: Search by execution ID (partial, case-insensitive match)
            agent_id: Filter by agent ID
            status: Filter by execution status (can specify multiple, there is an 'OR' condition
                applied to these)
            agent_version: Filter by agent version
            created_after: Filter executions created after this timestamp
            created_before: Filter executions created before this timestamp
            human_labels: Filter by human labels (can specify multiple label IDs, there is an 'OR'
                condition applied to these)
            outcome_label: Filter by execution result outcome (partial, case-insensitive match)
            metadata_key: Filter by metadata key - must be used together with metadataValue
            metadata_value: Filter by metadata value - must be used together with metadataKey
            sort_field: Fields that can be used for sorting executions
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionList"),
            {
                "organization_id": organization_id,
                "execution_id": execution_id,
                "agent_id": agent_id,
                "status": status,
                "agent_version": agent_version,
                "created_after": created_after,
                "created_before": created_before,
                "human_labels": human_labels,
                "outcome_label": outcome_label,
                "metadata_key": metadata_key,
                "metadata_value": metadata_value,
                "sort_field": sort_field,
                "sort_direction": sort_direction,
            },
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
            closed=("sort_field", "sort_direction"),
        )
        core = self._core.with_settings(timeout, max_retries)
        return self._pages(
            rules.list_executions(
                call, page_size=page_size, limit=limit, consistent=consistent, concurrency=concurrency
            ),
            core,
        )

    async def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Execution:
        """One execution with all its details.

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionGet"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(call.operation(Execution.from_dict))

    async def wait(
        self,
        execution_id: str | uuid.UUID,
        *,
        timeout: float | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        max_retries: int | None = None,
    ) -> Execution:
        """Wait until the execution is completed, failed or cancelled, and return it (whatever the
        outcome: check `status` and `execution_result`).

        Uses the server's long-poll, so a finish is seen within moments. Paused executions and those
        awaiting confirmation are not finished: waiting goes on until someone resumes or answers
        them. Past `timeout` seconds (None: no limit) raises `WaitTimeoutError`, which carries the
        execution's ID and last status; the execution itself keeps running.

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionSyncGet"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(None, max_retries)
        return await async_wait_for(core, rules.start_waiting(call, timeout=timeout))

    async def cancel(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> StatusChange:
        """Stop an execution; a finished one cannot be cancelled (`ConflictError`).

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionCancel"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(call.operation(StatusChange.from_dict))

    async def pause(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> StatusChange:
        """Pause a running execution (`ConflictError` if its status does not allow it).

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionPause"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(call.operation(StatusChange.from_dict))

    async def resume(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> StatusChange:
        """Resume a paused execution (`ConflictError` if it is not paused).

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionResume"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(call.operation(StatusChange.from_dict))

    async def send_message(
        self,
        execution_id: str | uuid.UUID,
        message: str,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Send the agent a message (the answer to its question, say).

        Args:
            execution_id: The unique identifier of the execution
            message: The message the agent receives.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionUserMessagesAdd"),
            {"execution_id": execution_id, "message": message},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(call.operation(rules.nothing, reads="nothing"))

    async def activities(
        self,
        execution_id: str | uuid.UUID,
        *,
        order: OrderValue = "asc",
        limit: int | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> builtins.list[ExecutionActivity]:
        """What happened during the execution, oldest first (`order="desc"`: newest first), at most
        `limit`. Each `payload` is one of `ActivityPayload`, `UnknownActivity` for a kind this SDK's
        spec does not know.

        Args:
            execution_id: The unique identifier of the execution
            order: Sort order for activities by timestamp
            limit: The most activities to return. Assumption: the vendor's SDK states no bounds; at
                least 1.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionActivitiesGet"),
            {"execution_id": execution_id, "order": order, "limit": limit},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
            closed=("order",),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(call.operation(rules.parse_activities))

    async def rerun(
        self,
        execution_id: str | uuid.UUID,
        *,
        inputs: Mapping[str, Any] | None = None,
        profile_id: str | uuid.UUID | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> StartedExecution:
        """Start a new execution with this one's workflow and values; `inputs` replaces its inputs.

        Args:
            execution_id: The unique identifier of the execution
            inputs: Input variables for the new execution. Replaces the original inputs when set.
            profile_id: The ID of the login profile to use. Replaces the original profile when set.
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionRerun"),
            {"execution_id": execution_id, "inputs": inputs, "profile_id": profile_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(call.operation(StartedExecution.from_dict))

    async def delete(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Delete an execution.

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionDelete"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(call.operation(rules.nothing, reads="nothing"))

    async def recording_url(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> str:
        """The URL of the execution's recording: where the server redirects, read without following it,
        so the API key never reaches the recording's host.

        Args:
            execution_id: The unique identifier of the execution
        """
        call = prepare(
            rules.SHAPE.operation("ExecutionRecordingRedirect"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(call.operation(rules.recording_location, reads="location"))


class AsyncExecutionsWithRawResponse(AsyncResource):
    """`client.executions.with_raw_response` of `AsyncAsteroidClient`."""

    async def get(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[Execution]:
        """`get`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionGet"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(call.operation(Execution.from_dict))

    async def cancel(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[StatusChange]:
        """`cancel`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionCancel"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(call.operation(StatusChange.from_dict))

    async def pause(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[StatusChange]:
        """`pause`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionPause"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(call.operation(StatusChange.from_dict))

    async def resume(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[StatusChange]:
        """`resume`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionResume"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(call.operation(StatusChange.from_dict))

    async def send_message(
        self,
        execution_id: str | uuid.UUID,
        message: str,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """`send_message`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionUserMessagesAdd"),
            {"execution_id": execution_id, "message": message},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(call.operation(rules.nothing, reads="nothing"))

    async def activities(
        self,
        execution_id: str | uuid.UUID,
        *,
        order: OrderValue = "asc",
        limit: int | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[builtins.list[ExecutionActivity]]:
        """`activities`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionActivitiesGet"),
            {"execution_id": execution_id, "order": order, "limit": limit},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
            closed=("order",),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(call.operation(rules.parse_activities))

    async def rerun(
        self,
        execution_id: str | uuid.UUID,
        *,
        inputs: Mapping[str, Any] | None = None,
        profile_id: str | uuid.UUID | None = None,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[StartedExecution]:
        """`rerun`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionRerun"),
            {"execution_id": execution_id, "inputs": inputs, "profile_id": profile_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(call.operation(StartedExecution.from_dict))

    async def delete(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[None]:
        """`delete`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionDelete"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(call.operation(rules.nothing, reads="nothing"))

    async def recording_url(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[str]:
        """`recording_url`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("ExecutionRecordingRedirect"),
            {"execution_id": execution_id},
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(call.operation(rules.recording_location, reads="location"))


class Workflows(SyncResource):
    """`client.workflows` of `AsteroidClient`: start executions of workflows."""

    @property
    def with_raw_response(self) -> WorkflowsWithRawResponse:
        """The same requests, each returning the HTTP response beside the answer (`RawResponse`)."""
        return WorkflowsWithRawResponse(self._core)

    def execute(
        self,
        workflow_id: str | uuid.UUID,
        *,
        execution_options: ExecutionOptionsParam | None = None,
        inputs: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
        profile_group_id: str | uuid.UUID | None = None,
        profile_id: str | uuid.UUID | None = None,
        version: int | None = None,
        head: bool = False,
        queue_if_busy: bool = False,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> StartedExecution:
        """Start an execution of the workflow and return at once (`execution_id`, `status`).

        `version` runs that published version, `head=True` the unpublished head (default: the
        published one). `queue_if_busy=True` queues the execution when the organisation is at its
        concurrency limit instead of refusing it. Never retried once the request may have reached
        the server, so a workflow is not started twice (README, "Retries").

        Args:
            workflow_id: The ID of the workflow to execute
            execution_options: Per-execution runtime options.
            inputs: Inputs to be merged into the placeholders defined in prompts
            metadata: Optional metadata key-value pairs (string keys and string values) for
                organizing and filtering executions
            profile_group_id: The ID of the profile group to select a profile from. Mutually
                exclusive with profileId.
            profile_id: The ID of the login profile to use for this execution. Mutually exclusive
                with profileGroupId.
        """
        call = prepare(
            rules.SHAPE.operation("WorkflowExecute"),
            {
                "workflow_id": workflow_id,
                "execution_options": execution_options,
                "inputs": inputs,
                "metadata": metadata,
                "profile_group_id": profile_group_id,
                "profile_id": profile_id,
            },
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request(rules.execute(call, version=version, head=head, queue_if_busy=queue_if_busy))

    def run(
        self,
        workflow_id: str | uuid.UUID,
        *,
        execution_options: ExecutionOptionsParam | None = None,
        inputs: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
        profile_group_id: str | uuid.UUID | None = None,
        profile_id: str | uuid.UUID | None = None,
        timeout: float | None = None,
        version: int | None = None,
        head: bool = False,
        queue_if_busy: bool = False,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        max_retries: int | None = None,
    ) -> Execution:
        """`execute`, then `executions.wait`: the finished execution. `timeout` counts from the call.

        Args:
            workflow_id: The ID of the workflow to execute
            execution_options: Per-execution runtime options.
            inputs: Inputs to be merged into the placeholders defined in prompts
            metadata: Optional metadata key-value pairs (string keys and string values) for
                organizing and filtering executions
            profile_group_id: The ID of the profile group to select a profile from. Mutually
                exclusive with profileId.
            profile_id: The ID of the login profile to use for this execution. Mutually exclusive
                with profileGroupId.
        """
        call = prepare(
            rules.SHAPE.operation("WorkflowExecute"),
            {
                "workflow_id": workflow_id,
                "execution_options": execution_options,
                "inputs": inputs,
                "metadata": metadata,
                "profile_group_id": profile_group_id,
                "profile_id": profile_id,
            },
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(None, max_retries)
        return start_and_wait(
            core, rules.start_run(call, timeout=timeout, version=version, head=head, queue_if_busy=queue_if_busy)
        )


class WorkflowsWithRawResponse(SyncResource):
    """`client.workflows.with_raw_response` of `AsteroidClient`."""

    def execute(
        self,
        workflow_id: str | uuid.UUID,
        *,
        execution_options: ExecutionOptionsParam | None = None,
        inputs: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
        profile_group_id: str | uuid.UUID | None = None,
        profile_id: str | uuid.UUID | None = None,
        version: int | None = None,
        head: bool = False,
        queue_if_busy: bool = False,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[StartedExecution]:
        """`execute`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("WorkflowExecute"),
            {
                "workflow_id": workflow_id,
                "execution_options": execution_options,
                "inputs": inputs,
                "metadata": metadata,
                "profile_group_id": profile_group_id,
                "profile_id": profile_id,
            },
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return core.request_raw(rules.execute(call, version=version, head=head, queue_if_busy=queue_if_busy))


class AsyncWorkflows(AsyncResource):
    """`client.workflows` of `AsyncAsteroidClient`: start executions of workflows."""

    @property
    def with_raw_response(self) -> AsyncWorkflowsWithRawResponse:
        """The same requests, each returning the HTTP response beside the answer (`RawResponse`)."""
        return AsyncWorkflowsWithRawResponse(self._core)

    async def execute(
        self,
        workflow_id: str | uuid.UUID,
        *,
        execution_options: ExecutionOptionsParam | None = None,
        inputs: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
        profile_group_id: str | uuid.UUID | None = None,
        profile_id: str | uuid.UUID | None = None,
        version: int | None = None,
        head: bool = False,
        queue_if_busy: bool = False,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> StartedExecution:
        """Start an execution of the workflow and return at once (`execution_id`, `status`).

        `version` runs that published version, `head=True` the unpublished head (default: the
        published one). `queue_if_busy=True` queues the execution when the organisation is at its
        concurrency limit instead of refusing it. Never retried once the request may have reached
        the server, so a workflow is not started twice (README, "Retries").

        Args:
            workflow_id: The ID of the workflow to execute
            execution_options: Per-execution runtime options.
            inputs: Inputs to be merged into the placeholders defined in prompts
            metadata: Optional metadata key-value pairs (string keys and string values) for
                organizing and filtering executions
            profile_group_id: The ID of the profile group to select a profile from. Mutually
                exclusive with profileId.
            profile_id: The ID of the login profile to use for this execution. Mutually exclusive
                with profileGroupId.
        """
        call = prepare(
            rules.SHAPE.operation("WorkflowExecute"),
            {
                "workflow_id": workflow_id,
                "execution_options": execution_options,
                "inputs": inputs,
                "metadata": metadata,
                "profile_group_id": profile_group_id,
                "profile_id": profile_id,
            },
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request(rules.execute(call, version=version, head=head, queue_if_busy=queue_if_busy))

    async def run(
        self,
        workflow_id: str | uuid.UUID,
        *,
        execution_options: ExecutionOptionsParam | None = None,
        inputs: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
        profile_group_id: str | uuid.UUID | None = None,
        profile_id: str | uuid.UUID | None = None,
        timeout: float | None = None,
        version: int | None = None,
        head: bool = False,
        queue_if_busy: bool = False,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        max_retries: int | None = None,
    ) -> Execution:
        """`execute`, then `executions.wait`: the finished execution. `timeout` counts from the call.

        Args:
            workflow_id: The ID of the workflow to execute
            execution_options: Per-execution runtime options.
            inputs: Inputs to be merged into the placeholders defined in prompts
            metadata: Optional metadata key-value pairs (string keys and string values) for
                organizing and filtering executions
            profile_group_id: The ID of the profile group to select a profile from. Mutually
                exclusive with profileId.
            profile_id: The ID of the login profile to use for this execution. Mutually exclusive
                with profileGroupId.
        """
        call = prepare(
            rules.SHAPE.operation("WorkflowExecute"),
            {
                "workflow_id": workflow_id,
                "execution_options": execution_options,
                "inputs": inputs,
                "metadata": metadata,
                "profile_group_id": profile_group_id,
                "profile_id": profile_id,
            },
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(None, max_retries)
        return await async_start_and_wait(
            core, rules.start_run(call, timeout=timeout, version=version, head=head, queue_if_busy=queue_if_busy)
        )


class AsyncWorkflowsWithRawResponse(AsyncResource):
    """`client.workflows.with_raw_response` of `AsyncAsteroidClient`."""

    async def execute(
        self,
        workflow_id: str | uuid.UUID,
        *,
        execution_options: ExecutionOptionsParam | None = None,
        inputs: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
        profile_group_id: str | uuid.UUID | None = None,
        profile_id: str | uuid.UUID | None = None,
        version: int | None = None,
        head: bool = False,
        queue_if_busy: bool = False,
        extra_query: ExtraQuery | None = None,
        extra_headers: ExtraHeaders | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> RawResponse[StartedExecution]:
        """`execute`, returning the HTTP response beside the answer (`.parse()`)."""
        call = prepare(
            rules.SHAPE.operation("WorkflowExecute"),
            {
                "workflow_id": workflow_id,
                "execution_options": execution_options,
                "inputs": inputs,
                "metadata": metadata,
                "profile_group_id": profile_group_id,
                "profile_id": profile_id,
            },
            RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header),
        )
        core = self._core.with_settings(timeout, max_retries)
        return await core.request_raw(rules.execute(call, version=version, head=head, queue_if_busy=queue_if_busy))


__all__ = [
    "AsyncExecutions",
    "AsyncExecutionsWithRawResponse",
    "AsyncWorkflows",
    "AsyncWorkflowsWithRawResponse",
    "ExecutionOptionsParam",
    "Executions",
    "ExecutionsWithRawResponse",
    "OrderValue",
    "SortDirectionValue",
    "SortFieldValue",
    "StatusValue",
    "Workflows",
    "WorkflowsWithRawResponse",
]
