"""The command line's help, its messages, its cells and tables, and its shell completion (issue 23, item 11)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import agent_executions as ae
import pytest
from agent_executions import cli
from agent_executions._asteroid import LIST
from agent_executions._logs import LOG_ENV
from agent_executions.cli import _lifecycle, _render
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

BIN = Path(sys.executable).parent
SCRIPT = BIN / "agent-executions"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "agent_executions", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False, env=env)


def without_keys() -> dict[str, str]:
    gone = ("ASTEROID_API_KEY", "ZAIA_API_KEY", "ASTEROID_BASE_URL", "ZAIA_BASE_URL")
    return {k: v for k, v in os.environ.items() if k not in gone}


def parsers(
    parser: argparse.ArgumentParser, path: str = "agent-executions"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every parser of the command line, by the command that shows its help."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, f"{path} {name}")


def exit_codes() -> set[int]:
    """Every exit code the command line's code defines."""
    codes = {value for name, value in vars(cli).items() if name.startswith("EXIT_") and isinstance(value, int)}
    codes |= {value for name, value in vars(_lifecycle).items() if name.startswith("EXIT_") and isinstance(value, int)}
    return codes | {128 + signal.SIGHUP, 128 + signal.SIGTERM}


def environment_variables() -> set[str]:
    names = {LOG_ENV, "NO_COLOR"}
    for client in (ae.AsteroidClient, ae.ZaiaClient):
        names |= {client._vendor.api_key_env, client._vendor.base_url_env}
    return names


# --- help -------------------------------------------------------------------------------


def test_no_help_shows_markdown_backticks() -> None:
    for command, parser in parsers(cli.build_parser()):
        assert "`" not in parser.format_help(), command
    shown = run("--help")
    assert shown.returncode == 0 and shown.stdout.startswith("usage: agent-executions")
    assert "`" not in shown.stdout


def test_every_argument_of_every_command_has_help() -> None:
    missing = [
        f"{command}: {action.option_strings or action.dest}"
        for command, parser in parsers(cli.build_parser())
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction) and not action.help
    ]
    assert missing == []


@pytest.mark.parametrize(
    "command", ["get", "wait", "rerun", "delete", "cancel", "pause", "resume", "message", "activities", "recording"]
)
def test_the_id_of_each_command_is_explained(command: str) -> None:
    shown = run("asteroid", command, "--help")
    assert shown.returncode == 0, shown.stderr
    described = re.search(r"^  ID +(\S.*)$", shown.stdout, re.MULTILINE)
    assert described is not None, shown.stdout
    assert "execution" in described.group(1)


def listing_help() -> str:
    shown = run("asteroid", "list", "--help")
    assert shown.returncode == 0, shown.stderr
    return " ".join(shown.stdout.split())


def test_status_and_sort_list_the_values_of_the_pinned_spec() -> None:
    text = listing_help()
    status = text[text.index("--status STATUS") : text.index("--created-after T ")]
    for value in LIST.field("status").choices:
        assert re.search(rf"\b{value}\b", status), value
    sort = text[text.index("--sort FIELD[:asc|desc]", text.index("options:")) : text.index("--consistent ")]
    for value in (*LIST.field("sort_field").choices, *LIST.field("sort_direction").choices):
        assert re.search(rf"\b{value}\b", sort), value


def test_a_status_the_spec_does_not_list_is_still_accepted_by_the_parser() -> None:
    args = cli.build_parser().parse_args(["asteroid", "list", "--status", "archived_by_vendor"])
    assert args.status == ["archived_by_vendor"]


def test_the_created_bounds_say_they_are_exclusive_and_read_as_utc() -> None:
    text = listing_help()
    after = text[text.index("--created-after T ") : text.index("--created-before T ")]
    assert "strictly after" in after and "exclusive" in after and LIST.query_name("created_after") in after
    assert "without a zone is UTC" in after
    before = text[text.index("--created-before T ") : text.index("--since DURATION ")]
    assert "strictly before" in before and "without a zone is UTC" in before


