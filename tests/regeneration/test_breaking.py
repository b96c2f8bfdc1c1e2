"""A release that breaks code using the facade is refused, file for file, unless --accept-breaking.

Each test transforms a copy of a pinned spec into a plausible next release and runs
scripts/regenerate.py on a copy of the repository (`--root`).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from regen_support import ROOT, SPECS, dump_like_pin, regenerate, snapshot

Doc = dict[str, Any]
Edit = Callable[[Doc], object]

EXIT_BREAKING = 3


def pinned(api: str) -> Doc:
    doc: Doc = yaml.safe_load((ROOT / "openapi" / SPECS[api]).read_text())
    return doc


def schema(doc: Doc, name: str) -> Doc:
    found: Doc = doc["components"]["schemas"][name]
    return found


PREFIX = next(p for p in pinned("asteroid")["paths"] if p.endswith("/executions")).removesuffix("/executions")
"""Where the pinned spec's paths start: empty, or `/agents/v2` once the vendor moves it into the paths."""
LIST = PREFIX + "/executions"
GET = PREFIX + "/executions/{executionId}"


def listing_param(doc: Doc, name: str) -> Doc:
    found: Doc = next(p for p in doc["paths"][LIST]["get"]["parameters"] if p["name"] == name)
    return found


ITEM = "Agents.Execution.ListItem"


def rename_agent_name(doc: Doc) -> None:
    props = schema(doc, ITEM)["properties"]
    props["agentDisplayName"] = props.pop("agentName")
    required = schema(doc, ITEM)["required"]
    required[required.index("agentName")] = "agentDisplayName"


def drop_property(doc: Doc, name: str, prop: str) -> None:
    del schema(doc, name)["properties"][prop]
    if prop in schema(doc, name).get("required", []):
        schema(doc, name)["required"].remove(prop)


# (api, edit, the line naming the break)
BREAKS: dict[str, tuple[str, Edit, str]] = {
    "removed enum value": (
        "asteroid",
        lambda d: schema(d, "Agents.Execution.Status")["enum"].remove("paused_by_agent"),
        "- enum value Agents.Execution.Status: paused_by_agent (BREAKING: code comparing to it, or naming its enum"
        " member, no longer matches)",
    ),
    "removed property": (
        "asteroid",
        lambda d: drop_property(d, ITEM, "agentProfileName"),
        f"- property {ITEM}.agentProfileName (BREAKING: code reading the attribute fails)",
    ),
    "renamed property": (
        "asteroid",
        rename_agent_name,
        f"- property {ITEM}.agentName (BREAKING",
    ),
    "required property becomes optional": (
        "asteroid",
        lambda d: schema(d, ITEM)["required"].remove("agentName"),
        f"~ required {ITEM}.agentName: required -> optional (BREAKING",
    ),
    "response type changed": (
        "asteroid",
        lambda d: schema(d, ITEM)["properties"]["duration"].update(type="string", format="duration"),
        f"~ type {ITEM}.duration: number -> string (BREAKING",
    ),
    "parameter narrowed to an integer": (
        "asteroid",
        lambda d: listing_param(d, "executionId").update(schema={"type": "integer"}),
        f"~ type parameter GET {LIST} query:executionId: string -> integer (BREAKING",
    ),
    "parameter becomes required": (
        "asteroid",
        lambda d: listing_param(d, "outcomeLabel").update(required=True),
        f"~ parameter GET {LIST} query:outcomeLabel: optional -> required (BREAKING",
    ),
    "removed parameter": (
        "asteroid",
        lambda d: d["paths"][LIST]["get"]["parameters"].remove(listing_param(d, "metadataKey")),
        f"- parameter GET {LIST} query:metadataKey (BREAKING",
    ),
    "removed operation": (
        "asteroid",
        lambda d: d["paths"][GET].update(post=d["paths"][GET].pop("get")),
        f"- operation GET {GET} (BREAKING: the facade method that wraps it stops working)",
    ),
    "zaia removed property": (
        "zaia",
        lambda d: drop_property(d, "Execution", "creditsUsed"),
        "- property Execution.creditsUsed (BREAKING: code reading the attribute fails)",
    ),
    "zaia property becomes nullable": (
        "zaia",
        lambda d: schema(d, "Execution")["properties"]["startedAt"].update(type=["string", "null"]),
        "~ nullable Execution.startedAt: non-null -> nullable (BREAKING",
    ),
}


def write_release(tmp_path: Path, api: str, edits: list[Edit]) -> Path:
    doc = pinned(api)
    for edit in edits:
        edit(doc)
    path = tmp_path / f"next-{SPECS[api]}"
    path.write_text(dump_like_pin(api, doc))
    return path


def assert_refused(done: subprocess.CompletedProcess[str], lines: list[str]) -> None:
    assert done.returncode == EXIT_BREAKING, done.stdout + done.stderr
    message = done.stderr.splitlines()
    assert message[0].startswith("regenerate: refused:"), done.stderr
    listed = [line for line in message[1:] if line.startswith("  ")]
    # The spec's changes, then what they do to the facade (`facade: ...`, issue 21).
    assert len([line for line in listed if ": - facade: " not in line and ": ~ facade: " not in line]) == len(lines)
    assert f"{len(listed)} breaking change" in message[0]
    for line in lines:
        assert any(line in named for named in message[1:]), (line, done.stderr)
    assert "--accept-breaking" in done.stderr


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_a_breaking_release_is_refused_and_changes_nothing(case: str, repo: Path, tmp_path: Path) -> None:
    api, edit, line = BREAKS[case]
    release = write_release(tmp_path, api, [edit])
    before = snapshot(repo)

    done = regenerate(repo, api, "--source", str(release))

    assert_refused(done, [line])
    assert snapshot(repo) == before


