"""Read from a normalized OpenAPI document the shape of the API that the facade relies on.

The regeneration script writes it beside each raw client as `api_shape.py`: the default
server URL, the auth header (from the security scheme), the path prefix every operation
shares, and each operation's method, path and parameter names. The facade and the fake
servers read that module instead of constants, so a release that renames the auth header
or moves `/agents/v2` from the server URL into the paths needs no edit of theirs.
"""

from __future__ import annotations

import pprint
import re
from typing import Any

from openapi_python_client.strings import snake_case
from spec_overrides import PAYLOAD_MAP_KEY

Document = dict[str, Any]
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


class ShapeError(ValueError):
    """The document has a shape the facade cannot use (say, a key sent in the query)."""


def auth_of(doc: Document) -> tuple[str, str]:
    """(header name, value prefix) of the document's security scheme: an API key header or HTTP bearer."""
    requirements = doc.get("security") or []
    schemes = doc.get("components", {}).get("securitySchemes") or {}
    names = [name for requirement in requirements if isinstance(requirement, dict) for name in requirement]
    if not names:
        raise ShapeError("the document names no security scheme (top-level `security`)")
    scheme = schemes.get(names[0])
    if not isinstance(scheme, dict):
        raise ShapeError(f"security scheme {names[0]!r} is not defined in components.securitySchemes")
    if scheme.get("type") == "apiKey" and scheme.get("in") == "header" and scheme.get("name"):
        return str(scheme["name"]), ""
    if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
        return "Authorization", "Bearer "
    raise ShapeError(f"security scheme {names[0]!r} is neither an API-key header nor HTTP bearer")


def server_url(doc: Document) -> str:
    servers = doc.get("servers") or []
    url = servers[0].get("url") if servers and isinstance(servers[0], dict) else None
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ShapeError("the document's first `servers` entry has no absolute http(s) URL")
    return url.rstrip("/")


def path_prefix(paths: list[str]) -> str:
    """The whole segments every path starts with, short of the shortest path's own resource:
    `/agents/v2` for `/agents/v2/executions` and `/agents/v2/executions/{id}`; empty for
    `/executions` and `/executions/{id}`."""
    split = [[segment for segment in path.split("/") if segment] for path in paths]
    if not split:
        return ""
    shortest = min(len(segments) for segments in split)
    common: list[str] = []
    for index in range(max(shortest - 1, 0)):
        segment = split[0][index]
        if "{" in segment or any(segments[index] != segment for segments in split):
            break
        common.append(segment)
    return "".join(f"/{segment}" for segment in common)


