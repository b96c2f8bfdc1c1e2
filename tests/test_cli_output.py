"""What the command line writes: no data lost in CSV, no formula or terminal control from API
data run by a spreadsheet or a terminal, and arguments that would fail at the end refused first."""

from __future__ import annotations

import csv
import io
import os
import pty
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

WITHOUT_RICH = "import sys; sys.modules['rich'] = None; from agent_executions.cli import main; sys.exit(main())"


def cli(
    server: FakeAsteroidServer | FakeZaiaServer,
    *args: str,
    python: list[str] | None = None,
    **popen: Any,
) -> subprocess.CompletedProcess[str]:
    options = ["--api-key", server.api_key, "--base-url", server.base_url]
    command = [*(python or [sys.executable, "-m", "agent_executions"]), *args[:2], *options, *args[2:]]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, **popen)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- CSV: every column, formulas neutralised -------------------------------------------------


def test_csv_has_a_column_for_every_property_of_any_record(asteroid_server: FakeAsteroidServer) -> None:
    wire = sorted(asteroid_server.executions, key=lambda i: (i["createdAt"], i["id"]), reverse=True)
    missing_first = {key for item in wire for key in item} - set(wire[0])
    assert missing_first, "the newest execution must lack some property for this test to mean anything"
    done = cli(asteroid_server, "asteroid", "list", "--all", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = csv_rows(done.stdout)
    assert missing_first <= set(rows[0])
    by_id = {item["id"]: item for item in wire}
    for row in rows:
        item = by_id[row["id"]]
        for key in set(row) - {"executionResult.outcome"}:
            assert (row[key] != "") == (item.get(key) is not None), (row["id"], key)


@pytest.mark.parametrize("payload", ['=HYPERLINK("http://evil.example","click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(
    asteroid_server: FakeAsteroidServer, payload: str
) -> None:
    added = asteroid_server.add(agentName=payload, metadata={"team": payload})
    done = cli(asteroid_server, "asteroid", "list", "--format", "csv", "--execution-id", added["id"])
    assert done.returncode == 0, done.stderr
    (row,) = csv_rows(done.stdout)
    assert row["agentName"] == "'" + payload
    assert row["metadata"].startswith("{"), "JSON cells start with a brace and are left alone"
    raw = cli(asteroid_server, "asteroid", "list", "--format", "csv", "--csv-raw", "--execution-id", added["id"])
    assert csv_rows(raw.stdout)[0]["agentName"] == payload


def test_numbers_and_plain_text_are_not_touched(asteroid_server: FakeAsteroidServer) -> None:
    added = asteroid_server.add(agentName="plain name", agentVersion=0)
    done = cli(asteroid_server, "asteroid", "list", "--format", "csv", "--execution-id", added["id"])
    (row,) = csv_rows(done.stdout)
    assert (row["agentName"], row["agentVersion"]) == ("plain name", "0")


# --- terminal views: no escape sequence, no markup from API data ------------------------------

HOSTILE = "\x1b[2J\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\\x07\r[/]"


def test_the_table_shows_escape_sequences_and_markup_as_text(asteroid_server: FakeAsteroidServer) -> None:
    added = asteroid_server.add(agentName=HOSTILE)
    wide = {**os.environ, "COLUMNS": "400"}  # the cell on one line
    done = cli(asteroid_server, "asteroid", "list", "--format", "table", "--execution-id", added["id"], env=wide)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout and "\r" not in done.stdout
    assert "\\x1b[2J" in done.stdout and "[/]" in done.stdout


def test_get_shows_hostile_property_names_and_values_as_text(asteroid_server: FakeAsteroidServer) -> None:
    added = asteroid_server.add(agentName=HOSTILE, **{"[link=http://evil.example]x[/link]": "v", "[/]": HOSTILE})
    done = cli(asteroid_server, "asteroid", "get", added["id"], "--format", "table")
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "[link=http://evil.example]x[/link]" in done.stdout and "[/]" in done.stdout


def test_the_zaia_tree_shows_hostile_ids_as_text() -> None:
    with FakeZaiaServer(seed=3, count=5, validate=False) as server:
        root = server.executions[0]
        server.add({**root, "id": "[/][bold]x\x1b[5m", "parentId": root["id"]})
        done = cli(server, "zaia", "nesting", "--execution", root["id"], "--format", "table")
    assert done.returncode == 0, done.stderr
    assert "[/][bold]x\\x1b[5m" in done.stdout and "\x1b" not in done.stdout


# --- without the cli extra ----------------------------------------------------------------------


def on_a_terminal(run: Callable[..., subprocess.CompletedProcess[str]]) -> subprocess.CompletedProcess[str]:
    """Run with stdout on a pseudo-terminal, so the default format is the table."""
    leader, follower = pty.openpty()
    try:
        done = run(stdout=follower, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    finally:
        os.close(follower)
        os.close(leader)
    return done


def test_the_default_table_without_rich_is_a_usage_error_before_any_request(
    asteroid_server: FakeAsteroidServer,
) -> None:
    options = ["--api-key", asteroid_server.api_key, "--base-url", asteroid_server.base_url]
    command = [sys.executable, "-c", WITHOUT_RICH, "asteroid", "list", *options]
    done = on_a_terminal(lambda **kw: subprocess.run(command, **kw))
    assert done.returncode == 2, done.stderr
    assert "pip install 'agent-executions[cli]'" in done.stderr and "Traceback" not in done.stderr
    assert asteroid_server.requests == []


@pytest.mark.parametrize("args", [["asteroid", "get", "3c90c3cc-0d44-4b50-8888-8dd25736052a"], ["asteroid", "list"]])
def test_a_table_asked_for_without_rich_exits_2(asteroid_server: FakeAsteroidServer, args: list[str]) -> None:
    done = cli(asteroid_server, *args, "--format", "table", python=[sys.executable, "-c", WITHOUT_RICH])
    assert done.returncode == 2 and "agent-executions[cli]" in done.stderr, done.stderr
    assert asteroid_server.requests == []


def test_machine_formats_need_no_rich(asteroid_server: FakeAsteroidServer) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--limit", "3", python=[sys.executable, "-c", WITHOUT_RICH])
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 3


# --- arguments checked before the first request ------------------------------------------------


@pytest.mark.parametrize(("where", "message"), [("missing/out.jsonl", "does not exist"), (".", "is a directory")])
def test_an_unwritable_output_is_refused_before_any_request(
    asteroid_server: FakeAsteroidServer, tmp_path: Path, where: str, message: str
) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--all", "--output", str(tmp_path / where))
    assert done.returncode == 2, done.stderr
    assert "--output" in done.stderr and message in done.stderr and "Traceback" not in done.stderr
    assert asteroid_server.requests == []


@pytest.mark.parametrize("since", ["999999999d", "99999999999999999999999w"])
def test_a_since_beyond_the_calendar_is_a_usage_error(asteroid_server: FakeAsteroidServer, since: str) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--since", since)
    assert done.returncode == 2 and "--since" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert asteroid_server.requests == []


def test_reversed_created_bounds_are_a_usage_error(asteroid_server: FakeAsteroidServer) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--created-after", "2026-11-02", "--created-before", "2026-11-01")
    assert done.returncode == 2 and "--created-after must be earlier than --created-before" in done.stderr, done.stderr
    assert asteroid_server.requests == []


# --- the output file's permissions --------------------------------------------------------------


def test_an_existing_output_keeps_its_mode(asteroid_server: FakeAsteroidServer, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    done = cli(asteroid_server, "asteroid", "list", "--limit", "3", "--output", str(target))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert len(target.read_text().splitlines()) == 3


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_output_follows_the_umask(
    asteroid_server: FakeAsteroidServer, tmp_path: Path, umask: int, mode: int
) -> None:
    target = tmp_path / "out.csv"
    done = cli(
        asteroid_server, "asteroid", "list", "--limit", "3", "--format", "csv", "--output", str(target),
        preexec_fn=lambda: os.umask(umask),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == mode


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Record:
    def __init__(self, data: dict[str, object]) -> None:
        self.data = data

    def to_dict(self) -> dict[str, object]:
        return self.data


def test_csv_on_a_terminal_shows_escape_sequences_and_a_file_keeps_them() -> None:
    from agent_executions.cli import _render

    record = _Record({"id": "e1", "agentName": "\x1b]0;pwned\x07name", "status": "running"})
    on_terminal, in_file = _Terminal(), io.StringIO()
    _render.write_records([record], "csv", on_terminal, "asteroid")
    _render.write_records([record], "csv", in_file, "asteroid")
    assert "\x1b" not in on_terminal.getvalue() and "\\x1b]0;pwned\\x07name" in on_terminal.getvalue()
    assert "\x1b]0;pwned\x07name" in in_file.getvalue()  # a file gets the data as sent
