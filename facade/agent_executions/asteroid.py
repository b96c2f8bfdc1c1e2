"""The Asteroid Agents v2 clients: `AsteroidClient` and `AsyncAsteroidClient`.

Each operation is described once (`page_operation`, `get_operation`), with its path and
parameter names taken from the spec (`_shape`); the sync
and async resources only hand those descriptions to their core.
"""

from __future__ import annotations

import datetime
import json
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import Any, Generic, TypeVar

import asteroid_agents_v2_raw
import asteroid_agents_v2_raw.api_shape
from asteroid_agents_v2_raw.models import (
    AgentsExecutionListResponse,
    ExecuteRequest,
    ExecuteRequestInputs,
    ExecuteRequestMetadata,
    RerunRequest,
    RerunRequestInputs,
    UserMessage,
)

from . import _arguments as check
from . import retries
from ._base_client import AsyncClient, SyncClient
from ._constants import (
    ASTEROID_API_KEY_ENV,
    ASTEROID_BASE_URL_ENV,
    ASTEROID_MAX_CONCURRENCY,
    ASTEROID_MAX_PAGE_SIZE,
)
from ._core import AsyncCore, Operation, SyncCore, Vendor
from ._shape import ApiShape
from .errors import APIConnectionError
from .models import (
    Execution,
    ExecutionActivity,
    ExecutionWaitStatus,
    OnCapacityLimit,
    SortDirection,
    SortField,
    StartedExecution,
    StatusChange,
)
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
from .waiting import Waiting, check_timeout

SHAPE = ApiShape.of(asteroid_agents_v2_raw.api_shape)
LIST = SHAPE.operation("ExecutionList")
GET = SHAPE.operation("ExecutionGet")
EXECUTE = SHAPE.operation("WorkflowExecute")
SYNC = SHAPE.operation("ExecutionSyncGet")
ACTIVITIES = SHAPE.operation("ExecutionActivitiesGet")
PAGE_PARAMS = (LIST.query_name("page"), LIST.query_name("page_size"))
"""The parameters the pager sets on each request, so `extra_query` cannot."""


def keyset_params(direction: str) -> tuple[str, ...]:
    """What a consistent listing sets besides the page parameters: its order and its moving bound."""
    bound = "created_before" if direction == "desc" else "created_after"
    return (LIST.query_name("sort_field"), LIST.query_name("sort_direction"), LIST.query_name(bound))


T = TypeVar("T")
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


def execution_operation(
    operation_id: str,
    execution_id: str | uuid.UUID,
    parse: Callable[[Any], T],
    extra_query: check.ExtraQuery | None,
    extra_headers: check.ExtraHeaders | None,
    *,
    query: Iterable[tuple[str, str]] = (),
    body: Any = None,
    reads: str = "json",
    hold: float = 0.0,
    ends_at: float | None = None,
) -> Operation[T]:
    """An operation on one execution (`/executions/{executionId}...`), its path and method from the spec."""
    shape = SHAPE.operation(operation_id)
    path = shape.path_for(execution_id=check.as_uuid("execution_id", execution_id))
    params = check.merge_query(query, check.as_extra_query(extra_query))
    headers = check.as_extra_headers(extra_headers, auth_header=SHAPE.auth_header)
    return Operation(shape.operation_id, path, parse, params, shape.method, headers, body, reads, hold, ends_at)


def get_operation(
    execution_id: str | uuid.UUID, extra_query: check.ExtraQuery | None, extra_headers: check.ExtraHeaders | None
) -> Operation[Execution]:
    return execution_operation(GET.operation_id, execution_id, Execution.from_dict, extra_query, extra_headers)


