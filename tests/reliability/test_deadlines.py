"""Deadlines that cover every step (issue 22, items 4-8): `wait` and `run` end within their
`timeout` whatever step hangs or asks to be retried later, a stopped listing does not sleep on,
and an execution that was started is never lost in an error."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

import agent_executions as ae
import pytest
from agent_executions.testing import FakeAsteroidServer

WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=3, count=30) as fake:
        yield fake


def client_call(mode: str, server: FakeAsteroidServer, resource: str, method: str, *args: Any, **kwargs: Any) -> Any:
    options = {"api_key": server.api_key, "base_url": server.base_url, "timeout": 30.0}
    if mode == "sync":
        with ae.AsteroidClient(**options) as client:
            return getattr(getattr(client, resource), method)(*args, **kwargs)

    async def main() -> Any:
        async with ae.AsyncAsteroidClient(**options) as client:
            return await getattr(getattr(client, resource), method)(*args, **kwargs)

    return asyncio.run(main())


def finished(server: FakeAsteroidServer) -> str:
    return str(next(e["id"] for e in server.executions if e["status"] == "completed"))


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_fetch_after_the_long_poll_is_not_cut_at_the_wait_s_end(server: FakeAsteroidServer, mode: str) -> None:
    """The execution finished within the wait: the GET of its result is an ordinary request (the
    client's timeout and retries), so a slow one returns the execution, past the wait's end."""
    server.slow_next(2, after=1)  # the long-poll answers at once; the GET that follows takes 2 s
    began = time.monotonic()
    execution = client_call(mode, server, "executions", "wait", finished(server), timeout=0.5)
    assert execution.status == "completed"
    assert 2 <= time.monotonic() - began < 6  # past the wait's 0.5 s and its second of grace


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_retry_after_beyond_the_time_left_ends_the_wait_at_once(server: FakeAsteroidServer, mode: str) -> None:
    server.fail_next(503, retry_after=20, times=5)
    running = str(server.add(status="running")["id"])
    began = time.monotonic()
    with pytest.raises(ae.WaitTimeoutError) as caught:
        client_call(mode, server, "executions", "wait", running, timeout=2)
    assert time.monotonic() - began < 5
    assert isinstance(caught.value.__cause__, ae.InternalServerError)
    assert len(server.requests) == 1


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_run_bounds_the_start_by_its_timeout(server: FakeAsteroidServer, mode: str) -> None:
    server.slow_next(20)  # the execute POST hangs
    began = time.monotonic()
    with pytest.raises(ae.APITimeoutError):
        client_call(mode, server, "workflows", "run", WORKFLOW, timeout=1)
    assert time.monotonic() - began < 5


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_wait_that_fails_after_the_start_names_the_execution(server: FakeAsteroidServer, mode: str) -> None:
    server.lifecycle = ((0.0, "starting"), (0.0, "running"))
    server.fail_next(502, times=10, after=1)  # execute succeeds; every long-poll then fails
    with pytest.raises(ae.InternalServerError) as caught:
        client_call(mode, server, "workflows", "run", WORKFLOW, timeout=60)
    started = server.requests[0]
    assert started.method == "POST"
    execution_id = caught.value.execution_id
    assert execution_id is not None and execution_id in {e["id"] for e in server.executions}
    assert f"execution {execution_id} was started and may still be running" in str(caught.value)


def test_the_command_line_names_the_started_execution_when_the_wait_fails(server: FakeAsteroidServer) -> None:
    import subprocess
    import sys

    server.lifecycle = ((0.0, "starting"), (0.0, "running"))
    server.fail_next(502, times=10, after=1)
    command = [sys.executable, "-m", "agent_executions", "asteroid", "run", WORKFLOW, "--wait", "--timeout", "60"]
    command += ["--api-key", server.api_key, "--base-url", server.base_url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    assert "was started and may still be running" in done.stderr, done.stderr


def test_stopping_a_concurrent_listing_does_not_sleep_through_a_retry_after(server: FakeAsteroidServer) -> None:
    """Ctrl-C while the workers sleep on `429, Retry-After: 20`: control returns at once, not after their sleep."""
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, timeout=5.0) as client:
        pager = client.executions.list(page_size=5, concurrency=4)
        server.fail_next(429, retry_after=20, times=50, after=1)  # every page after the first waits 20 s
        threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
        began = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            for _ in pager:
                pass
        assert time.monotonic() - began < 6  # the second before Ctrl-C, then the stop: not the 20 s asleep
