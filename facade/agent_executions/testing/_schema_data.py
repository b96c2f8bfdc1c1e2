"""Values built from the pinned spec's schemas, for what the fake servers' realistic data does not know.

The fakes make realistic executions for the properties they know. A vendor release adds
required properties, enum values and `oneOf` branches; `SchemaData.complete` gives each
property the spec requires (at any depth) a value derived from its schema (format, enum,
pattern, type, bounds), and adds some optional properties the fake does not know, so the
fakes keep serving spec-valid data after a regeneration with no edit. Values are drawn
from a generator seeded per item, so an item reads the same in every response and run.
"""

from __future__ import annotations

import datetime
import importlib
import random
import re
import uuid
from collections.abc import Collection, Iterator
from typing import Any

# The regular-expression parser behind `re` (its public alias `sre_parse` is deprecated).
sre_parse: Any = importlib.import_module("re._parser")
sre_constants: Any = importlib.import_module("re._constants")

JSON = dict[str, Any]
MAX_DEPTH = 6
"""Below this depth only required properties and minimal arrays are built (recursive schemas)."""
OPTIONAL_CHANCE = 1 / 3
"""The share of items that get the optional properties the fake does not know."""
_EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


class SchemaData:
    """Reads schemas of one OpenAPI document and builds values that validate against them."""

    def __init__(self, spec: JSON, seed: int) -> None:
        self.spec = spec
        self.seed = seed

    # --- reading the spec -----------------------------------------------------

    def resolve(self, schema: Any) -> JSON:
        """The schema a `$ref` points to (followed until it is not a `$ref`)."""
        seen = 0
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 50:
            node: Any = self.spec
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            schema, seen = node, seen + 1
        return schema if isinstance(schema, dict) else {}

    def operation(self, operation_id: str) -> JSON:
        """The operation object with `operation_id`."""
        for item in self.spec.get("paths", {}).values():
            for operation in item.values():
                if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                    return operation
        raise LookupError(f"the pinned spec has no operation {operation_id!r}")

    def success_status(self, operation_id: str) -> int:
        """The operation's first documented 2xx status (a vendor may move 200 to 201); 200 when none is."""
        statuses = sorted(str(key) for key in self.operation(operation_id).get("responses") or {})
        return next((int(key) for key in statuses if key.isdigit() and key.startswith("2")), 200)

    def response_schema(self, operation_id: str, status: int | None = None) -> JSON:
        """The JSON schema of an operation's response with `status` (its success status by default)."""
        status = self.success_status(operation_id) if status is None else status
        response = self.resolve(self.operation(operation_id)["responses"][str(status)])
        return self.resolve(response["content"]["application/json"]["schema"])

    def merged(self, schema: Any) -> JSON:
        """The schema with its `$ref` followed and its `allOf` parts folded in (properties and required merged)."""
        resolved = self.resolve(schema)
        if "allOf" not in resolved:
            return resolved
        schema = resolved
        result = {key: value for key, value in schema.items() if key != "allOf"}
        for part in schema["allOf"]:
            for key, value in self.merged(part).items():
                if key == "properties":
                    result["properties"] = {**value, **result.get("properties", {})}
                elif key == "required":
                    result["required"] = sorted({*value, *result.get("required", [])})
                else:
                    result.setdefault(key, value)
        return result

    def properties(self, schema: JSON) -> tuple[dict[str, JSON], set[str]]:
        """(properties, required names) of an object schema, `allOf` parts merged in."""
        schema = self.resolve(schema)
        props: dict[str, JSON] = dict(schema.get("properties") or {})
        required = set(schema.get("required") or [])
        for part in schema.get("allOf") or []:
            part_props, part_required = self.properties(part)
            props.update(part_props)
            required |= part_required
        return props, required

    def enum_values(self, schema: JSON) -> list[Any]:
        """The values an enum schema allows (empty when it is not an enum)."""
        schema = self.merged(schema)
        if "const" in schema:
            return [schema["const"]]
        return list(schema.get("enum") or [])

    def branches(self, schema: JSON) -> dict[str, JSON]:
        """The branches of a discriminated `oneOf`, by discriminator value (catch-all branches left out)."""
        schema = self.merged(schema)
        discriminator = schema.get("discriminator") or {}
        prop = discriminator.get("propertyName")
        found: dict[str, JSON] = {}
        for branch in schema.get("oneOf") or []:
            resolved = self.resolve(branch)
            values = self.enum_values(self.properties(resolved)[0].get(prop, {})) if prop else []
            if len(values) == 1:
                found[str(values[0])] = resolved
        return found

    # --- building values ------------------------------------------------------

    def rng_for(self, key: str) -> random.Random:
        """A generator for one item: the same item gets the same values in every run and response."""
        return random.Random(f"{self.seed}:{key}")

    def complete(self, value: JSON, schema: JSON, *, key: str, known: Collection[str] = ()) -> JSON:
        """Give `value` every property `schema` requires that it lacks, at any depth; in some items,
        also the optional properties that are neither present nor in `known` (those the fake decides)."""
        rng = self.rng_for(key)
        extras = rng.random() < OPTIONAL_CHANCE
        self._complete(value, self.merged(schema), rng, 0, skip=set(known) if extras else None)
        return value

    def _complete(self, value: Any, schema: JSON, rng: random.Random, depth: int, skip: set[str] | None) -> None:
        if isinstance(value, list):
            items = schema.get("items")
            for element in value:
                self._complete(element, self.merged(items), rng, depth + 1, None)
            return
        if not isinstance(value, dict):
            return
        schema = self._branch_for(value, schema)
        props, required = self.properties(schema)
        for name, prop_schema in props.items():
            if name in value:
                self._complete(value[name], self.merged(prop_schema), rng, depth + 1, None)
            elif name in required or (skip is not None and name not in skip):
                value[name] = self.example(prop_schema, rng, depth + 1)

    def _branch_for(self, value: JSON, schema: JSON) -> JSON:
        """The `oneOf` branch `value` belongs to, by its discriminator; `schema` itself otherwise."""
        if "oneOf" not in schema:
            return schema
        prop = (schema.get("discriminator") or {}).get("propertyName")
        branches = self.branches(schema)
        if prop and str(value.get(prop)) in branches:
            return branches[str(value[prop])]
        return {}  # a value of a variant this spec does not know: nothing to add

    def example(self, schema: Any, rng: random.Random, depth: int = 0) -> Any:
        """A value of `schema`, from the schema alone."""
        schema = self.merged(schema)
        enum = self.enum_values(schema)
        if enum:
            return rng.choice(enum)
        if "oneOf" in schema or "anyOf" in schema:
            branches = list(self.branches(schema).values()) or [
                self.resolve(b) for b in schema.get("oneOf") or schema.get("anyOf") or [] if not _is_null(b)
            ]
            return self.example(rng.choice(branches), rng, depth) if branches else None
        kind = _type_of(schema)
        if kind == "object":
            return self._object(schema, rng, depth)
        if kind == "array":
            count = max(int(schema.get("minItems", 0)), 0 if depth >= MAX_DEPTH else rng.randint(1, 2))
            count = min(count, int(schema.get("maxItems", count)))
            return [self.example(schema.get("items", {}), rng, depth + 1) for _ in range(count)]
        if kind == "string":
            return _string(schema, rng)
        if kind == "integer":
            low, high = _bounds(schema, 0, 1000)
            return rng.randint(int(low), int(high))
        if kind == "number":
            low, high = _bounds(schema, 0.0, 1000.0)
            return round(rng.uniform(low, high), 3)
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "null":
            return None
        return {}  # no type: any JSON value is valid

    def _object(self, schema: JSON, rng: random.Random, depth: int) -> JSON:
        props, required = self.properties(schema)
        value = {
            name: self.example(prop_schema, rng, depth + 1)
            for name, prop_schema in props.items()
            if name in required or (depth < MAX_DEPTH and rng.random() < 0.5)
        }
        extra = schema.get("additionalProperties")
        if not props and isinstance(extra, dict) and depth < MAX_DEPTH:
            value.update({f"key{i}": self.example(extra, rng, depth + 1) for i in range(1, 3)})
        return value


