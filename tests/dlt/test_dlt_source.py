"""Issue 25, item 4: the dlt sources, loaded into dlt's DuckDB destination from the fake servers
over loopback, run twice with new and finished executions between the runs."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dlt
import duckdb
import pytest
from agent_executions import AsteroidClient, ZaiaClient
from agent_executions.dlt import asteroid_source, zaia_source
from agent_executions.models import ExecutionStatus
from agent_executions.sync import sync_executions
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer
from independent_asteroid import IndependentAsteroid, serving

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)
_SHAPE = FakeAsteroidServer(count=0).shape
LIST_PATH = urllib.parse.urlsplit(
    _SHAPE.api_root("http://fake" + _SHAPE.server_path) + _SHAPE.operation("ExecutionList").path
).path
"""The listing's path as the pinned spec has it (the vendor's prefix included)."""


@pytest.fixture(autouse=True)
def no_telemetry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUNTIME__DLTHUB_TELEMETRY", "false")


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=3, count=450, now=NOW) as server:
        server.clock.freeze(at=NOW)
        yield server


def pipeline(tmp_path: Path, name: str = "asteroid", database: str = "warehouse.duckdb") -> Any:
    destination = dlt.destinations.duckdb(str(tmp_path / database))
    return dlt.pipeline(name, destination=destination, dataset_name="history", pipelines_dir=str(tmp_path / "dlt"))


def rows(tmp_path: Path, sql: str, database: str = "warehouse.duckdb") -> list[tuple[Any, ...]]:
    with duckdb.connect(str(tmp_path / database), read_only=True) as db:
        db.execute("SET schema = 'history'")
        return db.execute(sql).fetchall()


def list_requests(server: FakeAsteroidServer, since: int = 0) -> int:
    return sum(1 for r in server.requests[since:] if r.path == LIST_PATH)


def test_two_runs_hold_every_execution_once_with_the_statuses_updated(server: FakeAsteroidServer, tmp_path: Path):
    with_activities = sorted(e["id"] for e in server.executions if e["status"] == "running")[:2]
    for execution_id in with_activities:
        server.set_status(execution_id, "running")  # logs the activities of a start
        server.finish(execution_id, "failed")
    source = asteroid_source(api_key=server.api_key, base_url=server.base_url)
    pipeline(tmp_path).run(source)
    first = list_requests(server)
    assert rows(tmp_path, "SELECT count(*), count(DISTINCT id) FROM executions") == [(450, 450)]
    stored = rows(tmp_path, "SELECT execution_id, count(*) FROM activities GROUP BY 1 ORDER BY 1")
    assert stored == [(i, len(server.activities_of(i))) for i in with_activities]

    server.clock.advance(60)
    added = [server.add()["id"] for _ in range(5)]
    running = sorted(e["id"] for e in server.executions if e["status"] == "running" and e["id"] not in added)[:3]
    for execution_id in running:
        server.finish(execution_id, "completed")
    before = len(server.requests)
    pipeline(tmp_path).run(asteroid_source(api_key=server.api_key, base_url=server.base_url))
    assert list_requests(server, before) < first
    assert rows(tmp_path, "SELECT count(*), count(DISTINCT id) FROM executions") == [(455, 455)]
    loaded = dict(rows(tmp_path, "SELECT id, status FROM executions"))
    assert loaded == {e["id"]: e["status"] for e in server.executions}
    assert [loaded[i] for i in running] == ["completed"] * 3
    stored = rows(tmp_path, "SELECT execution_id, count(*), count(DISTINCT id) FROM activities GROUP BY 1")
    expected = {i: len(server.activities_of(i)) for i in [*with_activities, *running]}
    assert {i: (n, d) for i, n, d in stored} == {i: (n, n) for i, n in expected.items()}
    # a third run with nothing new fetches no activities again and changes nothing
    before = len(server.requests)
    pipeline(tmp_path).run(asteroid_source(api_key=server.api_key, base_url=server.base_url))
    assert not [r for r in server.requests[before:] if r.path.endswith("/activities")]
    assert dict(rows(tmp_path, "SELECT id, status FROM executions")) == loaded


def test_two_runs_against_an_independent_server_hold_every_execution_once(tmp_path: Path):
    independent = IndependentAsteroid()
    for number in range(250):
        independent.add("running" if number % 10 == 0 else "completed", seconds=10)
    with serving(independent):

        def run() -> None:
            source = asteroid_source(api_key=independent.api_key, base_url=independent.base_url)
            pipeline(tmp_path).run(source.with_resources("executions"))  # this server has no activities

        run()
        assert rows(tmp_path, "SELECT count(*), count(DISTINCT id) FROM executions") == [(250, 250)]
        first = independent.list_requests()
        added = {independent.add(seconds=60)["id"] for _ in range(5)}
        running = [e["id"] for e in independent.executions if e["status"] == "running" and e["id"] not in added][:3]
        for execution_id in running:
            independent.finish(execution_id, "completed")
        run()
        assert independent.list_requests() - first < first
    assert rows(tmp_path, "SELECT count(*), count(DISTINCT id) FROM executions") == [(255, 255)]
    assert dict(rows(tmp_path, "SELECT id, status FROM executions")) == {
        e["id"]: e["status"] for e in independent.executions
    }


def test_a_pipeline_of_one_server_is_not_run_against_another(server: FakeAsteroidServer, tmp_path: Path):
    """The source's state holds the server: another one's listing would start from this one's position
    (and drop its unfinished executions as gone), as the sync refuses too."""
    pipeline(tmp_path).run(asteroid_source(api_key=server.api_key, base_url=server.base_url))
    with FakeAsteroidServer(seed=4, count=30, now=NOW) as other:
        with pytest.raises(Exception, match=r"state is of executions from http://127\.0\.0\.1:\d+"):
            pipeline(tmp_path).run(asteroid_source(api_key=other.api_key, base_url=other.base_url))
        assert not [r for r in other.requests if r.path == LIST_PATH]
    assert rows(tmp_path, "SELECT count(*) FROM executions") == [(450,)]


def test_the_columns_are_typed_as_the_sync_s(server: FakeAsteroidServer, tmp_path: Path):
    pipeline(tmp_path).run(asteroid_source(api_key=server.api_key, base_url=server.base_url))
    types = dict(rows(tmp_path, "SELECT column_name, data_type FROM information_schema.columns"
                                " WHERE table_name = 'executions' AND table_schema = 'history'"))  # fmt: skip
    assert types["created_at"] == types["terminal_at"] == "TIMESTAMP WITH TIME ZONE"
    assert (types["agent_version"], types["duration"], types["has_been_rerun"]) == ("BIGINT", "DOUBLE", "BOOLEAN")
    assert types["metadata"] == types["execution_result"] == "JSON"
    assert rows(tmp_path, "SELECT count(DISTINCT metadata->>'team') FROM executions") == [(3,)]
    tables = {name for (name,) in rows(tmp_path, "SELECT table_name FROM information_schema.tables")}
    assert not {name for name in tables if name.startswith("executions__")}  # no child tables


def test_windows_of_a_backfill_run_side_by_side_sharing_one_client(server: FakeAsteroidServer, tmp_path: Path):
    """The README's recipe: created_at windows, each a pipeline of its own, in threads, one client."""
    times = sorted(datetime.datetime.fromisoformat(e["createdAt"].replace("Z", "+00:00")) for e in server.executions)
    start, end = times[0] - datetime.timedelta(seconds=1), times[-1] + datetime.timedelta(seconds=1)
    edges = [start + (end - start) * i / 3 for i in range(4)]
    errors: list[BaseException] = []

    def load(index: int, client: AsteroidClient) -> None:
        try:
            source = asteroid_source(client=client, created_after=edges[index], created_before=edges[index + 1])
            pipeline(tmp_path, f"backfill_{index}", f"window_{index}.duckdb").run(source)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        threads = [threading.Thread(target=load, args=(i, client)) for i in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    assert errors == []
    ids: list[str] = []
    for i in range(3):
        ids += [row[0] for row in rows(tmp_path, "SELECT id FROM executions", f"window_{i}.duckdb")]
    assert sorted(ids) == sorted(e["id"] for e in server.executions)  # each once, across the windows
    state = pipeline(tmp_path, "backfill_0", "window_0.duckdb").state
    assert "agent_executions" not in str(state.get("sources", {}))  # windows keep no cursor


def test_zaia_runs_twice_with_new_executions_between(tmp_path: Path):
    with FakeZaiaServer(seed=5, count=150, now=NOW) as server:
        server.clock.freeze(at=NOW)
        pipeline(tmp_path, "zaia").run(zaia_source(api_key=server.api_key, base_url=server.base_url))
        total = len(server.executions)
        assert rows(tmp_path, "SELECT count(*), count(DISTINCT id) FROM executions") == [(total, total)]
        listed = sum(1 for r in server.requests if r.path.endswith("/executions"))
        server.clock.advance(60)
        for _ in range(3):
            server.add()
        before = len(server.requests)
        with ZaiaClient(api_key=server.api_key, base_url=server.base_url) as client:
            pipeline(tmp_path, "zaia").run(zaia_source(client=client))
        assert sum(1 for r in server.requests[before:] if r.path.endswith("/executions")) < listed
        assert rows(tmp_path, "SELECT count(*), count(DISTINCT id) FROM executions") == [(total + 3, total + 3)]
        loaded = dict(rows(tmp_path, "SELECT id, parent_id FROM executions"))
        assert loaded == {e["id"]: e["parentId"] for e in server.executions}
        types = dict(rows(tmp_path, "SELECT column_name, data_type FROM information_schema.columns"
                                    " WHERE table_name = 'executions' AND table_schema = 'history'"))  # fmt: skip
        assert types["started_at"] == "TIMESTAMP WITH TIME ZONE" and types["is_agentic"] == "BOOLEAN"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"created_after": datetime.datetime(2026, 1, 1)}, "created_after must be a datetime with a time zone"),
        ({"created_before": "2026-01-01"}, "created_before must be a datetime with a time zone"),
        ({"created_after": NOW, "created_before": NOW}, "created_after .* must be before created_before"),
        ({"page_size": 0}, "page_size must be >= 1"),
        ({"page_size": 101}, "page_size must be <= 100"),
        ({"page_size": True}, "page_size must be an int"),
        ({"lag": datetime.timedelta(seconds=-1)}, "lag must be a timedelta of 0 or more"),
        ({"lag": datetime.timedelta(days=999999)}, "lag reaches back before the year 1"),
        ({"client": "a client"}, "client must be an AsteroidClient"),
    ],
)
def test_bad_arguments_fail_before_any_request_naming_the_argument(
    server: FakeAsteroidServer, kwargs: dict[str, Any], message: str
):
    key = {} if "client" in kwargs else {"api_key": server.api_key, "base_url": server.base_url}
    with pytest.raises((TypeError, ValueError), match=message):
        asteroid_source(**key, **kwargs)
    assert server.requests == []


