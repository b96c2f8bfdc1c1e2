"""Read from a normalized OpenAPI document the shape of the API that the facade relies on.

The regeneration script writes it beside each raw client as `api_shape.py`: the default
server URL, the auth header (from the security scheme), the path prefix every operation
shares, and each operation's method, path and parameter names. The facade and the fake
servers read that module instead of constants, so a release that renames the auth header
or moves `/agents/v2` from the server URL into the paths needs no edit of theirs.
"""

from __future__ import annotations

import pprint
from typing import Any

from openapi_python_client.strings import snake_case

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


def operations(doc: Document, prefix: str) -> dict[str, dict[str, Any]]:
    """operationId -> method, path (after the prefix) and {python name: wire name} per parameter kind."""
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
            for parameter in _parameters(doc, item, operation):
                if parameter.get("in") in by_kind:
                    by_kind[str(parameter["in"])][snake_case(str(parameter["name"]))] = str(parameter["name"])
            found[operation_id] = {
                "method": method.upper(),
                "path": path[len(prefix) :],
                "path_params": dict(sorted(by_kind["path"].items())),
                "query": dict(sorted(by_kind["query"].items())),
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
    "OPERATIONS": "operationId -> method, path after PATH_PREFIX, and {Python name: wire name} of its "
    "path and query parameters.",
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
