"""The `agent-executions` command line, run as a subprocess against the fake servers."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer


def cli(
    server: FakeAsteroidServer | FakeZaiaServer | None, *args: str, key: str | None = None
) -> subprocess.CompletedProcess[str]:
    options = [] if server is None else ["--api-key", key or server.api_key, "--base-url", server.base_url]
    command = [sys.executable, "-m", "agent_executions", *args[:2], *options, *args[2:]]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def ids_newest_first(server: FakeAsteroidServer | FakeZaiaServer) -> list[str]:
    return [i["id"] for i in sorted(server.executions, key=lambda i: (i["createdAt"], i["id"]), reverse=True)]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_each_format_parses_back_to_the_same_executions(asteroid_server: FakeAsteroidServer, fmt: str) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--all", "--format", fmt)
    assert done.returncode == 0, done.stderr
    if fmt == "json":
        records = json.loads(done.stdout)
    elif fmt == "jsonl":
        records = [json.loads(line) for line in done.stdout.splitlines()]
    else:
        records = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["id"] for r in records] == ids_newest_first(asteroid_server)
    wire = {i["id"]: i for i in asteroid_server.executions}
    for record in records:
        assert record["status"] == wire[record["id"]]["status"]
        assert record["agentName"] == wire[record["id"]]["agentName"]
        if fmt != "csv":
            assert set(record) == set(wire[record["id"]])


def test_output_is_written_whole(asteroid_server: FakeAsteroidServer, tmp_path: Path) -> None:
    target = tmp_path / "all.jsonl"
    done = cli(asteroid_server, "asteroid", "list", "--all", "--output", str(target))
    assert done.returncode == 0, done.stderr
    assert len(target.read_text().splitlines()) == 120
    assert "wrote 120 executions" in done.stderr
    assert list(tmp_path.iterdir()) == [target]


def test_output_is_absent_after_a_failure_mid_export(asteroid_server: FakeAsteroidServer, tmp_path: Path) -> None:
    target = tmp_path / "all.jsonl"
    asteroid_server.fail_next(500, times=10, after=1)
    done = cli(asteroid_server, "asteroid", "list", "--all", "--output", str(target))
    assert done.returncode == 5
    assert len(asteroid_server.requests) > 1, "the failure must come after some pages were written"
    assert list(tmp_path.iterdir()) == [], "no partial file, no temporary file"


@pytest.mark.parametrize(
    ("setup", "args", "code", "message"),
    [
        ("wrong-key", ["asteroid", "list"], 3, "AuthenticationError: 401"),
        (None, ["asteroid", "get", str(uuid.UUID(int=1))], 4, "NotFoundError: 404"),
        ("500", ["asteroid", "list"], 5, "InternalServerError: 500"),
    ],
)
def test_api_errors_exit_with_their_code_and_one_line(
    asteroid_server: FakeAsteroidServer, setup: str | None, args: list[str], code: int, message: str
) -> None:
    if setup == "500":
        asteroid_server.fail_next(500, times=5)
    done = cli(asteroid_server, *args, key="wrong" if setup == "wrong-key" else None)
    assert done.returncode == code
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_debug_shows_the_traceback_but_never_the_key(asteroid_server: FakeAsteroidServer) -> None:
    asteroid_server.fail_next(404)
    done = cli(asteroid_server, "asteroid", "get", str(uuid.uuid4()), "--debug")
    assert done.returncode == 4 and "Traceback" in done.stderr
    assert asteroid_server.api_key not in done.stderr + done.stdout


def test_filters_reach_the_server(asteroid_server: FakeAsteroidServer) -> None:
    label = str(uuid.uuid4())
    done = cli(
        asteroid_server, "asteroid", "list", "--status", "failed", "--status", "running", "--since", "24h",
        "--label", label, "--metadata", "team=ops", "--outcome", "fail", "--sort", "status:asc", "--limit", "5",
        "--format", "json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    sent = asteroid_server.requests[0]
    assert sent.params("status") == ["failed", "running"] and sent.params("humanLabels") == [label]
    assert (sent.params("metadataKey"), sent.params("metadataValue")) == (["team"], ["ops"])
    assert (sent.params("sortField"), sent.params("sortDirection")) == (["status"], ["asc"])
    assert sent.params("outcomeLabel") == ["fail"] and sent.params("createdAfter")[0].endswith("Z")


@pytest.mark.parametrize(
    "args",
    [
        ["asteroid", "list", "--since", "yesterday"],
        ["asteroid", "list", "--metadata", "team"],
        ["asteroid", "list", "--limit", "0"],
        ["asteroid", "list", "--limit", "5", "--all"],
        ["asteroid", "list", "--agent-id", "nope"],
        ["asteroid", "list", "--sort", "name"],
        ["asteroid", "get", "12345"],
        ["zaia", "nesting"],
        ["asteroid", "list", "--format", "table", "--output", "x.txt"],
    ],
)
def test_usage_errors_exit_2_before_any_request(asteroid_server: FakeAsteroidServer, args: list[str]) -> None:
    done = cli(asteroid_server, *args)
    assert done.returncode == 2, done.stderr
    assert asteroid_server.requests == []


def test_no_key_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "agent_executions", "asteroid", "list"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 2 and "ASTEROID_API_KEY" in done.stderr


def test_table_on_request(asteroid_server: FakeAsteroidServer) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--status", "failed", "--limit", "3", "--format", "table")
    assert done.returncode == 0, done.stderr
    assert "3 of" in done.stdout and "failed" in done.stdout and "agent" in done.stdout


def test_zaia_list_get_and_nesting_tree(zaia_server: FakeZaiaServer) -> None:
    responder = zaia_server.responder_ids[0]
    listed = cli(zaia_server, "zaia", "list", "--responder", responder, "--all", "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {r["id"] for r in records} == {i["id"] for i in zaia_server.executions if i["responderId"] == responder}
    one = cli(zaia_server, "zaia", "get", records[0]["id"], "--format", "json")
    assert json.loads(one.stdout)["id"] == records[0]["id"]  # one object (issue 23)
    root = next(
        i["id"] for i in zaia_server.executions if any(c["parentId"] == i["id"] for c in zaia_server.executions)
    )
    tree = cli(zaia_server, "zaia", "nesting", "--execution", root, "--format", "table")
    assert tree.returncode == 0, tree.stderr
    children = [i["id"] for i in zaia_server.executions if i["parentId"] == root]
    assert root in tree.stdout.splitlines()[0] and all(c in tree.stdout for c in children)
    assert "├──" in tree.stdout or "└──" in tree.stdout


def test_fake_flag_needs_no_key_or_network() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "agent_executions", "--fake", "asteroid", "list", "--limit", "4", "--format", "jsonl"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 4


class HoldsTheSecondPage(FakeAsteroidServer):
    """Answers the first page, then holds every later request until `release` is set: the export
    is mid-flight when Ctrl-C comes, however slowly the machine starts the command."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.waiting = threading.Event()
        self.release = threading.Event()

    def _answer(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if self.requests:  # the first request has been answered
            self.waiting.set()
            self.release.wait(60)
        return super()._answer(environ, start_response)


def test_ctrl_c_stops_cleanly_and_leaves_no_file(tmp_path: Path) -> None:
    with HoldsTheSecondPage(seed=4, count=1000) as server:
        target = tmp_path / "all.jsonl"
        command = [sys.executable, "-m", "agent_executions", "asteroid", "list", "--all", "--output", str(target)]
        command += ["--api-key", server.api_key, "--base-url", server.base_url]
        # As in a terminal: a test run started in the background inherits SIGINT ignored, and
        # Python then keeps ignoring it.
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        try:
            assert server.waiting.wait(120), "the command never asked for its second page"
            process.send_signal(signal.SIGINT)
            # Only then let the page go: the signal may be taken by another thread of the command
            # (rich's refresh thread), which does not wake the main thread from its read; the
            # answer does, and the main thread then finds the interrupt before anything else.
            server.release.set()
            _, stderr = process.communicate(timeout=60)
        finally:
            server.release.set()
            process.kill()
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_or_sighup_stops_like_ctrl_c_and_leaves_no_file(tmp_path: Path, signum: int) -> None:
    """A `timeout` wrapper or a CI cancel sends SIGTERM: no hidden partial file may stay behind."""
    with HoldsTheSecondPage(seed=4, count=1000) as server:
        target = tmp_path / "all.csv"
        command = [sys.executable, "-m", "agent_executions", "asteroid", "list", "--all", "--format", "csv"]
        command += ["--output", str(target), "--api-key", server.api_key, "--base-url", server.base_url]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert server.waiting.wait(120), "the command never asked for its second page"
            process.send_signal(signum)
            server.release.set()  # as for Ctrl-C: the answer wakes the main thread
            _, stderr = process.communicate(timeout=60)
        finally:
            server.release.set()
            process.kill()
    assert process.returncode == 128 + signum, stderr
    assert "terminated" in stderr and "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


def test_a_closed_pipe_ends_quietly(asteroid_server: FakeAsteroidServer) -> None:
    """`agent-executions ... | head -1`: the reader leaves after one line; no BrokenPipeError traceback."""
    options = ["--api-key", asteroid_server.api_key, "--base-url", asteroid_server.base_url]
    command = [sys.executable, "-m", "agent_executions", "asteroid", "list", *options, "--all", "--format", "csv"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline().startswith(b"id,status,")
        process.stdout.close()  # 120 executions are far more than a pipe buffers: the next writes fail
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=120) == 1
    assert stderr == ""


def test_an_unknown_status_is_sent_with_a_warning(asteroid_server: FakeAsteroidServer) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--status", "faild", "--status", "failed", "--format", "jsonl")
    asteroid_server.violations.clear()  # the fake, on the pinned spec, refuses 'faild' with a 400
    warning, *rest = done.stderr.splitlines()
    assert "'faild' is not one the pinned spec lists" in warning
    assert "running" in warning and "paused_by_agent" in warning
    assert warning.endswith("Did you mean 'failed'?")
    assert asteroid_server.requests[-1].params("status") == ["faild", "failed"]
    assert done.returncode == 5 and len(rest) == 1


def test_known_statuses_draw_no_warning(asteroid_server: FakeAsteroidServer) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--status", "failed", "--status", "paused_by_agent")
    assert done.returncode == 0 and done.stderr == ""


def test_concurrency_fetches_pages_together_and_keeps_the_order(asteroid_server: FakeAsteroidServer) -> None:
    for _ in range(200):  # four pages of 100
        asteroid_server.add()
    asteroid_server.latency = 0.05
    done = cli(asteroid_server, "asteroid", "list", "--all", "--format", "jsonl", "--concurrency", "4")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ids_newest_first(asteroid_server)
    assert asteroid_server.max_in_flight > 1


def test_concurrency_must_be_a_positive_number(asteroid_server: FakeAsteroidServer) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--concurrency", "0")
    assert done.returncode == 2 and "--concurrency" in done.stderr
    assert asteroid_server.requests == []
