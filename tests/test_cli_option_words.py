"""The command line reports a wrong argument in its own words: the option the user typed, not the
SDK's Python argument name (issue 23's review)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from agent_executions._asteroid import LIST

CLI = [sys.executable, "-m", "agent_executions"]
SORT_FIELDS = LIST.field("sort_field").choices
"""The sort fields of the pinned spec, in its order."""


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["asteroid", "list", "--fake", "--sort", "status:ASC"], "--sort must be one of asc, desc"),
        (["asteroid", "list", "--fake", "--sort", "createdAt"], f"--sort must be one of {', '.join(SORT_FIELDS)}"),
        (["asteroid", "list", "--fake", "--status", "FAILED"], "--status must be one of"),
        (["asteroid", "list", "--fake", "--agent-id", "x"], "--agent-id must be a UUID"),
        (["asteroid", "list", "--fake", "--label", "x"], "--label must be a UUID"),
        (["asteroid", "wait", "not-a-uuid", "--fake"], "ID must be a UUID"),
        (["asteroid", "run", "notuuid", "--fake"], "WORKFLOW_ID must be a UUID"),
        (["zaia", "list", "--fake", "--responder", "x"], "--responder must be a UUID"),
        (
            ["asteroid", "list", "--fake", "--created-after", "2026-11-02", "--created-before", "2026-11-01"],
            "--created-after must be earlier than --created-before",
        ),
    ],
)
def test_errors_name_the_option_typed(argv: list[str], said: str) -> None:
    done = subprocess.run([*CLI, *argv], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith(f"agent-executions: {said}"), done.stderr
    assert re.search(r"\b[a-z]+_[a-z_]+\b", done.stderr.split(" must ")[0]) is None  # no Python name
