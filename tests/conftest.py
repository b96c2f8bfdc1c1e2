"""Shared fixtures: fake vendor servers on loopback, fresh for each test."""

from __future__ import annotations

import datetime
import signal
from collections.abc import Iterator

import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    # Started as a background job of a script (`make test &`, nohup, a CI runner): the shell gave the
    # run SIGINT ignored, and the tests of Ctrl-C (of this process, or of a command started from it,
    # which inherits the disposition) would wait out what they interrupt. Ctrl-C as at a terminal:
    signal.signal(signal.SIGINT, signal.default_int_handler)

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
