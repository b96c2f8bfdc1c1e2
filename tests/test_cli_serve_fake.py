"""`agent-executions serve-fake`: a fake that outlives one command (issue 23, item 13), run as a
real process that other processes of the command line talk to."""

from __future__ import annotations

import datetime
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from agent_executions.testing import FakeAsteroidServer

WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"
CLI = [sys.executable, "-m", "agent_executions"]
SHAPE = FakeAsteroidServer(count=0).shape
"""The pinned spec's paths and auth header, as the fake serves them."""


class Served:
    """A running `serve-fake` process and what it printed: base URL, key, and the export line's variables."""

    def __init__(self, *args: str, ignore_sigint: bool = False) -> None:
        def ignoring() -> None:  # as `serve-fake ... &` in a script starts it
            signal.signal(signal.SIGINT, signal.SIG_IGN)

        self.process = subprocess.Popen(
            [*CLI, "serve-fake", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=ignoring if ignore_sigint else None,
        )
        assert self.process.stdout is not None
        self.lines = [self.process.stdout.readline() for _ in range(3)]
        exported = self.lines[2].strip()
        assert exported.startswith("export "), (self.lines, self.stop())
        self.env = dict(pair.split("=", 1) for pair in shlex.split(exported[len("export ") :]))

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, **self.env}
        return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60, env=env, check=False)

    def stop(self, signum: int = signal.SIGINT) -> tuple[int, str]:
        if self.process.poll() is None:
            self.process.send_signal(signum)
        _, err = self.process.communicate(timeout=30)
        return self.process.returncode, err


@pytest.fixture
def asteroid() -> Iterator[Served]:
    served = Served("asteroid", "--count", "5")
    yield served
    served.stop()


def test_it_prints_where_it_serves_and_commands_share_its_state(asteroid: Served) -> None:
    base_url = asteroid.env["ASTEROID_BASE_URL"]
    assert asteroid.lines[0].strip() == f"base URL: {base_url}"
    assert base_url.startswith("http://127.0.0.1:") and base_url.endswith(SHAPE.server_path)
    assert asteroid.env["ASTEROID_API_KEY"] == "test-key" and "test-key" in asteroid.lines[1]
    before = datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=1)
    started = asteroid.cli("asteroid", "run", WORKFLOW, "--metadata", "team=ops", "--input", "n=1")
    assert started.returncode == 0, started.stderr
    execution_id = started.stdout.strip()
    shown = asteroid.cli("asteroid", "get", execution_id, "--format", "json")  # another process: it is there
    assert shown.returncode == 0, shown.stderr
    record: dict[str, Any] = json.loads(shown.stdout)
    assert record["metadata"] == {"team": "ops"} and record["inputs"] == {"n": 1}
    created = datetime.datetime.fromisoformat(record["createdAt"])
    assert before <= created <= datetime.datetime.now(datetime.UTC)
    activities = asteroid.cli("asteroid", "activities", execution_id)
    assert activities.returncode == 0 and activities.stdout.strip(), activities.stderr
    listed = asteroid.cli("asteroid", "list", "--all", "--format", "jsonl")
    assert len(listed.stdout.splitlines()) == 6  # the five seeded and the new one
    code, err = asteroid.stop()
    assert code == 0 and "stopped" in err
    assert "Ctrl-C" in err and "test-key" not in err.replace("--api-key", "")


def test_ctrl_c_stops_it_even_when_started_in_the_background() -> None:
    served = Served("asteroid", "--count", "1", ignore_sigint=True)
    code, err = served.stop(signal.SIGINT)
    assert code == 0 and "stopped" in err


def test_sigterm_stops_it_cleanly(asteroid: Served) -> None:
    assert asteroid.cli("asteroid", "list", "--limit", "1").returncode == 0
    code, err = asteroid.stop(signal.SIGTERM)
    assert code == 0 and "stopped" in err and "Traceback" not in err


def test_zaia_with_its_own_key_port_and_no_validation() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    served = Served("zaia", "--port", str(port), "--api-key", "k-123", "--no-validate", "--seed", "3", "--count", "4")
    try:
        assert served.env == {"ZAIA_BASE_URL": f"http://127.0.0.1:{port}", "ZAIA_API_KEY": "k-123"}
        listed = served.cli("zaia", "list", "--format", "jsonl")
        assert listed.returncode == 0, listed.stderr
        assert len(listed.stdout.splitlines()) >= 4
        wrong = served.cli("zaia", "list", "--api-key", "other")
        assert wrong.returncode == 3
    finally:
        code, err = served.stop()
    assert code == 0 and "not validating" in err


def test_a_port_in_use_is_a_usage_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*CLI, "serve-fake", "asteroid", "--port", str(port)], capture_output=True, text=True, timeout=60
        )
    assert done.returncode == 2 and f"--port {port}" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["asteroid", "--port", "70000"], "--port"),
        (["asteroid", "--port", "x"], "--port"),
        (["asteroid", "--count", "-1"], "--count"),
        (["asteroid", "--seed", "1.5"], "--seed"),
        (["vendorx"], "api"),
    ],
)
def test_bad_settings_are_refused_before_serving(args: list[str], named: str) -> None:
    done = subprocess.run([*CLI, "serve-fake", *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and named in done.stderr and done.stdout == ""


def test_fake_is_taken_at_the_vendor_level_too() -> None:
    for argv in (["asteroid", "--fake", "list"], ["--fake", "asteroid", "list"], ["asteroid", "list", "--fake"]):
        done = subprocess.run([*CLI, *argv, "--limit", "2", "--format", "jsonl"], capture_output=True, text=True)
        assert done.returncode == 0, (argv, done.stderr)
        assert len(done.stdout.splitlines()) == 2


@pytest.mark.parametrize("key", ["has space", "clé", " padded ", "new\nline", ""])
def test_a_key_no_client_could_send_is_refused(key: str) -> None:
    done = subprocess.run(
        [*CLI, "serve-fake", "asteroid", "--api-key", key], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2 and "--api-key" in done.stderr and done.stdout == ""


def test_a_body_that_is_not_json_is_refused_and_stores_nothing(asteroid: Served) -> None:
    import httpx

    base, key = asteroid.env["ASTEROID_BASE_URL"], asteroid.env["ASTEROID_API_KEY"]
    headers = {SHAPE.auth_header: SHAPE.auth_prefix + key, "Content-Type": "application/json"}
    url = SHAPE.api_root(base) + SHAPE.operation("WorkflowExecute").path_for(workflow_id=WORKFLOW)
    for body in (b'{"inputs": {"a": NaN}}', b'{"inputs": {"a": Infinity}}', b"[" * 100_000 + b"]" * 100_000):
        answer = httpx.post(url, content=body, headers=headers)
        assert answer.status_code == 400 and "not JSON" in answer.json()["message"]
    listed = asteroid.cli("asteroid", "list", "--all", "--format", "jsonl")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 5


def test_fake_and_a_base_url_or_key_together_are_refused() -> None:
    for extra in (["--base-url", "https://example.invalid"], ["--api-key", "k"]):
        done = subprocess.run([*CLI, "--fake", "asteroid", "list", *extra], capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and extra[0] in done.stderr and done.stdout == ""
