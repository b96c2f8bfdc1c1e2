"""scripts/regenerate.py end to end, as a subprocess on a copy of the repository."""

from __future__ import annotations

import hashlib
import json
import socket
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from regen_support import ROOT, SPECS, Route, SpecServer, regenerate, snapshot

ASTEROID_SPEC = (ROOT / "openapi" / "asteroid-agents-v2.yaml").read_bytes()


def list_path(doc: dict[str, Any]) -> str:
    """The pinned spec's path of the executions listing, wherever its prefix lives (server URL or paths)."""
    return next(path for path in doc["paths"] if path.endswith("/executions"))


COMMENTS = "/executions/{executionId}/comments"


def evolved_asteroid_spec() -> bytes:
    """The pinned spec as a vendor release might change it: a status, a property, an operation."""
    doc = yaml.safe_load(ASTEROID_SPEC)
    doc["components"]["schemas"]["Agents.Execution.Status"]["enum"].append("hibernating")
    doc["components"]["schemas"]["Agents.Execution.ListItem"]["properties"]["testOnlyName"] = {"type": "string"}
    comments = {"type": "array", "items": {"$ref": "#/components/schemas/Agents.Execution.Comment"}}
    doc["paths"][list_path(doc).removesuffix("/executions") + COMMENTS] = {
        "get": {
            "operationId": "ExecutionCommentsList",
            "tags": ["Execution"],
            "parameters": [
                {"in": "path", "name": "executionId", "required": True, "schema": {"type": "string"}},
            ],
            "responses": {
                "200": {
                    "description": "The comments",
                    "content": {"application/json": {"schema": comments}},
                }
            },
        }
    }
    return yaml.safe_dump(doc, sort_keys=False).encode()


def lock(root: Path) -> dict[str, dict[str, object]]:
    return json.loads((root / "openapi" / "sources.lock.json").read_text())


def test_regenerates_from_a_url_and_summarises_the_changes(repo: Path, spec_server: SpecServer) -> None:
    body = evolved_asteroid_spec()
    spec_server.routes["/openapi.yaml"] = Route(body=body)
    sources = repo / "openapi" / "sources.toml"
    configured = sources.read_text()
    listed = 'paths = ["/executions", '
    assert listed in configured
    sources.write_text(configured.replace(listed, f'paths = ["{COMMENTS}", "/executions", ', 1))

    done = regenerate(repo, "asteroid", "--source", spec_server.url("/openapi.yaml"))

    assert done.returncode == 0, done.stderr
    prefix = list_path(yaml.safe_load(ASTEROID_SPEC)).removesuffix("/executions")
    assert f"+ operation GET {prefix}{COMMENTS}" in done.stdout
    assert "+ property Agents.Execution.ListItem.testOnlyName" in done.stdout
    assert "+ enum value Agents.Execution.Status: hibernating" in done.stdout
    assert "overrides applied: discriminator_mapping_refs, unevaluated_properties" in done.stdout
    assert (repo / "openapi" / "asteroid-agents-v2.yaml").read_bytes() == body
    entry = lock(repo)["asteroid"]
    assert entry["sha256"] == hashlib.sha256(body).hexdigest()
    assert entry["source"] == spec_server.url("/openapi.yaml")
    package = repo / "generated" / "asteroid_agents_v2_raw"
    assert 'HIBERNATING = "hibernating"' in (package / "models" / "execution_status.py").read_text()
    assert (package / "api" / "execution" / "execution_comments_list.py").is_file()
    assert not list(repo.joinpath("generated").glob(".*"))


def test_follows_redirects(repo: Path, spec_server: SpecServer) -> None:
    spec_server.routes["/openapi.yaml"] = Route(body=ASTEROID_SPEC)
    spec_server.routes["/latest"] = Route(status=302, headers={"Location": spec_server.url("/openapi.yaml")})

    done = regenerate(repo, "asteroid", "--source", spec_server.url("/latest"))

    assert done.returncode == 0, done.stderr
    assert "changes against the previous pin:\n  (none)" in done.stdout


def test_regenerates_from_a_local_file(repo: Path, tmp_path: Path) -> None:
    doc = yaml.safe_load((ROOT / "openapi" / SPECS["zaia"]).read_text())
    doc["components"]["schemas"]["Execution"]["properties"]["title"] = {"type": "string"}
    edited = tmp_path / "zaia.json"
    edited.write_text(json.dumps(doc))

    done = regenerate(repo, "zaia", "--source", str(edited))

    assert done.returncode == 0, done.stderr
    assert "+ property Execution.title" in done.stdout
    model = repo / "generated" / "zaia_v1_raw" / "models" / "zaia_execution.py"
    assert "title: str | None = None" in model.read_text()


def test_regenerating_the_pinned_specs_twice_is_byte_identical(repo: Path) -> None:
    before = snapshot(repo)
    for _ in range(2):
        for api in ("asteroid", "zaia"):
            done = regenerate(repo, api, "--source", str(repo / "openapi" / f"{lock(repo)[api]['spec']}"))
            assert done.returncode == 0, done.stderr
        assert snapshot(repo) == before


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/openapi.yaml"


ASTEROID_PATHS: list[str] = tomllib.loads((ROOT / "openapi" / "sources.toml").read_text())["asteroid"]["paths"]
INVALID_OPENAPI = b"openapi: 3.1.0\ninfo: {title: x}\npaths:\n" + b"".join(
    f"  {path}: {{get: {{responses: 12}}}}\n".encode() for path in ASTEROID_PATHS
)
"""Every covered path is there (else the run stops at the missing one), none of them valid."""
NOT_OPENAPI = b"swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n"


