"""The lifecycle commands of the command line (run, cancel, pause, resume, message, activities,
recording), run as a subprocess against the fake Asteroid server."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import agent_executions as ae
import pytest
from agent_executions.testing import FakeAsteroidServer

WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"
RUNNING = ((0.0, "running"),)


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=5, count=3) as fake:
        fake.lifecycle = ((0.0, "starting"), (0.02, "running"), (0.05, "completed"))
        yield fake


def cli(server: FakeAsteroidServer, command: str, *args: str) -> subprocess.CompletedProcess[str]:
    options = ["--api-key", server.api_key, "--base-url", server.base_url]
    argv = [sys.executable, "-m", "agent_executions", "asteroid", command, *options, *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)


def start(server: FakeAsteroidServer) -> str:
    done = cli(server, "run", WORKFLOW)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_run_with_wait_prints_the_result_and_reads_inputs_as_json_or_text(server: FakeAsteroidServer) -> None:
    done = cli(server, "run", WORKFLOW, "--input", "customer=42", "--input", "name=Ada", "--wait", "--timeout", "30")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)  # one object, not a list of one (issue 23)
    assert record["status"] == "completed" and record["inputs"] == {"customer": 42, "name": "Ada"}
    assert "\r" not in done.stderr  # the live status line is for terminals only


@pytest.mark.parametrize(("outcome", "code"), [("failed", 6), ("cancelled", 7)])
def test_run_with_wait_exits_with_the_outcome_s_own_code(server: FakeAsteroidServer, outcome: str, code: int) -> None:
    server.lifecycle = ((0.0, "running"), (0.05, outcome))
    done = cli(server, "run", WORKFLOW, "--wait")
    assert done.returncode == code, done.stderr
    assert json.loads(done.stdout)["status"] == outcome


def test_run_past_the_timeout_exits_8_naming_the_execution(server: FakeAsteroidServer) -> None:
    server.lifecycle = RUNNING
    done = cli(server, "run", WORKFLOW, "--wait", "--timeout", "0.5")
    assert done.returncode == 8
    assert "WaitTimeoutError" in done.stderr and "running" in done.stderr and done.stdout == ""


def test_wait_exits_6_for_an_execution_that_failed_just_before_the_timeout_though_its_get_outlasts_it(
    server: FakeAsteroidServer,
) -> None:
    """The long-poll says `failed` 0.3 s into a 0.5 s wait; the `get` of the result takes 1.5 s, past the
    wait's end: the execution finished within the wait, so the exit is its own 6, not 8."""
    failed = str(server.add(status="failed")["id"])
    server.slow_next(0.3)  # the long-poll
    server.slow_next(1.5)  # the get
    done = cli(server, "wait", failed, "--timeout", "0.5")
    assert done.returncode == 6, done.stderr
    assert json.loads(done.stdout)["status"] == "failed"


def test_run_with_wait_exits_6_when_the_get_of_the_failed_result_outlasts_the_timeout(
    server: FakeAsteroidServer,
) -> None:
    server.lifecycle = ((0.0, "running"), (0.0, "failed"))
    server.slow_next(1.5, after=2)  # execute and the long-poll answer at once; the get takes 1.5 s
    done = cli(server, "run", WORKFLOW, "--wait", "--timeout", "0.3")
    assert done.returncode == 6, done.stderr
    assert json.loads(done.stdout)["status"] == "failed"


def test_run_without_wait_prints_the_id(server: FakeAsteroidServer) -> None:
    execution_id = start(server)
    assert execution_id in {e["id"] for e in server.executions}


@pytest.mark.parametrize("args", [["--input", "novalue"], ["--timeout", "-3"], ["--version", "x"]])
def test_bad_run_arguments_are_usage_errors(server: FakeAsteroidServer, args: list[str]) -> None:
    assert cli(server, "run", WORKFLOW, *args).returncode == 2
    assert server.requests == []


def test_steering_commands_print_the_status_change_and_refusals_exit_5(server: FakeAsteroidServer) -> None:
    server.lifecycle = RUNNING
    execution_id = start(server)
    for verb, status in (("pause", "paused"), ("resume", "running"), ("cancel", "cancelled")):
        done = cli(server, verb, execution_id)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {"executionId": execution_id, "status": status}
    refused = cli(server, "pause", execution_id)
    assert refused.returncode == 5 and "ConflictError" in refused.stderr


