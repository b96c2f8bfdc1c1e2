"""The pytest plugin registered by the `pytest11` entry point, run as a user's project would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

USER_TESTS = """
import pytest

def test_lists_from_the_fake(fake_asteroid_client, fake_asteroid_server):
    assert len(list(fake_asteroid_client.executions.list(limit=5))) == 5
    assert fake_asteroid_server.requests

@pytest.mark.fake_server(count=3, seed=42)
def test_the_marker_sets_the_store(fake_asteroid_client):
    assert len(list(fake_asteroid_client.executions.list())) == 3

@pytest.mark.fake_server(count=4)
def test_zaia_too(fake_zaia_client):
    assert len(list(fake_zaia_client.executions.list())) >= 4

def test_a_spec_violation_fails_the_test(fake_asteroid_server, fake_asteroid_client):
    first = fake_asteroid_server.executions[0]["id"]
    fake_asteroid_server.update(first, status=12)
    fake_asteroid_server.faults.clear()
    try:
        fake_asteroid_client.executions.get(first)
    except Exception:
        pass
"""


def test_a_users_project_gets_the_fixtures(tmp_path: Path) -> None:
    (tmp_path / "test_user.py").write_text(USER_TESTS)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-W",
            "error::pytest.PytestUnknownMarkWarning",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    summary = done.stdout.strip().splitlines()[-1]
    assert "4 passed" in summary and "1 error" in summary, done.stdout[-3000:]
    assert "SpecViolation" in done.stdout and "ExecutionGet" in done.stdout


BAD_MARKERS = """
import pytest

@pytest.mark.fake_server(3)
def test_positional(fake_asteroid_client):
    pass

@pytest.mark.fake_server(count=-1)
def test_negative(fake_asteroid_server):
    pass

@pytest.mark.fake_server(count="3")
def test_text(fake_zaia_server):
    pass

@pytest.mark.fake_server(seed=1.5)
def test_float_seed(fake_asteroid_server):
    pass

@pytest.mark.fake_server(cout=3)
def test_unknown(fake_asteroid_server):
    pass
"""


def test_wrong_marker_arguments_fail_the_setup_naming_them(tmp_path: Path) -> None:
    (tmp_path / "test_bad.py").write_text(BAD_MARKERS)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rE"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "400"},  # the short summary lines whole
    )
    summary = done.stdout.strip().splitlines()[-1]
    assert "5 errors" in summary and "passed" not in summary, done.stdout[-3000:]
    expected = [
        "test_positional - Failed: @pytest.mark.fake_server(3): takes keyword arguments only",
        "test_negative - Failed: @pytest.mark.fake_server(count=-1): count must be >= 0, not -1",
        "test_text - Failed: @pytest.mark.fake_server(count='3'): count must be an int, not str",
        "test_float_seed - Failed: @pytest.mark.fake_server(seed=1.5): seed must be an int, not float",
        "test_unknown - Failed: @pytest.mark.fake_server(cout=3):",
    ]
    for line in expected:
        assert line in done.stdout, (line, done.stdout[-3000:])
    assert "cout" in done.stdout and "Traceback" not in done.stdout
