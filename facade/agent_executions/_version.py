"""This SDK's version, read from its package metadata (pyproject.toml's `version`): one place."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("agent-executions")
except PackageNotFoundError:  # the sources on sys.path, not installed
    __version__ = "0+unknown"
