"""Summarise what changed between two normalized OpenAPI documents.

The regeneration script prints this against the previous pin, so a reviewer sees
at a glance what a vendor release adds, removes or tightens before it lands.
"""

from __future__ import annotations

from typing import Any

Document = dict[str, Any]
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _operations(doc: Document) -> dict[str, dict[str, Any]]:
    """Map "GET /path" to its operation object."""
    found: dict[str, dict[str, Any]] = {}
    for path, item in (doc.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                found[f"{method.upper()} {path}"] = item[method]
    return found


def _parameters(operation: dict[str, Any]) -> dict[str, bool]:
    """Map "in:name" to whether the parameter is required."""
    return {
        f"{p.get('in')}:{p.get('name')}": bool(p.get("required"))
        for p in operation.get("parameters") or []
        if isinstance(p, dict) and "name" in p
    }


def _members(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The schema and its inline `allOf` parts, where properties may be declared."""
    parts = [schema]
    parts += [p for p in schema.get("allOf") or [] if isinstance(p, dict) and "$ref" not in p]
    return parts


def _properties(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    props: dict[str, dict[str, Any]] = {}
    for part in _members(schema):
        props.update(part.get("properties") or {})
    return props


def _required(schema: dict[str, Any]) -> set[str]:
    return {name for part in _members(schema) for name in part.get("required") or []}


def _enums(doc: Document) -> dict[str, list[Any]]:
    """Map "Schema" and "Schema.property" to their enum values."""
    enums: dict[str, list[Any]] = {}
    for name, schema in (doc.get("components", {}).get("schemas") or {}).items():
        if not isinstance(schema, dict):
            continue
        if isinstance(schema.get("enum"), list):
            enums[name] = schema["enum"]
        for prop, prop_schema in _properties(schema).items():
            if isinstance(prop_schema, dict) and isinstance(prop_schema.get("enum"), list):
                enums[f"{name}.{prop}"] = prop_schema["enum"]
    return enums


def _diff_keys(kind: str, old: dict[str, Any] | set[str], new: dict[str, Any] | set[str]) -> list[str]:
    lines = [f"+ {kind} {key}" for key in sorted(set(new) - set(old))]
    lines += [f"- {kind} {key}" for key in sorted(set(old) - set(new))]
    return lines


def _required_word(flag: bool) -> str:
    return "required" if flag else "optional"


def summarize_changes(old: Document, new: Document) -> list[str]:
    """One line per change, `+` added, `-` removed, `~` changed; empty when equal."""
    lines: list[str] = []
    old_ops, new_ops = _operations(old), _operations(new)
    lines += _diff_keys("operation", old_ops, new_ops)
    for key in sorted(set(old_ops) & set(new_ops)):
        old_params, new_params = _parameters(old_ops[key]), _parameters(new_ops[key])
        lines += _diff_keys(f"parameter {key}", old_params, new_params)
        for param in sorted(set(old_params) & set(new_params)):
            if old_params[param] != new_params[param]:
                change = f"{_required_word(old_params[param])} -> {_required_word(new_params[param])}"
                lines.append(f"~ parameter {key} {param}: {change}")

    old_schemas = old.get("components", {}).get("schemas") or {}
    new_schemas = new.get("components", {}).get("schemas") or {}
    lines += _diff_keys("schema", old_schemas, new_schemas)
    for name in sorted(set(old_schemas) & set(new_schemas)):
        old_props, new_props = _properties(old_schemas[name]), _properties(new_schemas[name])
        lines += _diff_keys("property", {f"{name}.{p}" for p in old_props}, {f"{name}.{p}" for p in new_props})
        old_req, new_req = _required(old_schemas[name]), _required(new_schemas[name])
        for prop in sorted((old_req ^ new_req) & set(old_props) & set(new_props)):
            change = f"{_required_word(prop in old_req)} -> {_required_word(prop in new_req)}"
            lines.append(f"~ required {name}.{prop}: {change}")

    old_enums, new_enums = _enums(old), _enums(new)
    for key in sorted(set(old_enums) & set(new_enums)):
        lines += [f"+ enum value {key}: {v}" for v in new_enums[key] if v not in old_enums[key]]
        lines += [f"- enum value {key}: {v}" for v in old_enums[key] if v not in new_enums[key]]
    return lines
