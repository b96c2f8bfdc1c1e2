"""The Asteroid execution lifecycle (execute, run, wait, cancel, pause, resume, messages, activities,
rerun, delete, recording) through sync and async clients against FakeAsteroidServer over loopback."""

from __future__ import annotations

import asyncio
import json
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import agent_executions as ae
import httpx
import pytest
from agent_executions import retries
from agent_executions.testing import FakeAsteroidServer
from asteroid_agents_v2_raw import api_shape

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from hostile_servers import recorded_waits

WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"
QUICK = ((0.0, "starting"), (0.02, "running"), (0.05, "completed"))
FOREVER = ((0.0, "starting"), (0.0, "running"))


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=3, count=5) as fake:
        fake.lifecycle = QUICK
        yield fake


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def call(mode: str, server: FakeAsteroidServer, resource: str, method: str, *args: Any, **kwargs: Any) -> Any:
    """`client.<resource>.<method>(*args, **kwargs)` on a fresh sync or async client."""
    options: dict[str, Any] = {"api_key": server.api_key, "base_url": server.base_url}
    options.update(kwargs.pop("client_options", {}))
    if mode == "sync":
        with ae.AsteroidClient(**options) as client:
            return getattr(getattr(client, resource), method)(*args, **kwargs)

    async def main() -> Any:
        async with ae.AsyncAsteroidClient(**options) as client:
            return await getattr(getattr(client, resource), method)(*args, **kwargs)

    return asyncio.run(main())


def posts(server: FakeAsteroidServer) -> list[str]:
    return [r.path for r in server.requests if r.method == "POST"]


def sent_bodies(server: FakeAsteroidServer) -> list[Any]:
    """The JSON bodies of the POSTs the server received, in order."""
    return [r.json() for r in server.requests if r.method == "POST"]


# --- run and wait -------------------------------------------------------------


def test_run_executes_then_waits_on_the_long_poll_and_returns_the_finished_execution(
    mode: str, server: FakeAsteroidServer
) -> None:
    execution = call(mode, server, "workflows", "run", WORKFLOW, inputs={"customer": 42}, timeout=10)
    assert isinstance(execution, ae.Execution)
    assert execution.status == "completed"
    assert execution.execution_result is not None and execution.execution_result.outcome == "success"
    assert execution.workflow_id == WORKFLOW and execution.inputs is not None
    assert execution.inputs.to_dict() == {"customer": 42}
    methods = [(r.method, r.path.rsplit("/", 1)[-1]) for r in server.requests]
    assert methods[0] == ("POST", "execute") and methods[-1] == ("GET", execution.id)
    polls = [r for r in server.requests if r.path.endswith("/sync")]
    assert polls and all(1 <= int(r.params("timeoutSeconds")[0]) <= 10 for r in polls)


def test_without_a_timeout_wait_holds_25_seconds_at_a_time_until_the_end(mode: str, server: FakeAsteroidServer) -> None:
    started = call(mode, server, "workflows", "execute", WORKFLOW)
    assert call(mode, server, "executions", "wait", started.execution_id).status == "completed"
    assert {tuple(r.params("timeoutSeconds")) for r in server.requests if r.path.endswith("/sync")} == {("25",)}


def test_execute_returns_the_started_execution_and_sends_the_body(mode: str, server: FakeAsteroidServer) -> None:
    profile = str(uuid.uuid4())
    started = call(
        mode, server, "workflows", "execute", WORKFLOW, metadata={"team": "ops"}, version=3, profile_id=profile
    )
    assert isinstance(started, ae.StartedExecution)
    assert started.status == "starting"
    stored = next(e for e in server.executions if e["id"] == started.execution_id)
    assert stored["metadata"] == {"team": "ops"} and stored["workflowId"] == WORKFLOW
    assert sent_bodies(server)[-1] == {"metadata": {"team": "ops"}, "version": 3, "profileId": profile}