def as_json_object(name: str, value: object) -> dict[str, Any]:
    """A mapping with str keys whose values JSON can carry (checked by encoding it)."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping of str keys to JSON values, not {type(value).__name__}")
    for key in value:
        if not isinstance(key, str):
            raise TypeError(f"{name} keys must be str, not {type(key).__name__}")
    try:
        json.dumps(value, allow_nan=False, ensure_ascii=False).encode("utf-8")  # as the request body is sent
    except (TypeError, ValueError) as exc:  # UnicodeEncodeError (a lone surrogate) is a ValueError
        raise ValueError(f"{name} must hold only JSON values (str, numbers, bool, None, lists, dicts): {exc}") from None
    return dict(value)


def execute_operation(
    workflow_id: str | uuid.UUID,
    *,
    inputs: Mapping[str, Any] | None,
    metadata: Mapping[str, str] | None,
    version: int | None,
    head: bool,
    profile_id: str | uuid.UUID | None,
    queue_if_busy: bool,
    extra_query: check.ExtraQuery | None,
    extra_headers: check.ExtraHeaders | None,
) -> Operation[StartedExecution]:
    """`POST /workflows/{workflowId}/execute`, every argument checked first."""
    path = EXECUTE.path_for(workflow_id=check.as_uuid("workflow_id", workflow_id))
    request = ExecuteRequest()
    if inputs is not None:
        request.inputs = ExecuteRequestInputs.from_dict(as_json_object("inputs", inputs))
    if metadata is not None:
        checked = as_json_object("metadata", metadata)
        for key, value in checked.items():
            if not isinstance(value, str):
                raise TypeError(f"metadata[{key!r}] must be a str, not {type(value).__name__}")
        request.metadata = ExecuteRequestMetadata.from_dict(checked)
    if not isinstance(head, bool):
        raise TypeError(f"head must be a bool, not {type(head).__name__}")
    if version is not None:
        if head:
            raise ValueError("version and head=True exclude each other: run a published version or the head")
        request.version = check.as_int("version", version, minimum=1)
    if head:
        request.head = True
    if profile_id is not None:
        request.profile_id = check.as_uuid("profile_id", profile_id)
    if not isinstance(queue_if_busy, bool):
        raise TypeError(f"queue_if_busy must be a bool, not {type(queue_if_busy).__name__}")
    if queue_if_busy:
        request.on_capacity_limit = OnCapacityLimit.QUEUE
    params = check.merge_query((), check.as_extra_query(extra_query))
    headers = check.as_extra_headers(extra_headers, auth_header=SHAPE.auth_header)
    body = request.to_dict()
    return Operation(EXECUTE.operation_id, path, StartedExecution.from_dict, params, EXECUTE.method, headers, body)


def status_change_operation(
    operation_id: str,
    execution_id: str | uuid.UUID,
    extra_query: check.ExtraQuery | None,
    extra_headers: check.ExtraHeaders | None,
) -> Operation[StatusChange]:
    """Cancel, pause or resume."""
    return execution_operation(operation_id, execution_id, StatusChange.from_dict, extra_query, extra_headers)


def message_operation(
    execution_id: str | uuid.UUID,
    message: str,
    extra_query: check.ExtraQuery | None,
    extra_headers: check.ExtraHeaders | None,
) -> Operation[None]:
    body = UserMessage(message=check.as_text("message", message)).to_dict()
    return execution_operation(
        "ExecutionUserMessagesAdd", execution_id, _nothing, extra_query, extra_headers, body=body, reads="nothing"
    )


def parse_activities(data: Any) -> list[ExecutionActivity]:
    if not isinstance(data, list):
        raise TypeError(f"expected a list of activities, not {type(data).__name__}")
    return [ExecutionActivity.from_dict(item) for item in data]


def activities_operation(
    execution_id: str | uuid.UUID,
    order: str,
    limit: int | None,
    extra_query: check.ExtraQuery | None,
    extra_headers: check.ExtraHeaders | None,
) -> Operation[list[ExecutionActivity]]:
    query = [(ACTIVITIES.query_name("order"), check.as_choice("order", order, [d.value for d in SortDirection]))]
    if limit is not None:
        query.append((ACTIVITIES.query_name("limit"), str(check.as_int("limit", limit, minimum=1))))
    return execution_operation(
        ACTIVITIES.operation_id, execution_id, parse_activities, extra_query, extra_headers, query=query
    )


def rerun_operation(
    execution_id: str | uuid.UUID,
    inputs: Mapping[str, Any] | None,
    extra_query: check.ExtraQuery | None,
    extra_headers: check.ExtraHeaders | None,
) -> Operation[StartedExecution]:
    request = RerunRequest()
    if inputs is not None:
        request.inputs = RerunRequestInputs.from_dict(as_json_object("inputs", inputs))
    return execution_operation(
        "ExecutionRerun", execution_id, StartedExecution.from_dict, extra_query, extra_headers, body=request.to_dict()
    )


def delete_operation(
    execution_id: str | uuid.UUID, extra_query: check.ExtraQuery | None, extra_headers: check.ExtraHeaders | None
) -> Operation[None]:
    return execution_operation("ExecutionDelete", execution_id, _nothing, extra_query, extra_headers, reads="nothing")


def recording_location(location: Any) -> str:
    if not isinstance(location, str):
        raise ValueError("the server answered without redirecting to a recording")
    return location


def recording_operation(
    execution_id: str | uuid.UUID, extra_query: check.ExtraQuery | None, extra_headers: check.ExtraHeaders | None
) -> Operation[str]:
    return execution_operation(
        "ExecutionRecordingRedirect", execution_id, recording_location, extra_query, extra_headers, reads="location"
    )


def parse_wait_status(answer: tuple[int, Any]) -> tuple[int, ExecutionWaitStatus]:
    code, data = answer
    return code, ExecutionWaitStatus.from_dict(data)


def sync_operation(
    waiting: Waiting, hold: int, extra_query: check.ExtraQuery | None, extra_headers: check.ExtraHeaders | None
) -> Operation[tuple[int, ExecutionWaitStatus]]:
    """One long-poll: the server holds it up to `hold` seconds, so the read timeout grows by as much;
    its attempts, retries included, end with the wait (`Waiting.ends_at`)."""
    query = [(SYNC.query_name("timeout_seconds"), str(hold))]
    execution_id = waiting.execution_id
    return execution_operation(
        SYNC.operation_id,
        execution_id,
        parse_wait_status,
        extra_query,
        extra_headers,
        query=query,
        reads="status",
        hold=float(hold),
        ends_at=waiting.ends_at(),
    )


def start_waiting(
    execution_id: str | uuid.UUID,
    timeout: float | None,
    extra_query: check.ExtraQuery | None,
    extra_headers: check.ExtraHeaders | None,
    started: float | None = None,
) -> Waiting:
    """Check `wait`'s arguments (before any request) and start its clock."""
    identifier = check.as_uuid("execution_id", execution_id)
    limit = check_timeout(timeout)
    waiting = Waiting(identifier, limit, started=time.monotonic() if started is None else started)
    sync_operation(waiting, 1, extra_query, extra_headers)  # checks extra_query and extra_headers
    return waiting


