"""Issue 25: the execution history in a DuckDB file, synced incrementally and crash-safe, on the
fake servers over loopback."""

from __future__ import annotations

import datetime
import json
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
import httpx
import pytest
from agent_executions import AsteroidClient, ZaiaClient
from agent_executions.errors import PermissionDeniedError
from agent_executions.sync import SyncSummary, sync_executions
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer
from independent_asteroid import PREFIX, IndependentAsteroid, serving

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)
ROOT = Path(__file__).resolve().parents[2]
_SHAPE = FakeAsteroidServer(count=0).shape
LIST_PATH = urllib.parse.urlsplit(
    _SHAPE.api_root("http://fake" + _SHAPE.server_path) + _SHAPE.operation("ExecutionList").path
).path
"""The listing's path as the pinned spec has it (the vendor's prefix included)."""


def parse_time(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=3, count=450, now=NOW) as server:
        server.clock.freeze(at=NOW)
        yield server


@pytest.fixture
def client(server: FakeAsteroidServer) -> Iterator[AsteroidClient]:
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        yield client


def rows(path: Path, sql: str = "SELECT * FROM executions ORDER BY id") -> list[tuple[Any, ...]]:
    with duckdb.connect(str(path), read_only=True) as db:
        return db.execute(sql).fetchall()


def list_requests(server: FakeAsteroidServer, since: int = 0) -> int:
    return sum(1 for r in server.requests[since:] if r.path == LIST_PATH)


def test_a_first_sync_stores_every_execution_once(server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path):
    path = tmp_path / "history.duckdb"
    summary = sync_executions(client, path)
    assert (summary.new, summary.updated, summary.unchanged) == (450, 0, 0)
    stored = rows(path, "SELECT id, status FROM executions")
    assert len(stored) == 450
    assert {row[0]: row[1] for row in stored} == {e["id"]: e["status"] for e in server.executions}


def test_a_second_sync_adds_the_new_updates_the_finished_and_lists_less(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("agent_executions.sync.REREAD_BATCH", 1000)  # the unfinished by id, not by a listing
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    first = list_requests(server)
    server.clock.advance(60)
    added = [server.add()["id"] for _ in range(5)]
    running = sorted(e["id"] for e in server.executions if e["status"] == "running" and e["id"] not in added)[:3]
    for execution_id in running:
        server.finish(execution_id, "completed")
    before = len(server.requests)
    summary = sync_executions(client, path)
    assert summary.new == 5
    assert summary.updated >= 3
    assert list_requests(server, before) < first
    assert len(rows(path, "SELECT id FROM executions")) == 455
    finished = rows(path, f"SELECT status, duration FROM executions WHERE id IN ({', '.join(map(repr, running))})")
    assert [status for status, _ in finished] == ["completed"] * 3
    assert all(duration is not None for _, duration in finished)
    # and a third run with nothing new changes nothing
    again = sync_executions(client, path)
    assert (again.new, again.updated) == (0, 0)


@pytest.mark.parametrize("reread_batch", [1000, 2], ids=["by-id", "by-listing"])
def test_the_same_two_syncs_against_an_independent_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reread_batch: int
):
    monkeypatch.setattr("agent_executions.sync.REREAD_BATCH", reread_batch)
    independent = IndependentAsteroid()
    for number in range(250):
        independent.add("running" if number % 10 == 0 else "completed", seconds=10)
    path = tmp_path / "history.duckdb"
    with serving(independent), AsteroidClient(api_key=independent.api_key, base_url=independent.base_url) as client:
        first = sync_executions(client, path)
        assert (first.new, first.updated, first.unchanged) == (250, 0, 0)
        first_lists = independent.list_requests()
        assert first_lists == 3  # pages of 100
        added = [independent.add(seconds=60)["id"] for _ in range(5)]
        running = [e["id"] for e in independent.executions if e["status"] == "running" and e["id"] not in added][:3]
        for execution_id in running:
            independent.finish(execution_id, "completed")
        before = len(independent.requests)
        second = sync_executions(client, path)
        assert second.new == 5 and second.updated >= 3
        if reread_batch == 1000:  # one listing page of what is new, then the 25 unfinished by id
            assert independent.list_requests() - first_lists < first_lists
        else:  # the 25 unfinished by a listing from the oldest: fewer requests than a get each
            assert len(independent.requests) - before < 25
    stored = dict(rows(path, "SELECT id, status FROM executions"))
    assert stored == {e["id"]: e["status"] for e in independent.executions}
    assert len(stored) == 255
    assert [stored[execution_id] for execution_id in running] == ["completed"] * 3


