"""A release is judged by its effect on the facade, not by the spec's spelling (issue 21).

The spec-level judge compares schemas by their structure, so naming an inline type or inlining
a named one is no change; the facade-level judge regenerates into a temporary tree, imports it,
builds every client with its defaults and compares the public-API snapshots, so a renamed
operation the facade wraps, or a default server the clients refuse, is refused as breaking.
"""

from __future__ import annotations

import ast
import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from facade_effect import compare
from regen_support import ROOT, SPECS, dump_like_pin, regenerate, snapshot
from spec_changes import breaking_changes, classify_changes

PINNED = json.loads((ROOT / "generated" / "asteroid_agents_v2_raw" / "openapi.json").read_text())


def with_named_created_at(doc: dict[str, Any]) -> dict[str, Any]:
    """`createdAt`, inline `{type: string, format: date-time}` in the pin, as a named type."""
    named = copy.deepcopy(doc)
    named["components"]["schemas"]["Common.dateTime"] = {"type": "string", "format": "date-time"}
    item = named["components"]["schemas"]["Agents.Execution.ListItem"]["properties"]
    item["createdAt"] = {"allOf": [{"$ref": "#/components/schemas/Common.dateTime"}], "description": "Created"}
    return named


def test_naming_an_inline_type_is_no_change() -> None:
    changes = [str(change) for change in classify_changes(PINNED, with_named_created_at(PINNED))]
    assert changes == ["+ schema Common.dateTime (additive)"]


def test_inlining_a_named_type_is_no_change() -> None:
    changes = classify_changes(with_named_created_at(PINNED), PINNED)
    assert [str(change) for change in changes] == [
        "- schema Common.dateTime (additive: a name of a primitive type: no model)"
    ]


def test_a_named_type_that_differs_is_still_a_change() -> None:
    named = with_named_created_at(PINNED)
    named["components"]["schemas"]["Common.dateTime"] = {"type": "integer"}
    breaks = [str(change) for change in breaking_changes(classify_changes(PINNED, named))]
    assert breaks == [
        "~ type Agents.Execution.ListItem.createdAt: string (date-time) -> integer (BREAKING: code reading it as"
        " string (date-time) gets integer)"
    ]


def release(repo: Path, edit: Any, *flags: str) -> tuple[int, str, dict[str, str]]:
    doc = yaml.safe_load((repo / "openapi" / SPECS["asteroid"]).read_text())
    edit(doc)
    source = repo / "next.yaml"
    source.write_text(dump_like_pin("asteroid", doc))
    before = snapshot(repo)
    done = regenerate(repo, "asteroid", "--source", str(source), *flags)
    return done.returncode, done.stdout + done.stderr, before


def test_a_renamed_operation_the_facade_wraps_is_refused(repo: Path) -> None:
    def rename(doc: dict[str, Any]) -> None:
        doc["paths"]["/executions/{executionId}"]["get"]["operationId"] = "GetExecution"

    code, output, before = release(repo, rename)
    assert code == 3, output
    assert "breaks `executions.get`" in output and "name the operation's new operationId" in output
    assert snapshot(repo) == before


def test_a_default_server_the_clients_refuse_is_refused(repo: Path) -> None:
    def insecure(doc: dict[str, Any]) -> None:
        doc["servers"][0]["url"] = doc["servers"][0]["url"].replace("https://", "http://")

    code, output, before = release(repo, insecure)
    assert code == 3, output
    assert "AsteroidClient() with its defaults no longer constructs (ValueError" in output
    assert snapshot(repo) == before


def test_a_compatible_release_that_names_a_type_regenerates(repo: Path) -> None:
    """The case that failed test_next_release once the pin carried `workflowVersionId` inline."""

    def inline_then_named(doc: dict[str, Any]) -> None:
        item = doc["components"]["schemas"]["Agents.Execution.ListItem"]["properties"]
        item["createdAt"] = {"allOf": [{"$ref": "#/components/schemas/Common.dateTime"}]}
        doc["components"]["schemas"]["Common.dateTime"] = {"type": "string", "format": "date-time"}

    code, output, before = release(repo, inline_then_named)
    assert code == 0, output
    assert "BREAKING" not in output and snapshot(repo) != before