def test_the_flags_of_execute_are_sent_only_when_asked_for(mode: str, server: FakeAsteroidServer) -> None:
    call(mode, server, "workflows", "execute", WORKFLOW)
    call(mode, server, "workflows", "execute", WORKFLOW, head=True, queue_if_busy=True)
    plain, flagged = sent_bodies(server)
    assert plain == {}
    assert flagged["head"] is True and flagged["onCapacityLimit"] == "queue"


@pytest.mark.parametrize("outcome", ["failed", "cancelled"])
def test_wait_returns_a_failed_or_cancelled_execution_rather_than_raising(
    mode: str, server: FakeAsteroidServer, outcome: str
) -> None:
    server.lifecycle = ((0.0, "running"), (0.05, outcome))
    execution = call(mode, server, "workflows", "run", WORKFLOW, timeout=10)
    assert execution.status == outcome


def test_a_200_whose_status_is_not_terminal_is_waited_on_like_a_202(mode: str, server: FakeAsteroidServer) -> None:
    """A gateway that rewrites the long-poll's 202 into a 200 must not end the wait early."""
    started = call(mode, server, "workflows", "execute", WORKFLOW)
    still = {"executionId": started.execution_id, "status": "running"}
    server.fail_next(200, body=json.dumps(still))
    with recorded_waits():
        execution = call(mode, server, "executions", "wait", started.execution_id, timeout=10)
    assert execution.status == "completed"
    assert len([r for r in server.requests if r.path.endswith("/sync")]) >= 2


def test_one_long_poll_may_outlast_the_clients_timeout(mode: str, server: FakeAsteroidServer) -> None:
    """The server holds the poll until the execution ends (1 s), past the client's 0.4 s timeout:
    the poll's hold is added to its read timeout and to its deadline, so one poll is enough."""
    server.lifecycle = ((0.0, "running"), (1.0, "completed"))
    options = {"timeout": 0.4, "max_retries": 0}
    started = call(mode, server, "workflows", "execute", WORKFLOW, client_options=options)
    with recorded_waits() as waits:  # a 2 s wait: one poll held 2 s, with 0.4 + 2 s to read it
        execution = call(mode, server, "executions", "wait", started.execution_id, timeout=2, client_options=options)
    assert execution.status == "completed"
    assert len([r for r in server.requests if r.path.endswith("/sync")]) == 1 and waits == []


def test_a_redirect_answering_the_long_poll_is_a_status_error(mode: str, server: FakeAsteroidServer) -> None:
    started = call(mode, server, "workflows", "execute", WORKFLOW)
    server.fail_next(307, body="", headers={"Location": "https://elsewhere.example.com/sync"})
    with pytest.raises(ae.APIStatusError) as caught:
        call(mode, server, "executions", "wait", started.execution_id, timeout=10)
    assert caught.value.status_code == 307


def test_a_client_error_with_a_location_on_the_recording_is_a_status_error(
    mode: str, server: FakeAsteroidServer
) -> None:
    finished = call(mode, server, "workflows", "run", WORKFLOW, timeout=10)
    server.fail_next(400, headers={"Location": "https://elsewhere.example.com/x.mp4"})
    with pytest.raises(ae.BadRequestError):
        call(mode, server, "executions", "recording_url", finished.id)


def test_the_long_poll_asks_for_at_most_25_seconds_and_no_more_than_the_time_left(
    mode: str, server: FakeAsteroidServer
) -> None:
    started = call(mode, server, "workflows", "execute", WORKFLOW)
    call(mode, server, "executions", "wait", started.execution_id, timeout=1000)
    call(mode, server, "executions", "wait", started.execution_id, timeout=3.2)
    holds = [r.params("timeoutSeconds") for r in server.requests if r.path.endswith("/sync")]
    assert holds[0] == ["25"] and holds[-1] == ["4"]


def test_past_the_timeout_wait_raises_a_timeout_error_with_the_id_and_last_status(
    mode: str, server: FakeAsteroidServer
) -> None:
    server.lifecycle = FOREVER
    started = call(mode, server, "workflows", "execute", WORKFLOW)
    with pytest.raises(ae.WaitTimeoutError) as caught:
        call(mode, server, "executions", "wait", started.execution_id, timeout=0.5)
    error = caught.value
    assert isinstance(error, TimeoutError) and isinstance(error, ae.AgentExecutionsError)
    assert (error.execution_id, error.last_status, error.timeout) == (started.execution_id, "running", 0.5)
    assert started.execution_id in str(error) and "running" in str(error)
    assert [r.params("timeoutSeconds") for r in server.requests if r.path.endswith("/sync")] == [["1"]]