def test_timestamps_are_timestamptz_columns_duckdb_can_query(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    types = dict(rows(path, "SELECT column_name, data_type FROM information_schema.columns"
                      " WHERE table_name = 'executions'"))  # fmt: skip
    assert types["created_at"] == types["terminal_at"] == "TIMESTAMP WITH TIME ZONE"
    assert (types["agent_version"], types["duration"], types["has_been_rerun"]) == ("BIGINT", "DOUBLE", "BOOLEAN")
    assert types["metadata"] == types["trigger_context"] == "JSON"
    day = rows(path, "SELECT count(*) FROM executions WHERE created_at >= TIMESTAMPTZ '2026-11-22 12:00:00+00'")
    since = NOW - datetime.timedelta(days=1)
    assert day == [(sum(parse_time(e["createdAt"]) >= since for e in server.executions),)] != [(0,)]
    assert rows(path, "SELECT count(DISTINCT metadata->>'team') FROM executions") == [(3,)]


def readme_query() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Execution history in a database", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)[0]


def test_the_readme_query_failure_rate_per_workflow_per_day_runs(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    result = rows(path, readme_query())
    finished = [e for e in server.executions if e["status"] in ("completed", "failed", "cancelled")]
    assert sum(row[2] for row in result) == len(finished)  # (day, workflow_id, finished, failed, failure_rate)
    assert sum(row[3] for row in result) == sum(e["status"] == "failed" for e in finished)
    assert all(0 <= row[4] <= 1 for row in result)


def run_cli(server: FakeAsteroidServer, path: Path, *extra: str, code: str = "") -> subprocess.Popen[str]:
    env = {**os.environ, "ASTEROID_API_KEY": server.api_key}
    program = f"{code}\nimport sys\nfrom agent_executions.cli import main\nsys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", program, "asteroid", "sync", str(path), "--base-url", server.base_url, *extra]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_sync_killed_mid_way_and_run_again_gives_the_rows_of_an_uninterrupted_run(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    whole = tmp_path / "whole.duckdb"
    sync_executions(client, whole, activities=True)
    killed = tmp_path / "killed.duckdb"
    server.latency = 0.3
    # two pages a transaction: killed while the third is listed, the first two are in the file
    batches = "import agent_executions.sync as s\ns.WRITE_BATCH, s.WRITE_EVERY = 150, 600.0"
    process = run_cli(server, killed, "--activities", code=batches)
    before = len(server.requests)
    deadline = time.monotonic() + 60
    while list_requests(server, before) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    server.latency = 0.0
    partial = rows(killed, "SELECT count(*) FROM executions")[0][0]
    assert 150 <= partial < 450  # killed after the first transaction was written, before the end
    again = run_cli(server, killed, "--activities")
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert rows(killed) == rows(whole)
    activities = "SELECT * FROM activities ORDER BY id"
    assert rows(killed, activities) == rows(whole, activities)
    assert rows(killed, "SELECT count(*), count(DISTINCT id) FROM executions") == [(450, 450)]


def test_without_duckdb_the_command_exits_2_naming_the_extra_before_any_request(
    server: FakeAsteroidServer, tmp_path: Path
):
    process = run_cli(server, tmp_path / "h.duckdb", code="import sys\nsys.modules['duckdb'] = None")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "pip install 'agent-executions[duckdb]'" in err
    assert server.requests == []
    assert not (tmp_path / "h.duckdb").exists()


def test_the_command_prints_a_one_line_summary(server: FakeAsteroidServer, tmp_path: Path):
    process = run_cli(server, tmp_path / "h.duckdb")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0 and out == ""
    assert re.fullmatch(
        r"agent-executions: \S+: 450 new, 0 updated, 0 unchanged \(5 pages, \d+ read again\) in [\d.]+ s\n", err
    )


def test_full_lists_everything_again(server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path):
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    summary = sync_executions(client, path, full=True)
    assert (summary.new, summary.updated, summary.unchanged, summary.pages) == (0, 0, 450, 5)


def test_unfinished_executions_are_read_again_by_id_and_a_gone_one_keeps_its_row(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("agent_executions.sync.REREAD_BATCH", 1000)  # few enough to be read by id
    path = tmp_path / "history.duckdb"
    first = sync_executions(client, path)
    unfinished = rows(path, "SELECT count(*) FROM _sync_unfinished")[0][0]
    assert unfinished == sum(e["status"] not in ("completed", "failed", "cancelled") for e in server.executions)
    assert first.reread == 0
    victim = sorted(e["id"] for e in server.executions if e["status"] == "paused")[0]
    server.remove(victim)
    before = len(server.requests)
    second = sync_executions(client, path)
    gets = [r for r in server.requests[before:] if r.path.startswith(LIST_PATH + "/")]
    relisted = rows(path, "SELECT count(*) FROM _sync_unfinished u JOIN executions e USING (id), _sync_state s"
                          " WHERE e.created_at > s.cursor - INTERVAL 5 MINUTE")[0][0]  # fmt: skip
    assert len(gets) == second.reread == unfinished - relisted
    assert second.gone == 1
    assert rows(path, f"SELECT status FROM executions WHERE id = '{victim}'") == [("paused",)]
    assert sync_executions(client, path).reread == unfinished - relisted - 1


def test_activities_of_finished_executions_are_stored_once(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    path = tmp_path / "history.duckdb"
    running = sorted(e["id"] for e in server.executions if e["status"] == "running")[:2]
    for execution_id in running:
        server.set_status(execution_id, "running")  # logs the activities of a start
        server.finish(execution_id, "failed")
    sync_executions(client, path, activities=True)
    stored = rows(path, "SELECT execution_id, count(*) FROM activities GROUP BY 1 ORDER BY 1")
    assert stored == [(i, len(server.activities_of(i))) for i in running]
    kinds = rows(path, "SELECT DISTINCT payload->>'activityType' FROM activities ORDER BY 1")
    assert ("terminal",) in kinds
    before = len(server.requests)
    sync_executions(client, path, activities=True)
    assert not [r for r in server.requests[before:] if r.path.endswith("/activities")]


def test_a_column_the_table_lacks_is_added_on_the_next_sync(client: AsteroidClient, tmp_path: Path):
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    with duckdb.connect(str(path)) as db:
        db.execute("ALTER TABLE executions DROP COLUMN terminal_at")  # as a table made before a regeneration
    sync_executions(client, path, full=True)
    assert rows(path, "SELECT count(terminal_at) FROM executions WHERE status = 'completed'")[0][0] > 0


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"path": "."}, ValueError, "path must name a database file"),
        ({"path": "missing/dir/h.duckdb"}, ValueError, "path: the directory"),
        ({"path": 42}, TypeError, "path must be a str"),
        ({"full": "yes"}, TypeError, "full must be a bool"),
        ({"activities": 1}, TypeError, "activities must be a bool"),
        ({"look_back": datetime.timedelta(minutes=-1)}, ValueError, "look_back"),
    ],
)
def test_bad_arguments_fail_before_any_request(
    server: FakeAsteroidServer,
    client: AsteroidClient,
    tmp_path: Path,
    arguments: dict[str, Any],
    error: Any,
    message: str,
):
    os.chdir(tmp_path)
    given: dict[str, Any] = {"path": tmp_path / "h.duckdb", **arguments}
    with pytest.raises(error, match=message):
        sync_executions(client, **given)
    assert server.requests == []


