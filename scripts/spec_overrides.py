"""Named fixes applied to a vendor's OpenAPI document before it reaches the generator.

Each override is one small function that mutates the document in place and returns
True when it changed something, so the regeneration script can report it by name.
Its docstring says what the vendor does and why it is fixed. Add new quirks here,
never by editing generated code.

Two kinds: `OVERRIDES` run on every document; `CONFIGURED` run only on the APIs whose
`[<api>.overrides]` table in openapi/sources.toml names them, with the value given there
(the header that carries Zaia's key, say), and before the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

Document = dict[str, Any]
Override = Callable[[Document], bool]
ConfiguredOverride = Callable[[Document, Any], bool]
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _walk(node: Any, seen: set[int] | None = None) -> Iterator[dict[str, Any]]:
    """Yield every mapping in the document, depth first, a node shared by YAML aliases once."""
    seen = set() if seen is None else seen
    if not isinstance(node, (dict, list)) or id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, dict):
        yield node
    for value in list(node.values() if isinstance(node, dict) else node):
        yield from _walk(value, seen)


def discriminator_mapping_refs(doc: Document) -> bool:
    """Turn `discriminator.mapping` values written as `{$ref: ...}` into plain strings.

    Asteroid's TypeSpec output writes each mapping value as a `$ref` object, but
    OpenAPI requires a string; the spec validator and the generator both reject it
    ("Input should be a valid string").
    """
    changed = False
    for node in _walk(doc):
        discriminator = node.get("discriminator")
        mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
        if not isinstance(mapping, dict):
            continue
        for key, value in mapping.items():
            if isinstance(value, dict) and isinstance(value.get("$ref"), str):
                mapping[key] = value["$ref"]
                changed = True
    return changed


def unevaluated_properties(doc: Document) -> bool:
    """Rename `unevaluatedProperties` to `additionalProperties` on object schemas.

    Asteroid uses the OpenAPI 3.1 keyword for maps such as `metadata`. The generator
    ignores it and types the map as `dict[str, Any]`; as `additionalProperties` it
    keeps the value type (`dict[str, str]`). On a schema without `allOf`/`oneOf`
    the two keywords mean the same thing.
    """
    changed = False
    for node in _walk(doc):
        combined = any(key in node for key in ("allOf", "anyOf", "oneOf"))
        if "unevaluatedProperties" in node and "additionalProperties" not in node and not combined:
            node["additionalProperties"] = node.pop("unevaluatedProperties")
            changed = True
    return changed


UNKNOWN_BRANCH_SUFFIX = ".Unknown"


def open_discriminated_unions(doc: Document) -> bool:
    """Give every discriminated `oneOf` component a last, catch-all branch.

    Asteroid adds discriminator values over time (`triggerContext.source` gained
    `warmup`). The generator ignores the discriminator and tries the branches in
    order, so an unknown value fails the whole execution with a `KeyError`. The added
    branch `<Name>.Unknown` is an open object with the discriminator as a string:
    the item parses and the unknown variant stays readable.
    """
    schemas = doc.get("components", {}).get("schemas", {})
    changed = False
    for name, schema in list(schemas.items()):
        if not isinstance(schema, dict) or name.endswith(UNKNOWN_BRANCH_SUFFIX):
            continue
        discriminator = schema.get("discriminator")
        branches = schema.get("oneOf")
        if not isinstance(discriminator, dict) or not isinstance(branches, list):
            continue
        unknown_name = name + UNKNOWN_BRANCH_SUFFIX
        unknown_ref = "#/components/schemas/" + unknown_name
        if any(isinstance(b, dict) and b.get("$ref") == unknown_ref for b in branches):
            continue
        prop = discriminator.get("propertyName", "type")
        known = sorted(discriminator.get("mapping", {}))
        # Excluding the known values keeps `oneOf` exact: a known variant matches only its own branch.
        value = {"description": "The discriminator value", "type": "string", "not": {"enum": known}}
        schemas[unknown_name] = {
            "description": f"A variant of {name} that this client's spec does not know yet.",
            "properties": {prop: value},
            "required": [prop],
            "type": "object",
            "additionalProperties": True,
        }
        branches.append({"$ref": unknown_ref})
        changed = True
    return changed


UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


def ids_as_strings(doc: Document) -> bool:
    """Replace `format: uuid` with the equivalent `pattern`, so IDs are generated as `str`.

    The generator turns every `format: uuid` into a `uuid.UUID`, which cost about half
    the time of parsing an execution (ten IDs, about 2 µs each) and would make a whole
    response unreadable if a vendor ever changed its ID format. A client only carries
    IDs back to the server, so it keeps them as the strings the server sent; the
    pattern keeps the fake servers and validators as strict as the published format.
    """
    changed = False
    for node in _walk(doc):
        if node.get("format") == "uuid" and "pattern" not in node:
            del node["format"]
            node["pattern"] = UUID_PATTERN
            changed = True
    return changed


# Keywords whose values combine by taking the stricter one when `allOf` parts are folded.
_STRICTEST = {
    "minLength": max,
    "maxLength": min,
    "minimum": max,
    "maximum": min,
    "exclusiveMinimum": max,
    "exclusiveMaximum": min,
    "minItems": max,
    "maxItems": min,
    "minProperties": max,
    "maxProperties": min,
}


def _fold(parts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One schema that means the same as `allOf: parts`, or None when they cannot be folded."""
    result: dict[str, Any] = {}
    patterns: list[str] = []
    for part in parts:
        for key, value in part.items():
            if key == "pattern" and isinstance(value, str):
                patterns += [] if value in patterns else [value]
            elif key == "required" and isinstance(value, list):
                result[key] = sorted({*result.get(key, []), *value})
            elif key == "properties" and isinstance(value, dict):
                known = result.setdefault(key, {})
                if any(name in known and known[name] != schema for name, schema in value.items()):
                    return None
                known.update(value)
            elif key in _STRICTEST and key in result and isinstance(value, (int, float)):
                result[key] = _STRICTEST[key](result[key], value)
            elif key in result and result[key] != value and key not in ("description", "title", "example"):
                return None  # two different types, formats, enums...: leave it to a person
            else:
                result.setdefault(key, value)
    if len(patterns) == 1:
        result["pattern"] = patterns[0]
    elif patterns:  # every pattern must be found: one lookahead each, from the start
        result["pattern"] = "^" + "".join(f"(?=[\\s\\S]*?(?:{p}))" for p in patterns)
    return result