SNAPSHOT = """\
class agent_executions.asteroid.Executions(SyncResource)
    def get(execution_id: str | uuid.UUID, *, extra_query: ExtraQuery | None = None) -> Execution
    def list(
        *,
        status: StatusValue | None = None,
        limit: int | None = None,
    ) -> SyncPager[Execution]
    trigger: (
        | APITriggerContext
        | UnknownTriggerContext
    )
"""


def test_effects_added_optional_parameters_and_union_members_are_additive() -> None:
    new = SNAPSHOT.replace("        limit:", "        workflow_id: str | None = None,\n        limit:")
    new = new.replace(
        "        | UnknownTriggerContext", "        | WarmupTriggerContext\n        | UnknownTriggerContext"
    )
    breaking, additive = compare(SNAPSHOT, new)
    assert breaking == []
    assert additive == [
        "class agent_executions.asteroid.Executions: list takes the new optional parameter workflow_id",
        "class agent_executions.asteroid.Executions: trigger also takes WarmupTriggerContext",
    ]


def test_effects_that_break_code_are_breaking() -> None:
    new = SNAPSHOT.replace("status: StatusValue | None = None,", "status: StatusValue,")
    new = new.replace(", *, extra_query: ExtraQuery | None = None) -> Execution", ") -> Execution | None")
    new = new.replace("        | APITriggerContext\n", "")
    breaking, _ = compare(SNAPSHOT, new)
    assert breaking == [
        "class agent_executions.asteroid.Executions: get() lost the parameter extra_query",
        "class agent_executions.asteroid.Executions: get() returns Execution | None, not Execution",
        "class agent_executions.asteroid.Executions: list() parameter changed: status: StatusValue | None = None"
        " -> status: StatusValue",
        "class agent_executions.asteroid.Executions: trigger no longer includes APITriggerContext",
    ]
    assert compare(SNAPSHOT, "")[0] == ["class agent_executions.asteroid.Executions is gone"]


@pytest.mark.parametrize(
    ("name", "message"), [("limit", "has the name of the facade's own argument"), ("rules", "needs a `rename`")]
)
def test_a_new_field_named_like_the_facades_own_is_refused(repo: Path, name: str, message: str) -> None:
    """Review of issue 21: a new filter `limit` was swallowed by the pager's `limit`; one named `rules`
    shadowed the generated module's name and every call crashed, both judged additive."""

    def add_filter(doc: dict[str, Any]) -> None:
        doc["paths"]["/executions"]["get"]["parameters"].append(
            {"in": "query", "name": name, "schema": {"type": "string"}}
        )

    code, output, before = release(repo, add_filter)
    assert code == 3, output
    assert message in output and snapshot(repo) == before


def test_even_accept_breaking_writes_no_facade_that_cannot_be_imported(repo: Path) -> None:
    """Review of issue 21: a `rename` giving two arguments one name wrote a module with a SyntaxError."""
    table = repo / "openapi" / "operations.toml"
    table.write_text(
        table.read_text().replace(
            'hide = { page = "the listing', 'rename = { agent_id = "execution_id" }\nhide = { page = "the listing', 1
        )
    )
    source = repo / "openapi" / SPECS["asteroid"]
    before = snapshot(repo)
    done = regenerate(repo, "asteroid", "--source", str(source), "--accept-breaking")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "two arguments would be named 'execution_id'" in done.stderr
    assert snapshot(repo) == before


def test_accept_breaking_lets_no_renamed_operation_the_facade_wraps_through(repo: Path) -> None:
    """Review of issue 21: with --accept-breaking, a renamed operationId wrote a facade whose import
    raised LookupError; code importing it would fail at once, which no flag should allow."""

    def rename(doc: dict[str, Any]) -> None:
        doc["paths"]["/executions/{executionId}"]["get"]["operationId"] = "GetExecution"

    code, output, before = release(repo, rename, "--accept-breaking")
    assert code == 1, output
    assert "this release breaks `executions.get`" in output
    assert snapshot(repo) == before


