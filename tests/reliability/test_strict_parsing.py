"""Parsing that holds to JSON and the spec (issue 22, items 13-15)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import agent_executions as ae
import pytest
from agent_executions.testing import FakeAsteroidServer


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=5, count=3) as fake:
        yield fake


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinities_are_not_json(server: FakeAsteroidServer, constant: str) -> None:
    wire = dict(server.executions[0])
    body = json.dumps(wire).replace('"duration": ' + json.dumps(wire.get("duration")), f'"duration": {constant}', 1)
    if constant not in body:
        body = body[:-1] + f', "duration": {constant}' + "}"
    server.fail_next(200, body=body)
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        with pytest.raises(ae.ResponseValidationError, match=f"{constant} is not a JSON number"):
            client.executions.get(wire["id"])
    server.violations.clear()


@pytest.mark.parametrize(
    ("prop", "value", "message"),
    [
        ("hasBeenRerun", "false", "hasBeenRerun must be a boolean, not str"),
        ("agentVersion", "9", "agentVersion must be an integer, not str"),
        ("agentVersion", True, "agentVersion must be an integer, not bool"),
        ("duration", "1.5", "duration must be a number, not str"),
        ("agentName", 7, "agentName must be a string, not int"),
    ],
)
def test_a_primitive_of_the_wrong_type_is_a_validation_error(
    server: FakeAsteroidServer, prop: str, value: object, message: str
) -> None:
    """Issue 22, item 14: `"hasBeenRerun": "false"` parsed as a truthy string."""
    wire = {**server.executions[0], prop: value}
    server.fail_next(200, body=json.dumps(wire))
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        with pytest.raises(ae.ResponseValidationError, match=message):
            client.executions.get(wire["id"])
    server.violations.clear()


def test_a_zaia_number_of_the_wrong_type_is_a_validation_error() -> None:
    from agent_executions.testing import FakeZaiaServer

    with FakeZaiaServer(seed=5, count=2) as fake:
        wire = {**fake.executions[0], "creditsUsed": "12"}
        fake.fail_next(200, body=json.dumps(wire))
        with ae.ZaiaClient(api_key=fake.api_key, base_url=fake.base_url) as client:
            with pytest.raises(ae.ResponseValidationError, match="creditsUsed must be a number, not str"):
                client.executions.get(wire["id"])
        fake.violations.clear()


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("2026-11-23t12:00:00z", "2026-11-23T12:00:00+00:00"),
        ("2026-11-23T12:00:00z", "2026-11-23T12:00:00+00:00"),
        ("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.999999+00:00"),
        ("2016-12-31T23:59:60.25+00:00", "2016-12-31T23:59:59.999999+00:00"),
    ],
)
def test_every_rfc_3339_date_time_parses(server: FakeAsteroidServer, wire: str, expected: str) -> None:
    """Issue 22, item 15: a leap second, which Python cannot hold, reads as the microsecond before it."""
    body = {**server.executions[0], "createdAt": wire}
    server.fail_next(200, body=json.dumps(body))
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        assert client.executions.get(body["id"]).created_at.isoformat() == expected
    server.violations.clear()


def test_a_date_time_that_is_not_one_is_still_refused(server: FakeAsteroidServer) -> None:
    body = {**server.executions[0], "createdAt": "yesterday"}
    server.fail_next(200, body=json.dumps(body))
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        with pytest.raises(ae.ResponseValidationError, match="Invalid isoformat string"):
            client.executions.get(body["id"])
    server.violations.clear()


@pytest.mark.parametrize("number", ["1e400", "-1e400"])
def test_a_number_beyond_a_float_is_refused(server: FakeAsteroidServer, number: str) -> None:
    wire = dict(server.executions[0])
    body = json.dumps({**wire, "duration": 1.5}).replace('"duration": 1.5', f'"duration": {number}')
    server.fail_next(200, body=body)
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        with pytest.raises(ae.ResponseValidationError, match="beyond what a float can hold"):
            client.executions.get(wire["id"])
    server.violations.clear()


@pytest.mark.parametrize(("prop", "value"), [("inputs", ["ab", "cd"]), ("metadata", [["team", "ops"]])])
def test_an_array_where_the_spec_has_an_object_is_refused(server: FakeAsteroidServer, prop: str, value: object) -> None:
    wire = {**server.executions[0], prop: value}
    server.fail_next(200, body=json.dumps(wire))
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        with pytest.raises(ae.ResponseValidationError, match="must be a JSON object, not list"):
            client.executions.get(wire["id"])
    server.violations.clear()
