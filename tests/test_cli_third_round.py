"""The command line, third round (issue 22, items 16-20), each through the real command in a
subprocess against the fake over loopback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from agent_executions.testing import FakeAsteroidServer

WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=5, count=4) as fake:
        yield fake


def run(server: FakeAsteroidServer, *args: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "agent_executions", *args[:2], "--base-url", server.base_url, *args[2:]]
    if "--api-key-file" not in args:
        command += ["--api-key", server.api_key]
    return subprocess.run(command, capture_output=True, timeout=120, check=False, **options)  # type: ignore[call-overload]


def test_metadata_values_are_sent_verbatim(server: FakeAsteroidServer) -> None:
    values = ["true", "null", "1.10", "1e3", '["a"]', "NaN"]
    pairs = [f"--metadata=k{index}={value}" for index, value in enumerate(values)]
    done = run(server, "asteroid", "run", WORKFLOW, *pairs)
    assert done.returncode == 0, done.stderr
    (posted,) = [r for r in server.requests if r.method == "POST"]
    assert posted.json()["metadata"] == {f"k{index}": value for index, value in enumerate(values)}


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_an_input_that_is_not_json_is_text(server: FakeAsteroidServer, value: str) -> None:
    done = run(server, "asteroid", "run", WORKFLOW, f"--input=code={value}")
    assert done.returncode == 0, done.stderr
    (posted,) = [r for r in server.requests if r.method == "POST"]
    assert posted.json()["inputs"] == {"code": value}


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
@pytest.mark.parametrize("to_file", [False, True])
def test_a_lone_surrogate_in_a_record_is_written_escaped(
    server: FakeAsteroidServer, fmt: str, to_file: bool, tmp_path: Path
) -> None:
    server.add(agentName="Claims \ud800 Filer")
    output = tmp_path / f"out.{fmt}"
    extra = ["--output", str(output)] if to_file else []
    done = run(server, "asteroid", "list", "--format", fmt, *extra)
    server.violations.clear()
    assert done.returncode == 0, done.stderr
    written = output.read_bytes() if to_file else done.stdout
    assert b"\\ud800" in written
    written.decode("utf-8")  # valid UTF-8 throughout


def test_a_lone_surrogate_in_a_table_is_written_escaped(server: FakeAsteroidServer) -> None:
    pytest.importorskip("rich")
    added = server.add(agentName="Claims \ud800 Filer")
    done = run(server, "asteroid", "get", added["id"], "--format", "table")
    server.violations.clear()
    assert done.returncode == 0, done.stderr
    assert b"\\ud800" in done.stdout


def test_with_stderr_closed_nothing_meant_for_it_reaches_stdout(server: FakeAsteroidServer, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "agent_executions", "asteroid", "list", "--base-url", server.base_url]
    command += ["--api-key", server.api_key, "--format", "jsonl", "--status", "faild", "--status", "failed"]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=None, timeout=120, check=False, close_fds=True,
                          preexec_fn=lambda: __import__("os").close(2))  # fmt: skip
    server.violations.clear()
    for line in done.stdout.decode().splitlines():
        json.loads(line)  # only records: the warning on 'faild' went nowhere, not into the export
    assert b"warning" not in done.stdout


def test_an_output_name_near_the_limit_is_written(server: FakeAsteroidServer, tmp_path: Path) -> None:
    output = tmp_path / ("x" * 243 + ".jsonl")  # 249 bytes: the temporary name would have been 265
    done = run(server, "asteroid", "list", "--format", "jsonl", "--output", str(output))
    assert done.returncode == 0, done.stderr
    assert len(output.read_text().splitlines()) == 4
    assert [p.name for p in tmp_path.iterdir()] == [output.name]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_key_file_with_a_byte_order_mark_is_read(server: FakeAsteroidServer, tmp_path: Path, encoding: str) -> None:
    key_file = tmp_path / "key.txt"
    key_file.write_bytes((server.api_key + "\r\n").encode(encoding))
    done = run(server, "asteroid", "list", "--format", "jsonl", "--api-key-file", str(key_file))
    assert done.returncode == 0, done.stderr