def _is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null"


def _type_of(schema: JSON) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        return str(kinds[0]) if kinds else "null"
    if kind is None and ("properties" in schema or "allOf" in schema):
        return "object"
    return str(kind) if kind is not None else None


def _bounds(schema: JSON, low: float, high: float) -> tuple[float, float]:
    low = schema.get("minimum", schema.get("exclusiveMinimum", low - 1) + 1)
    high = schema.get("maximum", schema.get("exclusiveMaximum", high + 1) - 1)
    return low, max(low, high)


def _string(schema: JSON, rng: random.Random) -> str:
    fmt = schema.get("format")
    if "pattern" in schema:
        return from_pattern(schema["pattern"], rng)
    if fmt == "date-time":
        moment = _EPOCH + datetime.timedelta(seconds=rng.randint(0, 300 * 86400))
        return moment.isoformat().replace("+00:00", "Z")
    if fmt == "date":
        return (_EPOCH + datetime.timedelta(days=rng.randint(0, 300))).date().isoformat()
    if fmt == "uuid":
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if fmt in ("uri", "url", "uri-reference"):
        return f"https://example.com/{rng.randint(1, 10**6)}"
    if fmt == "email":
        return f"user{rng.randint(1, 999)}@example.com"
    low, high = int(schema.get("minLength", 1)), schema.get("maxLength")
    length = max(low, min(8, high if high is not None else 8))
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(length))


