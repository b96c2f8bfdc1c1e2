"""`import agent_executions` loads its names when first used, and every exported name resolves."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import agent_executions
import pytest

HEAVY = (
    "httpx",
    "asteroid_agents_v2_raw",
    "zaia_v1_raw",
    "asteroid_webhooks_raw",
    "agent_executions.testing",
    "agent_executions.cli",
)


def run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_importing_the_package_loads_neither_the_models_nor_httpx_nor_the_testing_or_cli_modules() -> None:
    loaded = json.loads(
        run(f"import sys, json, agent_executions; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    )
    assert loaded == []


def test_the_first_name_used_loads_what_it_needs_and_no_more() -> None:
    check = f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    loaded = json.loads(run(f"import sys, json\nfrom agent_executions import AsteroidClient\n{check}"))
    assert "httpx" in loaded and "asteroid_agents_v2_raw" in loaded
    assert not {"agent_executions.testing", "agent_executions.cli", "asteroid_webhooks_raw"} & set(
        loaded
    )  # (httpx itself loads rich if installed)


def test_every_name_in_all_resolves_in_a_fresh_process() -> None:
    code = "import agent_executions as ae\nprint(sum(getattr(ae, name) is not None for name in ae.__all__))"
    assert int(run(code)) == len(agent_executions.__all__)
    assert run("from agent_executions import *; print(AsteroidClient.__name__, Execution.__name__)").split() == [
        "AsteroidClient",
        "Execution",
    ]


def test_all_and_the_lazy_table_name_the_same_names() -> None:
    assert set(agent_executions.__all__) == set(agent_executions._MODULES)
    assert set(agent_executions.__all__) <= set(dir(agent_executions))


def test_a_misspelt_name_fails_as_before() -> None:
    with pytest.raises(AttributeError, match="AsteroidKlient"):
        agent_executions.AsteroidKlient  # type: ignore[attr-defined]  # noqa: B018
    with pytest.raises(ImportError):
        exec("from agent_executions import AsteroidKlient")


def test_type_checkers_see_every_name_and_refuse_a_misspelt_one(tmp_path: Path) -> None:
    """The module `__getattr__` is hidden from type checkers: they read the `TYPE_CHECKING` imports."""
    program = tmp_path / "program.py"
    program.write_text(
        "from agent_executions import AsteroidClient, AsteroidKlient, Execution, RateLimitError\n"
        "reveal_type(AsteroidClient)\nreveal_type(Execution)\nreveal_type(RateLimitError)\n"
    )
    (tmp_path / "mypy.ini").write_text("[mypy]\n")
    command = [sys.executable, "-m", "mypy", "--strict", "--config-file", str(tmp_path / "mypy.ini")]
    command += ["--cache-dir", str(tmp_path / "cache"), str(program)]
    out = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False).stdout
    assert 'has no attribute "AsteroidKlient"' in out
    assert "-> agent_executions.asteroid.AsteroidClient" in out
    assert "Execution" in out and "RateLimitError" in out
    assert out.count("error:") == 1


def test_public_modules_are_reachable_as_attributes_after_a_bare_import() -> None:
    """`import agent_executions` then `agent_executions.errors.NotFoundError`, as the eager package allowed."""
    code = "import agent_executions as ae; print(ae.errors.NotFoundError.__name__, ae.models.Execution.__name__)"
    assert run(code).split() == ["NotFoundError", "Execution"]
