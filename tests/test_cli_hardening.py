"""The command line against hostile names and places: property names a spreadsheet or terminal
would run, outputs that are not regular files, a full disk, a closed stdout, times beyond UTC."""

from __future__ import annotations

import csv
import io
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from agent_executions.testing import FakeAsteroidServer


def cli(server: FakeAsteroidServer, *args: str, **popen: Any) -> subprocess.CompletedProcess[str]:
    options = ["--api-key", server.api_key, "--base-url", server.base_url]
    command = [sys.executable, "-m", "agent_executions", *args[:2], *options, *args[2:]]
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **popen}
    return subprocess.run(command, text=True, timeout=120, check=False, **streams)


# --- CSV headings (item 4) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "heading"),
    [("=evilcol", "'=evilcol"), ("@SUM(A1)", "'@SUM(A1)"), ("x\x1b]0;title\x07", "x\\x1b]0;title\\x07")],
)
def test_csv_headings_are_neutralised_like_cells(asteroid_server: FakeAsteroidServer, name: str, heading: str) -> None:
    added = asteroid_server.add(**{name: "value"})
    done = cli(asteroid_server, "asteroid", "list", "--all", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert heading in rows[0] and name not in rows[0]
    assert [row[heading] for row in rows if row["id"] == added["id"]] == ["value"]


def test_csv_raw_keeps_headings_as_sent(asteroid_server: FakeAsteroidServer) -> None:
    asteroid_server.add(**{"=evilcol": "value"})
    done = cli(asteroid_server, "asteroid", "list", "--all", "--format", "csv", "--csv-raw")
    assert done.returncode == 0, done.stderr
    assert "=evilcol" in next(csv.reader(io.StringIO(done.stdout)))


@pytest.mark.parametrize("name", ["executionResult.outcome", "a.b"])
def test_a_property_with_a_dot_in_its_name_is_not_lost(asteroid_server: FakeAsteroidServer, name: str) -> None:
    added = asteroid_server.add(**{name: "kept"})
    done = cli(asteroid_server, "asteroid", "list", "--all", "--format", "csv")
    assert done.returncode == 0, done.stderr
    (row,) = [row for row in csv.DictReader(io.StringIO(done.stdout)) if row["id"] == added["id"]]
    assert "kept" in row.values(), row
    if name == "executionResult.outcome":  # the derived column still holds the nested outcome
        outcome = (added.get("executionResult") or {}).get("outcome")
        assert row["executionResult.outcome"] == ("" if outcome is None else str(outcome))


# --- outputs that are not regular files (item 2) ----------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


def _device_link(path: Path) -> None:
    path.symlink_to(os.devnull)


def _char_device(path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("mknod of a character device needs root")
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_fifo, "is a FIFO"),
        (_socket, "is a socket"),
        (_device_link, "is a character device"),
        (_char_device, "is a character device"),
    ],
)
def test_an_output_that_is_not_a_regular_file_is_refused_before_any_request(
    asteroid_server: FakeAsteroidServer, tmp_path: Path, make: Any, message: str
) -> None:
    target = tmp_path / "out"
    make(target)
    before = os.lstat(target)
    done = cli(asteroid_server, "asteroid", "list", "--all", "--output", str(target))
    assert done.returncode == 2, done.stderr
    assert "--output" in done.stderr and message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert asteroid_server.requests == []
    after = os.lstat(target)
    assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (before.st_ino, stat.S_IFMT(before.st_mode))