def test_a_client_and_a_key_together_are_refused(server: FakeAsteroidServer):
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        with pytest.raises(ValueError, match="give client or api_key/base_url, not both"):
            asteroid_source(api_key="other", client=client)


def python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RUNTIME__DLTHUB_TELEMETRY": "false"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)


def test_dlt_is_imported_only_when_a_source_is_made() -> None:
    done = python("import sys, agent_executions.dlt\nprint('dlt' in sys.modules)")
    assert done.stdout.split() == ["False"], done.stderr


def test_without_dlt_making_a_source_names_the_extra() -> None:
    code = "import sys\nsys.modules['dlt'] = None\nfrom agent_executions.dlt import asteroid_source\nasteroid_source()"
    done = python(code)
    assert done.returncode == 1
    assert "pip install 'agent-executions[dlt]'" in done.stderr


def test_the_readme_query_runs_on_the_dlt_dataset_as_on_a_synced_file(server: FakeAsteroidServer, tmp_path: Path):
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = text.split("## Execution history in a database", 1)[1].split("\n## ", 1)[0]
    failure_rate = re.findall(r"```sql\n(.*?)```", section, re.S)[0]
    assert "SET schema = 'history'" not in section and "SET schema = 'asteroid'" in section
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        sync_executions(client, tmp_path / "history.duckdb")
        pipeline(tmp_path).run(asteroid_source(client=client))
    with duckdb.connect(str(tmp_path / "history.duckdb"), read_only=True) as db:
        synced = db.execute(failure_rate).fetchall()
    assert sorted(rows(tmp_path, failure_rate)) == sorted(synced) and len(synced) > 10  # rows(): the dataset schema


