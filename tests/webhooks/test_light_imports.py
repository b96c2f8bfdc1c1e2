"""The webhooks module loads its models with it, and cryptography only when a signature is checked."""

from __future__ import annotations

import json
import subprocess
import sys

WATCHED = ("asteroid_webhooks_raw", "cryptography", "agent_executions.webhooks")


def loaded_after(code: str) -> list[str]:
    check = f"import sys, json\n{code}\nprint(json.dumps([m for m in {WATCHED!r} if m in sys.modules]))"
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=60, check=True)
    return list(json.loads(done.stdout))


def test_importing_the_package_or_the_error_loads_no_webhook_code() -> None:
    assert loaded_after("import agent_executions") == []
    assert loaded_after("from agent_executions import WebhookVerificationError") == []


def test_the_webhooks_module_loads_its_models_but_not_cryptography() -> None:
    assert loaded_after("import agent_executions.webhooks") == ["asteroid_webhooks_raw", "agent_executions.webhooks"]
    assert loaded_after("import agent_executions as ae; ae.webhooks.unwrap") == [
        "asteroid_webhooks_raw",
        "agent_executions.webhooks",
    ]
