"""Fixtures for the regeneration tests: a copy of the repository and a spec server on loopback."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from regen_support import ROOT, SpecServer


@pytest.fixture
def spec_server() -> Iterator[SpecServer]:
    server = SpecServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of openapi/, generated/ and facade/ for the script to work on (`--root`): the facade's
    generated resources are written there, and the release is judged by its effect on it."""
    root = tmp_path / "repo"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for part in ("openapi", "generated", "facade"):
        shutil.copytree(ROOT / part, root / part, ignore=ignore)
    return root
