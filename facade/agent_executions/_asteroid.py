"""The rules of the Asteroid operations that are more than one request: how a listing pages
(by number, or by `createdAt` for a consistent listing), what `execute`'s own arguments
send, how a wait is built. The generated resources (`_generated/asteroid.py`) hand each
of these a checked `Call`; what they return, the shells send. I/O-free.
"""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable
from typing import Any

import asteroid_agents_v2_raw.api_shape
import attrs
from asteroid_agents_v2_raw.models import AgentsExecutionListResponse

from . import _arguments as check
from ._call import Call, prepare
from ._config import Vendor
from ._constants import (
    ASTEROID_API_KEY_ENV,
    ASTEROID_BASE_URL_ENV,
    ASTEROID_MAX_CONCURRENCY,
    ASTEROID_MAX_PAGE_SIZE,
    LOGGER_NAME,
)
from ._core import Operation
from ._shape import ApiShape
from .models import Execution, ExecutionActivity, ExecutionWaitStatus, StartedExecution
from .pagination import KeysetWalk, Listing, OperationForKey, OperationForPage, Page, PageWalk
from .waiting import RunPlan, Waiting, WaitPlan, check_wait_timeout

logger = logging.getLogger(LOGGER_NAME)
SHAPE = ApiShape.of(asteroid_agents_v2_raw.api_shape)
ASTEROID = Vendor(name="Asteroid", shape=SHAPE, api_key_env=ASTEROID_API_KEY_ENV, base_url_env=ASTEROID_BASE_URL_ENV)
LIST = SHAPE.operation("ExecutionList")
GET = SHAPE.operation("ExecutionGet")
LONG_POLL = SHAPE.operation("ExecutionSyncGet")
PAGE_PARAMS = (LIST.query_name("page"), LIST.query_name("page_size"))
"""The parameters the pager sets on each request, so `extra_query` cannot."""


def keyset_params(direction: str) -> tuple[str, ...]:
    """What a consistent listing sets besides the page parameters: its order and its moving bound."""
    bound = "created_before" if direction == "desc" else "created_after"
    return (LIST.query_name("sort_field"), LIST.query_name("sort_direction"), LIST.query_name(bound))


# --- listing ---------------------------------------------------------------------------


def list_executions(
    call: Call, *, page_size: int, limit: int | None, consistent: bool, concurrency: int
) -> Listing[Execution]:
    """`executions.list`: the filters' own rules, then a walk by page number or, when `consistent`, by `createdAt`."""
    given = call.given
    after, before = given.get("created_after"), given.get("created_before")
    if after is not None and before is not None and after >= before:
        raise ValueError("created_after must be earlier than created_before")
    if (given.get("metadata_key") is None) != (given.get("metadata_value") is None):
        raise ValueError("metadata_key and metadata_value go together: pass both or neither")
    check.as_bool("consistent", consistent)
    direction = str(call.values.get("sort_direction") or "desc")
    call.options.reserve(PAGE_PARAMS + keyset_params(direction) if consistent else PAGE_PARAMS)
    size = check.as_int("page_size", page_size, minimum=1, maximum=ASTEROID_MAX_PAGE_SIZE)
    if limit is not None:
        check.as_int("limit", limit, minimum=1)
    check.as_int("concurrency", concurrency, minimum=1, maximum=ASTEROID_MAX_CONCURRENCY)
    if not consistent:
        by_number = list_pages(call, size)
        return Listing(lambda: PageWalk(limit, operation_for=by_number), concurrency)
    if call.values.get("sort_field") != "created_at":
        raise ValueError("consistent=True pages by createdAt: it needs sort_field='created_at'")
    if concurrency != 1:
        raise ValueError("consistent=True fetches one page after another: concurrency must be 1")
    by_key = list_after(call, size, direction)
    return Listing(lambda: KeysetWalk(limit, operation_for=by_key, key=created_at, page_size=size))