def test_message_reaches_the_agent(server: FakeAsteroidServer) -> None:
    server.lifecycle = RUNNING
    execution_id = start(server)
    done = cli(server, "message", execution_id, "Use the EU portal.")
    assert done.returncode == 0, done.stderr
    messages = [a["payload"] for a in server.activities_of(execution_id)]
    assert {"activityType": "user_message_received", "message": "Use the EU portal."}.items() <= messages[-1].items()


def test_activities_follow_prints_each_once_until_the_execution_ends(server: FakeAsteroidServer) -> None:
    server.lifecycle = ((0.0, "running"), (0.3, "completed"))
    execution_id = start(server)
    done = cli(server, "activities", execution_id, "--follow")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["id"] for line in lines] == [a["id"] for a in server.activities_of(execution_id)]
    kinds = [line["payload"]["activityType"] for line in lines]
    assert "browser_snapshot_taken" in kinds and kinds[-1] == "terminal"


def test_recording_prints_the_url_the_server_redirects_to(server: FakeAsteroidServer) -> None:
    done = cli(server, "run", WORKFLOW, "--wait")
    execution_id = json.loads(done.stdout)["id"]
    recording = cli(server, "recording", execution_id)
    assert recording.returncode == 0
    assert recording.stdout.strip() == f"{server.recording_origin}/{execution_id}.mp4"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_run_with_wait_shows_a_live_status_line_on_a_terminal_and_clears_it(server: FakeAsteroidServer) -> None:
    import os
    import pty

    server.lifecycle = ((0.0, "running"), (0.3, "completed"))
    controller, terminal = pty.openpty()
    options = ["--api-key", server.api_key, "--base-url", server.base_url]
    argv = [sys.executable, "-m", "agent_executions", "asteroid", "run", *options, WORKFLOW, "--wait"]
    try:
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=terminal, text=True, timeout=60, check=False)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal side is closed: everything was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert done.returncode == 0
    record = json.loads(done.stdout)
    line = shown.decode()
    assert f"\r\x1b[K{record['id']}: starting" in line  # the live line names the execution and its status
    assert line.endswith("\r\x1b[K")  # and is cleared before the result is printed


def test_activities_on_a_terminal_show_server_text_as_text() -> None:
    """Escape sequences, CR/LF and bidi overrides in an activity reach the terminal as visible escapes."""
    from agent_executions.cli._lifecycle import describe

    with FakeAsteroidServer(seed=1, count=3) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            execution_id = client.workflows.execute("6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10").execution_id
            client.executions.send_message(execution_id, "hi\x1b[2J\x1b]0;pwned\x07 \u202eevil\r\nFAKE LINE")
            lines = [describe(activity) for activity in client.executions.activities(execution_id)]
    shown = next(line for line in lines if "FAKE LINE" in line)
    assert "\x1b" not in shown and "\r" not in shown and "\n" not in shown and "\u202e" not in shown
    assert "\\x1b[2J" in shown


def test_the_live_status_line_shows_a_servers_escape_sequences_instead_of_running_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A stand-in client: the status comes from the server's long-poll answer, whatever it holds."""
    from agent_executions.cli._lifecycle import wait_with_status_line

    hostile = "\x1b]0;pwned\x07\x1b[2Jrunning"
    answers: list[Any] = [ae.WaitTimeoutError("still", execution_id="e1", last_status=hostile, timeout=1), "done"]

    class Executions:
        def wait(self, execution_id: str, timeout: float) -> Any:
            answer = answers.pop(0)
            if isinstance(answer, BaseException):
                raise answer
            return answer

    class Client:
        executions = Executions()

    assert wait_with_status_line(Client(), "e1", timeout=30) == "done"
    shown = capsys.readouterr().err
    assert "e1: \\x1b]0;pwned\\x07\\x1b[2Jrunning" in shown
    assert "\x1b]0;" not in shown and "\x07" not in shown


@pytest.mark.parametrize("option", ["--input", "--metadata"])
def test_a_key_given_twice_to_run_is_refused_before_any_request(server: FakeAsteroidServer, option: str) -> None:
    done = cli(server, "run", WORKFLOW, option, "a=1", option, "a=2")
    assert done.returncode == 2 and f"{option} a=... was given twice" in done.stderr
    assert server.requests == []