def test_a_symlinked_output_writes_its_target_and_keeps_the_link(
    asteroid_server: FakeAsteroidServer, tmp_path: Path
) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    done = cli(asteroid_server, "asteroid", "list", "--limit", "3", "--output", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert len(real.read_text().splitlines()) == 3
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.jsonl", "real.jsonl"]


def test_an_empty_output_is_refused_before_any_request(asteroid_server: FakeAsteroidServer) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--all", "--output", "")
    assert done.returncode == 2, done.stderr
    assert "--output must not be empty" in done.stderr and "Traceback" not in done.stderr
    assert asteroid_server.requests == []


# --- output that cannot be written (item 5) ---------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_its_own_exit_code(asteroid_server: FakeAsteroidServer) -> None:
    with open("/dev/full", "w") as full:
        done = cli(asteroid_server, "asteroid", "list", "--all", stdout=full)
    assert done.returncode == 74, done.stderr
    assert done.stderr.strip() == "agent-executions: the output could not be written: No space left on device"


def test_a_closed_stdout_is_one_line_and_its_own_exit_code(asteroid_server: FakeAsteroidServer) -> None:
    options = ["--api-key", asteroid_server.api_key, "--base-url", asteroid_server.base_url]
    script = "import os, sys; os.close(1); os.execv(sys.executable, sys.argv[1:])"
    command = [sys.executable, "-c", script, sys.executable, "-m", "agent_executions", "asteroid", "list", *options]
    done = subprocess.run(command, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert done.returncode == 74, done.stderr
    assert done.stderr.strip() == "agent-executions: the output could not be written: standard output is closed"


def test_a_closed_stdout_does_not_matter_when_writing_a_file(
    asteroid_server: FakeAsteroidServer, tmp_path: Path
) -> None:
    options = ["--api-key", asteroid_server.api_key, "--base-url", asteroid_server.base_url]
    target = tmp_path / "out.jsonl"
    script = "import os, sys; os.close(1); os.execv(sys.executable, sys.argv[1:])"
    command = [sys.executable, "-c", script, sys.executable, "-m", "agent_executions", "asteroid", "list", *options]
    command += ["--limit", "3", "--output", str(target)]
    done = subprocess.run(command, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert len(target.read_text().splitlines()) == 3


# --- times beyond UTC (item 6) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [("--created-after", "0001-01-01T00:00:00+01:00"), ("--created-before", "9999-12-31T23:59:59-14:00")],
)
def test_a_time_outside_utc_is_a_usage_error(asteroid_server: FakeAsteroidServer, option: str, value: str) -> None:
    done = cli(asteroid_server, "asteroid", "list", option, value)
    assert done.returncode == 2, done.stderr
    assert option in done.stderr and "Traceback" not in done.stderr
    assert asteroid_server.requests == []


# --- what a second review found ---------------------------------------------------------------


def test_output_dash_is_standard_output(asteroid_server: FakeAsteroidServer, tmp_path: Path) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--limit", "3", "--format", "jsonl", "--output", "-", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 3
    assert list(tmp_path.iterdir()) == []  # no file named "-"


@pytest.mark.parametrize("content", ["", "\n\n", "   \n"])
def test_an_empty_api_key_file_is_named_as_the_problem(
    asteroid_server: FakeAsteroidServer, tmp_path: Path, content: str
) -> None:
    key_file = tmp_path / "key"
    key_file.write_text(content)
    argv = ["asteroid", "list", "--api-key-file", str(key_file), "--base-url", asteroid_server.base_url]
    done = subprocess.run(
        [sys.executable, "-m", "agent_executions", *argv], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2
    assert "--api-key-file" in done.stderr and "holds no key" in done.stderr
    assert asteroid_server.requests == []


@pytest.mark.parametrize(
    "option", [["--metadata", "team=ops", "--metadata", "env=prod"], ["--agent-id", "a", "--agent-id", "b"]]
)
def test_an_option_of_one_value_given_twice_is_refused(asteroid_server: FakeAsteroidServer, option: list[str]) -> None:
    done = cli(asteroid_server, "asteroid", "list", *option)
    assert done.returncode == 2
    assert f"{option[0]} was given twice" in done.stderr
    assert asteroid_server.requests == []


def test_options_meant_to_repeat_still_do(asteroid_server: FakeAsteroidServer) -> None:
    done = cli(asteroid_server, "asteroid", "list", "--status", "running", "--status", "failed", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert asteroid_server.requests[0].params("status") == ["running", "failed"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["asteroid", "list", "--format", "json", "--csv-raw"], "--csv-raw applies only to --format csv"),
        (["asteroid", "run", "wf-1", "--timeout", "5"], "--timeout applies only with --wait"),
    ],
)
def test_an_option_that_would_do_nothing_is_refused(
    asteroid_server: FakeAsteroidServer, args: list[str], message: str
) -> None:
    done = cli(asteroid_server, *args)
    assert done.returncode == 2 and message in done.stderr
    assert asteroid_server.requests == []