def test_an_async_client_is_refused_naming_the_way(tmp_path: Path):
    from agent_executions import AsyncAsteroidClient

    with pytest.raises(TypeError, match="client must be an AsteroidClient or a ZaiaClient"):
        sync_executions(AsyncAsteroidClient(api_key="k", base_url="http://127.0.0.1:9"), tmp_path / "h.duckdb")  # type: ignore[arg-type]


def test_zaia_syncs_incrementally_with_parent_links(tmp_path: Path):
    path = tmp_path / "zaia.duckdb"
    with FakeZaiaServer(seed=5, count=150, now=NOW) as server:
        server.clock.freeze(at=NOW)
        with ZaiaClient(api_key=server.api_key, base_url=server.base_url) as client:
            first = sync_executions(client, path)
            total = len(server.executions)
            assert first.new == total
            listed = sum(1 for r in server.requests if r.path.endswith("/executions"))
            server.clock.advance(60)
            for _ in range(3):
                server.add()
            before = len(server.requests)
            second = sync_executions(client, path)
            assert second.new == 3
            assert sum(1 for r in server.requests[before:] if r.path.endswith("/executions")) < listed
            with pytest.raises(ValueError, match="Zaia has no activities"):
                sync_executions(client, path, activities=True)
    links = rows(path, "SELECT count(*) FROM executions WHERE parent_id IS NOT NULL")[0][0]
    assert links == sum(e["parentId"] is not None for e in server.executions) > 0
    assert rows(path, "SELECT count(*) FROM executions")[0][0] == total + 3


