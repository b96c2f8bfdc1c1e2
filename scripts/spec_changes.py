"""Say what changed between two normalized OpenAPI documents, and what it means for users.

The regeneration script prints one line per change against the previous pin, each
marked additive or BREAKING for code written against the facade, and refuses a
breaking release unless told to accept it. What the facade exposes, and so what can
break: the covered operations, their path and query parameters, and the properties
and enum values of every schema their success responses reach (read by users) or
their parameters and request bodies reach (written by users). Changes elsewhere (the
error bodies, which the facade reads leniently) are reported as internal.

Responses and requests break in opposite directions: a response may only get
narrower (a property that becomes required, a type that stops being nullable) and a
request only wider (a parameter that becomes optional, integer -> number). Any other
change of a value's type is breaking, since code written against the old type reads
or sends the new one. docs/regeneration.md lists the rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from spec_overrides import PAYLOAD_MAP_KEY

Document = dict[str, Any]
Schema = dict[str, Any]
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_PREFIX = "#/components/schemas/"
# Formats that change the generated Python type (str -> datetime, date, File...).
TYPED_FORMATS = frozenset({"date-time", "date", "time", "binary", "uuid"})
RESPONSE, REQUEST = "response", "request"

ADDITIVE, BREAKING, INTERNAL = "additive", "BREAKING", "internal"


@dataclass(frozen=True)
class Change:
    """One change: `sign` is +, - or ~; `verdict` additive, BREAKING or internal; `reason` says why."""

    sign: str
    what: str
    verdict: str
    reason: str = ""

    @property
    def breaking(self) -> bool:
        return self.verdict == BREAKING

    def __str__(self) -> str:
        why = f": {self.reason}" if self.reason else ""
        return f"{self.sign} {self.what} ({self.verdict}{why})"


# --- reading a document -----------------------------------------------------------------


def _schemas(doc: Document) -> dict[str, Schema]:
    schemas = (doc.get("components") or {}).get("schemas") or {}
    return {name: schema for name, schema in schemas.items() if isinstance(schema, dict)}


def _ref_name(schema: Any) -> str | None:
    """The component a schema refers to, seeing through a lone `allOf: [$ref]` wrapper."""
    if not isinstance(schema, dict):
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return ref.removeprefix(SCHEMA_PREFIX)
    parts = schema.get("allOf")
    if isinstance(parts, list) and len(parts) == 1 and not ({"type", "properties", "enum"} & schema.keys()):
        return _ref_name(parts[0])
    for key in ("anyOf", "oneOf"):  # `anyOf: [{$ref}, {type: null}]`: a nullable reference
        branches = [b for b in schema.get(key) or [] if not (isinstance(b, dict) and b.get("type") == "null")]
        if len(branches) == 1 and len(schema[key]) == 2:
            return _ref_name(branches[0])
    return None


def _refs(node: Any, seen: set[int] | None = None) -> Iterator[str]:
    """Every component schema named anywhere under a node (a node shared by YAML aliases walked once)."""
    seen = set() if seen is None else seen
    if not isinstance(node, (dict, list)) or id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
            yield ref.removeprefix(SCHEMA_PREFIX)
    for value in node.values() if isinstance(node, dict) else node:
        yield from _refs(value, seen)


def _reachable(doc: Document, roots: list[Any]) -> set[str]:
    schemas = _schemas(doc)
    seen: set[str] = set()
    pending = [name for root in roots for name in _refs(root)]
    while pending:
        name = pending.pop()
        if name not in seen and name in schemas:
            seen.add(name)
            pending.extend(_refs(schemas[name]))
    return seen


def _resolve(doc: Document, node: Any) -> Any:
    """A `$ref` to a shared parameter, response or request body, replaced by what it names."""
    for _ in range(8):  # a chain of references, but never a loop
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#/components/") or ref.startswith(SCHEMA_PREFIX):
            break
        _, _, kind, name = ref.split("/", 3)
        node = ((doc.get("components") or {}).get(kind) or {}).get(name)
    return node


@dataclass(frozen=True)
class _Operation:
    method: str
    path: str
    url_path: str  # the server URL's path and the operation's path: what a request goes to
    spec: dict[str, Any]
    parameters: tuple[dict[str, Any], ...]  # the path item's and the operation's, references resolved

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"


def _server_path(doc: Document) -> str:
    servers = doc.get("servers") or [{}]
    url = servers[0].get("url", "") if isinstance(servers[0], dict) else ""
    return urlsplit(str(url)).path.rstrip("/")


def _operations(doc: Document) -> dict[str, _Operation]:
    """The operations by method and operationId (method and URL path where there is none)."""
    prefix = _server_path(doc)
    found: dict[str, _Operation] = {}
    for path, item in (doc.get("paths") or {}).items():
        for method in HTTP_METHODS:
            spec = item.get(method) if isinstance(item, dict) else None
            if isinstance(spec, dict):
                shared = [_resolve(doc, p) for p in item.get("parameters") or []]
                own = [_resolve(doc, p) for p in spec.get("parameters") or []]
                parameters = {(p.get("in"), p.get("name")): p for p in shared + own if isinstance(p, dict)}
                operation = _Operation(method.upper(), path, prefix + path, spec, tuple(parameters.values()))
                # The method is part of the identity: GET and POST on one URL are different operations.
                found[f"{operation.method} {spec.get('operationId') or operation.url_path}"] = operation
    return found


def _exposure(doc: Document, delivered: bool = False) -> dict[str, set[str]]:
    """Map each component schema the facade exposes to `response`, `request` or both. In a document of
    what the vendor delivers (webhooks), a request body is what users read: a response."""
    read: list[Any] = []
    written: list[Any] = []
    for operation in _operations(doc).values():
        for status, response in (operation.spec.get("responses") or {}).items():
            if str(status).startswith("2"):
                read.append(_resolve(doc, response))
        body = _resolve(doc, operation.spec.get("requestBody") or {})
        (read if delivered else written).append(body)
        written.append(list(operation.parameters))
    exposure: dict[str, set[str]] = {}
    for direction, roots in ((RESPONSE, read), (REQUEST, written)):
        for name in _reachable(doc, roots):
            exposure.setdefault(name, set()).add(direction)
    return exposure


def _parameters(operation: _Operation) -> dict[str, dict[str, Any]]:
    """Map "query:name" (in:name) to the parameter object."""
    return {f"{p.get('in')}:{p.get('name')}": p for p in operation.parameters if "name" in p}


def _members(schema: Schema) -> list[Schema]:
    """The schema and its inline `allOf` parts, where properties may be declared."""
    parts = [schema]
    parts += [p for p in schema.get("allOf") or [] if isinstance(p, dict) and "$ref" not in p]
    return parts


def _properties(schema: Schema) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for part in _members(schema):
        props.update(part.get("properties") or {})
    return props


def _required(schema: Schema) -> set[str]:
    return {name for part in _members(schema) for name in part.get("required") or []}


def _branches(schema: Schema) -> list[str]:
    return [name for key in ("oneOf", "anyOf") for b in schema.get(key) or [] if (name := _ref_name(b))]


def _payload_map(schema: Schema) -> dict[str, str]:
    """Value of the selecting property -> the schema its payload is parsed as (`payload_by_event`)."""
    recorded = schema.get(PAYLOAD_MAP_KEY)
    mapping = recorded.get("mapping") if isinstance(recorded, dict) else None
    if not isinstance(mapping, dict):
        return {}
    return {str(value): name for value, ref in mapping.items() if (name := _ref_name(ref)) is not None}


def _types(schema: Schema) -> set[str]:
    """The JSON types a schema allows, `null` included (3.0 `nullable` and 3.1 type lists alike)."""
    declared = schema.get("type")
    types = set(declared) if isinstance(declared, list) else {declared} if isinstance(declared, str) else set()
    if schema.get("nullable") is True or any(
        isinstance(b, dict) and b.get("type") == "null" for key in ("oneOf", "anyOf") for b in schema.get(key) or []
    ):
        types.add("null")
    return types


def _nullable(schema: Schema) -> bool:
    return "null" in _types(schema)


def _shape(schema: Any) -> str:
    """The schema's value type in a few words, ignoring null, enum values and properties."""
    if not isinstance(schema, dict):
        return "any"
    name = _ref_name(schema)
    if name is not None:
        return name
    types = sorted(_types(schema) - {"null"})
    if not types:
        return "union" if _branches(schema) else "any"
    if types == ["array"]:
        return f"array of {_shape(schema.get('items'))}"
    text = "|".join(types)
    if schema.get("format") in TYPED_FORMATS:
        text += f" ({schema['format']})"
    if isinstance(schema.get("enum"), list):
        text += " enum"
    return text