def test_an_execution_that_failed_just_before_the_timeout_is_returned_though_its_get_outlasts_it(
    mode: str, server: FakeAsteroidServer
) -> None:
    """The long-poll says `failed` 0.3 s into a 0.5 s wait; the `get` that follows takes 1.5 s, past the
    wait's end and its second of grace. The execution finished within the wait: `wait` returns it
    (the `get` used to be cut at the wait's end, and `wait` raised `WaitTimeoutError`)."""
    failed = str(server.add(status="failed")["id"])
    server.slow_next(0.3)  # the long-poll
    server.slow_next(1.5)  # the get
    began = time.monotonic()
    execution = call(mode, server, "executions", "wait", failed, timeout=0.5, client_options={"timeout": 5})
    assert (execution.id, execution.status) == (failed, "failed")
    assert time.monotonic() - began < 4  # the wait, then one request within the client's timeout
    assert [r.path.rsplit("/", 1)[-1] for r in server.requests] == ["sync", failed]


def test_the_get_after_the_wait_is_retried_as_any_request_even_past_the_wait_s_end(
    mode: str, server: FakeAsteroidServer
) -> None:
    """A 503 asking to come back in 1.4 s, past the 0.2 s wait's end: the `get` is retried then, as the
    client's retries say (it used to give up, and the wait raised `WaitTimeoutError`)."""
    failed = str(server.add(status="failed")["id"])
    server.fail_next(503, retry_after="1.4", after=1)  # the long-poll passes; the first get is refused
    execution = call(mode, server, "executions", "wait", failed, timeout=0.2)
    assert execution.status == "failed"
    assert [r.path.rsplit("/", 1)[-1] for r in server.requests] == ["sync", failed, failed]


def test_runs_get_failing_after_the_wait_is_its_own_error_naming_the_started_execution(
    mode: str, server: FakeAsteroidServer
) -> None:
    """The `get` times out by the client's own timeout (0.8 s, no retries), after the run's 0.5 s:
    that is an `APITimeoutError`, not `WaitTimeoutError`, and it names the execution `run` started."""
    server.lifecycle = ((0.0, "running"), (0.0, "failed"))
    server.slow_next(2, after=2)  # execute and the long-poll pass; the get hangs
    before = {e["id"] for e in server.executions}
    options = {"timeout": 0.8, "max_retries": 0}
    with pytest.raises(ae.APITimeoutError) as caught:
        call(mode, server, "workflows", "run", WORKFLOW, timeout=0.5, client_options=options)
    assert not isinstance(caught.value, ae.WaitTimeoutError)
    (started,) = {e["id"] for e in server.executions} - before
    assert caught.value.execution_id == started and server.status_of(started) == "failed"
    assert f"execution {started} was started and may still be running" in str(caught.value)
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in server.requests] == [
        ("POST", "execute"),
        ("GET", "sync"),
        ("GET", started),
    ]


def test_a_paused_execution_is_not_finished_waiting_pauses_then_goes_on_until_resumed(
    mode: str, server: FakeAsteroidServer
) -> None:
    server.lifecycle = ((0.0, "running"), (0.0, "paused"), (0.01, "completed"))
    started = call(mode, server, "workflows", "execute", WORKFLOW)
    assert server.status_of(started.execution_id) == "paused"
    pauses: list[float] = []

    def resume_on_second_pause(seconds: float) -> None:
        pauses.append(seconds)
        if len(pauses) == 2:
            server.resume_execution(started.execution_id)

    async def async_resume(seconds: float) -> None:
        resume_on_second_pause(seconds)

    original = retries.sleep, retries.async_sleep
    retries.sleep, retries.async_sleep = resume_on_second_pause, async_resume  # type: ignore[assignment]
    try:
        execution = call(mode, server, "executions", "wait", started.execution_id, timeout=30)
    finally:
        retries.sleep, retries.async_sleep = original
    assert execution.status == "completed"
    assert pauses == [1.0, 2.0]  # growing, so a long pause is not polled in a tight loop


