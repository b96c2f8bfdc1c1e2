"""The wait's timing rules on an injected clock (issue 21: retry counts and waits are tested through
a clock, not wall time): `Waiting`, and the sync shell over a scripted core. Each case was a
surviving mutant of `make mutate`."""

from __future__ import annotations

import math
import types
from typing import Any

import pytest
from agent_executions import waiting
from agent_executions.errors import APIConnectionError, WaitTimeoutError
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