def inline_all_of(doc: Document) -> bool:
    """Fold an `allOf` made only of inline schemas (or one plain scalar `$ref` and inline ones) into one schema.

    A vendor may write one property's constraints as several inline parts
    (`allOf: [{type: string, pattern: "^a"}, {minLength: 2}]`). The generator makes an
    object class for any `allOf` of inline parts, so a response carrying the string
    fails to parse. The folded schema allows exactly the same values: keywords from
    every part, the stricter bound where two parts bound the same thing, several
    patterns as one of lookaheads. Parts that contradict each other (two types) are
    left alone.
    """
    schemas = doc.get("components", {}).get("schemas", {})
    changed = False
    for node in _walk(doc):
        parts = node.get("allOf")
        if not isinstance(parts, list) or not parts:
            continue
        parts = [_inline_scalar_ref(part, schemas) if len(parts) > 1 else part for part in parts]
        if not all(isinstance(p, dict) and "$ref" not in p and not _composed(p) for p in parts):
            continue
        outer = {key: value for key, value in node.items() if key != "allOf"}
        folded = _fold([outer, *parts])
        if folded is None:
            continue
        node.clear()
        node.update(folded)
        changed = True
    return changed


def _inline_scalar_ref(part: Any, schemas: dict[str, Any]) -> Any:
    """A `$ref` to a plain string, number or boolean component, replaced by a copy of it.

    The generator refuses `allOf: [{$ref: <a string schema>}, {minLength: 2}]` ("Cannot
    take allOf a non-object"); such a component has no class of its own to keep.
    """
    ref = part.get("$ref") if isinstance(part, dict) else None
    if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
        return part
    target = schemas.get(ref.removeprefix("#/components/schemas/"))
    scalar = isinstance(target, dict) and target.get("type") in ("string", "integer", "number", "boolean")
    if not scalar or "enum" in target or "$ref" in target or _composed(target):
        return part
    return dict(target)


def _composed(schema: dict[str, Any]) -> bool:
    return any(key in schema for key in ("allOf", "anyOf", "oneOf", "not"))


OVERRIDES: tuple[Override, ...] = (
    inline_all_of,
    discriminator_mapping_refs,
    unevaluated_properties,
    open_discriminated_unions,
    ids_as_strings,
)


