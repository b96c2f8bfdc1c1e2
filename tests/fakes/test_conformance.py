"""An independent check of the fake servers: schemathesis generates requests from the pinned specs
and validates the answers (status codes, content types, bodies, auth)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources

import pytest
import schemathesis
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer
from hypothesis import HealthCheck, settings


def pinned_spec(package: str) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_dict(json.loads(resources.files(package).joinpath("openapi.json").read_text()))


asteroid_schema = pinned_spec("asteroid_agents_v2_raw")
zaia_schema = pinned_spec("zaia_v1_raw")
EXAMPLES = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
# Two checks are left out on purpose:
# - "schema-valid request rejected": the vendors enforce rules their specs cannot express
#   (page >= 1, pageSize at most 100, metadataKey only with metadataValue, exactly one of
#   executionId and chatMessageId), and the fakes enforce them too, with a 400;
# - "schema-violating request accepted": like the vendors, the fakes ignore unknown query
#   parameters, and the auth header passed below is put back on the cases that drop it.
# Every other check runs on every generated case, negative ones included.
EXCLUDED = [schemathesis.checks.positive_data_acceptance, schemathesis.checks.negative_data_rejection]


@pytest.fixture(scope="module")
def asteroid() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=1, count=30) as server:
        yield server


@pytest.fixture(scope="module")
def zaia() -> Iterator[FakeZaiaServer]:
    with FakeZaiaServer(seed=1, count=15) as server:
        yield server


@asteroid_schema.parametrize()
@EXAMPLES
def test_fake_asteroid_conforms(case: schemathesis.Case, asteroid: FakeAsteroidServer) -> None:
    case.call_and_validate(
        base_url=asteroid.base_url,
        headers=asteroid.auth_headers,
        excluded_checks=EXCLUDED,
    )


@zaia_schema.parametrize()
@EXAMPLES
def test_fake_zaia_conforms(case: schemathesis.Case, zaia: FakeZaiaServer) -> None:
    case.call_and_validate(
        base_url=zaia.base_url,
        headers=zaia.auth_headers,
        excluded_checks=EXCLUDED,
    )