def test_awaiting_confirmation_is_answered_with_a_message(mode: str, server: FakeAsteroidServer) -> None:
    server.lifecycle = ((0.0, "running"), (0.0, "awaiting_confirmation"), (0.02, "completed"))
    started = call(mode, server, "workflows", "execute", WORKFLOW)
    assert server.status_of(started.execution_id) == "awaiting_confirmation"
    assert call(mode, server, "executions", "send_message", started.execution_id, "Yes, submit it.") is None
    assert call(mode, server, "executions", "wait", started.execution_id, timeout=10).status == "completed"
    received = [a["payload"] for a in server.activities_of(started.execution_id)]
    answers = [p["message"] for p in received if p["activityType"] == "user_message_received"]
    assert answers == ["Yes, submit it."]


# --- steering -----------------------------------------------------------------


def test_pause_resume_cancel_return_the_status_change(mode: str, server: FakeAsteroidServer) -> None:
    server.lifecycle = FOREVER
    execution_id = call(mode, server, "workflows", "execute", WORKFLOW).execution_id
    for method, status in (("pause", "paused"), ("resume", "running"), ("cancel", "cancelled")):
        change = call(mode, server, "executions", method, execution_id)
        assert isinstance(change, ae.StatusChange)
        assert (change.execution_id, change.status) == (execution_id, status)
        assert server.status_of(execution_id) == status


@pytest.mark.parametrize("method", ["cancel", "pause", "resume", "send_message"])
def test_a_transition_the_server_refuses_is_a_conflict_error(
    mode: str, server: FakeAsteroidServer, method: str
) -> None:
    finished = call(mode, server, "workflows", "run", WORKFLOW, timeout=10)
    args = (finished.id, "hello") if method == "send_message" else (finished.id,)
    with pytest.raises(ae.ConflictError) as caught:
        call(mode, server, "executions", method, *args)
    assert caught.value.status_code == 409 and "completed" in str(caught.value)
    assert len([r for r in server.requests if r.method == "POST"]) == 2  # execute, then the refused one: no retry


def test_resuming_a_running_execution_is_a_conflict(mode: str, server: FakeAsteroidServer) -> None:
    server.lifecycle = FOREVER
    execution_id = call(mode, server, "workflows", "execute", WORKFLOW).execution_id
    with pytest.raises(ae.ConflictError):
        call(mode, server, "executions", "resume", execution_id)


# --- activities, rerun, delete, recording -------------------------------------


def test_activities_are_typed_by_kind_and_an_unknown_kind_parses(mode: str, server: FakeAsteroidServer) -> None:
    finished = call(mode, server, "workflows", "run", WORKFLOW, timeout=10)
    activities = call(mode, server, "executions", "activities", finished.id)
    assert activities and all(isinstance(a, ae.ExecutionActivity) for a in activities)
    kinds = [type(a.payload).__name__ for a in activities]
    for kind in ("GenericActivity", "StatusChangedActivity", "StepStartedActivity", "ReasoningActivity"):
        assert kind in kinds
    assert kinds[-1] == "TerminalActivity"
    unknown = [a.payload for a in activities if isinstance(a.payload, ae.UnknownActivity)]
    assert len(unknown) == 1
    assert unknown[0].activity_type == "browser_snapshot_taken"
    assert unknown[0].additional_properties["url"] == "https://portal.example.com"
    completed = [a.payload for a in activities if isinstance(a.payload, ae.StatusChangedActivity)][-1]
    assert completed.status == "completed" and completed.completed_payload is not None
    newest = call(mode, server, "executions", "activities", finished.id, order="desc", limit=2)
    assert [a.id for a in newest] == [a.id for a in reversed(activities)][:2]
    only = call(mode, server, "executions", "activities", finished.id, order="desc", limit=1)  # the smallest limit
    assert [a.id for a in only] == [activities[-1].id]
    with pytest.raises(ValueError, match="limit"):
        call(mode, server, "executions", "activities", finished.id, limit=0)


