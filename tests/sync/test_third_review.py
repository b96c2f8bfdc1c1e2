"""The sync after the third hostile review of issue 25: files that are not DuckDB databases, tables
another program made, two syncs of one file in one process, a date DuckDB cannot hand back to
Python, arguments checked before any request, and `--fake` run twice."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import duckdb
import pytest
from agent_executions import AsteroidClient
from agent_executions._warehouse.columns import columns_of
from agent_executions._warehouse.store import DETAIL_AT_MOST, first_line
from agent_executions.cli import main
from agent_executions.models import Execution, ExecutionStatus
from agent_executions.sync import DatabaseError, sync_executions
from agent_executions.testing import FakeAsteroidServer
from test_sync import client, rows, server, tampered

__all__ = ["client", "server"]  # the fixtures of test_sync, used here by name


def parquet_file(path: Path) -> None:
    with duckdb.connect() as db:
        db.execute(f"COPY (SELECT 1 AS id) TO '{path}' (FORMAT parquet)")


def csv_file(path: Path) -> None:
    path.write_text("id,status\n1,running\n")


def sqlite_file(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE executions (id TEXT PRIMARY KEY)")


@pytest.mark.parametrize("make", [parquet_file, csv_file, sqlite_file], ids=["parquet", "csv", "sqlite"])
def test_a_file_of_another_format_is_refused_before_any_request_and_left_as_it_was(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path, make: Any, capsys: Any
):
    path = tmp_path / "history.duckdb"
    make(path)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="is not a DuckDB database"):
        sync_executions(client, path)
    assert server.requests == [] and path.read_bytes() == before
    code = main(["asteroid", "sync", str(path), "--base-url", server.base_url, "--api-key", server.api_key])
    assert code == 74 and "is not a DuckDB database" in capsys.readouterr().err
    assert server.requests == [] and path.read_bytes() == before


@pytest.mark.parametrize(
    "definition",
    ["id VARCHAR PRIMARY KEY, status INTEGER, created_at VARCHAR", "id VARCHAR PRIMARY KEY, foo INTEGER"],
)
def test_a_table_another_program_made_is_refused_before_any_request_and_not_altered(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path, definition: str
):
    path = tmp_path / "theirs.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute(f"CREATE TABLE executions ({definition})")
    shape = rows(path, "SELECT table_name, column_name FROM information_schema.columns ORDER BY ALL")
    with pytest.raises(ValueError, match="'executions' that this sync did not make"):
        sync_executions(client, path)
    assert server.requests == []
    assert rows(path, "SELECT table_name, column_name FROM information_schema.columns ORDER BY ALL") == shape


def test_a_synced_table_whose_column_changed_type_is_refused_naming_the_column(client: AsteroidClient, tmp_path: Path):
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    number = next(c.name for c in columns_of(Execution) if c.type == "BIGINT")  # from the spec's shape
    with duckdb.connect(str(path)) as db:
        db.execute(f"ALTER TABLE executions DROP COLUMN {number}")
        db.execute(f"ALTER TABLE executions ADD COLUMN {number} VARCHAR")
    with pytest.raises(ValueError, match=f"column '{number}' is VARCHAR, not BIGINT"):
        sync_executions(client, path)


def test_a_second_sync_of_one_file_in_this_process_is_refused_while_the_first_runs(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    path = tmp_path / "history.duckdb"
    refused: list[str] = []

    def progress(done: int, total: int | None) -> None:
        if not refused:  # the first sync holds the file: another, by another path to it, is refused
            with pytest.raises(DatabaseError, match="in use by another sync in this process") as caught:
                sync_executions(client, tmp_path / "." / "history.duckdb")
            refused.append(str(caught.value))

    assert sync_executions(client, path, progress=progress).new == 450
    assert len(refused) == 1
    assert sync_executions(client, path).new == 0  # released when the first ended


def test_a_date_python_cannot_hold_does_not_break_the_next_syncs(server: FakeAsteroidServer, tmp_path: Path):
    """Year 1 at +05:00 is year 0 in UTC: DuckDB stores it and hands it back as text."""

    done: list[str] = []

    def tamper(items: list[dict[str, Any]]) -> None:
        if items and not done:  # the oldest of the first page, still running: read again by every run
            items[0].update(createdAt="0001-01-01T00:00:00+05:00", status=ExecutionStatus.RUNNING.value)
            done.append(items[0]["id"])

    path = tmp_path / "history.duckdb"
    with tampered(server, tamper) as client:
        assert sync_executions(client, path).new == 450
        year_0 = f"SELECT created_at < TIMESTAMPTZ '0001-01-01 00:00:00+00' FROM executions WHERE id = '{done[0]}'"
        assert rows(path, year_0) == [(True,)]
        assert sync_executions(client, path).new == 0  # reads it again: the vendor's own date now
        assert sync_executions(client, path).new == 0
    assert rows(path, f"SELECT year(created_at) FROM executions WHERE id = '{done[0]}'") == [(2026,)]


def test_progress_and_a_closed_client_are_checked_before_any_request(server: FakeAsteroidServer, tmp_path: Path):
    path = tmp_path / "history.duckdb"
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        with pytest.raises(TypeError, match="progress must be a callable"):
            sync_executions(client, path, progress="x")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="progress must take two arguments"):
            sync_executions(client, path, progress=lambda done: None)  # type: ignore[arg-type,misc]
        with pytest.raises(TypeError, match="look_back must be a timedelta"):
            sync_executions(client, path, look_back=300)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="path '-' would be a file named '-'"):
            sync_executions(client, "-")
    with pytest.raises(ValueError, match="client is closed"):
        sync_executions(client, path)
    assert server.requests == [] and not path.exists()


def test_fake_syncs_into_one_file_run_after_run(tmp_path: Path, capsys: Any):
    """Each `--fake` listens on a port of its own: the file is tied to the fake, not to a port."""
    path = str(tmp_path / "demo.duckdb")
    assert main(["--fake", "asteroid", "sync", path]) == 0
    assert main(["--fake", "asteroid", "sync", path]) == 0, capsys.readouterr().err
    assert rows(Path(path), "SELECT base_url FROM _sync_state") == [("fake:asteroid",)]
    with FakeAsteroidServer(seed=1, count=3) as other:  # and a real server is still another one
        code = main(["asteroid", "sync", path, "--base-url", other.base_url, "--api-key", other.api_key])
    assert code == 2 and "holds executions from fake:asteroid" in capsys.readouterr().err


def test_a_duckdb_message_is_cut_to_a_line_of_a_few_hundred_characters() -> None:
    long = RuntimeError("Conversion Error: " + ", ".join(["running"] * 2000) + "\nLINE 1: ...")
    shown = first_line(long)
    assert len(shown) == DETAIL_AT_MOST and shown.startswith("Conversion Error: running") and shown.endswith("\u2026")
    assert first_line(RuntimeError("short\nmore")) == "short" and first_line(RuntimeError()) == "RuntimeError"


def test_a_file_this_process_has_open_already_is_synced_through_its_settings(client: AsteroidClient, tmp_path: Path):
    """A notebook's `duckdb.connect(path)` beside the sync: DuckDB allows one configuration per file."""
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    with duckdb.connect(str(path)) as mine:
        assert mine.sql("SELECT count(*) FROM executions").fetchall() == [(450,)]
        assert sync_executions(client, path).new == 0
        assert mine.sql("SELECT count(*) FROM executions").fetchall() == [(450,)]


