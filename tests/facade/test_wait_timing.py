"""The wait's timing rules on an injected clock (issue 21: retry counts and waits are tested through
a clock, not wall time): `Waiting`, and the sync shell over a scripted core. Each case was a
surviving mutant of `make mutate`."""

from __future__ import annotations

import math
import types
from typing import Any

import pytest
from agent_executions import _asteroid, waiting
from agent_executions._call import RequestOptions, prepare
from agent_executions.errors import APIConnectionError, APITimeoutError, WaitTimeoutError
from agent_executions.models import ExecutionWaitStatus

ID = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock(100.0)
    monkeypatch.setattr(waiting, "time", types.SimpleNamespace(monotonic=fake.monotonic))
    return fake


def status(value: str) -> tuple[int, ExecutionWaitStatus]:
    return 202, ExecutionWaitStatus.from_dict({"executionId": ID, "status": value})


@pytest.mark.parametrize("timeout", [0, -1, math.inf, math.nan])
def test_a_wait_timeout_is_a_finite_number_above_zero(timeout: float) -> None:
    with pytest.raises(ValueError, match="timeout must be a finite number of seconds > 0"):
        waiting.check_wait_timeout(timeout)
    assert waiting.check_wait_timeout(1e-9) == 1e-9


def test_time_left_hold_and_the_end(clock: Clock) -> None:
    wait = waiting.Waiting(ID, 10.0, started=100.0)
    clock.now = 250.0
    assert wait.time_left() == -140.0
    assert wait.ends_at() == 111.0  # the timeout and a second's grace for the whole-second hold
    clock.now = 109.8
    assert wait.next_hold() == 1  # 0.2 s left: the server's shortest hold
    assert waiting.Waiting(ID, 60.0, started=100.0).next_hold() == 25
    clock.now = 110.0
    with pytest.raises(WaitTimeoutError, match="did not finish within 10 s"):
        wait.next_hold()


@pytest.mark.parametrize(("now", "times_out"), [(110.0, True), (110.5, True), (109.5, False)])
def test_a_failure_at_the_end_of_the_wait_is_its_timeout(clock: Clock, now: float, times_out: bool) -> None:
    wait = waiting.Waiting(ID, 10.0, started=100.0)
    clock.now = now
    failure = APIConnectionError("connection reset")
    with pytest.raises(WaitTimeoutError if times_out else APIConnectionError):
        wait.after_failure(failure)


@pytest.mark.parametrize(("took", "pause"), [(9.0, 0.0), (9.5, 0.0), (10.0, 0.0), (8.99, 1.0), (8.0, 1.0), (0.1, 1.0)])
def test_a_poll_held_as_asked_is_followed_at_once_an_early_one_after_a_pause(
    clock: Clock, took: float, pause: float
) -> None:
    wait = waiting.Waiting(ID, None, started=100.0)
    assert wait.pause_after(status("running"), 10, took) == pause
    assert wait.pause_after(status("completed"), 10, took) is None


def test_the_pause_never_outlasts_the_wait(clock: Clock) -> None:
    wait = waiting.Waiting(ID, 10.0, started=100.0)
    clock.now = 115.0  # past the end: no pause at all
    assert wait.pause_after(status("running"), 5, 0.1) == 0.0
    clock.now = 109.75
    assert wait.pause_after(status("running"), 5, 0.1) == 0.25