@pytest.mark.parametrize("args", [("--help",), ("asteroid", "--help"), ("zaia", "--help")])
def test_help_names_every_exit_code_and_environment_variable(args: tuple[str, ...]) -> None:
    shown = run(*args)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    start = lines.index("Exit codes:")
    for code in exit_codes():
        assert any(re.match(rf"  {code} +\S", line) for line in lines[start:]), code
    environment = lines[lines.index("Environment:") :]
    for name in environment_variables():
        assert any(re.match(rf"  (\S+, )?{name}\b", line) for line in environment), name


def test_the_epilog_is_the_module_docstring() -> None:
    """One text for the code's readers and for --help: the epilog is the docstring's, line for line."""
    _, epilog = cli.help_text()
    assert epilog and epilog in (cli.__doc__ or "")
    assert epilog in cli.build_parser().format_help()


# --- the missing key --------------------------------------------------------------------


@pytest.mark.parametrize(("vendor", "variable"), [("asteroid", "ASTEROID_API_KEY"), ("zaia", "ZAIA_API_KEY")])
def test_a_missing_key_is_told_in_command_line_words(vendor: str, variable: str) -> None:
    done = run(vendor, "list", env=without_keys())
    assert done.returncode == 2
    assert done.stdout == ""
    message = done.stderr.strip()
    assert len(message.splitlines()) == 1
    assert "api_key=" not in message
    assert variable in message and "--api-key-file" in message and "--api-key " in message


def test_an_empty_api_key_option_is_named() -> None:
    done = run("asteroid", "get", "x", "--api-key", " ", env=without_keys())
    assert done.returncode == 2
    assert done.stderr.startswith("agent-executions: --api-key is empty")
    assert "api_key=" not in done.stderr


def test_other_usage_errors_keep_their_own_message_without_a_key() -> None:
    done = run("asteroid", "list", "--csv-raw", "--format", "json", env=without_keys())
    assert done.returncode == 2
    assert "--csv-raw applies only to --format csv" in done.stderr


def test_the_library_keeps_its_python_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASTEROID_API_KEY", raising=False)
    with pytest.raises(ae.ConfigurationError, match="pass api_key="):
        ae.AsteroidClient()


# --- booleans ---------------------------------------------------------------------------


def test_booleans_are_spelt_as_json_spells_them() -> None:
    assert (_render.cell(True), _render.cell(False)) == ("true", "false")
    assert (_render.csv_cell(True), _render.csv_cell(False, raw=True)) == ("true", "false")
    assert _render.cell({"a": True}) == '{"a": true}'
    assert (_render.cell(1), _render.cell(0.5), _render.cell(None)) == ("1", "0.5", "")


@pytest.mark.parametrize("raw", [False, True])
def test_csv_booleans_match_json(raw: bool) -> None:
    with FakeZaiaServer(seed=3, count=20) as server:
        options = ["--api-key", server.api_key, "--base-url", server.base_url, "--all"]
        as_csv = run("zaia", "list", *options, "--format", "csv", *(["--csv-raw"] if raw else []))
        as_json = run("zaia", "list", *options, "--format", "jsonl")
    assert as_csv.returncode == 0 and as_json.returncode == 0, as_csv.stderr + as_json.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    records = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert {r["isAgentic"] for r in records} == {True, False}, "the seed must give both"
    assert [row["isAgentic"] for row in rows] == [json.dumps(r["isAgentic"]) for r in records]
    assert [row["isPurged"] for row in rows] == [json.dumps(r["isPurged"]) for r in records]


def test_table_booleans_match_json() -> None:
    with (
        FakeZaiaServer(seed=3, count=20) as server,
        ae.ZaiaClient(api_key=server.api_key, base_url=server.base_url) as c,
    ):
        records = list(c.executions.list())
    shown = _render.render_to_text(_render.table(records, "zaia", "t"), width=200)
    cells = {cell.strip() for line in shown.splitlines() for cell in line.split("│")}
    assert {"true", "false"} <= cells
    assert not {"True", "False"} & cells


# --- tables at 80 columns ---------------------------------------------------------------


def listed(server_class: Any, client_class: Any, count: int) -> list[Any]:
    """Every execution of a fake of `count`, as the client lists them."""
    with server_class(seed=7, count=count) as server:
        with client_class(api_key=server.api_key, base_url=server.base_url) as client:
            return list(client.executions.list())


