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


def published_with(tmp_path: Path, edit: object, name: str = "edited.json") -> Path:
    doc = json.loads(published(tmp_path).read_text())
    edit(doc)  # type: ignore[operator]
    source = tmp_path / name
    source.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return source


def test_an_operation_id_of_the_vendors_own_is_replaced_by_the_one_the_facade_names(repo: Path, tmp_path: Path) -> None:
    """A published document that names its operations would otherwise rename what the facade wraps."""

    def own_ids(doc: dict[str, object]) -> None:
        doc["paths"]["/api/v1/executions"]["get"]["operationId"] = "getExecutions"  # type: ignore[index]

    before = generated_files(repo)
    done = regenerate(repo, "zaia", "--source", str(published_with(tmp_path, own_ids)))
    assert done.returncode == 0, done.stdout + done.stderr
    assert generated_files(repo) == before


def bad_override(tmp_path: Path, repo: Path, edit: object) -> str:
    before = snapshot(repo)
    done = regenerate(repo, "zaia", "--source", str(published_with(tmp_path, edit)))
    assert done.returncode == 1, done.stdout + done.stderr
    assert snapshot(repo) == before
    (line,) = done.stderr.strip().splitlines()
    return line


def test_a_key_parameter_gone_from_the_document_is_refused_naming_the_override(repo: Path, tmp_path: Path) -> None:
    def no_key(doc: dict[str, object]) -> None:
        for item in doc["paths"].values():  # type: ignore[attr-defined]
            for operation in item.values():
                operation["parameters"] = [p for p in operation["parameters"] if p["name"] != "authorization"]

    line = bad_override(tmp_path, repo, no_key)
    assert "[zaia.overrides] api_key_header_parameter 'authorization' matches no header parameter" in line


def test_a_key_parameter_missing_from_one_operation_is_refused(repo: Path, tmp_path: Path) -> None:
    def one_without(doc: dict[str, object]) -> None:
        operation = doc["paths"]["/api/v1/executions/nestings"]["get"]  # type: ignore[index]
        operation["parameters"] = [p for p in operation["parameters"] if p["name"] != "authorization"]

    line = bad_override(tmp_path, repo, one_without)
    assert "is missing from GET /api/v1/executions/nestings" in line


def test_an_operation_id_entry_naming_no_operation_is_refused(repo: Path, tmp_path: Path) -> None:
    sources = repo / "openapi" / "sources.toml"
    sources.write_text(sources.read_text().replace('"GET /api/v1/executions" =', '"GET /api/v1/execution" ='))
    line = bad_override(tmp_path, repo, lambda doc: None)
    assert "operation_ids names 'GET /api/v1/execution', which the document does not have" in line


def test_sources_toml_that_is_not_toml_is_one_line(repo: Path, tmp_path: Path) -> None:
    sources = repo / "openapi" / "sources.toml"
    sources.write_text(sources.read_text() + "\n[zaia.broken\n")
    done = regenerate(repo, "zaia", "--source", str(published(tmp_path)))
    assert done.returncode == 1 and done.stderr.startswith("regenerate: sources.toml is not valid TOML"), done.stderr
    assert "Traceback" not in done.stderr


def test_json_with_a_byte_order_mark_is_json(repo: Path, tmp_path: Path) -> None:
    source = tmp_path / "bom.json"
    source.write_bytes(b"\xef\xbb\xbf" + published(tmp_path).read_bytes())
    before = generated_files(repo)
    done = regenerate(repo, "zaia", "--source", str(source))
    assert done.returncode == 0, done.stdout + done.stderr
    assert generated_files(repo) == before


def test_a_switch_to_bearer_auth_is_reported(repo: Path, tmp_path: Path) -> None:
    def bearer(doc: dict[str, object]) -> None:
        doc["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}  # type: ignore[index]
        doc["security"] = [{"bearer": []}]

    done = regenerate(repo, "zaia", "--source", str(published_with(tmp_path, bearer)))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "~ auth header: Authorization -> Authorization: Bearer (additive" in done.stdout
