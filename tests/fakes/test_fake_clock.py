"""The fakes' clock: executions started on a fake are dated when they start, carry what they were
sent, and finish on the fake's time (issue 23, item 14; issue 25, item 7)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from agent_executions import AsteroidClient, ZaiaClient
from agent_executions.testing import FakeAsteroidServer, FakeClock, FakeZaiaServer

WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"
NOW = datetime.datetime(2026, 11, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=4, count=30, now=NOW) as fake:
        fake.clock.freeze(at=NOW)
        yield fake


@pytest.fixture
def client(server: FakeAsteroidServer) -> Iterator[AsteroidClient]:
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as sdk:
        yield sdk


def test_executions_started_apart_are_dated_when_they_started(
    server: FakeAsteroidServer, client: AsteroidClient
) -> None:
    server.lifecycle = ((0.0, "running"),)
    started = []
    for _ in range(3):
        started.append(client.workflows.execute(WORKFLOW).execution_id)
        server.clock.advance(1.5)
    dates = [client.executions.get(execution_id).created_at for execution_id in started]
    assert dates == [NOW, NOW + datetime.timedelta(seconds=1.5), NOW + datetime.timedelta(seconds=3)]
    newest = list(client.executions.list(limit=3))  # newest first, above every seeded execution
    assert [str(execution.id) for execution in newest] == [str(i) for i in reversed(started)]


def test_a_run_takes_the_time_the_clock_says(server: FakeAsteroidServer, client: AsteroidClient) -> None:
    server.lifecycle = ((0.0, "running"), (0.25, "completed"))
    execution_id = client.workflows.execute(WORKFLOW).execution_id
    assert server.status_of(execution_id) == "running"
    server.clock.advance(0.25)
    done = client.executions.get(execution_id)
    assert done.status == "completed"
    assert done.duration == 0.25
    assert done.terminal_at == NOW + datetime.timedelta(seconds=0.25)
    assert done.execution_result is not None and done.execution_result.created_at == done.terminal_at


def test_a_frozen_clock_holds_the_schedule_until_advanced(server: FakeAsteroidServer, client: AsteroidClient) -> None:
    server.lifecycle = ((0.0, "starting"), (5.0, "running"), (60.0, "failed"))
    execution_id = client.workflows.execute(WORKFLOW).execution_id
    assert server.status_of(execution_id) == "starting"
    server.clock.advance(4.9)
    assert server.status_of(execution_id) == "starting"
    server.clock.advance(0.1)
    assert server.status_of(execution_id) == "running"
    server.clock.advance(60)
    failed = client.executions.get(execution_id)
    assert failed.status == "failed" and failed.duration == 65.0


def test_the_first_step_waits_its_own_delay(server: FakeAsteroidServer, client: AsteroidClient) -> None:
    server.lifecycle = ((2.0, "running"),)
    execution_id = client.workflows.execute(WORKFLOW).execution_id
    server.clock.advance(1.0)
    assert server.status_of(execution_id) == "starting"
    server.clock.advance(1.0)
    assert server.status_of(execution_id) == "running"


def test_a_started_execution_keeps_what_it_was_sent_and_nothing_else(
    server: FakeAsteroidServer, client: AsteroidClient
) -> None:
    bare = client.workflows.execute(WORKFLOW, inputs={"customer": 42}).execution_id
    tagged = client.workflows.execute(WORKFLOW, inputs={}, metadata={"team": "ops"}).execution_id
    plain = client.executions.get(bare)
    assert plain.metadata is None and "metadata" not in plain.present_keys
    assert plain.inputs is not None and plain.inputs.to_dict() == {"customer": 42}
    assert plain.parent_execution_id is None
    kept = client.executions.get(tagged)
    assert kept.metadata is not None and kept.metadata.to_dict() == {"team": "ops"}


def test_a_finish_by_hand_and_an_update_are_dated_by_the_clock(server: FakeAsteroidServer) -> None:
    server.lifecycle = ((0.0, "running"),)
    seeded = next(e for e in server.executions if e["status"] == "running")
    server.clock.advance(30)
    server.finish(seeded["id"], "cancelled")
    ended = next(e for e in server.executions if e["id"] == seeded["id"])
    assert ended["terminalAt"] == "2026-11-01T12:00:30Z"
    created = datetime.datetime.fromisoformat(seeded["createdAt"])
    assert ended["duration"] == (NOW + datetime.timedelta(seconds=30) - created).total_seconds()


def test_no_seeded_execution_ends_after_now() -> None:
    server = FakeAsteroidServer(seed=1, count=400, now=NOW)
    ends = [datetime.datetime.fromisoformat(e["terminalAt"]) for e in server.executions if "terminalAt" in e]
    assert ends and max(ends) <= NOW
    for execution in server.executions:
        if "terminalAt" in execution:
            created = datetime.datetime.fromisoformat(execution["createdAt"])
            took = datetime.datetime.fromisoformat(execution["terminalAt"]) - created
            assert abs(took.total_seconds() - execution["duration"]) < 0.001


def test_activities_are_dated_by_the_clock_in_order(server: FakeAsteroidServer, client: AsteroidClient) -> None:
    server.lifecycle = ((0.0, "running"),)
    execution_id = client.workflows.execute(WORKFLOW).execution_id
    server.clock.advance(10)
    client.executions.send_message(execution_id, "hello")
    stamps = [activity.timestamp for activity in client.executions.activities(execution_id, order="asc")]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert stamps[0] == NOW and stamps[-1] == NOW + datetime.timedelta(seconds=10)


def test_added_executions_are_created_now_on_either_fake() -> None:
    with FakeAsteroidServer(seed=2, count=5, now=NOW) as asteroid:
        asteroid.clock.freeze(at=NOW)
        asteroid.clock.advance(90)
        added = asteroid.add()
        assert added["createdAt"] == "2026-11-01T12:01:30Z"
    with FakeZaiaServer(seed=2, count=5, now=NOW) as zaia:
        zaia.clock.freeze(at=NOW)
        zaia.clock.advance(0.5)
        new = zaia.add()
        with ZaiaClient(api_key=zaia.api_key, base_url=zaia.base_url) as client:
            fetched = client.executions.get(new["id"])
        assert fetched.started_at == NOW + datetime.timedelta(seconds=0.5)
        assert fetched.ended_at is None or fetched.ended_at == fetched.started_at


def test_a_running_clock_runs_from_now() -> None:
    with FakeAsteroidServer(seed=2, count=0) as live:
        before = datetime.datetime.now(datetime.UTC)
        created = datetime.datetime.fromisoformat(live.add()["createdAt"])
        after = datetime.datetime.now(datetime.UTC)
    assert before - datetime.timedelta(seconds=1) <= created <= after


def test_the_clock_only_moves_forward() -> None:
    clock = FakeClock(NOW)
    clock.freeze(at=NOW)
    assert clock.now() == NOW and clock.frozen
    clock.advance(2)
    assert clock.now() == NOW + datetime.timedelta(seconds=2)
    with pytest.raises(ValueError, match="seconds"):
        clock.advance(-1)
    with pytest.raises(ValueError, match="seconds"):
        clock.advance(float("nan"))
    with pytest.raises(TypeError, match="seconds"):
        clock.advance("1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="seconds"):
        clock.advance(True)
    with pytest.raises(ValueError, match="before the clock's latest reading"):
        clock.freeze(at=NOW - datetime.timedelta(seconds=1))
    with pytest.raises(ValueError, match="timezone-aware"):
        clock.freeze(at=datetime.datetime(2026, 11, 2))
    stood = clock.elapsed()
    clock.unfreeze()
    assert not clock.frozen and clock.elapsed() >= stood
    assert clock.elapsed() - stood < 1.0  # it goes on from where it stood, not from real time since the start


def test_created_after_and_before_are_exclusive(server: FakeAsteroidServer, client: AsteroidClient) -> None:
    server.lifecycle = ((0.0, "running"),)
    server.clock.advance(5)
    execution_id = client.workflows.execute(WORKFLOW).execution_id
    moment = NOW + datetime.timedelta(seconds=5)
    assert [e.id for e in client.executions.list(created_after=moment)] == []
    assert str(execution_id) not in {str(e.id) for e in client.executions.list(created_before=moment, limit=100)}
    later = moment + datetime.timedelta(milliseconds=1)
    assert str(execution_id) in {str(e.id) for e in client.executions.list(created_before=later, limit=1)}
    earlier = moment - datetime.timedelta(milliseconds=1)
    assert [str(e.id) for e in client.executions.list(created_after=earlier)] == [str(execution_id)]


def test_the_readme_s_clock_example() -> None:
    with FakeAsteroidServer(seed=1, count=3) as asteroid:
        client = AsteroidClient(api_key=asteroid.api_key, base_url=asteroid.base_url)
        asteroid.clock.freeze(at=asteroid.now)
        asteroid.lifecycle = ((0.0, "running"), (30.0, "completed"))
        started = client.workflows.execute(WORKFLOW, metadata={"team": "ops"})
        asteroid.clock.advance(30)
        done = client.executions.get(started.execution_id)
        assert done.duration == 30.0 and done.created_at == asteroid.now
        assert done.status == "completed"
        client.close()


def test_freeze_at_never_takes_the_clock_back(server: FakeAsteroidServer, client: AsteroidClient) -> None:
    server.clock.advance(100)
    server.lifecycle = ((0.0, "running"),)
    first = client.executions.get(client.workflows.execute(WORKFLOW).execution_id)
    with pytest.raises(ValueError, match="latest reading"):
        server.clock.freeze(at=NOW + datetime.timedelta(seconds=10))  # before what the fake already dated
    server.clock.freeze(at=NOW + datetime.timedelta(seconds=200))
    second = client.executions.get(client.workflows.execute(WORKFLOW).execution_id)
    assert first.created_at < second.created_at == NOW + datetime.timedelta(seconds=200)


def test_advance_past_the_calendar_is_refused_and_the_fake_goes_on(
    server: FakeAsteroidServer, client: AsteroidClient
) -> None:
    with pytest.raises(ValueError, match="year 9999"):
        server.clock.advance(1e300)
    with pytest.raises(ValueError, match="year 9999"):
        server.clock.advance(1e12)
    assert server.clock.now() == NOW and repr(server.clock).startswith("FakeClock(2026-11-01")
    assert len(list(client.executions.list(limit=3))) == 3


def test_execution_options_are_kept_as_sent_or_absent(server: FakeAsteroidServer, client: AsteroidClient) -> None:
    options = client.workflows.execute(
        WORKFLOW, execution_options={"soft_timeout_mins": 5, "shared_storage_key": "acme"}
    ).execution_id
    plain = client.workflows.execute(WORKFLOW).execution_id
    kept = client.executions.get(options).execution_options
    assert kept is not None and kept.to_dict() == {"softTimeoutMins": 5, "sharedStorageKey": "acme"}
    assert "executionOptions" not in client.executions.get(plain).present_keys


def test_one_spelling_per_instant(server: FakeAsteroidServer) -> None:
    server.clock.advance(0.0004)  # under a millisecond: whole seconds, not `.000`
    assert server.add()["createdAt"] == "2026-11-01T12:00:00Z"
    server.clock.advance(0.0016)
    assert server.add()["createdAt"] == "2026-11-01T12:00:00.002Z"