def _widens(old: Any, new: Any) -> bool:
    """Whether every value of the old type is a value of the new one."""
    if not isinstance(new, dict) or _shape(new) == "any":
        return True
    if not isinstance(old, dict) or _ref_name(old) or _ref_name(new):
        return False
    old_types, new_types = _types(old) - {"null"}, _types(new) - {"null"}
    if "integer" in old_types and "number" in new_types:
        old_types = (old_types - {"integer"}) | {"number"}
    if not old_types <= new_types:
        return False
    if "enum" in new and "enum" not in old:
        return False
    if new.get("format") in TYPED_FORMATS and new.get("format") != old.get("format"):
        return False
    if old_types == {"array"}:
        return _widens(old.get("items"), new.get("items"))
    return True


# --- judging a change -------------------------------------------------------------------


def _verdict(directions: set[str], breaks_response: str | None, breaks_request: str | None) -> tuple[str, str]:
    """Decide from what the change does to readers and to writers of the value; reasons are None when safe."""
    if not directions:
        return INTERNAL, "not exposed by the facade"
    reasons = [
        reason
        for direction, reason in ((RESPONSE, breaks_response), (REQUEST, breaks_request))
        if direction in directions and reason is not None
    ]
    return (BREAKING, reasons[0]) if reasons else (ADDITIVE, "")


