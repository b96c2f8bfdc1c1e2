"""Zaia's document as the vendor publishes it regenerates the client the pin does.

The published form (scripts/next_release.py `zaia published`: JSON, no security scheme,
the key as a required header parameter `authorization` on every operation, no
operationIds, the title "Public API") goes through the overrides `[zaia.overrides]`
names in openapi/sources.toml; the raw package comes out byte for byte the same, and
the facade still authenticates with it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from next_release import next_release
from regen_support import ROOT, SPECS, regenerate, snapshot
from test_next_release import released


def published(tmp_path: Path) -> Path:
    source = tmp_path / "zaia-published.json"
    source.write_text(next_release("zaia", ["published"], root=ROOT), encoding="utf-8")
    return source


def generated_files(root: Path) -> dict[str, str]:
    return {name: digest for name, digest in snapshot(root).items() if name.startswith("generated/")}


def test_the_published_form_has_what_the_vendor_publishes(tmp_path: Path) -> None:
    doc = json.loads(published(tmp_path).read_text())
    assert "security" not in doc and "securitySchemes" not in doc["components"]
    assert doc["servers"][0]["url"] == "https://api.endless.zaia.app"
    for item in doc["paths"].values():
        for operation in item.values():
            assert "operationId" not in operation
            key = [p for p in operation["parameters"] if p["in"] == "header"]
            assert [(p["name"], p["required"]) for p in key] == [("authorization", True)]


def test_it_regenerates_the_same_client_and_pins_the_vendor_bytes(repo: Path, tmp_path: Path) -> None:
    source = published(tmp_path)
    before = generated_files(repo)

    done = regenerate(repo, "zaia", "--source", str(source))

    assert done.returncode == 0, done.stdout + done.stderr
    assert "changes against the previous pin:\n  (none)" in done.stdout
    assert "overrides applied: info, operation_ids, api_key_header_parameter, ids_as_strings" in done.stdout
    assert generated_files(repo) == before
    assert (repo / "openapi" / SPECS["zaia"]).read_bytes() == source.read_bytes()
    lock = json.loads((repo / "openapi" / "sources.lock.json").read_text())
    assert lock["zaia"]["overrides"] == ["info", "operation_ids", "api_key_header_parameter", "ids_as_strings"]
    functions = "".join(p.read_text() for p in (repo / "generated" / "zaia_v1_raw" / "api").rglob("*.py"))
    assert not re.search(r"\bauthorization\b", functions, re.IGNORECASE)


def test_the_regenerated_client_still_authenticates(repo: Path) -> None:
    seen = released(repo, "zaia", ["published"])
    assert seen["count"] >= 30 and seen["tree_size"] > 1 and seen["cli_items"] == 4
    assert seen["key_headers"] == ["authorization"]


def test_without_the_override_the_published_form_is_refused_and_nothing_changes(repo: Path, tmp_path: Path) -> None:
    sources = repo / "openapi" / "sources.toml"
    sources.write_text(re.sub(r"(?m)^api_key_header_parameter = .*\n", "", sources.read_text()))
    before = snapshot(repo)

    done = regenerate(repo, "zaia", "--source", str(published(tmp_path)))

    assert done.returncode == 1
    assert done.stderr.strip() == "regenerate: zaia: the document names no security scheme (top-level `security`)"
    assert snapshot(repo) == before


def test_a_yaml_source_for_the_json_pin_is_refused(repo: Path, tmp_path: Path) -> None:
    source = tmp_path / "zaia.yaml"
    source.write_text(yaml.safe_dump(json.loads(published(tmp_path).read_text())))
    before = snapshot(repo)

    done = regenerate(repo, "zaia", "--source", str(source))

    assert done.returncode == 1
    assert "YAML, but sources.toml pins zaia as JSON (zaia-v1.json)" in done.stderr
    assert snapshot(repo) == before


def test_an_unknown_override_in_sources_toml_is_one_line_naming_it(repo: Path) -> None:
    sources = repo / "openapi" / "sources.toml"
    sources.write_text(sources.read_text().replace("[zaia.overrides]\n", "[zaia.overrides]\nbearer_prefix = true\n"))
    before = snapshot(repo)

    done = regenerate(repo, "zaia", "--check")

    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "[zaia.overrides] names no override 'bearer_prefix'" in lines[0], done.stderr
    assert snapshot(repo) == before


def test_sources_toml_names_the_published_document() -> None:
    text = (ROOT / "openapi" / "sources.toml").read_text()
    assert 'url = "https://api.endless.zaia.app/openapi"' in text
