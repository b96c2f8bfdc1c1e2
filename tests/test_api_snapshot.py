"""The public API of agent_executions matches its checked-in snapshot (docs/api/agent_executions.txt)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import api_snapshot  # noqa: E402


def test_the_public_api_matches_its_snapshot() -> None:
    expected = api_snapshot.SNAPSHOT.read_text(encoding="utf-8")
    changes = api_snapshot.diff(expected, api_snapshot.render())
    if changes:
        pytest.fail(
            f"The public API of agent_executions changed:\n\n{changes}\n"
            f"If that is intended, run `{api_snapshot.UPDATE_COMMAND}` and commit "
            f"{api_snapshot.SNAPSHOT.relative_to(ROOT)}; a removal or an incompatible change needs a new major "
            "version (README, Versioning).",
            pytrace=False,
        )


@pytest.fixture(scope="module")
def snapshot() -> str:
    return api_snapshot.render()


def test_generated_models_appear_under_their_stable_names(snapshot: str) -> None:
    assert "\nclass agent_executions.models.Execution\n" in snapshot
    assert "    comments: list[Comment]\n" in snapshot
    assert "    status: ExecutionStatus\n" in snapshot
    assert "    PAUSED_BY_AGENT = 'paused_by_agent'\n" in snapshot
    for generated in ("AgentsExecutionListItem\n", "AgentsExecutionComment", "AgentsExecutionStatus"):
        assert generated not in snapshot


def test_signatures_include_inherited_and_async_methods(snapshot: str) -> None:
    client = snapshot.split("\nclass agent_executions.asteroid.AsyncAsteroidClient(AsyncClient)\n")[1].split("\n\n")[0]
    assert "    async def close() -> None" in client
    assert "    executions: AsyncExecutions" in client
    assert "    def with_options(\n        *,\n" in client and "        max_retries: int | None = None,\n" in client


def test_methods_from_generic_bases_show_the_types_the_subclass_binds(snapshot: str) -> None:
    executions = snapshot.split("\nclass agent_executions.asteroid.Executions(")[1].split("\n\n")[0]
    assert "\n    ) -> SyncPager[Execution]" in executions
    assert "        page_size: int = ASTEROID_MAX_PAGE_SIZE,\n" in executions  # one parameter a line
    assert "PagerT" not in executions.split("\n", 1)[1]


def test_a_changed_signature_fails_with_a_diff_naming_it(tmp_path: Path, snapshot: str) -> None:
    facade = tmp_path / "facade"
    shutil.copytree(ROOT / "facade", facade, ignore=shutil.ignore_patterns("__pycache__"))
    zaia = facade / "agent_executions" / "_zaia.py"
    zaia.write_text(zaia.read_text().replace("def walk(self)", "def walk_tree(self)"))
    asteroid = facade / "agent_executions" / "_generated" / "asteroid.py"
    asteroid.write_text(asteroid.read_text().replace("        outcome_label: str | None = None,\n", "", 2))
    models = facade / "agent_executions" / "models.py"
    models.write_text(models.read_text().replace('    "SortField",\n', "", 1))

    changes = api_snapshot.diff(snapshot, api_snapshot.render([facade, ROOT / "generated"]))

    removed = [line for line in changes.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in changes.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert "-    def walk() -> Iterator[ZaiaExecutionNesting]" in removed
    assert "+    def walk_tree() -> Iterator[ZaiaExecutionNesting]" in added
    assert "-    class SortField" in removed
    assert removed.count("-        outcome_label: str | None = None,") == 2  # sync and async


def test_the_check_command_prints_the_diff_and_the_update_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "agent_executions.txt"
    stale.write_text(api_snapshot.SNAPSHOT.read_text().replace("    def walk()", "    def walk_old()"))
    monkeypatch.setattr(api_snapshot, "SNAPSHOT", stale)
    monkeypatch.setattr(api_snapshot, "ROOT", tmp_path)

    assert api_snapshot.main(["--check"]) == 1

    out = capsys.readouterr().out
    assert "-    def walk_old() -> Iterator[ZaiaExecutionNesting]" in out
    assert "+    def walk() -> Iterator[ZaiaExecutionNesting]" in out
    assert "make api-snapshot" in out


def test_make_api_snapshot_rewrites_the_file() -> None:
    done = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed-dev", "api-snapshot"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "scripts/api_snapshot.py" in done.stdout and "--check" not in done.stdout


def test_a_new_union_member_is_an_added_line(tmp_path: Path, snapshot: str) -> None:
    """A new `oneOf` variant is additive (docs/regeneration.md): the diff only adds its line."""
    generated = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", generated, ignore=shutil.ignore_patterns("__pycache__"))
    model = generated / "asteroid_agents_v2_raw" / "models" / "execution.py"
    text = model.read_text()
    assert "        | UITriggerContext\n" in text
    model.write_text(text.replace("        | UITriggerContext\n", "        | UITriggerContext\n        | Comment\n", 1))

    changes = api_snapshot.diff(snapshot, api_snapshot.render([ROOT / "facade", generated]))

    lines = [line for line in changes.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert lines == ["+        | Comment"], changes