class _Comparer:
    """Walks the old and new documents side by side and collects changes."""

    def __init__(self, old: Document, new: Document, delivered: bool = False) -> None:
        self.old, self.new = old, new
        old_exposure, new_exposure = _exposure(old, delivered), _exposure(new, delivered)
        self.exposure = {
            name: old_exposure.get(name, set()) | new_exposure.get(name, set())
            for name in set(old_exposure) | set(new_exposure)
        }
        self.renamed = _renamed_schemas(_schemas(old), _schemas(new))
        self.changes: list[Change] = []

    def add(self, sign: str, what: str, directions: set[str], response: str | None, request: str | None) -> None:
        verdict, reason = _verdict(directions, response, request)
        self.changes.append(Change(sign, what, verdict, reason))

    # operations and parameters

    def operations(self) -> None:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        # An operation whose operationId changed but whose method and URL did not is the same operation.
        by_url = {(op.method, op.url_path): key for key, op in new_ops.items() if key not in old_ops}
        for key in [k for k in old_ops if k not in new_ops]:
            new_key = by_url.get((old_ops[key].method, old_ops[key].url_path))
            if new_key is not None:
                new_ops[key] = new_ops.pop(new_key)
        for key in sorted(set(new_ops) - set(old_ops), key=lambda k: new_ops[k].label):
            self.changes.append(Change("+", f"operation {new_ops[key].label}", ADDITIVE))
        for key in sorted(set(old_ops) - set(new_ops), key=lambda k: old_ops[k].label):
            reason = "the facade method that wraps it stops working"
            self.changes.append(Change("-", f"operation {old_ops[key].label}", BREAKING, reason))
        for key in sorted(set(old_ops) & set(new_ops), key=lambda k: old_ops[k].label):
            old_op, new_op = old_ops[key], new_ops[key]
            old_id, new_id = old_op.spec.get("operationId"), new_op.spec.get("operationId")
            if old_id != new_id:
                reason = "the same method and URL; client.raw's function is renamed (the facade: see its own lines)"
                self.changes.append(Change("~", f"operationId {old_id} -> {new_id}", ADDITIVE, reason))
            if old_op.label != new_op.label:
                same = old_op.url_path == new_op.url_path
                reason = "the same URL" if same else "the facade takes each operation's path from the generated package"
                self.changes.append(Change("~", f"operation {old_op.label} -> {new_op.label}", ADDITIVE, reason))
            self.statuses(old_op, new_op)
            self.parameters(old_op, new_op)

    def statuses(self, old_op: _Operation, new_op: _Operation) -> None:
        """A success status removed or moved (200 -> 201) breaks code that checks it and client.raw's parsing;
        a new one beside the old is additive."""
        old_statuses, new_statuses = _success_statuses(old_op), _success_statuses(new_op)
        gone, came = sorted(old_statuses - new_statuses), sorted(new_statuses - old_statuses)
        label = f"success status {old_op.label}"
        reason = "code checking the status, and client.raw's parsed response, expect the old one"
        if len(gone) == 1 and len(came) == 1:
            self.changes.append(Change("~", f"{label}: {gone[0]} -> {came[0]}", BREAKING, reason))
            return
        for status in came:
            self.changes.append(Change("+", f"{label}: {status}", ADDITIVE))
        for status in gone:
            self.changes.append(Change("-", f"{label}: {status}", BREAKING, reason))

    def parameters(self, old_op: _Operation, new_op: _Operation) -> None:
        old_params, new_params = _parameters(old_op), _parameters(new_op)
        label = f"parameter {old_op.label}"
        for key in sorted(set(new_params) - set(old_params)):
            required = bool(new_params[key].get("required"))
            reason = "every call must now send it, and code written before does not" if required else None
            self.add("+", f"{label} {key}", {REQUEST}, None, reason)
        for key in sorted(set(old_params) - set(new_params)):
            self.add("-", f"{label} {key}", {REQUEST}, None, "code passing it sends what the API no longer takes")
        for key in sorted(set(old_params) & set(new_params)):
            old_required, new_required = bool(old_params[key].get("required")), bool(new_params[key].get("required"))
            if old_required != new_required:
                reason = "calls that leave it out are refused" if new_required else None
                change = f"{_required_word(old_required)} -> {_required_word(new_required)}"
                self.add("~", f"{label} {key}: {change}", {REQUEST}, None, reason)
            self.value(old_params[key].get("schema"), new_params[key].get("schema"), f"{label} {key}", {REQUEST})

    # schemas

    def schemas(self) -> None:
        old_schemas, new_schemas = _schemas(self.old), _schemas(self.new)
        for name in sorted(set(new_schemas) - set(old_schemas) - set(self.renamed.values())):
            self.add("+", f"schema {name}", self.exposure.get(name, set()), None, None)
        for name in sorted(set(old_schemas) - set(new_schemas) - set(self.renamed)):
            if not _is_model(old_schemas[name]):  # `Common.dateTime`: what referred to it is compared by structure
                self.changes.append(Change("-", f"schema {name}", ADDITIVE, "a name of a primitive type: no model"))
                continue
            reason = "its model goes away with whatever refers to it"
            self.add("-", f"schema {name}", self.exposure.get(name, set()), reason, reason)
        for old_name, new_name in sorted(self.renamed.items()):
            reason = (
                "the generated class is renamed, and agent_executions.models imports it by name: map the stable"
                " name to the new class in a release of this SDK"
            )
            self.add("~", f"schema {old_name} -> {new_name}", self.exposure.get(old_name, set()), reason, reason)
        for name in sorted(set(old_schemas) & set(new_schemas)):
            self.value(old_schemas[name], new_schemas[name], name, self.exposure.get(name, set()))

    def value(self, old: Any, new: Any, where: str, directions: set[str]) -> None:
        """Compare two schemas at one place: type, nullability, enum values, properties, items, variants."""
        if not isinstance(old, dict) or not isinstance(new, dict):
            return
        old_ref, new_ref = _ref_name(old), _ref_name(new)
        if old_ref is not None and new_ref in (old_ref, self.renamed.get(old_ref)):
            self.nullability(old, new, where, directions)
            return  # the referenced schema is compared once, under its own name
        if old_ref is not None or new_ref is not None:
            # A type named where it was inline, inlined where it was named, or another name for it:
            # what matters is the structure behind the names, so compare the schemas they stand for.
            old_body, new_body = _dereferenced(self.old, old), _dereferenced(self.new, new)
            if _structure(self.old, old_body) == _structure(self.new, new_body):
                self.nullability(old_body, new_body, where, directions)
                return
            if old_ref is None or new_ref is None:  # named on one side only: compare what it names
                old, new = old_body, new_body
        old_shape, new_shape = _shape(old), _shape(new)
        if old_shape != new_shape:
            change = f"type {where}: {old_shape} -> {new_shape}"
            read = f"code reading it as {old_shape} gets {new_shape}"
            sent = None if _widens(old, new) else "values accepted before may be refused"
            self.add("~", change, directions, read, sent)
            return
        self.nullability(old, new, where, directions)
        self.constraints(old, new, where, directions)
        self.enum_values(old, new, where, directions)
        self.properties(old, new, where, directions)
        self.payload_models(old, new, where, directions)
        if isinstance(old.get("items"), dict) and isinstance(new.get("items"), dict):
            self.value(old["items"], new["items"], f"{where}[]", directions)
        old_branches, new_branches = [self.renamed.get(b, b) for b in _branches(old)], _branches(new)
        for branch in [b for b in new_branches if b not in old_branches]:
            self.add("+", f"variant {where}: {branch}", directions, None, None)
        for branch in [b for b in old_branches if b not in new_branches]:
            reason = "values of that kind are no longer parsed as its model"
            self.add("-", f"variant {where}: {branch}", directions, reason, "values of that kind are refused")

    def payload_models(self, old: Schema, new: Schema, where: str, directions: set[str]) -> None:
        """The model a sibling's value selects for an open object (`payload_by_event`): one gone or
        replaced changes the type users read for that value; a new one is additive, as a variant is."""
        old_map, new_map = _payload_map(old), _payload_map(new)
        for value in sorted(set(new_map) - set(old_map)):
            self.add("+", f"payload model {where} for {value}: {new_map[value]}", directions, None, None)
        for value in sorted(set(old_map) - set(new_map)):
            reason = f"a payload of {value} is no longer parsed as {old_map[value]}"
            self.add("-", f"payload model {where} for {value}: {old_map[value]}", directions, reason, reason)
        for value in sorted(set(old_map) & set(new_map)):
            was, now = old_map[value], new_map[value]
            if now not in (was, self.renamed.get(was)):
                reason = f"code reading a payload of {value} as {was} gets {now}"
                self.add("~", f"payload model {where} for {value}: {was} -> {now}", directions, reason, reason)

    def nullability(self, old: Schema, new: Schema, where: str, directions: set[str]) -> None:
        if _nullable(old) == _nullable(new):
            return
        became = "nullable" if _nullable(new) else "non-null"
        was = "non-null" if became == "nullable" else "nullable"
        read = "it may now be None where code expects a value" if became == "nullable" else None
        sent = "None, accepted before, is refused" if became == "non-null" else None
        self.add("~", f"nullable {where}: {was} -> {became}", directions, read, sent)

    def constraints(self, old: Schema, new: Schema, where: str, directions: set[str]) -> None:
        """Bounds and patterns: a narrower one may refuse what users send, and only narrows what they read."""
        for key in (*_LOWER_BOUNDS, *_UPPER_BOUNDS, "pattern"):
            was, now = old.get(key), new.get(key)
            if was == now:
                continue
            change = f"constraint {where}: {key} {_text(was)} -> {_text(now)}"
            sent = "values accepted before may be refused" if _narrows(key, was, now) else None
            self.add("~", change, directions, None, sent)

    def enum_values(self, old: Schema, new: Schema, where: str, directions: set[str]) -> None:
        old_values, new_values = old.get("enum"), new.get("enum")
        if not isinstance(old_values, list) or not isinstance(new_values, list):
            return
        for value in [v for v in new_values if v not in old_values]:
            self.add("+", f"enum value {where}: {value}", directions, None, None)
        for value in [v for v in old_values if v not in new_values]:
            read = "code comparing to it, or naming its enum member, no longer matches"
            self.add("-", f"enum value {where}: {value}", directions, read, "code sending it is refused")

    def properties(self, old: Schema, new: Schema, where: str, directions: set[str]) -> None:
        old_props, new_props = _properties(old), _properties(new)
        old_required, new_required = _required(old), _required(new)
        for prop in [p for p in new_props if p not in old_props]:
            sent = "code building the model must now pass it" if prop in new_required else None
            self.add("+", f"property {where}.{prop}", directions, None, sent)
        for prop in [p for p in old_props if p not in new_props]:
            read = "code reading the attribute fails"
            self.add("-", f"property {where}.{prop}", directions, read, "code passing it fails")
        for prop in [p for p in old_props if p in new_props]:
            if (prop in old_required) != (prop in new_required):
                was, now = _required_word(prop in old_required), _required_word(prop in new_required)
                read = "it may be missing, and code relying on it then finds no value" if now == "optional" else None
                sent = "code building the model must now pass it" if now == "required" else None
                self.add("~", f"required {where}.{prop}: {was} -> {now}", directions, read, sent)
            self.value(old_props[prop], new_props[prop], f"{where}.{prop}", directions)

    # the API's shape outside the schemas

    def shape(self) -> None:
        old_url, new_url = _server_url(self.old), _server_url(self.new)
        if old_url != new_url:
            reason = "the facade's default base URL follows the generated package"
            self.changes.append(Change("~", f"server URL: {old_url} -> {new_url}", ADDITIVE, reason))
        old_auth, new_auth = _auth_headers(self.old), _auth_headers(self.new)
        if old_auth != new_auth and old_auth and new_auth:
            reason = "the facade sends the key in the header the generated package names"
            what = f"auth header: {', '.join(old_auth)} -> {', '.join(new_auth)}"
            self.changes.append(Change("~", what, ADDITIVE, reason))


