"""`import agent_executions` loads its names when first used, and every exported name resolves."""

from __future__ import annotations

import json
import subprocess
import sys

import agent_executions
import pytest

HEAVY = ("httpx", "asteroid_agents_v2_raw", "zaia_v1_raw", "agent_executions.testing", "agent_executions.cli")


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
    assert not {"agent_executions.testing", "agent_executions.cli"} & set(
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