def _operations(doc: Document) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(method, path, path item, operation) of every operation in the document."""
    for path, item in (doc.get("paths") or {}).items():
        if isinstance(item, dict):
            for method in HTTP_METHODS:
                if isinstance(item.get(method), dict):
                    yield method, path, item, item[method]


API_KEY_SCHEME = "ApiKeyAuth"


class OverrideError(ValueError):
    """A configured override does not fit the document (an operation it names is not there)."""


def api_key_header_parameter(doc: Document, parameter: str) -> bool:
    """Turn the header parameter that carries the API key into the document's security scheme.

    Zaia's published document declares no security scheme: each operation has a required
    header parameter `authorization` whose value is the key itself. Left as it is, the
    generator makes it an argument of every generated function, and the facade would have
    to pass the key on each call. Removed from the operations and declared once as an
    `apiKey` scheme in that header (written `Authorization`, the header's usual spelling),
    the key becomes the client's authentication, as the pinned spec has it; a scheme the
    document already declares is kept.
    """
    wanted = parameter.lower()
    parameters = (doc.get("components") or {}).get("parameters") or {}
    description = ""

    def is_key(entry: Any) -> bool:
        nonlocal description
        ref = entry.get("$ref") if isinstance(entry, dict) else None
        if isinstance(ref, str) and ref.startswith("#/components/parameters/"):
            entry = parameters.get(ref.rsplit("/", 1)[-1])
        found = isinstance(entry, dict) and entry.get("in") == "header" and str(entry.get("name", "")).lower() == wanted
        if found and not description and isinstance(entry.get("description"), str):
            description = entry["description"]
        return found

    def has_key(item: dict[str, Any], operation: dict[str, Any]) -> bool:
        return any(is_key(entry) for owner in (item, operation) for entry in owner.get("parameters") or [])

    carrying = {f"{method.upper()} {path}": has_key(item, op) for method, path, item, op in _operations(doc)}
    if not any(carrying.values()) and not doc.get("security"):
        raise OverrideError(
            f"api_key_header_parameter {parameter!r} matches no header parameter of the document, which declares"
            " no security scheme either: how the key is sent has changed"
        )
    without = sorted(name for name, found in carrying.items() if not found)
    if any(carrying.values()) and without:
        raise OverrideError(
            f"api_key_header_parameter {parameter!r} is missing from {', '.join(without)}: which operations"
            " take the key has changed, and the client would send it to all"
        )
    changed = False
    for owner in [item for _, _, item, _ in _operations(doc)] + [op for _, _, _, op in _operations(doc)]:
        listed = owner.get("parameters")
        if isinstance(listed, list) and any(is_key(entry) for entry in listed):
            kept = [entry for entry in listed if not is_key(entry)]
            if kept:
                owner["parameters"] = kept
            else:
                del owner["parameters"]
            changed = True
    if changed and not doc.get("security"):
        schemes = doc.setdefault("components", {}).setdefault("securitySchemes", {})
        header = "-".join(part.capitalize() for part in parameter.split("-"))
        schemes[API_KEY_SCHEME] = {"description": description, "in": "header", "name": header, "type": "apiKey"}
        doc["security"] = [{API_KEY_SCHEME: []}]
    return changed


def operation_ids(doc: Document, ids: Mapping[str, str]) -> bool:
    """Give each operation the `operationId` sources.toml names for it ("GET /path").

    The facade (openapi/operations.toml) and the fake servers name operations by
    operationId (api_shape.py), and the generator names the raw client's functions after
    it. Zaia's documentation pages show operations without one; a published document that
    gives one of its own would rename them all. So the names here win over the document's,
    and each entry must name an operation the document has.
    """
    present = {f"{method.upper()} {path}": operation for method, path, _, operation in _operations(doc)}
    for key in ids:
        if key not in present:
            known = ", ".join(sorted(present)) or "none"
            raise OverrideError(f"operation_ids names {key!r}, which the document does not have (it has: {known})")
    repeated = sorted({name for name in ids.values() if list(ids.values()).count(name) > 1})
    if repeated:
        raise OverrideError(f"operation_ids gives {', '.join(repeated)} to more than one operation")
    changed = False
    for key, name in ids.items():
        if present[key].get("operationId") != name:
            present[key]["operationId"] = name
            changed = True
    return changed


def info(doc: Document, values: Mapping[str, str]) -> bool:
    """Set `info.title` and `info.version` to those sources.toml gives.

    The generator writes the title into the raw package's docstring. Zaia's published
    document is titled "Public API", version "1.0.0": a raw package documented as "a
    client library for accessing Public API" says nothing, and a vendor renaming its
    document's title would rewrite generated files for no change of the API.
    """
    current = doc.setdefault("info", {})
    changed = False
    for key, value in values.items():
        if current.get(key) != value:
            current[key] = value
            changed = True
    return changed


PAYLOAD_MAP_KEY = "x-payload-by"
"""Where `payload_by_event` records, on the property it opens, which model each value of its sibling
property selects: {"property": <sibling>, "mapping": {value: <$ref>}} (api_shape.py reads it)."""


def payload_by_event(doc: Document, where: Mapping[str, str]) -> bool:
    """Turn a union selected by a sibling property into an open object plus a recorded mapping.

    Asteroid's webhook document types `ExecutionInfo.payload` as a union of one model per event with
    no discriminator inside the payloads: which one applies is said by `info.event`, beside it. The
    generator tries the branches in order, so an empty payload (EXECUTION_RESUMED) parses as the
    first model without required fields (EXECUTION_STARTED's) and a payload of a newer event fails
    or parses as a wrong model. The property becomes an open object, and the model of each value of
    the sibling (each payload's `title` is its event) is recorded beside it, for the facade to parse
    the payload with the event's own model; a value the pin does not know keeps the open object. The
    titles go: the generator would name each class after its title (`EXECUTIONACTIONCOMPLETED`), not
    its schema.
    """
    schemas = doc.get("components", {}).get("schemas", {})
    owner = schemas.get(where["schema"])
    props = owner.get("properties") if isinstance(owner, dict) else None
    prop = props.get(where["property"]) if isinstance(props, dict) else None
    if not isinstance(prop, dict):
        raise OverrideError(f"payload_by_event: no property {where['property']!r} in schema {where['schema']!r}")
    if PAYLOAD_MAP_KEY in prop:
        return False
    branches = prop.get("anyOf") or prop.get("oneOf")
    if not isinstance(branches, list) or not branches:
        raise OverrideError(f"payload_by_event: {where['schema']}.{where['property']} is no longer a union")
    mapping: dict[str, str] = {}
    for branch in branches:
        ref = branch.get("$ref") if isinstance(branch, dict) else None
        target = schemas.get(str(ref).removeprefix("#/components/schemas/")) if isinstance(ref, str) else None
        title = target.get("title") if isinstance(target, dict) else None
        if not isinstance(title, str) or not title or title in mapping:
            raise OverrideError(
                f"payload_by_event: a branch of {where['schema']}.{where['property']} ({ref}) names no event"
                " of its own in its title"
            )
        mapping[title] = str(ref)
    for ref in mapping.values():  # the generator would name the class after the title (EXECUTIONSTARTED)
        del schemas[ref.removeprefix("#/components/schemas/")]["title"]
    description = prop.get("description")
    prop.clear()
    if description:
        prop["description"] = description
    prop.update({"type": "object", "additionalProperties": True})
    # `$ref` objects, not strings: every walk that follows references (the cut to the covered paths,
    # the judge's exposure) reaches the payload models through them.
    mapping_refs = {value: {"$ref": ref} for value, ref in sorted(mapping.items())}
    prop[PAYLOAD_MAP_KEY] = {"property": where["discriminator"], "mapping": mapping_refs}
    return True


CONFIGURED: dict[str, ConfiguredOverride] = {
    "info": info,
    "operation_ids": operation_ids,
    "api_key_header_parameter": api_key_header_parameter,
    "payload_by_event": payload_by_event,
}
"""The overrides an API turns on in `[<api>.overrides]`, by the key it uses there; run in this order."""


def check_configured(configured: Mapping[str, Any]) -> str | None:
    """What is wrong with an `[<api>.overrides]` table, or None."""
    for key, value in configured.items():
        if key not in CONFIGURED:
            return f"names no override {key!r} (known: {', '.join(CONFIGURED)})"
        if key == "api_key_header_parameter" and not (isinstance(value, str) and value):
            return "api_key_header_parameter must be a header name"
        if key in ("operation_ids", "info") and not (
            isinstance(value, dict) and all(isinstance(v, str) and v for v in value.values())
        ):
            return f"{key} must be a table of strings"
        if key == "payload_by_event" and not (
            isinstance(value, dict)
            and set(value) == {"schema", "property", "discriminator"}
            and all(isinstance(v, str) and v for v in value.values())
        ):
            return "payload_by_event must give schema, property and discriminator, each a name"
        if key == "info" and not set(value) <= {"title", "version"}:
            return "info may set only title and version"
    return None


def apply_overrides(doc: Document, configured: Mapping[str, Any] | None = None) -> list[str]:
    """Apply the API's configured overrides, then every other one, in order; return the names of
    those that changed the document."""
    given = configured or {}
    applied = [name for name, override in CONFIGURED.items() if name in given and override(doc, given[name])]
    return applied + [override.__name__ for override in OVERRIDES if override(doc)]