DOC_KEYWORDS = frozenset({"description", "title", "example", "examples", "externalDocs", "deprecated", "$comment"})


def _is_model(schema: Schema) -> bool:
    """Whether the generator makes a class of the schema: an object, an enum or a union."""
    return bool(
        schema.get("properties")
        or schema.get("enum")
        or schema.get("type") == "object"
        or any(schema.get(key) for key in ("oneOf", "anyOf", "allOf"))
    )


def _dereferenced(doc: Document, schema: Schema) -> Schema:
    """The schema a `$ref` (or a lone `allOf: [$ref]`, or a nullable reference) stands for, with the
    wrapper's own keywords kept beside it; a schema that is not a reference as it is."""
    for _ in range(8):
        name = _ref_name(schema)
        if name is None:
            return schema
        target = _schemas(doc).get(name)
        if target is None:
            return schema
        wrapper = {k: v for k, v in schema.items() if k not in ("$ref", "allOf", "anyOf", "oneOf")}
        if _nullable(schema) and not _nullable(target):
            wrapper["nullable"] = True
        schema = {**target, **wrapper}
    return schema


def _structure(doc: Document, schema: Any, depth: int = 0) -> Any:
    """A schema with every reference replaced by what it names and its documentation left out: two
    schemas with the same structure describe the same values, however they are spelled."""
    if depth > 12:
        return "..."
    if isinstance(schema, list):
        return [_structure(doc, item, depth + 1) for item in schema]
    if not isinstance(schema, dict):
        return schema
    resolved = _dereferenced(doc, schema)
    return {
        key: _structure(doc, value, depth + 1)
        for key, value in sorted(resolved.items())
        if key not in DOC_KEYWORDS and key != "$ref"
    }