def test_an_asteroid_database_is_not_synced_from_zaia(client: AsteroidClient, tmp_path: Path):
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    with (
        FakeZaiaServer(seed=5, count=3, now=NOW) as zaia,
        ZaiaClient(api_key=zaia.api_key, base_url=zaia.base_url) as z,
    ):
        with pytest.raises(ValueError, match="holds asteroid executions, not zaia"):
            sync_executions(z, path)
        assert zaia.requests == []


def test_the_summary_reads_as_one_line() -> None:
    summary = SyncSummary(new=5, updated=3, unchanged=2, pages=1, reread=4, gone=0, activities=0, seconds=0.25)
    assert summary.line() == "5 new, 3 updated, 2 unchanged (1 pages, 4 read again) in 0.2 s"


# --- the hostile review of issue 25 -----------------------------------------------------------


def test_a_future_dated_execution_does_not_move_the_position_past_now(tmp_path: Path):
    path = tmp_path / "history.duckdb"
    now = datetime.datetime.now(datetime.UTC)  # the server's clock agrees with this machine's
    with (
        FakeAsteroidServer(seed=3, count=50, now=now) as server,
        AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client,
    ):
        server.clock.freeze(at=now)
        server.add(createdAt="2099-01-01T00:00:00Z", status="completed")
        sync_executions(client, path)
        cursor = rows(path, "SELECT cursor FROM _sync_state")[0][0]
        assert cursor <= datetime.datetime.now(datetime.UTC)
        server.clock.advance(1)
        added = server.add()["id"]
        summary = sync_executions(client, path)
    assert summary.new == 1
    assert rows(path, f"SELECT count(*) FROM executions WHERE id = '{added}'") == [(1,)]
    assert rows(path, "SELECT count(*) FROM executions WHERE created_at > TIMESTAMPTZ '2098-01-01 00:00:00+00'") == [
        (1,)
    ]


class Tampering(httpx.BaseTransport):
    """Passes requests to the fake; `tamper` edits the items of each listing page."""

    def __init__(self, tamper: Any) -> None:
        self.inner = httpx.HTTPTransport()
        self.tamper = tamper

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        if request.url.path.endswith("/executions") and response.status_code == 200:
            data = json.loads(response.content)
            self.tamper(data["items"])
            headers = [
                (k, v) for k, v in response.headers.items() if k.lower() not in ("content-length", "content-encoding")
            ]
            return httpx.Response(200, headers=headers, content=json.dumps(data).encode(), request=request)
        return response


def tampered(server: FakeAsteroidServer, tamper: Any) -> AsteroidClient:
    http = httpx.Client(transport=Tampering(tamper))
    return AsteroidClient(api_key=server.api_key, base_url=server.base_url, http_client=http)


def test_a_lone_surrogate_a_huge_integer_and_a_repeated_unfinished_execution_do_not_block_the_sync(
    server: FakeAsteroidServer, tmp_path: Path
):
    def tamper(items: list[dict[str, Any]]) -> None:
        if items:
            items[0]["agentName"] = "x\ud800y"
            items[0]["metadata"] = {"note": "\udfff"}
            items[-1]["agentVersion"] = 2**70
            running = next((k for k, item in enumerate(items) if item["status"] == "running"), None)
            if running is not None:
                items.insert(running + 1, dict(items[running]))

    path = tmp_path / "history.duckdb"
    with tampered(server, tamper) as client:
        summary = sync_executions(client, path)
        assert summary.new == 450
        assert sync_executions(client, path).new == 0  # and the next runs go on
    names = rows(path, "SELECT count(*) FROM executions WHERE agent_name = 'x\ufffdy' AND metadata->>'note' = '\ufffd'")
    assert names[0][0] >= 1
    huge = rows(path, "SELECT agent_version, additional_properties->>'agent_version' FROM executions"
                      " WHERE additional_properties->>'agent_version' IS NOT NULL")  # fmt: skip
    assert huge and all(row == (None, str(2**70)) for row in huge)


