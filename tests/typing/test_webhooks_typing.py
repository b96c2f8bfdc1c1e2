"""`mypy --strict --warn-unreachable` on a webhook handler written as README shows (issue 26): an
`isinstance` check on `notification.payload` narrows it (the branch is reachable, and checked), and
README's webhook code blocks, each a module of a user's project, pass as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"

HANDLER = """\
from agent_executions.webhooks import (
    ExecutionCompletedPayload,
    ExecutionFailedPayload,
    Notification,
    WebhookExecutionInfoPayload,
    WebhookPayloadError,
    unwrap,
)


def handle(body: bytes, headers: dict[str, str]) -> str:
    try:
        notification: Notification = unwrap(body, headers)
    except WebhookPayloadError as exc:
        return repr(exc.data)
    payload = notification.payload
    if isinstance(payload, ExecutionCompletedPayload):
        reveal_type(payload)
        return f"{payload.outcome} {payload.result.to_dict()}"
    if isinstance(payload, ExecutionFailedPayload):
        reveal_type(payload)
        return payload.reason or ""
    if isinstance(payload, WebhookExecutionInfoPayload):  # an event newer than this version
        return str(payload.to_dict())
    reveal_type(notification.event)
    return str(payload.to_dict())


def scope_headers(body: bytes, raw: list[tuple[bytes, bytes]]) -> str:
    return unwrap(body, raw, public_key="...").event_id  # an ASGI scope's headers
"""

TYPO = """\
from agent_executions.webhooks import ExecutionCompletedPayload, Notification


def handle(notification: Notification) -> None:
    payload = notification.payload
    if isinstance(payload, ExecutionCompletedPayload):
        print(payload.outcom)
        print(payload.outcome + 1)
"""


def readme_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Webhooks\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def write_readme_modules(directory: Path) -> list[Path]:
    """README's blocks as a user's modules: handling (handle and handle_once), then one per recipe."""
    blocks = readme_blocks()
    (handling,) = [code for code in blocks if "def handle(" in code]
    (once,) = [code for code in blocks if "def handle_once(" in code]
    recipes = [code for code in blocks if code not in (handling, once)]
    assert len(recipes) == 4  # Starlette, Flask, "unwrap result", the pytest test
    files = [directory / "readme_handling.py"]
    files[0].write_text(handling + "\n\n" + once)
    for number, code in enumerate(recipes):
        path = directory / f"readme_recipe_{number}.py"
        prefix = "from readme_handling import handle_once\n\n" if "handle_once(" in code else ""
        path.write_text(prefix + code)
        files.append(path)
    return files


def test_a_handler_narrows_the_payload_and_readmes_blocks_pass_mypy_strict(tmp_path: Path) -> None:
    (tmp_path / "handler.py").write_text(HANDLER)
    (tmp_path / "typo.py").write_text(TYPO)
    modules = write_readme_modules(tmp_path)
    (tmp_path / "mypy.ini").write_text("[mypy]\n")  # a user's project: not this repository's [tool.mypy]
    command = [sys.executable, "-m", "mypy", "--strict", "--warn-unreachable", "--config-file", "mypy.ini"]
    command += ["--cache-dir", str(tmp_path / "cache"), "handler.py", "typo.py", *(m.name for m in modules)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False)
    lines = done.stdout.splitlines()
    errors = [line for line in lines if ": error:" in line]
    # Only the typo file has errors, both in the branch mypy used to skip as unreachable.
    assert sorted({tuple(line.split(":")[:2]) for line in errors}) == [("typo.py", "7"), ("typo.py", "8")], done.stdout
    assert '"outcom"' in errors[0] and "Unsupported operand" in errors[1]
    revealed = [line.split("Revealed type is ", 1)[1] for line in lines if "Revealed type is" in line]
    assert revealed == [
        '"asteroid_webhooks_raw.models.execution_completed_payload.ExecutionCompletedPayload"',
        '"asteroid_webhooks_raw.models.execution_failed_payload.ExecutionFailedPayload"',
        '"asteroid_webhooks_raw.models.webhook_event.WebhookEvent"',
    ], done.stdout
