"""The command line as users of other SDKs' CLIs expect it (issue 23, items 8-10): one record is
one JSON object, `wait`, `rerun` and `delete` exist with `run --wait`'s exit codes, and a listing
the default limit cut short says so. Each runs the real command against the fake over loopback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import agent_executions as ae
import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=5, count=3) as fake:
        fake.lifecycle = ((0.0, "starting"), (0.02, "running"), (0.05, "completed"))
        yield fake


def cli(server: FakeAsteroidServer | FakeZaiaServer, *args: str) -> subprocess.CompletedProcess[str]:
    options = ["--api-key", server.api_key, "--base-url", server.base_url]
    argv = [sys.executable, "-m", "agent_executions", *args[:2], *options, *args[2:]]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)


def started(server: FakeAsteroidServer) -> str:
    done = cli(server, "asteroid", "run", WORKFLOW)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_one_record_is_one_json_object(server: FakeAsteroidServer) -> None:
    execution = server.executions[0]["id"]
    done = cli(server, "asteroid", "get", execution, "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["id"] == execution
    with FakeZaiaServer(seed=5, count=6) as zaia:
        root = zaia.executions[0]["id"]
        tree = cli(zaia, "zaia", "nesting", "--execution", root)  # piped: json
        assert tree.returncode == 0, tree.stderr
        assert isinstance(json.loads(tree.stdout), dict)


@pytest.mark.parametrize(("outcome", "code"), [("completed", 0), ("failed", 6), ("cancelled", 7)])
def test_wait_prints_the_result_and_exits_with_its_code(server: FakeAsteroidServer, outcome: str, code: int) -> None:
    server.lifecycle = ((0.0, "running"), (0.05, outcome))
    execution = started(server)
    done = cli(server, "asteroid", "wait", execution, "--timeout", "30")
    assert done.returncode == code, done.stderr
    assert json.loads(done.stdout)["status"] == outcome and json.loads(done.stdout)["id"] == execution


def test_wait_past_its_timeout_exits_8(server: FakeAsteroidServer) -> None:
    server.lifecycle = ((0.0, "running"),)
    done = cli(server, "asteroid", "wait", started(server), "--timeout", "0.5")
    assert done.returncode == 8 and "did not finish within 0.5 s" in done.stderr
    assert done.stdout == ""


def test_rerun_starts_a_new_execution_and_can_wait_for_it(server: FakeAsteroidServer) -> None:
    first = started(server)
    assert cli(server, "asteroid", "wait", first).returncode == 0
    again = cli(server, "asteroid", "rerun", first, "--input", "customer=7")
    assert again.returncode == 0, again.stderr
    new = again.stdout.strip()
    inputs = ae.asteroid.SHAPE.operation("ExecutionRerun").field("inputs").wire  # the spec's name
    assert new != first and server.requests[-1].json() == {inputs: {"customer": 7}}
    waited = cli(server, "asteroid", "rerun", first, "--wait", "--timeout", "30")
    assert waited.returncode == 0 and json.loads(waited.stdout)["status"] == "completed"


def test_delete_needs_yes_and_then_deletes(server: FakeAsteroidServer) -> None:
    execution = server.executions[0]["id"]
    refused = cli(server, "asteroid", "delete", execution)
    assert refused.returncode == 2 and "--yes" in refused.stderr and server.requests == []
    done = cli(server, "asteroid", "delete", execution, "--yes")
    assert done.returncode == 0 and done.stderr == f"deleted {execution}\n"
    assert server.requests[-1].method == "DELETE"
    gone = cli(server, "asteroid", "get", execution)
    assert gone.returncode != 0 and "404" in gone.stderr


@pytest.mark.parametrize(
    ("args", "note"),
    [
        ((), "stopped at the default limit, 50 executions of 120; pass --all for every one, or --limit N"),
        (("--all",), None),
        (("--limit", "50"), None),
    ],
)
def test_a_listing_the_default_limit_cut_says_so(args: tuple[str, ...], note: str | None) -> None:
    with FakeAsteroidServer(seed=5, count=120) as server:
        done = cli(server, "asteroid", "list", "--format", "jsonl", *args)
    assert done.returncode == 0
    assert done.stderr == (f"agent-executions: note: {note}\n" if note else "")


def test_no_note_when_the_listing_ended_by_itself() -> None:
    with FakeAsteroidServer(seed=5, count=50) as server:
        done = cli(server, "asteroid", "list", "--format", "jsonl")
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 50 and done.stderr == ""


@pytest.mark.parametrize(("count", "cut"), [(80, True), (51, True), (50, False), (49, False)])
def test_zaia_without_a_total_says_so_only_when_there_are_more(count: int, cut: bool) -> None:
    """Review of issue 23: with exactly 50 executions, the note said there may be more."""
    with FakeZaiaServer(seed=5, count=count) as zaia:
        for extra in [item["id"] for item in zaia.executions][count:]:  # children of the nestings too
            zaia.remove(extra)
        assert len(zaia.executions) == count
        done = cli(zaia, "zaia", "list", "--format", "csv")
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 1 + min(count, 50)
    assert ("stopped at the default limit, 50 executions (there are more)" in done.stderr) == cut, done.stderr
