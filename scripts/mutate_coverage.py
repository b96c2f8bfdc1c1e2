"""A pytest plugin for `scripts/mutate.py`: which tests run which lines of the module under mutation.

Loaded with `-p mutate_coverage` (scripts/ on the path) when `MUTATE_COVERAGE_INCLUDE` names the
module's file and `MUTATE_COVERAGE_MAP` where to write the map: JSON, under "tests" each line
number to the node ids of the tests that ran it, under "import" the lines run while the tests
were collected (imports, class bodies, default values), which every test depends on, and under
"durations" the seconds each test took.
"""

from __future__ import annotations

import json
import os
from collections.abc import Generator
from typing import Any

import coverage
import pytest

_coverage: coverage.Coverage | None = None
_durations: dict[str, float] = {}


def pytest_configure(config: pytest.Config) -> None:
    global _coverage
    include = os.environ.get("MUTATE_COVERAGE_INCLUDE")
    if include and _coverage is None:
        _coverage = coverage.Coverage(data_file=None, include=[include], branch=False)
        _coverage.start()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, Any, None]:
    if _coverage is not None:
        _coverage.switch_context(item.nodeid)  # setup, call and teardown alike
    yield


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _durations[report.nodeid] = _durations.get(report.nodeid, 0.0) + report.duration


def pytest_unconfigure(config: pytest.Config) -> None:
    global _coverage
    if _coverage is None:
        return
    _coverage.stop()
    data = _coverage.get_data()
    tests: dict[int, set[str]] = {}
    at_import: set[int] = set()
    for path in data.measured_files():
        for line, names in data.contexts_by_lineno(path).items():
            tests.setdefault(line, set()).update(name for name in names if name)
            if "" in names:
                at_import.add(line)
    found = {
        "tests": {str(line): sorted(names) for line, names in tests.items()},
        "import": sorted(at_import),
        "durations": _durations,
    }
    with open(os.environ["MUTATE_COVERAGE_MAP"], "w", encoding="utf-8") as out:
        json.dump(found, out)
    _coverage = None
