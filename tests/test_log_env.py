"""`AGENT_EXECUTIONS_LOG=debug|info` turns the SDK's logging on, to stderr, without code (issue 23)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from agent_executions.testing import FakeAsteroidServer

PROGRAM = """
import sys
import agent_executions as ae
client = ae.AsteroidClient(api_key=sys.argv[1], base_url=sys.argv[2])
client.executions.get(sys.argv[3])
try:
    client.executions.get("00000000-0000-4000-8000-000000000000")
except ae.NotFoundError:
    pass
print("done")
"""


def run(level: str | None, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "AGENT_EXECUTIONS_LOG"}
    if level is not None:
        env["AGENT_EXECUTIONS_LOG"] = level
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


@pytest.mark.parametrize("level", ["info", "DEBUG", " debug "])
def test_the_level_named_logs_each_request_to_stderr_without_the_key(level: str) -> None:
    with FakeAsteroidServer(seed=2, count=1) as server:
        execution = server.executions[0]["id"]
        done = run(level, server.api_key, server.base_url, execution)
    assert done.returncode == 0 and done.stdout == "done\n", done.stderr
    lines = done.stderr.splitlines()
    assert any("httpx INFO" in line and f"/executions/{execution}" in line and "200 OK" in line for line in lines)
    debug = [line for line in lines if "agent_executions DEBUG" in line]
    assert (len(debug) >= 2) == (level.strip().lower() == "debug"), done.stderr
    assert server.api_key not in done.stderr


def test_unset_or_empty_logs_nothing() -> None:
    with FakeAsteroidServer(seed=2, count=1) as server:
        for level in (None, ""):
            done = run(level, server.api_key, server.base_url, server.executions[0]["id"])
            assert (done.returncode, done.stdout, done.stderr) == (0, "done\n", "")


def test_an_unknown_level_is_a_warning_and_the_program_runs() -> None:
    with FakeAsteroidServer(seed=2, count=1) as server:
        done = run("loud", server.api_key, server.base_url, server.executions[0]["id"])
    assert done.returncode == 0 and done.stdout == "done\n"
    assert "AGENT_EXECUTIONS_LOG takes debug or info, not 'loud'" in done.stderr
    assert "HTTP Request" not in done.stderr


def test_the_command_line_prints_a_warning_once_with_it() -> None:
    with FakeAsteroidServer(seed=2, count=3) as server:
        env = {**os.environ, "AGENT_EXECUTIONS_LOG": "info"}
        command = [sys.executable, "-m", "agent_executions", "asteroid", "list", "--api-key", server.api_key]
        command += ["--base-url", server.base_url, "--status", "faild", "--format", "jsonl"]
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.stderr.count("'faild' is not one the pinned spec lists") == 1, done.stderr
    assert "HTTP Request" in done.stderr


def test_a_typo_is_no_crash_even_with_warnings_as_errors() -> None:
    """Review of issue 23: `-W error` turned the warning about an unknown level into an ImportError."""
    env = {**os.environ, "AGENT_EXECUTIONS_LOG": "bogus"}
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import agent_executions; print('ok')"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout == "ok\n"
    assert done.stderr == "agent-executions: warning: AGENT_EXECUTIONS_LOG takes debug or info, not 'bogus'; ignored\n"


def test_the_handler_writes_to_stderr_as_it_is_at_each_record() -> None:
    program = (
        "import contextlib, io, logging, agent_executions\n"
        "buffer = io.StringIO()\n"
        "with contextlib.redirect_stderr(buffer):\n"
        "    logging.getLogger('agent_executions').info('into the buffer')\n"
        "print(repr(buffer.getvalue()))\n"
    )
    env = {**os.environ, "AGENT_EXECUTIONS_LOG": "info"}
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert "into the buffer" in done.stdout and "into the buffer" not in done.stderr
