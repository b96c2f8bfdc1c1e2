"""Turn a pinned vendor spec into a plausible next release, one kind of change at a time.

The vendors change their APIs every few months in the ways ../shared/notes and
docs/regeneration.md list: new enum values, new required properties, new filters, a new
`oneOf` branch, a renamed auth header, the path prefix moved from the server URL into the
paths. Each change here is a function on the parsed document; the regeneration tests apply
them alone and together, regenerate into a temporary copy, and run the facade and the fakes
against the result. By hand:

    python scripts/next_release.py asteroid all > /tmp/next.yaml
    python scripts/regenerate.py asteroid --source /tmp/next.yaml

`zaia published` gives Zaia's pin in the form the vendor publishes it (JSON, no security
scheme, the key as a header parameter on every operation, no operationIds, a generic
title), which regenerates the same client through the overrides in sources.toml.
The output has the pin's format: JSON for a `.json` pin, YAML otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
Document = dict[str, Any]
Change = Callable[[Document], None]
UUID = {"$ref": "#/components/schemas/Common.uuid"}


def _add(values: list[Any], *new: Any) -> None:
    """Append what is not there yet: every change applies once, so a spec that already has
    it (a pinned next release) comes out the same."""
    values += [value for value in new if value not in values]


def _add_parameters(operation: dict[str, Any], *parameters: dict[str, Any]) -> None:
    names = {p.get("name") for p in operation.setdefault("parameters", [])}
    operation["parameters"] += [p for p in parameters if p["name"] not in names]


def _schemas(doc: Document) -> dict[str, Any]:
    schemas: dict[str, Any] = doc["components"]["schemas"]
    return schemas


def _operation(doc: Document, suffix: str, method: str = "get") -> dict[str, Any]:
    """The operation whose path ends with `suffix` (wherever the prefix lives)."""
    for path, item in doc["paths"].items():
        if path.endswith(suffix) and method in item:
            operation: dict[str, Any] = item[method]
            return operation
    raise KeyError(suffix)


# --- Asteroid -----------------------------------------------------------------------


def asteroid_new_status(doc: Document) -> None:
    """Status values the vendor added (its newest SDK has `queued`)."""
    _add(_schemas(doc)["Agents.Execution.Status"]["enum"], "queued", "archived")


def asteroid_new_required_properties(doc: Document) -> None:
    """Required properties of an execution that older pins do not know, one of them nested."""
    item = _schemas(doc)["Agents.Execution.ListItem"]
    item["properties"]["workflowVersionId"] = {"allOf": [UUID], "description": "The workflow version run"}
    item["properties"]["workflowName"] = {"type": "string", "description": "The workflow's name"}
    item["properties"]["phase"] = {"$ref": "#/components/schemas/Agents.Execution.Phase"}
    item["properties"]["costs"] = {"$ref": "#/components/schemas/Agents.Execution.Costs"}
    _add(item["required"], "workflowVersionId", "workflowName", "costs")
    _schemas(doc)["Agents.Execution.Phase"] = {"enum": ["setup", "browsing", "reporting"], "type": "string"}
    _schemas(doc)["Agents.Execution.Costs"] = {
        "properties": {
            "credits": {"type": "number", "minimum": 0},
            "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
            "reference": {"type": "string", "pattern": "^inv_[a-z0-9]{6,10}$"},
        },
        "required": ["credits", "currency", "reference"],
        "type": "object",
    }


def asteroid_new_filters(doc: Document) -> None:
    """List filters added in a release (the vendor's newest SDK has `workflowId` and `phase`)."""
    phase = {"type": "array", "items": {"$ref": "#/components/schemas/Agents.Execution.PhaseFilter"}}
    _schemas(doc)["Agents.Execution.PhaseFilter"] = {
        "description": "Groups of statuses: active (not finished) or terminal (finished)",
        "enum": ["active", "terminal"],
        "type": "string",
    }
    _add_parameters(
        _operation(doc, "/executions"),
        {"in": "query", "name": "workflowId", "required": False, "schema": UUID, "description": "Only this workflow's"},
        {"in": "query", "name": "phase", "required": False, "schema": phase, "description": "Only these phases"},
        {"in": "query", "name": "isRerun", "required": False, "schema": {"type": "boolean"}},
    )


def asteroid_new_trigger_source(doc: Document) -> None:
    """A new `triggerContext.source` branch (the vendor added `warmup`)."""
    name = "Agents.Execution.WarmupTriggerContext"
    _schemas(doc)[name] = {
        "description": "Warm-up triggered execution context",
        "properties": {
            "source": {"enum": ["warmup"], "type": "string"},
            "poolId": {"allOf": [UUID]},
        },
        "required": ["source", "poolId"],
        "type": "object",
    }
    union = _schemas(doc)["Agents.Execution.TriggerContext"]
    union["discriminator"]["mapping"]["warmup"] = {"$ref": f"#/components/schemas/{name}"}
    _add(union["oneOf"], {"$ref": f"#/components/schemas/{name}"})


def asteroid_renamed_auth_header(doc: Document) -> None:
    """The key's header renamed, as in the vendor's newest SDK."""
    doc["components"]["securitySchemes"]["ApiKeyAuth"]["name"] = "X-Api-Key"


def asteroid_prefix_in_paths(doc: Document) -> None:
    """`/agents/v2` moved from the server URL into every path (full URLs unchanged)."""
    if doc["servers"][0]["url"].endswith("/agents/v2"):
        doc["servers"][0]["url"] = "https://odyssey.asteroid.ai"
        doc["paths"] = {f"/agents/v2{path}": item for path, item in doc["paths"].items()}


# --- Zaia ---------------------------------------------------------------------------


def zaia_new_required_properties(doc: Document) -> None:
    execution = _schemas(doc)["Execution"]
    execution["properties"]["channel"] = {"enum": ["whatsapp", "web", "api"], "type": "string"}
    execution["properties"]["tokensUsed"] = {"type": "integer", "minimum": 0}
    _add(execution.setdefault("required", []), "channel", "tokensUsed")


def zaia_new_filters(doc: Document) -> None:
    _add_parameters(
        _operation(doc, "/executions"),
        {"in": "query", "name": "status", "required": False, "schema": {"type": "string"}},
    )


def zaia_renamed_auth_header(doc: Document) -> None:
    """The key moved to another header (a security scheme, in the pinned or the published form)."""
    schemes = doc.setdefault("components", {}).setdefault("securitySchemes", {})
    schemes["ApiKeyAuth"] = {"type": "apiKey", "in": "header", "name": "X-Zaia-Key"}
    doc["security"] = [{"ApiKeyAuth": []}]
    for item in doc["paths"].values():  # the published form's header parameter goes with the move
        for operation in item.values():
            kept = [p for p in operation.get("parameters", []) if str(p.get("name")).lower() != "authorization"]
            operation["parameters"] = kept


def zaia_published_form(doc: Document) -> None:
    """The pin as Zaia publishes its document: the security scheme replaced by a required header
    parameter `authorization` on every operation (the scheme's description as its own), no
    operationIds, the title "Public API" 1.0.0. Not a change of the API: the same client. A pin
    already in that form (pulled from Zaia) is left as it is."""
    if "securitySchemes" not in doc.get("components", {}):
        return
    schemes = doc["components"].pop("securitySchemes")
    doc.pop("security")
    (scheme,) = schemes.values()
    parameter = {
        "schema": {"type": "string", "description": scheme["description"]},
        "required": True,
        "description": scheme["description"],
        "name": scheme["name"].lower(),
        "in": "header",
    }
    for item in doc["paths"].values():
        for operation in item.values():
            operation.pop("operationId", None)
            operation.setdefault("parameters", []).append(dict(parameter))
    doc["info"] = {**doc["info"], "title": "Public API", "version": "1.0.0"}


CHANGES: dict[str, dict[str, Change]] = {
    "asteroid": {
        "new_status": asteroid_new_status,
        "new_required_properties": asteroid_new_required_properties,
        "new_filters": asteroid_new_filters,
        "new_trigger_source": asteroid_new_trigger_source,
        "renamed_auth_header": asteroid_renamed_auth_header,
        "prefix_in_paths": asteroid_prefix_in_paths,
    },
    "zaia": {
        "new_required_properties": zaia_new_required_properties,
        "new_filters": zaia_new_filters,
        "renamed_auth_header": zaia_renamed_auth_header,
    },
}
FORMS: dict[str, dict[str, Change]] = {"zaia": {"published": zaia_published_form}}
"""Other spellings of the same API, as a vendor publishes it; never part of "all"."""


def pinned_spec(api: str, root: Path = ROOT) -> Path:
    """The pinned file of `api`, as openapi/sources.toml names it."""
    sources = tomllib.loads((root / "openapi" / "sources.toml").read_text(encoding="utf-8"))
    return root / "openapi" / sources[api]["spec"]


def next_release(api: str, names: list[str], root: Path = ROOT) -> str:
    """The pinned spec of `api` with the named changes applied ("all" for every one, a name of
    `FORMS` for that form), in the pin's format."""
    path = pinned_spec(api, root)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    chosen = list(CHANGES[api]) if names == ["all"] else names
    for name in chosen:
        (FORMS.get(api, {}).get(name) or CHANGES[api][name])(doc)
    if path.suffix == ".json":
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("api", choices=sorted(CHANGES))
    parser.add_argument("changes", nargs="+", help="names of changes, or all")
    args = parser.parse_args(argv)
    known = [*CHANGES[args.api], *FORMS.get(args.api, {})]
    unknown = [name for name in args.changes if name != "all" and name not in known]
    if unknown:
        parser.error(f"unknown change {', '.join(unknown)}; choose from {', '.join(known)} or all")
    forms = [name for name in args.changes if name in FORMS.get(args.api, {})]
    if forms and len(args.changes) > 1:
        parser.error(f"{forms[0]} is another spelling of the pin, not a change: give it alone")
    if "all" in args.changes and len(args.changes) > 1:
        parser.error("all is every change: give it alone")
    sys.stdout.write(next_release(args.api, args.changes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