def test_a_database_error_is_one_line_and_exit_74_and_a_database_error_in_python(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
):
    from agent_executions._warehouse.store import Store
    from agent_executions.cli import main
    from agent_executions.sync import DatabaseError

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise duckdb.TransactionException("TransactionContext Error: Failed to commit: permission denied")

    monkeypatch.setattr(Store, "write_executions", refuse)
    with pytest.raises(DatabaseError, match="Failed to commit"):
        sync_executions(client, tmp_path / "a.duckdb")
    monkeypatch.setenv("ASTEROID_API_KEY", server.api_key)
    code = main(["asteroid", "sync", str(tmp_path / "b.duckdb"), "--base-url", server.base_url])
    err = capsys.readouterr().err
    assert code == 74
    assert err.count("\n") == 1 and "Failed to commit" in err and "Traceback" not in err


def test_a_look_back_of_0s_still_brings_an_execution_created_at_the_stored_instant(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    cursor = rows(path, "SELECT cursor FROM _sync_state")[0][0]
    same = server.add(createdAt=cursor.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z"))["id"]
    summary = sync_executions(client, path, look_back=datetime.timedelta(0))
    assert summary.new == 1
    assert rows(path, f"SELECT count(*) FROM executions WHERE id = '{same}'") == [(1,)]


def test_a_path_duckdb_would_read_specially_is_a_file_of_that_name(
    client: AsteroidClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    sync_executions(client, ":memory:")
    assert (tmp_path / ":memory:").is_file()
    assert rows(tmp_path / ":memory:", "SELECT count(*) FROM executions") == [(450,)]


def test_a_database_synced_from_one_server_is_not_reused_against_another(client: AsteroidClient, tmp_path: Path):
    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    with (
        FakeAsteroidServer(seed=4, count=3, now=NOW) as other,
        AsteroidClient(api_key=other.api_key, base_url=other.base_url) as elsewhere,
    ):
        with pytest.raises(ValueError, match=r"holds executions from http://127\.0\.0\.1:.*another file"):
            sync_executions(elsewhere, path)
        assert other.requests == []
        process = run_cli(other, path)
        _, err = process.communicate(timeout=60)
        assert process.returncode == 2 and "--full into a new file" in err
    assert rows(path, "SELECT base_url FROM _sync_state") == [(client.base_url.rstrip("/"),)]


def test_a_look_back_too_long_is_refused_before_any_request(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    with pytest.raises(ValueError, match="look_back"):
        sync_executions(client, tmp_path / "h.duckdb", look_back=datetime.timedelta(days=999999))
    process = run_cli(server, tmp_path / "h.duckdb", "--look-back", "999999d")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and "--look-back" in err and "Traceback" not in err
    assert server.requests == []


def test_a_file_in_use_or_not_duckdb_says_so_in_one_line(server: FakeAsteroidServer, tmp_path: Path):
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database\n" * 100)
    process = run_cli(server, text)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 74
    assert "is not a DuckDB database" in err and err.count("\n") == 1


def test_two_syncs_of_one_file_in_one_process_fail_with_a_database_error_not_a_duckdb_one(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    from agent_executions.sync import DatabaseError

    path = tmp_path / "history.duckdb"
    sync_executions(client, path)
    held = duckdb.connect(str(path))
    held.begin()
    held.execute("UPDATE _sync_state SET run = run + 1")  # as another sync of this process, mid-way
    try:
        with pytest.raises(DatabaseError):
            sync_executions(client, path)
    finally:
        held.rollback()
        held.close()


def test_a_path_with_a_newline_is_printed_escaped(server: FakeAsteroidServer, tmp_path: Path):
    process = run_cli(server, tmp_path / "a\nb.duckdb")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert err.count("\n") == 1 and "a\\nb.duckdb" in err


def test_many_unfinished_executions_are_read_again_by_a_listing_not_one_get_each(tmp_path: Path):
    path = tmp_path / "history.duckdb"
    with (
        FakeAsteroidServer(seed=3, count=300, now=NOW) as server,
        AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client,
    ):
        server.clock.freeze(at=NOW)
        start = NOW - datetime.timedelta(hours=6)
        running = [
            server.add(status="running", createdAt=(start + datetime.timedelta(seconds=60 * k)).isoformat())["id"]
            for k in range(250)
        ]
        sync_executions(client, path)
        waiting = rows(path, "SELECT count(*) FROM _sync_unfinished")[0][0]
        assert waiting > 250
        for execution_id in running[:40]:
            server.finish(execution_id, "failed")
        server.clock.advance(60)
        seen: list[tuple[int, int | None]] = []
        before = len(server.requests)
        summary = sync_executions(client, path, progress=lambda done, total: seen.append((done, total)))
        gets = [r for r in server.requests[before:] if r.path.startswith(LIST_PATH + "/")]
    assert len(gets) < 100 < waiting
    assert summary.reread >= 250
    # each execution counted once: the walk's and the read-again listing's pages overlap
    assert (summary.new, summary.updated, summary.unchanged) == (0, 40, waiting - 40)
    finished = ", ".join(f"'{i}'" for i in running[:40])
    assert rows(path, f"SELECT DISTINCT status FROM executions WHERE id IN ({finished})") == [("failed",)]
    assert rows(path, "SELECT count(*) FROM _sync_unfinished")[0][0] == waiting - 40
    assert seen[-1][0] == seen[-1][1] and len(seen) > 3  # the bar goes on through the reading again


def test_pages_are_written_a_batch_at_a_time_by_count_and_by_time(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    seen: list[tuple[int, int | None]] = []
    monkeypatch.setattr("agent_executions.sync.WRITE_BATCH", 250)
    monkeypatch.setattr("agent_executions.sync.WRITE_EVERY", 600.0)
    sync_executions(client, tmp_path / "by_count.duckdb", progress=lambda done, total: seen.append((done, total)))
    assert len(seen) == 2 and 250 <= seen[0][0] < 450 and seen[1] == (450, 450)  # 250 or more, then the rest
    seen.clear()
    monkeypatch.setattr("agent_executions.sync.WRITE_EVERY", 0.0)  # every page is a second's worth
    before = len(server.requests)
    sync_executions(client, tmp_path / "by_time.duckdb", progress=lambda done, total: seen.append((done, total)))
    assert len(seen) == list_requests(server, before) == 5 and seen[-1] == (450, 450)  # a write a page


def test_a_listing_that_fails_mid_way_keeps_what_it_listed_before(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "history.duckdb"
    monkeypatch.setattr("agent_executions.sync.WRITE_EVERY", 600.0)  # nothing written before the failure
    server.fail_next(403, after=2)  # the third page is refused, with no retry
    with pytest.raises(PermissionDeniedError):
        sync_executions(client, path)
    assert 150 < rows(path, "SELECT count(*) FROM executions")[0][0] < 450  # the two pages listed
    summary = sync_executions(client, path)
    assert rows(path, "SELECT count(*), count(DISTINCT id) FROM executions") == [(450, 450)]
    assert summary.new < 300


# --- the hostile review of issue 25, second round ---------------------------------------------


def test_ctrl_c_inside_a_duckdb_statement_is_a_keyboard_interrupt_and_exit_130(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
):
    """DuckDB turns SIGINT during a statement into RuntimeError('Query interrupted'): it is raised
    as the KeyboardInterrupt it is, so the command says 'interrupted' and exits 130."""
    from agent_executions._warehouse.store import Store
    from agent_executions.cli import main

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("Query interrupted")

    monkeypatch.setattr(Store, "write_executions", interrupted)
    with pytest.raises(KeyboardInterrupt):
        sync_executions(client, tmp_path / "a.duckdb")
    monkeypatch.setenv("ASTEROID_API_KEY", server.api_key)
    code = main(["asteroid", "sync", str(tmp_path / "b.duckdb"), "--base-url", server.base_url])
    err = capsys.readouterr().err
    assert code == 130 and "interrupted" in err and "Traceback" not in err


def test_a_commit_that_fails_is_the_error_reported_not_the_rollback_after_it(
    client: AsteroidClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from agent_executions.sync import DatabaseError

    real = duckdb.connect

    class FullDisk:
        """A connection whose commit fails as on a full disk, ending the transaction (as DuckDB's does)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.db = real(*args, **kwargs)
            self.commits = 0

        def commit(self) -> Any:
            self.commits += 1
            if self.commits > 2:  # past the tables and the run's number: the first page
                self.db.rollback()
                raise duckdb.IOException('Failed to commit: Could not write file "x.wal": No space left on device')
            return self.db.commit()

        def __getattr__(self, name: str) -> Any:
            return getattr(self.db, name)

    monkeypatch.setattr(duckdb, "connect", FullDisk)  # what the store opens the file with
    with pytest.raises(DatabaseError, match="No space left on device"):
        sync_executions(client, tmp_path / "full.duckdb")


def test_a_get_answered_with_another_id_ends_and_adds_no_row(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    class Recased(IndependentAsteroid):
        def answer(self, path: str, query: dict[str, list[str]], key: str | None) -> tuple[int, dict[str, Any]]:
            status, body = super().answer(path, query, key)
            if status == 200 and "id" in body:  # a get: the id in capitals
                body = {**body, "id": body["id"].upper()}
            return status, body

    independent = Recased()
    for number in range(30):
        independent.add("running" if number % 3 == 0 else "completed", seconds=600)
    path = tmp_path / "history.duckdb"
    with serving(independent), AsteroidClient(api_key=independent.api_key, base_url=independent.base_url) as client:
        sync_executions(client, path)
        independent.add(seconds=600)
        gets = len(independent.requests)
        second = sync_executions(client, path)
        assert len(independent.requests) - gets < 20  # one listing page and a get each: no loop
        assert second.gone == 10 and sync_executions(client, path).gone == 0  # those ten are not read again
    assert rows(path, "SELECT count(*), count(DISTINCT lower(id)) FROM executions") == [(31, 31)]
    assert "answered a get of execution" in caplog.text


def test_reading_again_by_a_listing_goes_past_a_page_of_executions_sharing_one_created_at(tmp_path: Path):
    independent = IndependentAsteroid()
    independent.add("running", seconds=60)
    for _ in range(149):
        independent.add("running", seconds=0)  # 150 running, all created at one instant
    for _ in range(850):
        independent.add("completed", seconds=10)
    path = tmp_path / "history.duckdb"
    with serving(independent), AsteroidClient(api_key=independent.api_key, base_url=independent.base_url) as client:
        sync_executions(client, path)
        before = len(independent.requests)
        second = sync_executions(client, path)
    requests = independent.requests[before:]
    gets = [p for p, _ in requests if p != PREFIX + "/executions"]
    assert second.reread == 150 and gets == []  # every one by the listing, none by id
    assert len(requests) < 20


def test_a_table_this_sync_did_not_make_is_refused_before_any_request(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    path = tmp_path / "clash.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute("CREATE TABLE executions (id VARCHAR, note VARCHAR)")
        db.execute("INSERT INTO executions VALUES ('a', 'mine')")
    with pytest.raises(ValueError, match="did not make"):
        sync_executions(client, path)
    assert server.requests == []
    assert rows(path, "SELECT * FROM executions") == [("a", "mine")]
    process = run_cli(server, path)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2 and "did not make" in err


def test_a_first_sync_that_stored_nothing_ties_the_file_to_no_server(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    path = tmp_path / "typo.duckdb"
    with FakeAsteroidServer(seed=5, count=0, now=NOW) as empty:
        with AsteroidClient(api_key=empty.api_key, base_url=empty.base_url) as nowhere:
            assert sync_executions(nowhere, path).new == 0
    assert sync_executions(client, path).new == 450
    assert rows(path, "SELECT base_url FROM _sync_state") == [(client.base_url.rstrip("/"),)]


def test_a_path_that_is_no_regular_file_is_refused_before_any_request(
    server: FakeAsteroidServer, client: AsteroidClient, tmp_path: Path
):
    fifo = tmp_path / "pipe.duckdb"
    os.mkfifo(fifo)
    with pytest.raises(ValueError, match="not a regular file"):
        sync_executions(client, fifo)
    with pytest.raises(ValueError, match="must not be empty"):
        sync_executions(client, "")
    assert server.requests == []