def _renamed_schemas(old: dict[str, Schema], new: dict[str, Schema]) -> dict[str, str]:
    """Schemas that left under one name and came back unchanged under exactly one other."""
    added = {name: json.dumps(new[name], sort_keys=True) for name in set(new) - set(old)}
    renamed: dict[str, str] = {}
    for name in sorted(set(old) - set(new)):
        same = [other for other, text in added.items() if text == json.dumps(old[name], sort_keys=True)]
        if len(same) == 1 and same[0] not in renamed.values():
            renamed[name] = same[0]
    return renamed


_LOWER_BOUNDS = ("minLength", "minimum", "exclusiveMinimum", "minItems")
_UPPER_BOUNDS = ("maxLength", "maximum", "exclusiveMaximum", "maxItems")


def _narrows(key: str, was: Any, now: Any) -> bool:
    """Whether a constraint's new value may refuse a value the old one allowed (a changed pattern may)."""
    if now is None:
        return False  # removed: wider
    if was is None or key == "pattern":
        return True
    if isinstance(was, bool) or isinstance(now, bool):  # OpenAPI 3.0 `exclusiveMinimum: true`
        return bool(now) and not bool(was)
    if not isinstance(was, (int, float)) or not isinstance(now, (int, float)):
        return True
    return now > was if key in _LOWER_BOUNDS else now < was


