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
    """A copy of openapi/ and generated/ for the script to work on (`--root`)."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "openapi", root / "openapi")
    shutil.copytree(ROOT / "generated", root / "generated", ignore=shutil.ignore_patterns("__pycache__"))
    return root
