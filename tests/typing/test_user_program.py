"""`mypy --strict` on a program written from the README: the public types need no cast and no `*_raw` import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PROGRAM = Path(__file__).with_name("user_program.py")


def test_the_program_uses_only_the_public_api() -> None:
    text = PROGRAM.read_text()
    tree = ast.parse(text)
    imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert "agent_executions" in imported
    assert not [module for module in imported if module and "_raw" in module]
    assert "cast" not in names and "Unset" not in names and "# type: ignore" not in text


def test_the_program_passes_mypy_strict(tmp_path: Path) -> None:
    # An empty configuration, as a user's project would have: not this repository's [tool.mypy].
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n")
    command = [sys.executable, "-m", "mypy", "--strict", "--config-file", str(config)]
    command += ["--cache-dir", str(tmp_path / "cache"), str(PROGRAM)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found in 1 source file" in done.stdout


WRONG_VALUES = """\
import agent_executions as ae

client = ae.AsteroidClient(api_key="k")
client.executions.list(status="faild")
client.executions.list(sort_direction="up")
client.executions.list(status=["failed", "completed"], sort_field="status", sort_direction="asc")
client.workflows.execute("w", execution_options={"soft_timeout_mins": 5, "shared_storage_key": "acme"})
client.workflows.execute("w", execution_options={"soft_timeout_mins": "5"})
client.executions.activities("e", order="newest")
client.executions.list(status=ae.ExecutionStatus.FAILED, sort_direction=ae.SortDirection.ASC)
client.executions.list(status=[ae.ExecutionStatus.FAILED, "completed"], sort_field=ae.SortField.STATUS)
status: ae.asteroid.StatusValue = "failed"
wrong: ae.asteroid.StatusValue = "faild"
client.executions.get("e", timeout=5, max_retries=0)
client.executions.wait("e", timeout=60, max_retries=1)
client.executions.list(timeout="5")
raw: ae.RawResponse[ae.Execution] = client.executions.with_raw_response.get("e")
print(raw.parse().status, raw.request_id, raw.headers.get("x-ratelimit-remaining"))
"""


def test_mypy_strict_rejects_values_the_spec_does_not_list(tmp_path: Path) -> None:
    """Enum arguments are Literals of the spec's values (or the spec's enum classes, importable as
    aliases), objects TypedDicts of its fields (issue 21)."""
    program = tmp_path / "wrong.py"
    program.write_text(WRONG_VALUES)
    (tmp_path / "mypy.ini").write_text("[mypy]\n")
    command = [sys.executable, "-m", "mypy", "--strict", "--config-file", str(tmp_path / "mypy.ini")]
    done = subprocess.run(
        [*command, "--cache-dir", str(tmp_path / "cache"), str(program)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    flagged = sorted({int(line.split(":")[1]) for line in done.stdout.splitlines() if ": error:" in line})
    assert flagged == [4, 5, 8, 9, 13, 16], done.stdout