def _nothing(_: Any) -> None:
    return None


def wait_for(
    core: SyncCore, waiting: Waiting, extra_query: check.ExtraQuery | None, extra_headers: check.ExtraHeaders | None
) -> Execution:
    """The sync shell of a wait: long-poll until `waiting` says finished, then fetch the execution."""
    while True:
        hold = waiting.next_hold()
        sent = time.monotonic()
        pause: float | None
        try:
            answer = core.request(sync_operation(waiting, hold, extra_query, extra_headers))
        except APIConnectionError as exc:
            pause = waiting.after_failure(exc)
        else:
            pause = waiting.pause_after(answer, hold, time.monotonic() - sent)
            if pause is None:
                return core.request(get_operation(waiting.execution_id, extra_query, extra_headers))
        if pause:
            retries.sleep(pause)


async def async_wait_for(
    core: AsyncCore, waiting: Waiting, extra_query: check.ExtraQuery | None, extra_headers: check.ExtraHeaders | None
) -> Execution:
    """The async shell of `wait_for`."""
    while True:
        hold = waiting.next_hold()
        sent = time.monotonic()
        pause: float | None
        try:
            answer = await core.request(sync_operation(waiting, hold, extra_query, extra_headers))
        except APIConnectionError as exc:
            pause = waiting.after_failure(exc)
        else:
            pause = waiting.pause_after(answer, hold, time.monotonic() - sent)
            if pause is None:
                return await core.request(get_operation(waiting.execution_id, extra_query, extra_headers))
        if pause:
            await retries.async_sleep(pause)


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

    def wait(
        self,
        execution_id: str | uuid.UUID,
        *,
        timeout: float | None = None,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> Execution:
        """Wait until the execution is completed, failed or cancelled, and return it (whatever the
        outcome: check `status` and `execution_result`).

        Uses the server's long-poll, so a finish is seen within moments. Paused executions and those
        awaiting confirmation are not finished: waiting goes on until someone resumes or answers
        them. Past `timeout` seconds (None: no limit) raises `WaitTimeoutError`, which carries the
        execution's ID and last status; the execution itself keeps running.
        """
        waiting = start_waiting(execution_id, timeout, extra_query, extra_headers)
        return wait_for(self._core, waiting, extra_query, extra_headers)

    def cancel(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> StatusChange:
        """Stop an execution; a finished one cannot be cancelled (`ConflictError`)."""
        return self._core.request(status_change_operation("ExecutionCancel", execution_id, extra_query, extra_headers))

    def pause(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> StatusChange:
        """Pause a running execution (`ConflictError` if its status does not allow it)."""
        return self._core.request(status_change_operation("ExecutionPause", execution_id, extra_query, extra_headers))

    def resume(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> StatusChange:
        """Resume a paused execution (`ConflictError` if it is not paused)."""
        return self._core.request(status_change_operation("ExecutionResume", execution_id, extra_query, extra_headers))

    def send_message(
        self,
        execution_id: str | uuid.UUID,
        message: str,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> None:
        """Send the agent a message (the answer to its question, say)."""
        self._core.request(message_operation(execution_id, message, extra_query, extra_headers))

    def activities(
        self,
        execution_id: str | uuid.UUID,
        *,
        order: str = "asc",
        limit: int | None = None,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> list[ExecutionActivity]:
        """What happened during the execution, oldest first (`order="desc"`: newest first), at most
        `limit`. Each `payload` is one of `ActivityPayload`, `UnknownActivity` for a kind this SDK's
        spec does not know."""
        return self._core.request(activities_operation(execution_id, order, limit, extra_query, extra_headers))

    def rerun(
        self,
        execution_id: str | uuid.UUID,
        *,
        inputs: Mapping[str, Any] | None = None,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> StartedExecution:
        """Start a new execution with this one's workflow and values; `inputs` replaces its inputs."""
        return self._core.request(rerun_operation(execution_id, inputs, extra_query, extra_headers))

    def delete(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> None:
        """Delete an execution."""
        self._core.request(delete_operation(execution_id, extra_query, extra_headers))

    def recording_url(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> str:
        """The URL of the execution's recording: where the server redirects, read without following
        it, so the API key never reaches the recording's host."""
        return self._core.request(recording_operation(execution_id, extra_query, extra_headers))


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

    async def wait(
        self,
        execution_id: str | uuid.UUID,
        *,
        timeout: float | None = None,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> Execution:
        """Wait until the execution is completed, failed or cancelled, and return it (whatever the
        outcome: check `status` and `execution_result`).

        Uses the server's long-poll, so a finish is seen within moments. Paused executions and those
        awaiting confirmation are not finished: waiting goes on until someone resumes or answers
        them. Past `timeout` seconds (None: no limit) raises `WaitTimeoutError`, which carries the
        execution's ID and last status; the execution itself keeps running.
        """
        waiting = start_waiting(execution_id, timeout, extra_query, extra_headers)
        return await async_wait_for(self._core, waiting, extra_query, extra_headers)

    async def cancel(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> StatusChange:
        """Stop an execution; a finished one cannot be cancelled (`ConflictError`)."""
        return await self._core.request(
            status_change_operation("ExecutionCancel", execution_id, extra_query, extra_headers)
        )

    async def pause(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> StatusChange:
        """Pause a running execution (`ConflictError` if its status does not allow it)."""
        return await self._core.request(
            status_change_operation("ExecutionPause", execution_id, extra_query, extra_headers)
        )

    async def resume(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> StatusChange:
        """Resume a paused execution (`ConflictError` if it is not paused)."""
        return await self._core.request(
            status_change_operation("ExecutionResume", execution_id, extra_query, extra_headers)
        )

    async def send_message(
        self,
        execution_id: str | uuid.UUID,
        message: str,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> None:
        """Send the agent a message (the answer to its question, say)."""
        await self._core.request(message_operation(execution_id, message, extra_query, extra_headers))

    async def activities(
        self,
        execution_id: str | uuid.UUID,
        *,
        order: str = "asc",
        limit: int | None = None,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> list[ExecutionActivity]:
        """What happened during the execution, oldest first (`order="desc"`: newest first), at most
        `limit`. Each `payload` is one of `ActivityPayload`, `UnknownActivity` for a kind this SDK's
        spec does not know."""
        return await self._core.request(activities_operation(execution_id, order, limit, extra_query, extra_headers))

    async def rerun(
        self,
        execution_id: str | uuid.UUID,
        *,
        inputs: Mapping[str, Any] | None = None,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> StartedExecution:
        """Start a new execution with this one's workflow and values; `inputs` replaces its inputs."""
        return await self._core.request(rerun_operation(execution_id, inputs, extra_query, extra_headers))

    async def delete(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> None:
        """Delete an execution."""
        await self._core.request(delete_operation(execution_id, extra_query, extra_headers))

    async def recording_url(
        self,
        execution_id: str | uuid.UUID,
        *,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> str:
        """The URL of the execution's recording: where the server redirects, read without following
        it, so the API key never reaches the recording's host."""
        return await self._core.request(recording_operation(execution_id, extra_query, extra_headers))


class _Workflows:
    """`client.workflows`: start executions."""

    @staticmethod
    def _execute(
        workflow_id: str | uuid.UUID,
        *,
        inputs: Mapping[str, Any] | None,
        metadata: Mapping[str, str] | None,
        version: int | None,
        head: bool,
        profile_id: str | uuid.UUID | None,
        queue_if_busy: bool,
        extra_query: check.ExtraQuery | None,
        extra_headers: check.ExtraHeaders | None,
    ) -> Operation[StartedExecution]:
        return execute_operation(
            workflow_id,
            inputs=inputs,
            metadata=metadata,
            version=version,
            head=head,
            profile_id=profile_id,
            queue_if_busy=queue_if_busy,
            extra_query=extra_query,
            extra_headers=extra_headers,
        )


class Workflows(SyncResource, _Workflows):
    """`client.workflows` of `AsteroidClient`."""

    def execute(
        self,
        workflow_id: str | uuid.UUID,
        *,
        inputs: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
        version: int | None = None,
        head: bool = False,
        profile_id: str | uuid.UUID | None = None,
        queue_if_busy: bool = False,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> StartedExecution:
        """Start an execution of the workflow and return at once (`execution_id`, `status`).

        `version` runs that published version, `head=True` the unpublished head (default: the
        published one). `queue_if_busy=True` queues the execution when the organisation is at its
        concurrency limit instead of refusing it. Never retried once the request may have reached
        the server, so a workflow is not started twice (README, "Retries").
        """
        op = self._execute(
            workflow_id,
            inputs=inputs,
            metadata=metadata,
            version=version,
            head=head,
            profile_id=profile_id,
            queue_if_busy=queue_if_busy,
            extra_query=extra_query,
            extra_headers=extra_headers,
        )
        return self._core.request(op)

    def run(
        self,
        workflow_id: str | uuid.UUID,
        *,
        timeout: float | None = None,
        inputs: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
        version: int | None = None,
        head: bool = False,
        profile_id: str | uuid.UUID | None = None,
        queue_if_busy: bool = False,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> Execution:
        """`execute`, then `executions.wait`: the finished execution. `timeout` counts from the call."""
        started = time.monotonic()
        limit = check_timeout(timeout)
        op = self._execute(
            workflow_id,
            inputs=inputs,
            metadata=metadata,
            version=version,
            head=head,
            profile_id=profile_id,
            queue_if_busy=queue_if_busy,
            extra_query=extra_query,
            extra_headers=extra_headers,
        )
        execution = self._core.request(op)
        waiting = Waiting(execution.execution_id, limit, started=started)
        return wait_for(self._core, waiting, extra_query, extra_headers)


class AsyncWorkflows(AsyncResource, _Workflows):
    """`client.workflows` of `AsyncAsteroidClient`."""

    async def execute(
        self,
        workflow_id: str | uuid.UUID,
        *,
        inputs: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
        version: int | None = None,
        head: bool = False,
        profile_id: str | uuid.UUID | None = None,
        queue_if_busy: bool = False,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> StartedExecution:
        """Start an execution of the workflow and return at once (`execution_id`, `status`).

        `version` runs that published version, `head=True` the unpublished head (default: the
        published one). `queue_if_busy=True` queues the execution when the organisation is at its
        concurrency limit instead of refusing it. Never retried once the request may have reached
        the server, so a workflow is not started twice (README, "Retries").
        """
        op = self._execute(
            workflow_id,
            inputs=inputs,
            metadata=metadata,
            version=version,
            head=head,
            profile_id=profile_id,
            queue_if_busy=queue_if_busy,
            extra_query=extra_query,
            extra_headers=extra_headers,
        )
        return await self._core.request(op)

    async def run(
        self,
        workflow_id: str | uuid.UUID,
        *,
        timeout: float | None = None,
        inputs: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
        version: int | None = None,
        head: bool = False,
        profile_id: str | uuid.UUID | None = None,
        queue_if_busy: bool = False,
        extra_query: check.ExtraQuery | None = None,
        extra_headers: check.ExtraHeaders | None = None,
    ) -> Execution:
        """`execute`, then `executions.wait`: the finished execution. `timeout` counts from the call."""
        started = time.monotonic()
        limit = check_timeout(timeout)
        op = self._execute(
            workflow_id,
            inputs=inputs,
            metadata=metadata,
            version=version,
            head=head,
            profile_id=profile_id,
            queue_if_busy=queue_if_busy,
            extra_query=extra_query,
            extra_headers=extra_headers,
        )
        execution = await self._core.request(op)
        waiting = Waiting(execution.execution_id, limit, started=started)
        return await async_wait_for(self._core, waiting, extra_query, extra_headers)


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
        """List, get, wait for, steer and stop executions."""
        return Executions(self._core)

    @cached_property
    def workflows(self) -> Workflows:
        """Start executions of workflows."""
        return Workflows(self._core)


class AsyncAsteroidClient(AsyncClient):
    """Async client of the Asteroid Agents v2 API; the same settings as `AsteroidClient`."""

    _vendor = ASTEROID
    _raw_client_class = asteroid_agents_v2_raw.AuthenticatedClient

    @cached_property
    def executions(self) -> AsyncExecutions:
        """List, get, wait for, steer and stop executions."""
        return AsyncExecutions(self._core)

    @cached_property
    def workflows(self) -> AsyncWorkflows:
        """Start executions of workflows."""
        return AsyncWorkflows(self._core)