# A rename would take away the property that "required property becomes optional" changes.
def test_a_pinned_file_edited_in_place_is_judged_against_what_was_generated(repo: Path) -> None:
    """A pin edited by hand (Zaia's is authored until a pull lands) and regenerated from must still refuse."""
    spec = repo / "openapi" / SPECS["zaia"]
    doc = yaml.safe_load(spec.read_text())
    drop_property(doc, "Execution", "creditsUsed")
    spec.write_text(dump_like_pin("zaia", doc))
    before = snapshot(repo)

    done = regenerate(repo, "zaia", "--source", str(spec))

    assert_refused(done, ["- property Execution.creditsUsed (BREAKING: code reading the attribute fails)"])
    assert snapshot(repo) == before


ASTEROID_BREAKS = [case for case, (api, _, _) in BREAKS.items() if api == "asteroid" and case != "renamed property"]


def test_breaking_changes_together_are_each_named(repo: Path, tmp_path: Path) -> None:
    release = write_release(tmp_path, "asteroid", [BREAKS[case][1] for case in ASTEROID_BREAKS])
    before = snapshot(repo)

    done = regenerate(repo, "asteroid", "--source", str(release))

    assert_refused(done, [BREAKS[case][2] for case in ASTEROID_BREAKS])
    assert snapshot(repo) == before


def test_accept_breaking_writes_the_release(repo: Path, tmp_path: Path) -> None:
    release = write_release(tmp_path, "asteroid", [BREAKS[case][1] for case in ASTEROID_BREAKS])

    done = regenerate(repo, "asteroid", "--source", str(release), "--accept-breaking")

    assert done.returncode == 0, done.stderr
    assert (repo / "openapi" / SPECS["asteroid"]).read_bytes() == release.read_bytes()
    assert "breaking changes accepted" in done.stdout
    for case in ASTEROID_BREAKS:
        assert BREAKS[case][2] in done.stdout
    status = (repo / "generated" / "asteroid_agents_v2_raw" / "models" / "execution_status.py").read_text()
    assert "PAUSED_BY_AGENT" not in status


def new_trigger_source(doc: Doc) -> None:
    """A `telepathy` trigger source: a new schema and `oneOf` branch."""
    schemas = doc["components"]["schemas"]
    schemas["Agents.Execution.TelepathyTriggerContext"] = {
        "type": "object",
        "properties": {"source": {"type": "string", "enum": ["telepathy"]}, "poolId": {"type": "string"}},
        "required": ["source"],
    }
    ref = {"$ref": "#/components/schemas/Agents.Execution.TelepathyTriggerContext"}
    schemas["Agents.Execution.TriggerContext"]["oneOf"].append(ref)
    schemas["Agents.Execution.TriggerContext"]["discriminator"]["mapping"]["telepathy"] = ref


def new_required_properties(doc: Doc) -> None:
    item = schema(doc, ITEM)
    item["properties"]["testOnlyVersionId"] = {"$ref": "#/components/schemas/Common.uuid"}
    item["properties"]["testOnlyName"] = {"type": "string"}
    item["required"] += ["testOnlyVersionId", "testOnlyName"]


ADDITIVE: dict[str, tuple[list[Edit], list[str]]] = {
    "asteroid": (
        [
            lambda d: schema(d, "Agents.Execution.Status")["enum"].append("hibernating"),
            new_required_properties,
            new_trigger_source,
            lambda d: d["paths"][LIST]["get"]["parameters"].append(
                {"in": "query", "name": "testOnlyFilter", "required": False, "schema": {"type": "string"}}
            ),
            lambda d: listing_param(d, "agentVersion").update(schema={"type": "number"}),
            lambda d: schema(d, ITEM)["required"].append("terminalAt"),
        ],
        [
            "+ enum value Agents.Execution.Status: hibernating (additive)",
            f"+ property {ITEM}.testOnlyName (additive)",
            f"+ property {ITEM}.testOnlyVersionId (additive)",
            "+ variant Agents.Execution.TriggerContext: Agents.Execution.TelepathyTriggerContext (additive)",
            f"+ parameter GET {LIST} query:testOnlyFilter (additive)",
            f"~ type parameter GET {LIST} query:agentVersion: integer -> number (additive)",
            f"~ required {ITEM}.terminalAt: optional -> required (additive)",
        ],
    ),
    "zaia": (
        [
            lambda d: schema(d, "Execution")["properties"].update(title={"type": "string"}),
            lambda d: schema(d, "Execution")["properties"]["endedAt"].update(type="string"),
        ],
        [
            "+ property Execution.title (additive)",
            "~ nullable Execution.endedAt: nullable -> non-null (additive)",
        ],
    ),
}


@pytest.mark.parametrize("api", sorted(ADDITIVE))
def test_an_additive_release_regenerates_and_says_so(api: str, repo: Path, tmp_path: Path) -> None:
    edits, lines = ADDITIVE[api]
    release = write_release(tmp_path, api, edits)

    done = regenerate(repo, api, "--source", str(release))

    assert done.returncode == 0, done.stderr
    assert "BREAKING" not in done.stdout
    for line in lines:
        assert line in done.stdout, done.stdout
    assert (repo / "openapi" / SPECS[api]).read_bytes() == release.read_bytes()


@pytest.mark.parametrize(("value", "passed"), [("1", True), ("", False), ("0", False)])
def test_make_regen_passes_accept_breaking_when_asked(value: str, passed: bool) -> None:
    done = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed-dev", "regen", "API=zaia", f"ACCEPT_BREAKING={value}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert ("--accept-breaking" in done.stdout) is passed, done.stdout