def generator_rejects() -> bytes:
    """Valid OpenAPI, but the generator drops an endpoint whose only body it cannot read."""
    doc = yaml.safe_load(ASTEROID_SPEC)
    responses = doc["paths"][list_path(doc)]["get"]["responses"]
    responses["200"]["content"] = {"application/x-vendor-stream": responses["200"]["content"]["application/json"]}
    return yaml.safe_dump(doc, sort_keys=False).encode()


BAD_SOURCES = {
    "unreachable": (None, "unreachable"),
    "http-error": (Route(status=503, body=b"down"), "HTTP 503"),
    "html-page": (Route(body=b"<html><body>Sign in</body></html>", headers={"Content-Type": "text/html"}), "HTML"),
    "html-as-yaml": (Route(body=b"<!DOCTYPE html><html></html>"), "HTML"),
    "invalid-yaml": (Route(body=b"openapi: 3.1.0\npaths: [unclosed\n"), "not valid YAML"),
    "not-openapi": (Route(body=NOT_OPENAPI), "not an OpenAPI 3 document"),
    "invalid-openapi": (Route(body=INVALID_OPENAPI), "invalid OpenAPI"),
    "generator-rejects": (Route(body=generator_rejects()), "openapi-python-client on asteroid failed"),
    "timeout": (Route(body=ASTEROID_SPEC, delay=2.0), "timed out"),
}


@pytest.mark.parametrize("case", sorted(BAD_SOURCES))
def test_a_bad_source_fails_with_one_line_and_changes_nothing(case: str, repo: Path, spec_server: SpecServer) -> None:
    route, message = BAD_SOURCES[case]
    if route is None:
        url = closed_port_url()
    else:
        spec_server.routes["/spec"] = route
        url = spec_server.url("/spec")
    before = snapshot(repo)

    done = regenerate(repo, "asteroid", "--source", url, "--timeout", "0.5")

    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("regenerate: ") and message in lines[0], lines[0]
    assert snapshot(repo) == before


def test_a_missing_file_fails_and_changes_nothing(repo: Path, tmp_path: Path) -> None:
    before = snapshot(repo)
    done = regenerate(repo, "zaia", "--source", str(tmp_path / "nowhere.yaml"))
    assert done.returncode == 1
    assert "cannot read" in done.stderr
    assert snapshot(repo) == before


def test_check_passes_on_the_committed_tree(repo: Path) -> None:
    cache = repo / "generated" / "zaia_v1_raw" / "__pycache__"
    cache.mkdir()
    (cache / "client.cpython-311.pyc").write_bytes(b"bytecode left by importing the package")
    done = regenerate(repo, "all", "--check")
    assert done.returncode == 0, done.stderr
    assert "matches the pinned specs" in done.stdout


def test_check_names_a_hand_edited_generated_file(repo: Path) -> None:
    edited = repo / "generated" / "zaia_v1_raw" / "client.py"
    edited.write_text(edited.read_text() + "\n# edited by hand\n")
    done = regenerate(repo, "zaia", "--check")
    assert done.returncode == 1
    assert "generated/zaia_v1_raw/client.py differs" in done.stderr


def test_check_notices_a_spec_edited_without_regeneration(repo: Path) -> None:
    spec = repo / "openapi" / SPECS["zaia"]
    spec.write_text(spec.read_text().replace("The page size.", "The size of a page."))
    done = regenerate(repo, "zaia", "--check")
    assert done.returncode == 1
    assert f"{SPECS['zaia']} does not match its sha256" in done.stderr


WEBHOOKS_PACKAGE = "asteroid_webhooks_raw"


def test_a_models_only_source_regenerates_without_facade_resources(repo: Path) -> None:
    """`client = false` (the webhook notifications): the raw package and its PAYLOADS, no _generated/ module."""
    assert tomllib.loads((repo / "openapi" / "sources.toml").read_text())["asteroid_webhooks"]["client"] is False
    before = snapshot(repo)  # facade/agent_executions/_generated included
    package = repo / "generated" / WEBHOOKS_PACKAGE
    (package / "api_shape.py").unlink()
    (package / "models" / "webhook_notification.py").unlink()

    done = regenerate(repo, "asteroid_webhooks", "--source", str(repo / "openapi" / SPECS["asteroid_webhooks"]))

    assert done.returncode == 0, done.stderr
    assert "overrides applied: payload_by_event" in done.stdout
    assert snapshot(repo) == before
    assert not (repo / "facade" / "agent_executions" / "_generated" / "asteroid_webhooks.py").exists()
    assert "asteroid_webhooks" not in (repo / "openapi" / "operations.toml").read_text()


def test_check_covers_a_models_only_source(repo: Path) -> None:
    done = regenerate(repo, "asteroid_webhooks", "--check")
    assert done.returncode == 0, done.stderr
    assert "matches the pinned specs (asteroid_webhooks)" in done.stdout
    edited = repo / "generated" / WEBHOOKS_PACKAGE / "api_shape.py"
    edited.write_text(edited.read_text().replace('"ExecutionPausedPayload"', '"ExecutionResumedPayload"', 1))
    done = regenerate(repo, "all", "--check")
    assert done.returncode == 1
    assert f"generated/{WEBHOOKS_PACKAGE}/api_shape.py differs" in done.stderr


def test_an_api_not_in_sources_toml_is_a_usage_error(repo: Path) -> None:
    before = snapshot(repo)
    done = regenerate(repo, "stripe")
    assert done.returncode == 2
    assert "'stripe' is not in sources.toml (choose from asteroid, zaia, asteroid_webhooks, all)" in done.stderr
    assert snapshot(repo) == before
