"""Issue 25, item 3: `list --format parquet --output FILE`, the sync's typed columns in a Parquet
file, written atomically and a row group at a time; on the fake servers over loopback."""

from __future__ import annotations

import datetime
import io
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
from agent_executions import AsteroidClient
from agent_executions._warehouse import parquet
from agent_executions._warehouse.columns import columns_of
from agent_executions.cli import main
from agent_executions.models import Execution
from agent_executions.sync import sync_executions
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)
_SHAPE = FakeAsteroidServer(count=0).shape
LIST_PATH = urllib.parse.urlsplit(
    _SHAPE.api_root("http://fake" + _SHAPE.server_path) + _SHAPE.operation("ExecutionList").path
).path
"""The listing's path as the pinned spec has it (the vendor's prefix included)."""


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=5, count=450, now=NOW) as server:
        server.clock.freeze(at=NOW)
        yield server


def cli(server: FakeAsteroidServer | FakeZaiaServer, vendor: str, *args: str, code: str = "") -> subprocess.Popen[str]:
    """The command line in a process of its own, against `server`."""
    variable = "ASTEROID_API_KEY" if vendor == "asteroid" else "ZAIA_API_KEY"
    env = {**os.environ, variable: server.api_key}
    program = f"{code}\nimport sys\nfrom agent_executions.cli import main\nsys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", program, vendor, "list", "--base-url", server.base_url, *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def query(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with duckdb.connect() as db:
        return db.execute(sql, list(params)).fetchall()


def parse_time(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_list_all_as_parquet_holds_every_execution_with_typed_columns(server: FakeAsteroidServer, tmp_path: Path):
    path = tmp_path / "f.parquet"
    code, out, err = finished(cli(server, "asteroid", "--all", "--format", "parquet", "--output", str(path)))
    assert code == 0, err
    assert out == "" and "wrote 450 executions" in err
    stored = query("SELECT id, status, created_at, duration, metadata->>'team' FROM read_parquet(?)", str(path))
    assert len(stored) == len({row[0] for row in stored}) == 450
    by_id = {e["id"]: e for e in server.executions}
    for execution_id, status, created_at, duration, team in stored:
        sent = by_id[execution_id]
        assert (status, created_at, duration) == (sent["status"], parse_time(sent["createdAt"]), sent.get("duration"))
        assert team == sent.get("metadata", {}).get("team")
    types = dict(query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))", str(path)))
    assert types["created_at"] == types["terminal_at"] == "TIMESTAMP WITH TIME ZONE"
    assert (types["agent_version"], types["duration"], types["has_been_rerun"]) == ("BIGINT", "DOUBLE", "BOOLEAN")
    assert types["metadata"] == types["execution_result"] == "JSON"
    day = query("SELECT count(*) FROM read_parquet(?) WHERE created_at >= ?", str(path), NOW - datetime.timedelta(1))
    assert day == [(sum(parse_time(e["createdAt"]) >= NOW - datetime.timedelta(1) for e in server.executions),)]


def test_the_parquet_columns_are_the_sync_tables_columns_in_order_and_type(server: FakeAsteroidServer, tmp_path: Path):
    path = tmp_path / "f.parquet"
    assert finished(cli(server, "asteroid", "--all", "--format", "parquet", "--output", str(path)))[0] == 0
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        sync_executions(client, tmp_path / "h.duckdb")
    with duckdb.connect(str(tmp_path / "h.duckdb"), read_only=True) as db:
        synced = db.execute("SELECT column_name, column_type FROM (DESCRIBE executions)").fetchall()
        table = db.execute("SELECT * EXCLUDE (created_at) FROM executions ORDER BY id").fetchall()
    assert query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))", str(path)) == synced
    exported = query("SELECT * EXCLUDE (created_at) FROM read_parquet(?) ORDER BY id", str(path))
    assert exported == table  # cell for cell, JSON text included


def test_zaia_lists_as_parquet_too(tmp_path: Path):
    with FakeZaiaServer(seed=2, count=130) as server:
        path = tmp_path / "z.parquet"
        code, _, err = finished(cli(server, "zaia", "--all", "--format", "parquet", "--output", str(path)))
        assert code == 0, err
        ids = {row[0] for row in query("SELECT id FROM read_parquet(?)", str(path))}
        assert ids == {e["id"] for e in server.executions}
        types = dict(query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))", str(path)))
        assert types["started_at"] == "TIMESTAMP WITH TIME ZONE" and types["is_agentic"] == "BOOLEAN"


def test_the_default_limit_and_limit_apply_as_to_the_other_formats(server: FakeAsteroidServer, tmp_path: Path):
    path = tmp_path / "f.parquet"
    code, _, err = finished(cli(server, "asteroid", "--format", "parquet", "--output", str(path)))
    assert code == 0 and "stopped at the default limit, 50 executions of 450" in err
    assert query("SELECT count(*) FROM read_parquet(?)", str(path)) == [(50,)]
    code, _, err = finished(cli(server, "asteroid", "--limit", "7", "--format", "parquet", "--output", str(path)))
    assert code == 0 and query("SELECT count(*) FROM read_parquet(?)", str(path)) == [(7,)]


