"""`make demo` (scripts/demo.py) writes escape codes only where the command line would: on a
terminal, and never with NO_COLOR set (issue 23, item 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "scripts" / "demo.py"
BOLD = "\x1b[1m"
HEADING = f"import runpy; print(runpy.run_path({str(DEMO)!r})['heading']('Step'))"
"""Print one of the demo's step titles (running the demo's module, not its `main`)."""


def plain_environment(**extra: str) -> dict[str, str]:
    """This environment without what decides styling, plus `extra`: a terminal type that takes escapes."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TERM")}
    return {**env, "TERM": "xterm-256color", **extra}


def heading_on_a_terminal(**extra: str) -> str:
    """What the demo's heading writes to a pseudo-terminal."""
    controller, terminal = os.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-c", HEADING], stdout=terminal, stderr=subprocess.PIPE, env=plain_environment(**extra)
        )
        os.close(terminal)
        terminal = -1
        assert done.returncode == 0, done.stderr
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # Linux: EIO once the terminal side is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks).decode()
    finally:
        os.close(controller)
        if terminal != -1:
            os.close(terminal)


def test_the_whole_demo_piped_writes_no_escape_codes() -> None:
    done = subprocess.run(
        [sys.executable, str(DEMO)], capture_output=True, text=True, timeout=110, env=plain_environment()
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "== What failed in the last day?" in done.stdout, "the titles are still there, plain"
    assert "\x1b" not in done.stdout
    assert "\x1b" not in done.stderr


def test_a_heading_piped_is_plain() -> None:
    done = subprocess.run([sys.executable, "-c", HEADING], capture_output=True, text=True, env=plain_environment())
    assert done.stdout == "\n== Step\n"


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_heading_on_a_terminal_is_bold() -> None:
    assert f"{BOLD}== Step" in heading_on_a_terminal()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("setting", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_a_heading_on_a_terminal_is_plain_with_no_color_or_a_dumb_terminal(setting: dict[str, str]) -> None:
    shown = heading_on_a_terminal(**setting)
    assert "== Step" in shown
    assert "\x1b" not in shown


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_an_empty_no_color_is_unset_as_the_convention_says() -> None:
    """no-color.org: NO_COLOR counts when it is present and not empty (rich reads it so too)."""
    assert BOLD in heading_on_a_terminal(NO_COLOR="")