def parse_page(data: Any, requested: int, size: int, said: set[Any] | None = None) -> Page[Execution]:
    """Page `requested` of `GET /executions`, asked with `size` items a page. Whether another
    follows is reckoned from what the client asked and received and from `total`, never from the
    echoed `page` alone (the spec does not promise it echoes) nor from an echoed `pageSize` above
    the one asked for (a server claiming 500 while sending 100 would end the listing early).
    `said` holds what a listing already found (the contradicting echoes, logged once each, and a
    cap the server applies without saying), so that later pages count alike."""
    response = AgentsExecutionListResponse.from_dict(data)
    # The generated models do not check primitive types, and these three drive the pagination
    # ("0000000" as a pageSize once made a multi-gigabyte string here).
    for name, value in (("page", response.page), ("pageSize", response.page_size), ("total", response.total)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
    notes = set() if said is None else said
    received = len(response.items)
    counted = effective_page_size(size, response.page_size, received, notes)
    cap = next(
        (note[1] for note in notes if isinstance(note, tuple) and note[0] == "cap"), None
    )  # a silent cap seen earlier in the listing
    if cap is not None:
        counted = min(counted, cap)
    elif "first page seen" not in notes and 0 < received < counted and received < response.total:
        # A short first page though `total` says more remain: the server pages by fewer than it
        # says (a cap it does not echo). Counting by what it sends loses nothing; by what it says,
        # pages. (A short page later is the last one, or data that moved.)
        if ("cap", received) not in notes:
            notes.add(("cap", received))
            logger.warning(
                "ExecutionList: page %d has %d executions of the %d asked for, and total says %d;"
                " counting pages of %d",
                requested, received, counted, response.total, received,
            )  # fmt: skip
        counted = received
    notes.add("first page seen")  # a keyed walk's pages are each page 1 of their bound: not the first
    seen = (requested - 1) * counted + received
    return Page(
        items=response.items,
        page=response.page,
        page_size=counted,
        total=response.total,
        has_next=bool(response.items) and seen < response.total,
    )


def effective_page_size(asked: int, echoed: int, received: int, said: set[Any]) -> int:
    """The size the server's pages count by: the one asked for, or a smaller cap the server
    applies and says (`pageSize` below it, a page that full). An echo that contradicts what came
    (above the size asked for, or below the items sent) is logged and not believed."""
    if echoed > asked or received > max(echoed, 0) or echoed < 1:
        if ("echo", echoed) not in said:
            said.add(("echo", echoed))
            logger.warning(
                "ExecutionList: asked for %d a page, got %d, and the server's pageSize says %d;"
                " counting pages of %d",
                asked, received, echoed, asked,
            )  # fmt: skip
        return asked
    return echoed


def parse_keyed_page(data: Any, requested: int, size: int, direction: str, said: set[Any]) -> Page[Execution]:
    """A page of a consistent listing, whose next request is built from the last `createdAt`: a
    time without a zone cannot be compared or sent back, so it breaks the spec; and its items must
    come in the order asked for, which the walk's bounds rely on (a server ignoring
    `sortDirection` would make it skip and repeat executions)."""
    page = parse_page(data, requested, size, said)
    previous: Execution | None = None
    for item in page.items:
        if item.created_at.tzinfo is None:
            raise ValueError(f"createdAt {item.created_at.isoformat()} of execution {item.id} has no time zone")
        if previous is not None and (
            item.created_at > previous.created_at if direction == "desc" else item.created_at < previous.created_at
        ):
            raise ValueError(
                f"execution {item.id} (createdAt {item.created_at.isoformat()}) comes after"
                f" {previous.id} (createdAt {previous.created_at.isoformat()}) in a page asked for"
                f" sortDirection={direction}: the server ignored the order"
            )
        previous = item
    return page


def page_operation(
    call: Call,
    number: int,
    size: int,
    parse: Callable[[Any, int, int, set[Any]], Page[Execution]] = parse_page,
    bound: dict[str, list[str] | None] | None = None,
    said: set[Any] | None = None,
) -> Operation[Page[Execution]]:
    """The operation that fetches page `number` of `size` executions; `bound` replaces filters."""
    page, page_size = PAGE_PARAMS
    query = call.query if bound is None else check.merge_query(call.query, bound)
    params = check.merge_query((*query, (page, str(number)), (page_size, str(size))), call.options.query)

    notes = set() if said is None else said

    def read(data: Any) -> Page[Execution]:
        return parse(data, number, size, notes)

    return Operation(call.shape.operation_id, call.path, read, params, call.shape.method, call.options.headers)


def list_pages(call: Call, size: int) -> OperationForPage[Execution]:
    """The operation that fetches page `number` of a listing."""
    said: set[Any] = set()  # one listing's logged contradictions
    return lambda number: page_operation(call, number, size, said=said)


def list_after(call: Call, size: int, direction: str) -> OperationForKey[Execution]:
    """The operation that fetches page `number` of the executions at or beyond `boundary` (a
    createdAt), in `direction`; for consistent listings (`KeysetWalk`)."""
    arg = "created_before" if direction == "desc" else "created_after"
    nudge = datetime.timedelta(microseconds=1 if direction == "desc" else -1)  # the bounds are exclusive
    wire = call.wire(arg)
    said: set[Any] = set()

    def parse_ordered(data: Any, requested: int, size: int, said: set[Any]) -> Page[Execution]:
        return parse_keyed_page(data, requested, size, direction, said)

    def operation_for(boundary: datetime.datetime | None, number: int) -> Operation[Page[Execution]]:
        if boundary is None:
            return page_operation(call, number, size, parse_ordered, said=said)
        bound: dict[str, list[str] | None] = {wire: [check.as_datetime(arg, boundary + nudge)]}

        def parse_bounded(data: Any, requested: int, size: int, said: set[Any]) -> Page[Execution]:
            """A keyed page holds nothing beyond its bound: an item that does came from a server
            ignoring the filter, whose pages would repeat forever."""
            page = parse_keyed_page(data, requested, size, direction, said)
            for item in page.items:
                if item.created_at > boundary if direction == "desc" else item.created_at < boundary:
                    raise ValueError(
                        f"execution {item.id} (createdAt {item.created_at.isoformat()}) lies outside"
                        f" {wire}={bound[wire][0]}: the server ignored {wire}"  # type: ignore[index]
                    )
            return page

        return page_operation(call, number, size, parse_bounded, bound, said)

    return operation_for


def created_at(execution: Execution) -> datetime.datetime:
    return execution.created_at


# --- starting and waiting ------------------------------------------------------------------


def execute(call: Call, *, version: int | None, head: bool, queue_if_busy: bool) -> Operation[StartedExecution]:
    """`POST /workflows/{workflowId}/execute`: the spec's fields as given, and the facade's own three."""
    body = dict(call.body or {})
    if call.values.get("profile_id") is not None and call.values.get("profile_group_id") is not None:
        raise ValueError("profile_id and profile_group_id exclude each other: pass one or neither")
    check.as_bool("head", head)
    if version is not None:
        if head:
            raise ValueError("version and head=True exclude each other: run a published version or the head")
        body[call.wire("version")] = check.as_int("version", version, minimum=1)
    if head:
        body[call.wire("head")] = True
    check.as_bool("queue_if_busy", queue_if_busy)
    if queue_if_busy:
        body[call.wire("on_capacity_limit")] = "queue"
    return call.operation(StartedExecution.from_dict, body=body)


def start_run(
    call: Call, *, timeout: float | None, version: int | None, head: bool, queue_if_busy: bool
) -> RunPlan[StartedExecution, Execution]:
    """`workflows.run`: `execute`, then a wait whose clock started with the call."""
    started = time.monotonic()
    limit = check_wait_timeout(timeout)
    reserve_hold(call)  # before the start: a refused wait must not leave an execution behind
    start = execute(call, version=version, head=head, queue_if_busy=queue_if_busy)
    if limit is not None:  # `timeout` counts from the call: the start is within it too
        start = attrs.evolve(start, ends_at=started + limit)

    def then(execution: StartedExecution) -> WaitPlan[Execution]:
        return waiting_for(call, Waiting(execution.execution_id, limit, started=started))

    return RunPlan(start, then)


def start_waiting(call: Call, *, timeout: float | None) -> WaitPlan[Execution]:
    """`executions.wait`: its clock starts now, its arguments are checked before any request."""
    limit = check_wait_timeout(timeout)
    return waiting_for(call, Waiting(call.values["execution_id"], limit, started=time.monotonic()))


def reserve_hold(call: Call) -> str:
    """The long-poll's hold parameter, which `extra_query` cannot set: the wait sets it, and the
    read timeout allows for it."""
    hold_name = LONG_POLL.query_name("timeout_seconds")
    call.options.reserve([hold_name], "the wait sets how long each long-poll is held")
    return hold_name


def waiting_for(call: Call, waiting: Waiting) -> WaitPlan[Execution]:
    """Long-polls of `waiting`'s execution, then its fetch; `call`'s options go with each request."""
    values = {"execution_id": waiting.execution_id}
    poll_call = prepare(LONG_POLL, values, call.options)
    hold_name = reserve_hold(call)

    def poll(hold: int) -> Operation[tuple[int, ExecutionWaitStatus]]:
        """One long-poll: the server holds it up to `hold` seconds, so the read timeout grows by as
        much; its attempts, retries included, end with the wait (`Waiting.ends_at`)."""
        query = [(hold_name, str(hold))]
        return poll_call.operation(
            parse_wait_status, query=query, reads="status", hold=float(hold), ends_at=waiting.ends_at()
        )

    def fetch() -> Operation[Execution]:
        """The finished execution: an ordinary `get`, its attempts not cut by the wait's end."""
        return prepare(GET, values, call.options).operation(Execution.from_dict)

    return WaitPlan(waiting, poll, fetch)


def parse_wait_status(answer: tuple[int, Any]) -> tuple[int, ExecutionWaitStatus]:
    code, data = answer
    return code, ExecutionWaitStatus.from_dict(data)


# --- answers -------------------------------------------------------------------------------


def parse_activities(data: Any) -> list[ExecutionActivity]:
    if not isinstance(data, list):
        raise TypeError(f"expected a list of activities, not {type(data).__name__}")
    return [ExecutionActivity.from_dict(item) for item in data]


def recording_location(location: Any) -> str:
    if not isinstance(location, str):
        raise ValueError("the server answered without redirecting to a recording")
    return location


def nothing(_: Any) -> None:
    return None
