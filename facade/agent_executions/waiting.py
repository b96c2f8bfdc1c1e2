"""Waiting for an Asteroid execution to finish, decided once (`Waiting`) for the sync and async shells.

The server long-polls: `GET /executions/{id}/sync?timeoutSeconds=N` answers 200 as soon as the
execution is completed, failed or cancelled, and 202 when N seconds passed first or when the
execution is paused or awaiting confirmation (those are not terminal: someone may resume or
answer it, so waiting goes on). The status in the body decides, not the code: a 200 whose
status is not terminal (a proxy rewriting the code, say) is waited on like a 202. A 202 that
comes back sooner than N (a paused execution) is followed by a pause, growing from
`WAIT_POLL_INTERVAL`, so that waiting never spins.

The wait's `timeout` bounds the waiting: the long-polls, their retries and the pauses between them.
Once a long-poll says the execution finished, it finished within the wait, and the `get` of its
result is an ordinary request (the client's timeout and retries, not what is left of the wait's):
its failure is its own typed error, never `WaitTimeoutError`. So a wait whose execution finished
just before `timeout` returns at most about one request timeout (with its retries) after it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Generic, TypeVar

import attrs

from . import retries
from ._constants import MAX_WAIT_HOLD, MAX_WAIT_POLL_INTERVAL, WAIT_POLL_INTERVAL
from ._core import AsyncCore, Operation, SyncCore
from .errors import AgentExecutionsError, APIConnectionError, APIStatusError, WaitTimeoutError
from .models import TERMINAL_STATUSES, ExecutionWaitStatus

T = TypeVar("T")
S = TypeVar("S")


def check_wait_timeout(timeout: float | None) -> float | None:
    """`timeout` of `wait` and `run`: None (no limit) or a finite number of seconds > 0."""
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise TypeError(f"timeout must be a number of seconds or None, not {type(timeout).__name__}")
    if not 0 < timeout < math.inf:
        raise ValueError(f"timeout must be a finite number of seconds > 0, not {timeout!r}")
    return float(timeout)


@attrs.define
class Waiting:
    """One wait: how long the next long-poll may hold, whether an answer ends it, and the pause after
    an early "not finished"."""

    execution_id: str
    timeout: float | None
    started: float = attrs.field(factory=time.monotonic)
    last_status: str | None = None
    interval: float = WAIT_POLL_INTERVAL

    def time_left(self) -> float:
        return math.inf if self.timeout is None else self.timeout - (time.monotonic() - self.started)

    def next_hold(self) -> int:
        """Seconds the next long-poll may hold (the server takes whole seconds, 1 to 25), or raise
        `WaitTimeoutError` once the timeout has passed."""
        left = self.time_left()
        if left <= 0:
            raise self.timed_out()
        return MAX_WAIT_HOLD if left > MAX_WAIT_HOLD else max(1, math.ceil(left))

    def ends_at(self) -> float | None:
        """The `time.monotonic()` past which no long-poll attempt runs: the timeout, plus a second's grace
        for the server's whole-second hold; None without a timeout."""
        return None if self.timeout is None else self.started + self.timeout + 1.0

    def after_failure(self, exc: APIConnectionError | APIStatusError) -> float:
        """A long-poll failed after the client's retries: `WaitTimeoutError` when the wait's time is up
        (the attempts were cut short by it) or the server asked to wait longer than the time left
        (`Retry-After`), else the failure itself. (The fetch after the long-polls is not the wait's:
        its failure is never this.)"""
        if self.time_left() <= 0:
            raise self.timed_out() from exc
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None and retry_after >= self.time_left():
            raise self.timed_out() from exc
        raise exc

    def pause_after(self, answer: tuple[int, ExecutionWaitStatus], hold: int, took: float) -> float | None:
        """None when `answer` (HTTP status, body) says the execution finished; else the seconds to
        pause before the next long-poll (0 when the server held the request as asked)."""
        _, body = answer
        self.last_status = str(body.status)
        if body.status in TERMINAL_STATUSES:  # the status, not the code: a gateway may turn a 202 into a 200
            return None
        if took >= hold * 0.9:
            self.interval = WAIT_POLL_INTERVAL
            return 0.0
        pause = min(self.interval, max(self.time_left(), 0.0))
        self.interval = min(self.interval * 2, MAX_WAIT_POLL_INTERVAL)
        return pause

    def timed_out(self) -> WaitTimeoutError:
        status = f"; last status {self.last_status}" if self.last_status else ""
        return WaitTimeoutError(
            f"execution {self.execution_id} did not finish within {self.timeout:g} s{status}",
            execution_id=self.execution_id,
            last_status=self.last_status,
            timeout=self.timeout or 0.0,
        )


@attrs.frozen
class WaitPlan(Generic[T]):
    """A wait as an operation's rules decide it: its clock, the long-poll that holds up to a given
    number of seconds (its attempts end with the wait), and the request that fetches the result once
    finished (an ordinary request: not cut by the wait's end)."""

    waiting: Waiting
    poll: Callable[[int], Operation[tuple[int, ExecutionWaitStatus]]]
    fetch: Callable[[], Operation[T]]


@attrs.frozen
class RunPlan(Generic[S, T]):
    """Start something (`start`), then wait for what it started (`then`, given its answer)."""

    start: Operation[S]
    then: Callable[[S], WaitPlan[T]]


def wait_for(core: SyncCore, plan: WaitPlan[T]) -> T:
    """The sync shell of a wait: long-poll until `plan.waiting` says finished, then fetch the result."""
    waiting = plan.waiting
    while True:
        hold = waiting.next_hold()
        sent = time.monotonic()
        pause: float | None
        try:
            answer = core.request(plan.poll(hold))
        except (APIConnectionError, APIStatusError) as exc:
            pause = waiting.after_failure(exc)
        else:
            pause = waiting.pause_after(answer, hold, time.monotonic() - sent)
        if pause is None:
            break
        if pause:
            retries.sleep(pause)
    return core.request(plan.fetch())  # finished within the wait: the fetch's errors are its own


async def async_wait_for(core: AsyncCore, plan: WaitPlan[T]) -> T:
    """The async shell of `wait_for`."""
    waiting = plan.waiting
    while True:
        hold = waiting.next_hold()
        sent = time.monotonic()
        pause: float | None
        try:
            answer = await core.request(plan.poll(hold))
        except (APIConnectionError, APIStatusError) as exc:
            pause = waiting.after_failure(exc)
        else:
            pause = waiting.pause_after(answer, hold, time.monotonic() - sent)
        if pause is None:
            break
        if pause:
            await retries.async_sleep(pause)
    return await core.request(plan.fetch())


def start_and_wait(core: SyncCore, plan: RunPlan[S, T]) -> T:
    """Start, then wait; an error once started names what was started (`started`)."""
    wait = plan.then(core.request(plan.start))
    try:
        return wait_for(core, wait)
    except AgentExecutionsError as exc:
        raise started(exc, wait.waiting.execution_id) from None


async def async_start_and_wait(core: AsyncCore, plan: RunPlan[S, T]) -> T:
    wait = plan.then(await core.request(plan.start))
    try:
        return await async_wait_for(core, wait)
    except AgentExecutionsError as exc:
        raise started(exc, wait.waiting.execution_id) from None


def started(exc: AgentExecutionsError, execution_id: str) -> AgentExecutionsError:
    """`exc`, carrying the ID of the execution that was started before it: that execution runs on."""
    if exc.execution_id is None:
        exc.execution_id = execution_id
        exc._started_note = f" (execution {execution_id} was started and may still be running)"
    return exc