ALIASED = """\
module agent_executions.asteroid
    class Executions
    StatusValue = Literal['running', 'failed']

class agent_executions.asteroid.Executions(SyncResource)
    def list(
        *,
        status: StatusValue | Iterable[StatusValue] | None = None,
        order: Literal['asc', 'desc'] = 'asc',
    ) -> SyncPager[Execution]
"""


def test_an_enum_alias_is_judged_by_its_values_not_its_name() -> None:
    """Review of issue 21: a new enum value renamed the alias, and the judge called that BREAKING."""
    wider = ALIASED.replace("['running', 'failed']", "['running', 'failed', 'queued']")
    breaking, additive = compare(ALIASED, wider)
    assert breaking == [] and additive == ["module agent_executions.asteroid: StatusValue also takes Literal['queued']"]
    renamed = ALIASED.replace("order: Literal['asc', 'desc']", "order: OrderValue").replace(
        "    StatusValue =", "    OrderValue = Literal['asc', 'desc']\n    StatusValue ="
    )
    breaking, additive = compare(ALIASED, renamed)
    assert breaking == []
    assert "class agent_executions.asteroid.Executions: list takes more in order" in additive
    with_class = ALIASED.replace(
        "StatusValue | Iterable[StatusValue]", "StatusValue | Status | Iterable[StatusValue | Status]"
    )
    assert compare(ALIASED, with_class) == (
        [],
        ["class agent_executions.asteroid.Executions: list takes more in status"],
    )


def test_an_enum_value_gone_is_breaking() -> None:
    narrower = ALIASED.replace("['running', 'failed']", "['running']")
    breaking, _ = compare(ALIASED, narrower)
    assert breaking == ["module agent_executions.asteroid: StatusValue no longer includes Literal['failed']"]
    inline = ALIASED.replace("order: Literal['asc', 'desc']", "order: Literal['asc']")
    assert compare(ALIASED, inline)[0] == [
        "class agent_executions.asteroid.Executions: list() parameter changed: order: Literal['asc', 'desc'] = 'asc'"
        " -> order: Literal['asc'] = 'asc'"
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('operation = "ExecutionGet"', 'operatio = "ExecutionGet"', "asteroid.executions.get: unknown key operatio"),
        ('build = "list_executions"', 'build = "list_executionz"', "the rules module does not define"),
        ('"queue_if_busy: bool = False"]', '"queue_if_busy: bool = = False"]', "is not a Python parameter"),
        ('rules = "_asteroid"', 'rules = "_asteroidx"', "a module the facade lacks"),
        ('"concurrency: int = 1",', '"concurrency: int = 1", "rules: int = 0",', "the argument 'rules' has the name"),
        ('"concurrency: int = 1",', '"concurrency: int = UNDEFINED",', "names 'UNDEFINED', which the generated"),
        ('returns = "StatusChange"', 'returns = "StatusChangeX"', "'StatusChangeX', which agent_executions.models"),
        ("from .._constants import ASTEROID", "from .._constantz import ASTEROID", "which _constantz does not define"),
    ],
)
def test_a_mistake_in_the_table_is_one_line_and_no_flag_passes_it(repo: Path, old: str, new: str, message: str) -> None:
    """Review of issue 21: a typo in the table printed as a BREAKING change (and passed with
    --accept-breaking), a missing rule surfaced only when the method was called."""
    table = repo / "openapi" / "operations.toml"
    assert old in table.read_text()
    table.write_text(table.read_text().replace(old, new, 1))
    before = snapshot(repo)
    source = repo / "openapi" / SPECS["asteroid"]
    done = regenerate(repo, "asteroid", "--source", str(source), "--accept-breaking")
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and message in done.stderr and "BREAKING" not in done.stdout + done.stderr
    assert snapshot(repo) == before


def test_text_from_the_table_is_quoted_in_the_generated_docstrings(repo: Path) -> None:
    table = repo / "openapi" / "operations.toml"
    text = table.read_text().replace(
        'doc = "start executions of workflows."', 'doc = \'start """ executions \\\\ of workflows."\'', 1
    )
    assert text != table.read_text()
    table.write_text(text)
    source = repo / "openapi" / SPECS["asteroid"]
    done = regenerate(repo, "asteroid", "--source", str(source))
    assert done.returncode == 0, done.stdout + done.stderr
    module = repo / "facade" / "agent_executions" / "_generated" / "asteroid.py"
    classes = [node for node in ast.parse(module.read_text()).body if isinstance(node, ast.ClassDef)]
    docs = [ast.get_docstring(node) or "" for node in classes if node.name in ("Workflows", "AsyncWorkflows")]
    assert len(docs) == 2 and all(d.rstrip().endswith('start """ executions \\\\ of workflows."') for d in docs), docs