def test_rerun_starts_a_new_execution_with_replaced_inputs(mode: str, server: FakeAsteroidServer) -> None:
    first = call(mode, server, "workflows", "run", WORKFLOW, inputs={"a": 1}, timeout=10)
    again = call(mode, server, "executions", "rerun", first.id, inputs={"a": 2})
    assert isinstance(again, ae.StartedExecution) and again.execution_id != first.id
    stored = {e["id"]: e for e in server.executions}
    assert stored[again.execution_id]["inputs"] == {"a": 2}
    assert stored[again.execution_id]["parentExecutionId"] == first.id
    assert stored[first.id]["hasBeenRerun"] is True


def test_delete_removes_the_execution(mode: str, server: FakeAsteroidServer) -> None:
    finished = call(mode, server, "workflows", "run", WORKFLOW, timeout=10)
    assert call(mode, server, "executions", "delete", finished.id) is None
    assert server.requests[-1].method == "DELETE"
    with pytest.raises(ae.NotFoundError):
        call(mode, server, "executions", "get", finished.id)


@pytest.mark.parametrize("follow", [False, True], ids=["own-client", "user-client-follows-redirects"])
def test_recording_url_reads_the_redirect_and_the_key_never_reaches_the_recording_host(
    mode: str, server: FakeAsteroidServer, follow: bool
) -> None:
    finished = call(mode, server, "workflows", "run", WORKFLOW, timeout=10)
    with FakeAsteroidServer(count=0, api_key="another-key") as recording_host:
        server.recording_origin = recording_host.url
        options: dict[str, Any] = {}
        if follow:
            options["http_client"] = (
                httpx.Client(follow_redirects=True) if mode == "sync" else httpx.AsyncClient(follow_redirects=True)
            )
        url = call(mode, server, "executions", "recording_url", finished.id, client_options=options)
        assert url == f"{recording_host.url}/{finished.id}.mp4"
        assert httpx.URL(url).port != httpx.URL(server.url).port  # another origin
        assert recording_host.requests == []  # not followed: nothing, and no key, went there
    assert server.requests[-1].path.endswith("/recording")


def test_no_recording_yet_is_not_found(mode: str, server: FakeAsteroidServer) -> None:
    server.lifecycle = FOREVER
    execution_id = call(mode, server, "workflows", "execute", WORKFLOW).execution_id
    with pytest.raises(ae.NotFoundError):
        call(mode, server, "executions", "recording_url", execution_id)


def test_extra_query_and_headers_reach_the_new_operations(mode: str, server: FakeAsteroidServer) -> None:
    started = call(
        mode, server, "workflows", "execute", WORKFLOW, extra_query={"dryRun": True}, extra_headers={"X-Trace": "t1"}
    )
    call(mode, server, "executions", "cancel", started.execution_id, extra_headers={"X-Trace": "t2"})
    execute, cancel = [r for r in server.requests if r.method == "POST"]
    assert execute.params("dryRun") == ["true"] and execute.headers["x-trace"] == "t1"
    assert cancel.headers["x-trace"] == "t2"


# --- safety: state-changing requests are not repeated -------------------------


def test_a_post_dropped_mid_request_is_not_retried(mode: str, server: FakeAsteroidServer) -> None:
    server.drop_connection_next()
    with recorded_waits() as waits, pytest.raises(ae.APIConnectionError):
        call(mode, server, "workflows", "execute", WORKFLOW, client_options={"max_retries": 3})
    assert len(posts(server)) == 1 and waits == []


@pytest.mark.parametrize("method", ["execute", "cancel", "send_message", "rerun", "delete"])
def test_a_state_change_answered_500_is_sent_exactly_once(mode: str, server: FakeAsteroidServer, method: str) -> None:
    execution_id = server.executions[0]["id"]
    server.fail_next(500)
    args: tuple[Any, ...] = {
        "execute": (WORKFLOW,),
        "send_message": (execution_id, "hi"),
    }.get(method, (execution_id,))
    resource = "workflows" if method == "execute" else "executions"
    with recorded_waits() as waits, pytest.raises(ae.InternalServerError):
        call(mode, server, resource, method, *args, client_options={"max_retries": 3})
    assert len([r for r in server.requests if r.method != "GET"]) == 1 and waits == []