def _parameters(doc: Document, path_item: dict[str, Any], operation: dict[str, Any]) -> list[dict[str, Any]]:
    """The operation's parameters, path-level ones included, with `$ref`s resolved."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for parameter in [*(path_item.get("parameters") or []), *(operation.get("parameters") or [])]:
        if isinstance(parameter, dict) and "$ref" in parameter:
            name = str(parameter["$ref"]).rsplit("/", 1)[-1]
            parameter = doc.get("components", {}).get("parameters", {}).get(name, {})
        if isinstance(parameter, dict) and "name" in parameter:
            found[(str(parameter.get("in")), str(parameter["name"]))] = parameter
    return list(found.values())


UUID_PATTERN = re.compile(r"\[0-9a-fA-F\]\{8\}-")
MAX_DEPTH = 8


def _resolved(doc: Document, schema: Any) -> tuple[dict[str, Any], str | None]:
    """The schema behind `$ref`s and one-member `allOf`s (siblings such as `description` kept), and
    the name of the last component on the way (`Agents.Execution.Status`)."""
    name: str | None = None
    for _ in range(MAX_DEPTH * 4):
        if not isinstance(schema, dict):
            return {}, name
        if "$ref" in schema:
            name = str(schema["$ref"]).rsplit("/", 1)[-1]
            target = doc.get("components", {}).get("schemas", {}).get(name, {})
            schema = {**{k: v for k, v in schema.items() if k != "$ref"}, **target}
        elif isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
            (inner,) = schema["allOf"]
            schema = {**{k: v for k, v in schema.items() if k != "allOf"}, **_resolved(doc, inner)[0]}
            name = _resolved(doc, inner)[1] or name
        else:
            return schema, name
    raise ShapeError("a schema refers to itself through $ref")


def field_type(doc: Document, schema: Any, depth: int = 0) -> dict[str, Any]:
    """What the facade needs to check and send a value of `schema`: its kind (uuid, datetime, text,
    int, number, bool, choice, json, json_object, text_map, object), whether it takes several, its bounds, its
    values and, for an object, its fields."""
    if depth > MAX_DEPTH:
        return {"kind": "json"}
    schema, name = _resolved(doc, schema)
    for union in ("anyOf", "oneOf"):
        branches = [b for b in schema.get(union) or [] if _resolved(doc, b)[0].get("type") != "null"]
        if branches:
            types = [field_type(doc, branch, depth + 1) for branch in branches]
            if len(types) == 1:
                return types[0]
            single = [t for t in types if not t.get("many")]
            many = [t for t in types if t.get("many")]
            if len(single) == 1 and len(many) == 1 and {**many[0], "many": False} == single[0]:
                return many[0]  # one value or a list of them (Zaia's responderIds)
            return {"kind": "json"}
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        kind = kinds[0] if len(kinds) == 1 else None
    found: dict[str, Any]
    if isinstance(schema.get("enum"), list) and all(isinstance(v, str) for v in schema["enum"]):
        found = {"kind": "choice", "choices": list(schema["enum"]), "enum_name": name}
    elif kind == "array":
        item = field_type(doc, schema.get("items", {}), depth + 1)
        return (
            {"kind": "json"}
            if item.get("many") or item["kind"] in ("object", "json", "json_object", "text_map")
            else {
                **item,
                "many": True,
            }
        )
    elif kind == "string" and schema.get("format") == "date-time":
        found = {"kind": "datetime"}
    elif kind == "string" and (schema.get("format") == "uuid" or UUID_PATTERN.search(str(schema.get("pattern", "")))):
        found = {"kind": "uuid"}
    elif kind == "string":
        found = {"kind": "text"}
    elif kind in ("integer", "number"):
        found = {"kind": "int" if kind == "integer" else "number"}
        for bound in ("minimum", "maximum"):
            if isinstance(schema.get(bound), int | float) and not isinstance(schema.get(bound), bool):
                found[bound] = schema[bound]
    elif kind == "boolean":
        found = {"kind": "bool"}
    elif kind == "object" and isinstance(schema.get("properties"), dict) and schema["properties"]:
        required = set(schema.get("required") or [])
        fields = [
            field(doc, wire, "body", wire in required, value, depth + 1)
            for wire, value in sorted(schema["properties"].items())
        ]
        found = {"kind": "object", "fields": fields, "object_name": name}
    elif kind == "object" and _resolved(doc, schema.get("additionalProperties"))[0].get("type") == "string":
        found = {"kind": "text_map"}
    elif kind == "object":
        found = {"kind": "json_object"}
    else:
        found = {"kind": "json"}
    return {**found, "many": False}


def field(doc: Document, wire: str, where: str, required: bool, schema: Any, depth: int = 0) -> dict[str, Any]:
    """One parameter or body property: Python name, wire name, where it goes, its type, its doc."""
    resolved, _ = _resolved(doc, schema)
    description = resolved.get("description") if isinstance(resolved, dict) else None
    return {
        "name": snake_case(wire),
        "wire": wire,
        "in": where,
        "required": required,
        **field_type(doc, schema, depth),
        "description": " ".join(str(description).split()) if description else "",
    }


def _body_fields(doc: Document, operation: dict[str, Any]) -> list[dict[str, Any]]:
    body = operation.get("requestBody")
    if isinstance(body, dict) and "$ref" in body:
        body = doc.get("components", {}).get("requestBodies", {}).get(str(body["$ref"]).rsplit("/", 1)[-1], {})
    content = (body or {}).get("content", {}) if isinstance(body, dict) else {}
    schema = content.get("application/json", {}).get("schema") if isinstance(content, dict) else None
    if schema is None:
        return []
    described = field_type(doc, schema)
    if described["kind"] != "object":
        raise ShapeError("a JSON request body that is not an object with properties")
    fields: list[dict[str, Any]] = described["fields"]
    return fields


def operations(doc: Document, prefix: str) -> dict[str, dict[str, Any]]:
    """operationId -> method, path (after the prefix), {python name: wire name} per parameter kind,
    and every path, query and body field with its type (`field`)."""
    found: dict[str, dict[str, Any]] = {}
    for path, item in sorted((doc.get("paths") or {}).items()):
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            operation_id = operation.get("operationId")
            if not isinstance(operation_id, str) or not operation_id:
                raise ShapeError(f"{method.upper()} {path} has no operationId")
            if operation_id in found:
                raise ShapeError(f"operationId {operation_id!r} is used twice")
            by_kind: dict[str, dict[str, str]] = {"path": {}, "query": {}}
            fields: list[dict[str, Any]] = []
            for parameter in _parameters(doc, item, operation):
                if parameter.get("in") in by_kind:
                    by_kind[str(parameter["in"])][snake_case(str(parameter["name"]))] = str(parameter["name"])
                    where, wire = str(parameter["in"]), str(parameter["name"])
                    described = field(doc, wire, where, bool(parameter.get("required")), parameter.get("schema", {}))
                    if parameter.get("description"):  # the parameter's own words before its type's
                        described["description"] = " ".join(str(parameter["description"]).split())
                    fields.append(described)
            try:
                fields += _body_fields(doc, operation)
            except ShapeError as exc:
                raise ShapeError(f"{operation_id}: {exc}") from None
            found[operation_id] = {
                "method": method.upper(),
                "path": path[len(prefix) :],
                "path_params": dict(sorted(by_kind["path"].items())),
                "query": dict(sorted(by_kind["query"].items())),
                "fields": fields,
            }
    return found


def shape_of(doc: Document) -> dict[str, Any]:
    header, prefix_value = auth_of(doc)
    prefix = path_prefix(list((doc.get("paths") or {}).keys()))
    return {
        "SERVER_URL": server_url(doc),
        "PATH_PREFIX": prefix,
        "AUTH_HEADER": header,
        "AUTH_PREFIX": prefix_value,
        "OPERATIONS": operations(doc, prefix),
    }


DOCS = {
    "SERVER_URL": "The default base URL: the document's first `servers` entry.",
    "PATH_PREFIX": "The segments every operation path starts with; a base URL that already ends with them "
    "does not get them twice.",
    "AUTH_HEADER": "The header that carries the API key (the document's security scheme).",
    "AUTH_PREFIX": 'What goes before the key in that header ("Bearer " for HTTP bearer auth).',
    "OPERATIONS": "operationId -> method, path after PATH_PREFIX, {Python name: wire name} of its "
    "path and query parameters, and each path, query and body field with its type (scripts/api_shape.py, `field`).",
}


def render(doc: Document, title: str) -> str:
    """The `api_shape.py` module for a normalized document."""
    shape = shape_of(doc)
    lines = [
        f'"""The shape of the {title} API that agent_executions relies on, read from its OpenAPI document.',
        "",
        "Written by scripts/regenerate.py at every regeneration; never edit it by hand.",
        '"""',
        "",
    ]
    for name, value in shape.items():
        lines.append(f"{name} = {pprint.pformat(value, width=100, sort_dicts=True)}")
        lines.append(f'"""{DOCS[name]}"""')
        lines.append("")
    return "\n".join(lines)


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", name) if part)