def _text(value: Any) -> str:
    return "(none)" if value is None else json.dumps(value)


def _success_statuses(operation: _Operation) -> set[str]:
    return {str(status) for status in operation.spec.get("responses") or {} if str(status).startswith("2")}


def _required_word(flag: bool) -> str:
    return "required" if flag else "optional"


def _server_url(doc: Document) -> str:
    servers = doc.get("servers") or [{}]
    return str(servers[0].get("url", "")) if isinstance(servers[0], dict) else ""


def _auth_headers(doc: Document) -> list[str]:
    """How each security scheme sends the key: the header, with `Bearer` for HTTP bearer auth."""
    schemes = (doc.get("components") or {}).get("securitySchemes") or {}
    found = [
        str(s.get("name"))
        for s in schemes.values()
        if isinstance(s, dict) and s.get("type") == "apiKey" and s.get("in") == "header"
    ]
    found += [
        "Authorization: Bearer"
        for s in schemes.values()
        if isinstance(s, dict) and s.get("type") == "http" and str(s.get("scheme", "")).lower() == "bearer"
    ]
    return sorted(found)


def classify_changes(old: Document, new: Document, delivered: bool = False) -> list[Change]:
    """Every change from `old` to `new`, each judged additive, BREAKING or internal; empty when equal.
    `delivered`: the document describes what the vendor sends (webhooks), whose bodies users read."""
    comparer = _Comparer(old, new, delivered)
    if old:  # a first pin has nothing to compare with
        comparer.shape()
    comparer.operations()
    comparer.schemas()
    return comparer.changes


def summarize_changes(old: Document, new: Document) -> list[str]:
    """One line per change, `+` added, `-` removed, `~` changed, with its verdict; empty when equal."""
    return [str(change) for change in classify_changes(old, new)]


def breaking_changes(changes: list[Change]) -> list[Change]:
    return [change for change in changes if change.breaking]