@pytest.mark.parametrize(
    ("vendor", "server_class", "client_class"),
    [("asteroid", FakeAsteroidServer, ae.AsteroidClient), ("zaia", FakeZaiaServer, ae.ZaiaClient)],
)
@pytest.mark.parametrize("width", [80, 100])
def test_each_id_stays_whole_on_one_line(vendor: str, server_class: Any, client_class: Any, width: int) -> None:
    records = listed(server_class, client_class, 20)
    shown = _render.render_to_text(_render.table(records, vendor, "t"), width=width)
    lines = shown.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= width, "no line wider than the terminal"
    for record in records:
        assert sum(record.id in line for line in lines) == 1, record.id
        (row,) = (line for line in lines if record.id in line)
        assert str(record.status) in row.split("│")[2], "the status is not cut either"
    assert "…" in shown, "at this width the other columns are cut with an ellipsis"


def test_a_piped_table_at_80_columns_keeps_the_ids() -> None:
    with FakeAsteroidServer(seed=7, count=20) as server:
        env = {**os.environ, "COLUMNS": "80"}
        options = ["--api-key", server.api_key, "--base-url", server.base_url]
        done = run("asteroid", "list", *options, "--limit", "5", "--format", "table", env=env)
        newest = sorted(server.executions, key=lambda i: (i["createdAt"], i["id"]), reverse=True)[:5]
    assert done.returncode == 0, done.stderr
    assert [match.group() for match in UUID.finditer(done.stdout)] == [i["id"] for i in newest]


# --- shell completion -------------------------------------------------------------------


def completions(line: str, tmp_path: Path) -> list[str]:
    """What the installed console script offers for `line`, asked as argcomplete's shell hook asks."""
    out = tmp_path / "completions"
    env = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "_ARGCOMPLETE_IFS": "\n",
        "_ARGCOMPLETE_STDOUT_FILENAME": str(out),
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
    }
    done = subprocess.run([str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return out.read_text().split("\n")


needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed beside python")


@needs_script
def test_completion_offers_the_vendors(tmp_path: Path) -> None:
    assert [c.strip() for c in completions("agent-executions as", tmp_path)] == ["asteroid"]


@needs_script
def test_completion_offers_the_spec_values_of_status_and_sort(tmp_path: Path) -> None:
    offered = {c.strip() for c in completions("agent-executions asteroid list --status ", tmp_path)}
    assert offered == set(LIST.field("status").choices)
    assert {c.strip() for c in completions("agent-executions asteroid list --sort st", tmp_path)} == {
        "status",
        "status:asc",
        "status:desc",
    }


@needs_script
def test_global_completion_finds_the_marker_of_the_console_script() -> None:
    """`activate-global-python-argcomplete` completes a console script whose module has the marker."""
    done = subprocess.run(
        [sys.executable, "-m", "argcomplete._check_console_script", str(SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "PYTHON_ARGCOMPLETE_OK" in Path(cli.__file__).read_text(encoding="utf-8")[:1024]


@needs_script
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_readme_registration_completes_in_bash() -> None:
    """README's `eval "$(register-python-argcomplete agent-executions)"`, then a Tab after `--status fa`."""
    script = (
        'eval "$(register-python-argcomplete agent-executions)"\n'
        "COMP_LINE='agent-executions asteroid list --status fa'; COMP_POINT=${#COMP_LINE}\n"
        "COMP_WORDS=(agent-executions asteroid list --status fa); COMP_CWORD=4\n"
        "_python_argcomplete agent-executions fa --status\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert [line.strip() for line in done.stdout.splitlines()] == ["failed"]


def test_a_normal_start_does_not_import_argcomplete() -> None:
    code = (
        "import sys\nfrom agent_executions import cli\n"
        "code = cli.main(['--fake', 'asteroid', 'list', '--limit', '1', '--format', 'jsonl'])\n"
        "print(code, 'argcomplete' in sys.modules, file=sys.stderr)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("_ARGCOMPLETE")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.stderr.split()[-2:] == ["0", "False"], done.stderr
    assert len(done.stdout.splitlines()) == 1