def test_a_state_change_refused_with_429_and_retry_after_is_retried(mode: str, server: FakeAsteroidServer) -> None:
    server.fail_next(429, retry_after=2)
    with recorded_waits() as waits:
        started = call(mode, server, "workflows", "execute", WORKFLOW)
    assert waits == [2.0] and len(posts(server)) == 2 and started.execution_id


@pytest.mark.parametrize("status", [409, 503])
def test_a_retry_after_on_another_status_does_not_make_a_post_retried(
    mode: str, server: FakeAsteroidServer, status: int
) -> None:
    """Only a 429 says the request was refused unread; a 503 (or 409) may have acted on it, Retry-After or not."""
    server.fail_next(status, retry_after=1)
    with recorded_waits() as waits, pytest.raises(ae.APIStatusError):
        call(mode, server, "workflows", "execute", WORKFLOW, client_options={"max_retries": 3})
    assert len(posts(server)) == 1 and waits == []


def test_a_429_without_retry_after_on_a_post_is_not_retried(mode: str, server: FakeAsteroidServer) -> None:
    server.fail_next(429)
    with recorded_waits(), pytest.raises(ae.RateLimitError):
        call(mode, server, "workflows", "execute", WORKFLOW)
    assert len(posts(server)) == 1


def test_a_post_to_a_refused_connection_is_retried(mode: str) -> None:
    with FakeAsteroidServer(count=0) as closed:
        base_url, key = closed.base_url, closed.api_key
    with recorded_waits() as waits, pytest.raises(ae.APIConnectionError):
        if mode == "sync":
            with ae.AsteroidClient(api_key=key, base_url=base_url, max_retries=2) as client:
                client.workflows.execute(WORKFLOW)
        else:

            async def main() -> None:
                async with ae.AsyncAsteroidClient(api_key=key, base_url=base_url, max_retries=2) as client:
                    await client.workflows.execute(WORKFLOW)

            asyncio.run(main())
    assert len(waits) == 2  # nothing was sent, so both retries ran


@pytest.mark.parametrize(
    ("outcome", "retried"),
    [
        (httpx.ConnectError("refused"), True),
        (httpx.ConnectTimeout("no connection"), True),
        (httpx.PoolTimeout("no free connection"), True),
        (httpx.ReadTimeout("sent, no answer"), False),
        (httpx.RemoteProtocolError("dropped"), False),
        (httpx.ReadError("reset"), False),
        (httpx.WriteError("half sent"), False),
    ],
)
def test_a_post_is_retried_only_for_errors_raised_before_sending(outcome: Exception, retried: bool) -> None:
    policy = retries.RetryPolicy(2)
    post = httpx.Request("POST", "https://example.com/workflows/x/execute")
    get = httpx.Request("GET", "https://example.com/executions/x")
    assert policy.is_retryable(post, outcome) is retried  # type: ignore[arg-type]
    assert policy.is_retryable(get, outcome) is True  # type: ignore[arg-type]


# --- arguments are checked before any request ---------------------------------


