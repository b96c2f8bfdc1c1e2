"""FakeAsteroidServer's execution lifecycle, by raw HTTP requests (no SDK client)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer

WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=9, count=3) as fake:
        fake.lifecycle = ((0.0, "starting"), (0.0, "running"))
        yield fake


def execute(server: FakeAsteroidServer, body: dict[str, object] | None = None) -> httpx.Response:
    url = server.url_for("WorkflowExecute", workflow_id=WORKFLOW)
    return httpx.post(url, json=body or {}, headers=server.auth_headers)


def test_execute_answers_202_and_stores_a_running_execution(server: FakeAsteroidServer) -> None:
    answer = execute(server, {"inputs": {"a": 1}})
    assert answer.status_code == 202
    execution_id = answer.json()["executionId"]
    assert server.status_of(execution_id) == "running"
    stored = next(e for e in server.executions if e["id"] == execution_id)
    assert stored["inputs"] == {"a": 1} and stored["workflowId"] == WORKFLOW


def test_version_and_head_together_are_refused(server: FakeAsteroidServer) -> None:
    assert execute(server, {"version": 2, "head": True}).status_code == 400


def test_the_long_poll_honours_timeout_seconds_and_answers_202_while_running(server: FakeAsteroidServer) -> None:
    execution_id = execute(server).json()["executionId"]
    url = server.url_for("ExecutionSyncGet", execution_id=execution_id)
    answer = httpx.get(url, params={"timeoutSeconds": 1}, headers=server.auth_headers, timeout=10)
    assert answer.status_code == 202 and answer.json() == {"executionId": execution_id, "status": "running"}
    server.finish(execution_id, "failed")
    done = httpx.get(url, params={"timeoutSeconds": 25}, headers=server.auth_headers, timeout=10)
    assert done.status_code == 200 and done.json()["status"] == "failed"
    assert done.json()["executionResult"]["outcome"] == "failure"
    too_long = httpx.get(url, params={"timeoutSeconds": 26}, headers=server.auth_headers)
    assert too_long.status_code == 400


def test_paused_and_awaiting_confirmation_answer_202_at_once(server: FakeAsteroidServer) -> None:
    execution_id = execute(server).json()["executionId"]
    url = server.url_for("ExecutionSyncGet", execution_id=execution_id)
    for drive in (server.pause_execution, server.await_confirmation):
        drive(execution_id)
        answer = httpx.get(url, params={"timeoutSeconds": 25}, headers=server.auth_headers, timeout=3)
        assert answer.status_code == 202
        server.resume_execution(execution_id)


def test_refused_transitions_are_409(server: FakeAsteroidServer) -> None:
    execution_id = execute(server).json()["executionId"]
    resume = server.url_for("ExecutionResume", execution_id=execution_id)
    assert httpx.post(resume, headers=server.auth_headers).status_code == 409  # it is running
    server.finish(execution_id)
    for operation in ("ExecutionCancel", "ExecutionPause"):
        url = server.url_for(operation, execution_id=execution_id)
        assert httpx.post(url, headers=server.auth_headers).status_code == 409
    rerun = server.url_for("ExecutionRerun", execution_id=execution_id)
    assert httpx.post(rerun, json={}, headers=server.auth_headers).status_code == 202


def test_the_recording_redirect_points_to_another_origin(server: FakeAsteroidServer) -> None:
    execution_id = execute(server).json()["executionId"]
    server.finish(execution_id)
    url = server.url_for("ExecutionRecordingRedirect", execution_id=execution_id)
    answer = httpx.get(url, headers=server.auth_headers, follow_redirects=False)
    assert answer.status_code == 307
    assert httpx.URL(answer.headers["location"]).host != httpx.URL(server.url).host


def test_faults_apply_to_the_new_operations(server: FakeAsteroidServer) -> None:
    server.fail_next(503)
    assert execute(server).status_code == 503
    assert execute(server).status_code == 202
    assert [r.method for r in server.requests] == ["POST", "POST"]


def test_a_deleted_execution_is_gone_with_its_activities(server: FakeAsteroidServer) -> None:
    execution_id = execute(server).json()["executionId"]
    assert server.activities_of(execution_id)
    url = server.url_for("ExecutionDelete", execution_id=execution_id)
    assert httpx.delete(url, headers=server.auth_headers).status_code == 204
    assert server.activities_of(execution_id) == []
    assert (
        httpx.get(server.url_for("ExecutionGet", execution_id=execution_id), headers=server.auth_headers).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("plan", "error", "match"),
    [
        ("running", TypeError, "sequence of"),
        (((0, "running"), (1,)), TypeError, r"lifecycle\[1\] must be a \(seconds, status\) pair"),
        (((-1, "running"),), ValueError, "finite number >= 0"),
        (((float("nan"), "running"),), ValueError, "finite number >= 0"),
        (((0, "bogus"),), ValueError, "'bogus' is not a status of the pinned spec"),
        (((0, "completed"), (1, "running")), ValueError, "after the terminal status 'completed'"),
    ],
)
def test_a_bad_lifecycle_fails_when_set_and_leaves_the_fake_working(
    plan: Any, error: type[Exception], match: str
) -> None:
    with FakeAsteroidServer(seed=1, count=2) as server:
        before = server.lifecycle
        with pytest.raises(error, match=match):
            server.lifecycle = plan
        assert server.lifecycle == before
        server.lifecycle = [(0, "running"), (0.5, "completed")]
        assert server.lifecycle == ((0.0, "running"), (0.5, "completed"))
