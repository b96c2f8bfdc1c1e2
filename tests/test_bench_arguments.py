"""scripts/bench.py refuses what it does not know before running: its whole run takes minutes
and rewrites docs/benchmarks.md, which `--help` or a typo must not do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "scripts" / "bench.py"
DOC = ROOT / "docs" / "benchmarks.md"


def bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BENCH), *args], capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_prints_the_usage_and_runs_nothing(flag: str) -> None:
    before = DOC.read_bytes()
    done = bench(flag)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("usage: bench.py [--models]") and "docs/benchmarks.md" in done.stdout
    assert DOC.read_bytes() == before


@pytest.mark.parametrize("args", [["--nope"], ["--models", "extra"], ["models"]])
def test_an_unknown_argument_is_refused_before_anything_runs(args: list[str]) -> None:
    before = DOC.read_bytes()
    done = bench(*args)
    assert done.returncode == 2 and done.stdout == ""
    assert f"unknown arguments {' '.join(args)!r}" in done.stderr
    assert DOC.read_bytes() == before