@pytest.mark.parametrize("output", [None, "-"])
def test_parquet_without_an_output_file_exits_2_before_any_request(
    server: FakeAsteroidServer, output: str | None, tmp_path: Path
):
    args = ["--format", "parquet"] + (["--output", output] if output else [])
    code, out, err = finished(cli(server, "asteroid", *args))
    assert (code, out) == (2, "")
    assert "--format parquet writes a binary file: give --output FILE" in err
    assert server.requests == []


def test_without_pyarrow_it_exits_2_naming_the_extra_before_any_request(server: FakeAsteroidServer, tmp_path: Path):
    path = tmp_path / "f.parquet"
    process = cli(
        server,
        "asteroid",
        "--format",
        "parquet",
        "--output",
        str(path),
        code="import sys\nsys.modules['pyarrow'] = None",
    )
    code, _, err = finished(process)
    assert code == 2
    assert "pip install 'agent-executions[parquet]'" in err
    assert server.requests == [] and not path.exists()


def test_an_interrupted_export_leaves_no_file_and_the_old_one_as_it_was(server: FakeAsteroidServer, tmp_path: Path):
    path = tmp_path / "f.parquet"
    path.write_bytes(b"the previous export")
    server.latency = 0.2
    process = cli(server, "asteroid", "--all", "--format", "parquet", "--output", str(path))
    deadline = time.monotonic() + 60
    while sum(r.path == LIST_PATH for r in server.requests) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    code, _, err = finished(process)
    assert code == 130, err
    assert path.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.parquet"]  # no .partial left


def test_a_failed_listing_leaves_no_file(server: FakeAsteroidServer, tmp_path: Path):
    path = tmp_path / "f.parquet"
    server.fail_next(404, times=1)
    code, _, err = finished(cli(server, "asteroid", "--all", "--format", "parquet", "--output", str(path)))
    assert code == 4, err
    assert list(tmp_path.iterdir()) == []


def test_the_file_gets_the_permissions_writing_in_place_would_give(server: FakeAsteroidServer, tmp_path: Path):
    path = tmp_path / "f.parquet"
    path.write_bytes(b"")
    path.chmod(0o640)
    assert finished(cli(server, "asteroid", "--format", "parquet", "--output", str(path)))[0] == 0
    assert path.stat().st_mode & 0o777 == 0o640


def test_rows_are_written_a_row_group_at_a_time_as_they_arrive(
    server: FakeAsteroidServer, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(parquet, "BATCH_ROWS", 40)
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 100)
    sink = io.BytesIO()
    sizes: list[int] = []

    def records() -> Iterator[Any]:
        with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            for count, record in enumerate(client.executions.list(page_size=50)):
                if count % 50 == 0:
                    sizes.append(sink.tell())
                yield record

    columns = columns_of(Execution)
    assert parquet.write_parquet(records(), sink, columns) == 450
    assert sizes[0] < sizes[3] < sizes[6] < sizes[-1] < len(sink.getvalue())  # not all at the end
    metadata = pq.ParquetFile(io.BytesIO(sink.getvalue())).metadata
    assert metadata.num_rows == 450
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [120, 120, 120, 90]


def test_no_records_give_a_file_with_the_columns_and_no_rows(tmp_path: Path):
    path = tmp_path / "empty.parquet"
    columns = columns_of(Execution)
    with path.open("wb") as sink:
        assert parquet.write_parquet(iter(()), sink, columns) == 0
    described = query("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(?))", str(path))
    assert [name for (name,) in described] == [column.name for column in columns]
    assert query("SELECT count(*) FROM read_parquet(?)", str(path)) == [(0,)]


def test_the_help_lists_parquet_among_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    for vendor in ("asteroid", "zaia"):
        with pytest.raises(SystemExit):
            main([vendor, "list", "--help"])
        shown = " ".join(capsys.readouterr().out.split())
        assert "{table,json,jsonl,csv,parquet}" in shown
        assert "parquet (typed columns as sync's, needs --output and the parquet extra)" in shown


def readme_sql() -> list[str]:
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = text.split("## Execution history in a database", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_the_readme_query_runs_on_the_parquet_export_as_on_a_synced_file(server: FakeAsteroidServer, tmp_path: Path):
    failure_rate, view = readme_sql()[:2]
    path = tmp_path / "executions.parquet"
    assert finished(cli(server, "asteroid", "--all", "--format", "parquet", "--output", str(path)))[0] == 0
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        sync_executions(client, tmp_path / "history.duckdb")
    with duckdb.connect(str(tmp_path / "history.duckdb"), read_only=True) as db:
        synced = db.execute(failure_rate).fetchall()
    with duckdb.connect() as db:
        db.execute(view.replace("executions.parquet", str(path)))
        exported = db.execute(failure_rate).fetchall()
    assert sorted(exported) == sorted(synced) and len(synced) > 10  # ties may come in any order
