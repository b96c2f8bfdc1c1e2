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
