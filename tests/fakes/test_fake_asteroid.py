"""FakeAsteroidServer over plain HTTP: filters, sorting and paging against a reference computed here."""

from __future__ import annotations

import datetime
import json
import uuid
from importlib import resources
from typing import Any

import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer, SpecViolation


def get(server: FakeAsteroidServer, path: str, params: Any = None, key: str | None = None) -> httpx.Response:
    """GET a path as the spec writes it after its common prefix (`/executions`), with the spec's auth header."""
    headers = server.auth_headers if key is None else {server.auth_header: key}
    return httpx.get(server.api_url + path, params=params, headers=headers, timeout=10)


def everything(server: FakeAsteroidServer, params: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Walk every page of a listing."""
    items: list[dict[str, Any]] = []
    page = 1
    while True:
        body = get(server, "/executions", [*params, ("page", str(page)), ("pageSize", "25")]).json()
        items += body["items"]
        if page * 25 >= body["total"]:
            return items
        page += 1


def created(item: dict[str, Any]) -> datetime.datetime:
    return datetime.datetime.fromisoformat(item["createdAt"])


def test_the_seeded_store_is_realistic_and_deterministic() -> None:
    now = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    first = FakeAsteroidServer(seed=3, count=40, now=now).executions
    again = FakeAsteroidServer(seed=3, count=40, now=now).executions
    other = FakeAsteroidServer(seed=4, count=40, now=now).executions
    assert first == again and first != other
    # Every status and trigger source of the pinned spec shows up, a release's new ones too.
    spec = json.loads(resources.files("asteroid_agents_v2_raw").joinpath("openapi.json").read_text())
    schemas = spec["components"]["schemas"]
    assert {item["status"] for item in first} == set(schemas["Agents.Execution.Status"]["enum"])
    sources = set(schemas["Agents.Execution.TriggerContext"]["discriminator"]["mapping"])
    assert {item["triggerContext"]["source"] for item in first} == sources >= {"api", "ui", "schedule"}
    for item in first:
        terminal = item["status"] in ("completed", "cancelled", "failed")
        assert ("duration" in item) == terminal and ("terminalAt" in item) == terminal
        if terminal:
            assert item["terminalAt"] >= item["createdAt"]
        assert created(item) < now


def test_lists_every_execution_newest_first_by_default(asteroid_server: FakeAsteroidServer) -> None:
    items = everything(asteroid_server, [])
    expected = sorted(asteroid_server.executions, key=lambda i: (i["createdAt"], i["id"]), reverse=True)
    assert [i["id"] for i in items] == [i["id"] for i in expected]


@pytest.mark.parametrize(("field", "key"), [("created_at", "createdAt"), ("status", "status")])
@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_sorts(asteroid_server: FakeAsteroidServer, field: str, key: str, direction: str) -> None:
    items = everything(asteroid_server, [("sortField", field), ("sortDirection", direction)])
    expected = sorted(asteroid_server.executions, key=lambda i: (i[key], i["id"]), reverse=direction == "desc")
    assert [i["id"] for i in items] == [i["id"] for i in expected]


def reference_filters(server: FakeAsteroidServer) -> dict[str, tuple[list[tuple[str, str]], Any]]:
    """Each filter's query and the predicate it must equal, computed from the store independently."""
    store = server.executions
    sample = store[17]
    label = next(i for i in store if i["humanLabels"])["humanLabels"][0]["id"]
    middle = sorted(created(i) for i in store)[len(store) // 2]
    return {
        "status OR-ed": ([("status", "failed"), ("status", "paused")], lambda i: i["status"] in ("failed", "paused")),
        "createdAfter": ([("createdAfter", middle.isoformat())], lambda i: created(i) > middle),
        "createdBefore": ([("createdBefore", middle.isoformat())], lambda i: created(i) < middle),
        "agentId": ([("agentId", sample["agentId"])], lambda i: i["agentId"] == sample["agentId"]),
        "executionId partial": ([("executionId", sample["id"][4:12].upper())], lambda i: sample["id"][4:12] in i["id"]),
        "humanLabels": ([("humanLabels", label)], lambda i: label in [x["id"] for x in i["humanLabels"]]),
        "outcomeLabel partial": (
            [("outcomeLabel", "FAIL")],
            lambda i: "fail" in i.get("executionResult", {}).get("outcome", ""),
        ),
        "metadata": (
            [("metadataKey", "team"), ("metadataValue", "ops")],
            lambda i: i["metadata"].get("team") == "ops",
        ),
        "agentVersion": ([("agentVersion", "3")], lambda i: i["agentVersion"] == 3),
        "organizationId": ([("organizationId", sample["organizationId"])], lambda i: True),
        "organizationId other": ([("organizationId", str(uuid.uuid4()))], lambda i: False),
    }


@pytest.mark.parametrize(
    "name",
    [
        "status OR-ed",
        "createdAfter",
        "createdBefore",
        "agentId",
        "executionId partial",
        "humanLabels",
        "outcomeLabel partial",
        "metadata",
        "agentVersion",
        "organizationId",
        "organizationId other",
    ],
)
def test_each_filter_matches_the_reference(asteroid_server: FakeAsteroidServer, name: str) -> None:
    query, predicate = reference_filters(asteroid_server)[name]
    got = {i["id"] for i in everything(asteroid_server, query)}
    want = {i["id"] for i in asteroid_server.executions if predicate(i)}
    assert got == want
    if name != "organizationId other":
        assert want, "the reference must select something for the test to mean anything"


def test_pages_carry_page_size_and_total(asteroid_server: FakeAsteroidServer) -> None:
    body = get(asteroid_server, "/executions", {"page": 5, "pageSize": 25}).json()
    assert (body["page"], body["pageSize"], body["total"], len(body["items"])) == (5, 25, 120, 20)
    assert get(asteroid_server, "/executions", {"page": 9, "pageSize": 25}).json()["items"] == []


def test_get_one_and_unknown(asteroid_server: FakeAsteroidServer) -> None:
    item = asteroid_server.executions[0]
    assert get(asteroid_server, f"/executions/{item['id']}").json() == item
    missing = get(asteroid_server, f"/executions/{uuid.uuid4()}")
    assert missing.status_code == 404 and missing.json()["code"] == 404


@pytest.mark.parametrize("key", ["", "wrong-key"])
def test_a_missing_or_wrong_key_gets_401_with_the_spec_body(asteroid_server: FakeAsteroidServer, key: str) -> None:
    response = get(asteroid_server, "/executions", key=key)
    assert response.status_code == 401
    assert response.json() == {"code": 401, "message": "invalid or missing API key"}


@pytest.mark.parametrize(
    "params",
    [
        {"agentId": "not-a-uuid"},
        {"pageSize": "0"},
        {"pageSize": "101"},
        {"page": "0"},
        {"metadataKey": "team"},
        {"status": "exploded"},
        {"sortField": "name"},
    ],
)
def test_invalid_parameters_get_400(asteroid_server: FakeAsteroidServer, params: dict[str, str]) -> None:
    response = get(asteroid_server, "/executions", params)
    assert response.status_code == 400
    assert response.json()["code"] == 400 and response.json()["message"]


def test_a_non_uuid_path_gets_400(asteroid_server: FakeAsteroidServer) -> None:
    assert get(asteroid_server, "/executions/12345").status_code == 400


def test_store_changes_at_run_time(asteroid_server: FakeAsteroidServer) -> None:
    added = asteroid_server.add(status="running")
    assert get(asteroid_server, f"/executions/{added['id']}").json()["status"] == "running"
    asteroid_server.update(added["id"], status="failed")
    changed = get(asteroid_server, f"/executions/{added['id']}").json()
    assert (
        changed["status"] == "failed" and "duration" in changed and changed["executionResult"]["outcome"] == "failure"
    )
    asteroid_server.remove(added["id"])
    assert get(asteroid_server, f"/executions/{added['id']}").status_code == 404


def test_interleaved_listings_stay_right_across_store_changes(asteroid_server: FakeAsteroidServer) -> None:
    """Listings and pages are cached per query until the store changes: interleave two queries
    around each kind of change and compare every answer with the store."""

    def first_page(params: list[tuple[str, str]]) -> list[str]:
        return [i["id"] for i in get(asteroid_server, "/executions", [*params, ("pageSize", "100")]).json()["items"]]

    def expected(status: str | None) -> list[str]:
        chosen = [i for i in asteroid_server.executions if status is None or i["status"] == status]
        return [i["id"] for i in sorted(chosen, key=lambda i: (i["createdAt"], i["id"]), reverse=True)][:100]

    changes = [
        lambda: asteroid_server.add(status="failed"),
        lambda: asteroid_server.update(asteroid_server.executions[3]["id"], status="failed"),
        lambda: asteroid_server.remove(asteroid_server.executions[0]["id"]),
    ]
    for change in [lambda: None, *changes]:
        change()
        for _ in range(2):
            assert first_page([]) == expected(None)
            assert first_page([("status", "failed")]) == expected("failed")


def test_the_request_log_redacts_the_key(asteroid_server: FakeAsteroidServer) -> None:
    get(asteroid_server, "/executions", [("status", "failed"), ("status", "running")])
    logged = asteroid_server.requests[-1]
    assert logged.path == "/agents/v2/executions" and logged.params("status") == ["failed", "running"]
    assert logged.headers[asteroid_server.auth_header.lower()] == "<redacted>"
    assert asteroid_server.api_key not in repr(asteroid_server.requests)


def test_a_response_that_breaks_the_spec_fails_the_test() -> None:
    server = FakeAsteroidServer(count=3).start()
    broken = server.add(status="running")
    del broken["agentName"]
    assert get(server, f"/executions/{broken['id']}").status_code == 200
    with pytest.raises(SpecViolation, match="agentName"):
        server.stop()


def test_injected_corruption_is_not_a_violation(asteroid_server: FakeAsteroidServer) -> None:
    asteroid_server.corrupt_next(status="hibernating", extra={"futurePriority": 1})
    items = get(asteroid_server, "/executions").json()["items"]
    assert {i["status"] for i in items} == {"hibernating"} and all(i["futurePriority"] == 1 for i in items)
    assert get(asteroid_server, "/executions").json()["items"][0]["status"] != "hibernating"


def test_the_fake_sorts_created_at_by_time_not_as_text() -> None:
    """Issue 22, item 23: fractions of a second and offsets sorted as text put newest-first out of order."""
    import agent_executions as ae

    times = ["2026-11-23T12:00:00.5+00:00", "2026-11-23T12:00:00Z", "2026-11-23T13:30:00+01:00", "2026-11-23T12:10:00Z"]
    with FakeAsteroidServer(seed=5, count=0) as fake:
        for created in times:
            fake.add(createdAt=created)
        with ae.AsteroidClient(api_key=fake.api_key, base_url=fake.base_url) as client:
            newest_first = [e.created_at for e in client.executions.list()]
            consistent = list(client.executions.list(page_size=1, consistent=True))
    assert newest_first == sorted(newest_first, reverse=True)
    assert len(consistent) == 4