def test_a_hard_link_to_a_file_being_synced_is_the_same_file(client: AsteroidClient, tmp_path: Path):
    path, link = tmp_path / "history.duckdb", tmp_path / "link.duckdb"
    sync_executions(client, path)
    os.link(path, link)
    refused: list[str] = []

    def progress(done: int, total: int | None) -> None:
        if not refused:
            with pytest.raises(DatabaseError, match="in use by another sync in this process"):
                sync_executions(client, link, full=True)
            refused.append("link")

    sync_executions(client, path, full=True, progress=progress)
    assert refused == ["link"]
    assert sync_executions(client, link).new == 0  # released: the link syncs on its own


def test_a_column_the_sync_does_not_write_keeps_its_values_and_is_named(
    client: AsteroidClient, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    """A user's own column, or a property a regeneration dropped: kept as it was, and said so."""
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    with duckdb.connect(str(path)) as db:
        db.execute("ALTER TABLE executions ADD COLUMN legacy VARCHAR")
        db.execute("UPDATE executions SET legacy = 'kept'")
    with caplog.at_level("INFO", logger="agent_executions"):
        assert sync_executions(client, path, full=True).new == 0
    assert rows(path, "SELECT DISTINCT legacy FROM executions") == [("kept",)]
    assert "columns this sync does not write keep their values (legacy)" in caplog.text


def test_a_not_null_column_the_sync_cannot_fill_is_refused_before_any_request(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path, capsys: Any
):
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    with duckdb.connect(str(path)) as db:
        db.execute("ALTER TABLE executions ADD COLUMN owner VARCHAR DEFAULT 'team'")  # a default fills it
        db.execute("ALTER TABLE executions ALTER COLUMN owner SET NOT NULL")
        db.execute("ALTER TABLE executions ADD COLUMN legacy VARCHAR")
        db.execute("UPDATE executions SET legacy = 'y'")
        db.execute("ALTER TABLE executions ALTER COLUMN legacy SET NOT NULL")
    before = len(server.requests)
    with pytest.raises(
        ValueError, match=r"NOT NULL columns without a default that this sync does not write \(legacy\)"
    ):
        sync_executions(client, path, full=True)
    code = main(["asteroid", "sync", str(path), "--base-url", server.base_url, "--api-key", server.api_key])
    assert code == 2 and "NOT NULL columns without a default" in capsys.readouterr().err
    assert len(server.requests) == before


def test_a_column_named_in_other_case_is_the_model_s_column(client: AsteroidClient, tmp_path: Path):
    """DuckDB's names are case-insensitive: a renamed "Duration" is written, not added again."""
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    number = next(c.name for c in columns_of(Execution) if c.type == "DOUBLE")
    with duckdb.connect(str(path)) as db:
        db.execute(f'ALTER TABLE executions RENAME COLUMN {number} TO "{number.title()}"')
        db.execute(f'UPDATE executions SET "{number.title()}" = NULL')
    assert sync_executions(client, path, full=True).updated > 0
    assert rows(path, f'SELECT count("{number.title()}") FROM executions')[0][0] > 0


def test_a_path_ending_in_a_separator_is_refused_not_made_a_file(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    with pytest.raises(ValueError, match="path must name a database file, not a directory"):
        sync_executions(client, f"{tmp_path}/trail/")
    assert server.requests == [] and not (tmp_path / "trail").exists()


def test_spaces_at_the_ends_of_the_path_are_shown_quoted(server: FakeAsteroidServer, tmp_path: Path, capsys: Any):
    path = f"{tmp_path}/ spaced.duckdb "
    assert main(["asteroid", "sync", path, "--base-url", server.base_url, "--api-key", server.api_key]) == 0
    assert f"agent-executions: {path!r}: " in capsys.readouterr().err