# --- strings for a regular expression ---------------------------------------------

_CATEGORIES = {
    sre_constants.CATEGORY_DIGIT: "0123456789",
    sre_constants.CATEGORY_WORD: "abcdefghijklmnopqrstuvwxyz0123456789_",
    sre_constants.CATEGORY_SPACE: " ",
    sre_constants.CATEGORY_NOT_DIGIT: "abcxyz",
    sre_constants.CATEGORY_NOT_WORD: "-. ",
    sre_constants.CATEGORY_NOT_SPACE: "abc123",
}


def from_pattern(pattern: str, rng: random.Random) -> str:
    """A string that `pattern` matches (JSON Schema patterns are searched, not anchored)."""
    try:
        text = "".join(_emit(sre_parse.parse(pattern), rng))
    except (re.error, KeyError, ValueError, TypeError) as exc:
        raise ValueError(f"cannot build a value for the pattern {pattern!r} ({exc})") from None
    if re.search(pattern, text) is None:
        raise ValueError(f"cannot build a value for the pattern {pattern!r}")
    return text


def _emit(parsed: Any, rng: random.Random) -> Iterator[str]:
    for op, arg in parsed:
        if op is sre_constants.LITERAL:
            yield chr(arg)
        elif op is sre_constants.NOT_LITERAL:
            yield "a" if arg != ord("a") else "b"
        elif op is sre_constants.ANY:
            yield "x"
        elif op is sre_constants.IN:
            yield _one_of(arg, rng)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, sub = arg
            high = low + 3 if high is sre_constants.MAXREPEAT else high
            for _ in range(rng.randint(low, max(low, min(high, low + 3)))):
                yield from _emit(sub, rng)
        elif op is sre_constants.SUBPATTERN:
            yield from _emit(arg[-1], rng)
        elif op is sre_constants.BRANCH:
            yield from _emit(rng.choice(arg[1]), rng)
        elif op is sre_constants.CATEGORY:
            yield rng.choice(_CATEGORIES[arg])
        elif op is not sre_constants.AT:  # anchors emit nothing
            raise ValueError(f"unsupported construct {op}")


def _one_of(items: Any, rng: random.Random) -> str:
    if items and items[0][0] is sre_constants.NEGATE:
        excluded = {chr(v) for op, v in items[1:] if op is sre_constants.LITERAL}
        return next(c for c in "azAZ09_-" if c not in excluded)
    op, arg = rng.choice(items)
    if op is sre_constants.LITERAL:
        return chr(arg)
    if op is sre_constants.RANGE:
        return chr(rng.randint(arg[0], arg[1]))
    if op is sre_constants.CATEGORY:
        return rng.choice(_CATEGORIES[arg])
    raise ValueError(f"unsupported set member {op}")