def payloads(doc: Document, class_overrides: dict[str, Any]) -> dict[str, str]:
    """Value of the selecting property (an event) -> the generated class of its payload, as the generator
    names it (the PascalCase of the schema's name, then `class_overrides`)."""
    found: dict[str, str] = {}
    for node in (doc.get("components", {}).get("schemas") or {}).values():
        for prop in (node.get("properties") or {}).values() if isinstance(node, dict) else []:
            recorded = prop.get(PAYLOAD_MAP_KEY) if isinstance(prop, dict) else None
            for value, ref in ((recorded or {}).get("mapping") or {}).items():
                pascal = _pascal(str(ref["$ref"]).rsplit("/", 1)[-1])
                override = class_overrides.get(pascal)
                found[value] = override.get("class_name", pascal) if isinstance(override, dict) else pascal
    return dict(sorted(found.items()))


def render_schemas(doc: Document, title: str, class_overrides: dict[str, Any]) -> str:
    """The `api_shape.py` of a document that describes what the vendor sends (webhooks), not an API
    the SDK calls: no server, auth or operations; the model of each event's payload."""
    lines = [
        f'"""The shape of the {title} document that agent_executions relies on, read from its OpenAPI document.',
        "",
        "Written by scripts/regenerate.py at every regeneration; never edit it by hand.",
        '"""',
        "",
        f"PAYLOADS = {pprint.pformat(payloads(doc, class_overrides), width=100, sort_dicts=True)}",
        '"""Event -> the class in .models of its payload; an event not listed keeps the open object."""',
        "",
    ]
    return "\n".join(lines)