def _param(doc: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    verb = "get" if "get" in doc["paths"][path] else "post"
    return next(p for p in doc["paths"][path][verb]["parameters"] if p.get("name") == name)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (  # two fields, one argument: the second silently won, and `outcomeLabel` went out as `outcome_label`
            lambda doc: doc["paths"]["/executions"]["get"]["parameters"].append(
                {"in": "query", "name": "outcome_label", "schema": {"type": "string"}}
            ),
            "'outcomeLabel' and query field 'outcome_label' would both be the argument 'outcome_label'",
        ),
        (  # a new filter named like the function the method body calls: every wait() failed
            lambda doc: doc["paths"]["/executions/{executionId}/sync"]["get"]["parameters"].append(
                {"in": "query", "name": "waitFor", "schema": {"type": "string"}}
            ),
            "the spec's field 'wait_for' has the name of one the generated module uses",
        ),
    ],
    ids=["two-fields-one-name", "shadows-wait_for"],
)
def test_a_release_whose_fields_the_facade_cannot_name_is_refused(repo: Path, edit: Any, message: str) -> None:
    code, output, before = release(repo, edit)
    assert code == 3 and message in output, output
    assert snapshot(repo) == before


def _add_value(where: str, value: str) -> Any:
    def edit(doc: dict[str, Any]) -> None:
        if where == "order":
            _param(doc, "/executions/{executionId}/activities", "order")["schema"]["enum"].append(value)
        else:
            doc["components"]["schemas"][where]["enum"].append(value)

    return edit


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (_add_value("order", "random"), "OrderValue also takes Literal['random']"),
        (_add_value("Common.SortDirection", "random"), "SortDirectionValue also takes Literal['random']"),
        (_add_value("Agents.Execution.Status", 'we"ird\\x'), "StatusValue also takes Literal['we\"ird\\\\x']"),
    ],
    ids=["inline", "named", "quoted"],
)
def test_a_new_enum_value_is_additive_and_keeps_the_names(repo: Path, edit: Any, expected: str) -> None:
    """Review of issue 21: a value added to an inline enum (or to the named enum it matched) renamed
    its alias and dropped the enum class from the annotation: judged BREAKING."""
    code, output, _ = release(repo, edit)
    assert code == 0 and expected in output and "BREAKING" not in output, output
    module = (repo / "facade" / "agent_executions" / "_generated" / "asteroid.py").read_text()
    assert "status: StatusValue | ExecutionStatus | Iterable[StatusValue | ExecutionStatus] | None" in module
    assert module.count('order: OrderValue = "asc"') == 4  # sync, async and their raw twins


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('defaults = { sort_field = "created_at"', 'defaults = { sort_field = "bogus"', "'bogus', is not one of"),
        (
            'operation = "ExecutionUserMessagesAdd"',
            'operation = "ExecutionUserMessagesAdd"\nhide = { message = "x" }',
            "hides the required body field 'message'",
        ),
    ],
    ids=["default-not-a-value", "hides-a-required-field"],
)
def test_a_table_that_would_fail_every_call_is_never_written(repo: Path, old: str, new: str, message: str) -> None:
    """Review of issue 21: with --accept-breaking these were written, imported, and every call failed."""
    table = repo / "openapi" / "operations.toml"
    assert old in table.read_text()
    table.write_text(table.read_text().replace(old, new, 1))
    before = snapshot(repo)
    source = repo / "openapi" / SPECS["asteroid"]
    refused = regenerate(repo, "asteroid", "--source", str(source))
    assert refused.returncode == 3 and message in refused.stdout + refused.stderr
    forced = regenerate(repo, "asteroid", "--source", str(source), "--accept-breaking")
    assert forced.returncode == 1 and message in forced.stderr
    assert snapshot(repo) == before
