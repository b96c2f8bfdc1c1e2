"""Shared fixtures: fake vendor servers on loopback, fresh for each test."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

NOW = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def asteroid_server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=7, count=120, now=NOW) as server:
        yield server


@pytest.fixture
def zaia_server() -> Iterator[FakeZaiaServer]:
    with FakeZaiaServer(seed=7, count=40, now=NOW) as server:
        yield server