def test_a_future_dated_execution_does_not_hide_the_later_ones(tmp_path: Path):
    now = datetime.datetime.now(datetime.UTC)
    with FakeAsteroidServer(seed=3, count=30, now=now) as server:
        server.clock.freeze(at=now)
        server.add(createdAt="2099-01-01T00:00:00Z", status="completed")
        pipeline(tmp_path).run(asteroid_source(api_key=server.api_key, base_url=server.base_url))
        server.clock.advance(1)
        added = server.add()["id"]
        pipeline(tmp_path).run(
            asteroid_source(api_key=server.api_key, base_url=server.base_url, lag=datetime.timedelta(0))
        )
    assert rows(tmp_path, f"SELECT count(*) FROM executions WHERE id = '{added}'") == [(1,)]


def test_one_resource_of_a_source_runs_after_the_source_itself_is_gone(server: FakeAsteroidServer, tmp_path: Path):
    """`with_resources` copies the source: the client the source made stays open while a copy runs,
    and is closed once nothing holds it."""
    import gc

    picked = asteroid_source(api_key=server.api_key, base_url=server.base_url).with_resources("executions")
    gc.collect()
    pipeline(tmp_path).run(picked)
    assert rows(tmp_path, "SELECT count(*) FROM executions") == [(450,)]
    assert not [r for r in server.requests if r.path.endswith("/activities")]
    http = picked.resources["executions"]._pipe.gen.__closure__  # the client, through the resource
    clients = [cell.cell_contents for cell in http if isinstance(cell.cell_contents, AsteroidClient)]
    assert len(clients) == 1 and not clients[0]._http.is_closed
    pool = clients[0]._http
    del picked, http, clients
    gc.collect()
    assert pool.is_closed