class ScriptedCore:
    """Answers the wait's requests from a script, moving the clock by how long each takes."""

    def __init__(self, clock: Clock, script: list[tuple[float, Any]]) -> None:
        self.clock, self.script, self.sent = clock, script, 0

    def request(self, op: Any) -> Any:
        took, answer = self.script[self.sent]
        self.sent += 1
        self.clock.now += took
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_the_shell_measures_how_long_the_server_held_the_poll(clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    clock.now = 10.0  # small clock values: `took` computed any other way than a difference is far off
    pauses: list[float] = []
    monkeypatch.setattr(waiting.retries, "sleep", pauses.append)
    plan = waiting.WaitPlan(waiting.Waiting(ID, None, started=10.0), lambda hold: hold, lambda: "fetch")
    core = ScriptedCore(
        clock, [(22.5, status("running")), (0.01, status("running")), (1.0, status("completed")), (0.0, "done")]
    )
    assert waiting.wait_for(core, plan) == "done"  # type: ignore[arg-type]
    assert pauses == [1.0]  # none after the poll held 22.5 of 25 s; one after the early answer


class AsyncScriptedCore(ScriptedCore):
    async def request(self, op: Any) -> Any:  # type: ignore[override]
        return super().request(op)


def test_the_async_shell_measures_it_alike(clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    clock.now = 10.0
    pauses: list[float] = []

    async def pause(seconds: float) -> None:
        pauses.append(seconds)

    monkeypatch.setattr(waiting.retries, "async_sleep", pause)
    plan = waiting.WaitPlan(waiting.Waiting(ID, None, started=10.0), lambda hold: hold, lambda: "fetch")
    script = [(22.5, status("running")), (0.01, status("running")), (1.0, status("completed")), (0.0, "done")]
    assert asyncio.run(waiting.async_wait_for(AsyncScriptedCore(clock, script), plan)) == "done"  # type: ignore[arg-type]
    assert pauses == [1.0]


# --- the wait's timeout bounds the long-polls, not the fetch of the finished execution -----------


def run_shell(mode: str, core: ScriptedCore, plan: waiting.WaitPlan[Any]) -> Any:
    import asyncio

    if mode == "sync":
        return waiting.wait_for(core, plan)  # type: ignore[arg-type]
    return asyncio.run(waiting.async_wait_for(core, plan))  # type: ignore[arg-type]


def scripted(mode: str, clock: Clock, script: list[tuple[float, Any]]) -> ScriptedCore:
    return ScriptedCore(clock, script) if mode == "sync" else AsyncScriptedCore(clock, script)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_fetch_that_fails_after_the_wait_s_end_is_its_own_error(clock: Clock, mode: str) -> None:
    """The long-poll said `failed` 0.5 s before the end; the fetch then timed out 30 s later: the
    execution finished within the wait, so that is the fetch's `APITimeoutError`, not the wait's."""
    plan = waiting.WaitPlan(waiting.Waiting(ID, 10.0, started=100.0), lambda hold: hold, lambda: "fetch")
    fetch_failed = APITimeoutError("ExecutionGet: timed out")
    core = scripted(mode, clock, [(9.5, status("failed")), (30.0, fetch_failed)])
    with pytest.raises(APITimeoutError) as caught:
        run_shell(mode, core, plan)
    assert caught.value is fetch_failed and core.sent == 2


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_fetch_that_ends_after_the_wait_s_end_returns_the_execution(clock: Clock, mode: str) -> None:
    plan = waiting.WaitPlan(waiting.Waiting(ID, 10.0, started=100.0), lambda hold: hold, lambda: "fetch")
    core = scripted(mode, clock, [(9.9, status("failed")), (20.0, "the failed execution")])
    assert run_shell(mode, core, plan) == "the failed execution"
    assert clock.now == 129.9  # 19.9 s past the wait's end: the fetch's own time


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_wait_that_never_finishes_times_out_at_its_end_without_a_fetch(
    clock: Clock, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pause(seconds: float) -> None:
        raise AssertionError("the polls were held as asked: no pause")

    async def no_async_pause(seconds: float) -> None:
        no_pause(seconds)

    monkeypatch.setattr(waiting.retries, "sleep", no_pause)
    monkeypatch.setattr(waiting.retries, "async_sleep", no_async_pause)
    holds: list[int] = []

    def poll(hold: int) -> int:
        holds.append(hold)
        return hold

    plan = waiting.WaitPlan(waiting.Waiting(ID, 30.0, started=100.0), poll, lambda: "fetch")
    core = scripted(mode, clock, [(25.0, status("running")), (5.0, status("paused"))])
    with pytest.raises(WaitTimeoutError, match="did not finish within 30 s; last status paused") as caught:
        run_shell(mode, core, plan)
    assert holds == [25, 5] and core.sent == 2 and clock.now == 130.0  # no fetch, and no request after the end
    assert caught.value.execution_id == ID and caught.value.last_status == "paused"


def test_the_long_polls_end_with_the_wait_the_fetch_has_no_such_end() -> None:
    call = prepare(_asteroid.LONG_POLL, {"execution_id": ID}, RequestOptions())
    plan = _asteroid.waiting_for(call, waiting.Waiting(ID, 10.0, started=100.0))
    assert plan.poll(10).ends_at == 111.0
    assert plan.fetch().ends_at is None
    unbounded = _asteroid.waiting_for(call, waiting.Waiting(ID, None, started=100.0))
    assert unbounded.poll(25).ends_at is None and unbounded.fetch().ends_at is None