@pytest.mark.parametrize(
    ("resource", "method", "args", "kwargs", "error", "names"),
    [
        ("workflows", "execute", ("not-a-uuid",), {}, ValueError, "workflow_id"),
        ("workflows", "execute", (WORKFLOW,), {"inputs": {"when": object()}}, ValueError, "inputs"),
        ("workflows", "execute", (WORKFLOW,), {"inputs": [1]}, TypeError, "inputs"),
        ("workflows", "execute", (WORKFLOW,), {"metadata": {"n": 1}}, TypeError, "metadata"),
        ("workflows", "execute", (WORKFLOW,), {"version": 2, "head": True}, ValueError, "version"),
        ("workflows", "execute", (WORKFLOW,), {"version": 0}, ValueError, "version"),
        ("workflows", "execute", (WORKFLOW,), {"head": "yes"}, TypeError, "head"),
        ("workflows", "execute", (WORKFLOW,), {"profile_id": "p"}, ValueError, "profile_id"),
        ("workflows", "execute", (WORKFLOW,), {"queue_if_busy": 1}, TypeError, "queue_if_busy"),
        ("workflows", "run", (WORKFLOW,), {"timeout": -1}, ValueError, "timeout"),
        ("workflows", "run", (WORKFLOW,), {"timeout": "5"}, TypeError, "timeout"),
        ("executions", "wait", ("x",), {}, ValueError, "execution_id"),
        ("executions", "wait", (WORKFLOW,), {"timeout": float("inf")}, ValueError, "timeout"),
        ("executions", "wait", (WORKFLOW,), {"extra_headers": {api_shape.AUTH_HEADER: "k"}}, ValueError, "extra"),
        ("executions", "cancel", (None,), {}, TypeError, "execution_id"),
        ("executions", "send_message", (WORKFLOW, "  "), {}, ValueError, "message"),
        ("executions", "send_message", (WORKFLOW, 5), {}, TypeError, "message"),
        ("executions", "activities", (WORKFLOW,), {"order": "up"}, ValueError, "order"),
        ("executions", "activities", (WORKFLOW,), {"limit": 0}, ValueError, "limit"),
        ("executions", "rerun", (WORKFLOW,), {"inputs": {"x": float("nan")}}, ValueError, "inputs"),
        ("executions", "delete", ("",), {}, ValueError, "execution_id"),
        ("executions", "recording_url", (WORKFLOW,), {"extra_query": [1]}, TypeError, "extra_query"),
    ],
)
def test_bad_arguments_fail_before_any_request(
    mode: str,
    server: FakeAsteroidServer,
    resource: str,
    method: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    error: type[Exception],
    names: str,
) -> None:
    with pytest.raises(error, match=names):
        call(mode, server, resource, method, *args, **kwargs)
    assert server.requests == []


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_long_poll_that_never_answers_ends_at_the_waits_timeout(mode: str) -> None:
    """Each long-poll is one attempt bounded by the time left, so `wait` cannot overrun its timeout by
    the client's timeout times its retries (a review saw 10.5 s for `timeout=3`)."""
    with FakeAsteroidServer(seed=1, count=3) as server:
        options = {"api_key": server.api_key, "base_url": server.base_url, "timeout": 2, "max_retries": 1}
        with ae.AsteroidClient(**options) as client:
            started = client.workflows.execute(WORKFLOW)
        server.slow_next(8, times=5)  # every long-poll hangs past the wait
        began = time.monotonic()
        with pytest.raises(ae.WaitTimeoutError) as caught:
            if mode == "sync":
                with ae.AsteroidClient(**options) as client:
                    client.executions.wait(started.execution_id, timeout=2)
            else:

                async def main() -> None:
                    async with ae.AsyncAsteroidClient(**options) as client:
                        await client.executions.wait(started.execution_id, timeout=2)

                asyncio.run(main())
        assert time.monotonic() - began < 5.5  # the timeout, the server's whole-second grace, some slack
        assert caught.value.execution_id == started.execution_id
        server.faults.clear()


def test_a_recording_location_that_is_not_a_url_is_a_typed_error() -> None:
    with FakeAsteroidServer(seed=1, count=3) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, max_retries=0) as client:
            target = server.executions[0]["id"]
            server.fail_next(302, headers={"Location": "javascript:alert(1)"}, body="")
            with pytest.raises(ae.ResponseValidationError, match="Location is not a URL"):
                client.executions.recording_url(target)
        server.violations.clear()


def test_a_lone_surrogate_is_refused_before_any_request() -> None:
    with FakeAsteroidServer(seed=1, count=3) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            target = server.executions[0]["id"]
            with pytest.raises(ValueError, match="message must be valid Unicode"):
                client.executions.send_message(target, "a\ud800b")
            with pytest.raises(ValueError, match="inputs must hold only JSON values"):
                client.workflows.execute(WORKFLOW, inputs={"a": "x\ud800"})
        assert server.requests == []