def test_the_two_vendors_are_not_loaded_into_one_pipeline(server: FakeAsteroidServer, tmp_path: Path):
    with FakeZaiaServer(seed=5, count=20, now=NOW) as zaia:
        pipeline(tmp_path, "mixed").run(zaia_source(api_key=zaia.api_key, base_url=zaia.base_url))
        loaded = len(zaia.executions)
    with pytest.raises(Exception, match="has loaded zaia executions into its `executions` table"):
        pipeline(tmp_path, "mixed").run(asteroid_source(api_key=server.api_key, base_url=server.base_url))
    assert rows(tmp_path, "SELECT count(*) FROM executions") == [(loaded,)]
    assert server.requests == []


def test_the_two_vendors_in_one_run_or_after_a_window_are_refused(server: FakeAsteroidServer, tmp_path: Path):
    with FakeZaiaServer(seed=5, count=20, now=NOW) as zaia:
        both = [
            asteroid_source(api_key=server.api_key, base_url=server.base_url),
            zaia_source(api_key=zaia.api_key, base_url=zaia.base_url),
        ]
        with pytest.raises(Exception, match="has loaded asteroid executions"):
            pipeline(tmp_path, "both").run(both)
        assert not pipeline(tmp_path, "both").has_pending_data
        window = asteroid_source(
            api_key=server.api_key, base_url=server.base_url, created_after=NOW - DAY * 400, created_before=NOW
        )
        pipeline(tmp_path, "window", "window.duckdb").run(window)  # a window keeps no state
        with pytest.raises(Exception, match="has loaded asteroid executions"):
            pipeline(tmp_path, "window", "window.duckdb").run(zaia_source(api_key=zaia.api_key, base_url=zaia.base_url))
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as db:
        assert db.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'executions'"
        ).fetchone() == (0,)
    assert rows(tmp_path, "SELECT count(*) FROM executions", "window.duckdb") == [(450,)]


def test_a_created_after_before_the_state_s_position_is_named_in_a_warning(
    server: FakeAsteroidServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    start = NOW - datetime.timedelta(days=1)
    for _ in range(2):  # the same created_after run after run (a cron job's): no warning
        pipeline(tmp_path).run(asteroid_source(api_key=server.api_key, base_url=server.base_url, created_after=start))
    assert "the state wins" not in caplog.text
    earlier = NOW - datetime.timedelta(days=365)
    for _ in range(2):
        pipeline(tmp_path).run(asteroid_source(api_key=server.api_key, base_url=server.base_url, created_after=earlier))
    assert f"created_after={earlier.isoformat()} is before where this pipeline's state goes on from" in caplog.text
    assert "a window run (created_before too)" in caplog.text and caplog.text.count("the state wins") == 1


def test_a_closed_client_is_refused_when_the_source_is_made(server: FakeAsteroidServer):
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        pass
    with pytest.raises(ValueError, match="client is closed"):
        asteroid_source(client=client)
    with pytest.raises(TypeError, match="client must be a ZaiaClient, not AsteroidClient"):
        zaia_source(client=client)  # type: ignore[arg-type]
    assert server.requests == []


def test_a_time_utc_cannot_hold_is_kept_as_text_and_blocks_no_run(tmp_path: Path):
    """Year 1 at +05:00 is year 0 in UTC, 9999-12-31 at -05:00 is 10000: dlt's normalizer failed
    on them and left the load pending for every later run."""
    independent = IndependentAsteroid()
    for _ in range(30):
        independent.add(ExecutionStatus.COMPLETED.value, seconds=10)
    oldest, other = independent.executions[0], independent.executions[5]
    oldest["createdAt"] = "0001-01-01T00:00:00+05:00"
    other["terminalAt"] = "9999-12-31T23:00:00-05:00"
    with serving(independent):
        for _ in range(2):
            source = asteroid_source(api_key=independent.api_key, base_url=independent.base_url)
            pipeline(tmp_path).run(source.with_resources("executions"))
            assert not pipeline(tmp_path).has_pending_data
    assert rows(tmp_path, "SELECT count(*), count(DISTINCT id) FROM executions") == [(30, 30)]
    kept = dict(
        rows(tmp_path, "SELECT id, additional_properties FROM executions WHERE additional_properties IS NOT NULL")
    )
    assert {k: json.loads(v) for k, v in kept.items()} == {
        oldest["id"]: {"created_at": "0001-01-01T00:00:00+05:00"},
        other["id"]: {"terminal_at": "9999-12-31T23:00:00-05:00"},
    }
    assert rows(tmp_path, f"SELECT created_at FROM executions WHERE id = '{oldest['id']}'") == [(None,)]
