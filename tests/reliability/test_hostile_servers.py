"""Hostile or broken servers (scripts/hostile_servers.py holds the cases and writes their table into
docs/reliability.md): every operation, sync and async, ends in the documented typed error after the
documented number of attempts, and never lets the key, a RecursionError or an httpx error out."""

from __future__ import annotations

import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import agent_executions as ae
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from hostile_servers import DOCS, OPERATIONS, Case, Server, cases, hostile_table, run_case, secrets_table, servers


@pytest.fixture(scope="module")
def by_vendor() -> Iterator[dict[str, Server]]:
    with servers() as started:
        yield started


@pytest.mark.parametrize(
    ("operation", "mode", "case"),
    list(cases()),
    ids=lambda value: value.name if isinstance(value, Case) else str(value),
)
def test_hostile_server(by_vendor: dict[str, Server], operation: str, mode: str, case: Case) -> None:
    server = by_vendor[OPERATIONS[operation][0]]
    result = run_case(server, operation, mode, case)
    assert type(result.error) is case.error, repr(result.error)
    assert isinstance(result.error, ae.AgentExecutionsError)
    assert result.attempts == case.attempts
    text = "".join(traceback.format_exception(result.error))
    assert server.api_key not in text
    assert server.api_key not in repr(vars(result.error))
    if case.verify is not None:
        case.verify(result)


def test_the_trickled_body_is_cut_at_the_deadline(by_vendor: dict[str, Server]) -> None:
    server = by_vendor["asteroid"]
    result = run_case(server, "Asteroid get", "sync", next(c for c in cases() if "trickled" in c[2].name)[2])
    assert "body included" in str(result.error)


def test_the_echoed_key_is_redacted_wherever_the_error_carries_it(by_vendor: dict[str, Server]) -> None:
    for vendor, operation in (("asteroid", "Asteroid get"), ("zaia", "Zaia get")):
        server = by_vendor[vendor]
        echo = next(c for _, _, c in cases() if c.name.startswith("400 whose body echoes"))
        result = run_case(server, operation, "sync", echo)
        error = result.error
        assert isinstance(error, ae.BadRequestError)
        assert "<redacted>" in error.message and "<redacted>" in str(error.body)
        for text in (str(error), repr(error.body), error.response.text, repr(error.response.request.headers)):
            assert server.api_key not in text


def test_the_docs_hold_the_tables_these_cases_make() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert hostile_table() in text, "run `make reliability` to rewrite docs/reliability.md"
    assert secrets_table() in text, "run `make reliability` to rewrite docs/reliability.md"


@pytest.mark.parametrize(
    ("vendor", "command"), [("asteroid", ["get"]), ("zaia", ["get"]), ("zaia", ["nesting", "--execution"])]
)
def test_the_command_line_reports_a_hostile_answer_in_one_line(
    by_vendor: dict[str, Server], vendor: str, command: list[str]
) -> None:
    server = by_vendor[vendor]
    for inject in (server.deep_json_next, server.bad_encoding_next):
        server.faults.clear()
        inject(times=3)
        args = [vendor, *command, server.executions[0]["id"], "--base-url", server.base_url, "--api-key-file", "-"]
        done = subprocess.run(
            [sys.executable, "-m", "agent_executions", *args],
            input=server.api_key,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 5, done.stderr
        assert done.stderr.count("\n") == 1 and "ResponseValidationError" in done.stderr
    server.faults.clear()
