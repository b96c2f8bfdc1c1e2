"""Every operation, sync and async, against every fault: the documented outcome, never more attempts
than configured, never an untyped exception (scripts/fault_matrix.py writes the same table into
docs/reliability.md)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer
from fault_matrix import OPERATIONS, Fault, Server, cases, expected, quick_backoff, run_case


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, Server]]:
    with quick_backoff(), FakeAsteroidServer(seed=3, count=20) as asteroid, FakeZaiaServer(seed=3, count=10) as zaia:
        yield {"asteroid": asteroid, "zaia": zaia}
        asteroid.violations.clear()  # truncated and corrupted bodies are deliberate here
        zaia.violations.clear()


@pytest.mark.parametrize(
    ("operation", "mode", "fault", "persistent"),
    list(cases()),
    ids=lambda value: value.name if isinstance(value, Fault) else str(value),
)
def test_fault(servers: dict[str, Server], operation: str, mode: str, fault: Fault, persistent: bool) -> None:
    server = servers[OPERATIONS[operation][0]]
    outcome = run_case(server, operation, mode, fault, persistent)
    assert outcome == expected(fault, persistent, operation)
