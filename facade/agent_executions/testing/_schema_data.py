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
import ipaddress
import math
import random
import re
import uuid
from collections.abc import Callable, Collection, Iterator
from typing import Any

from openapi_schema_validator import OAS30Validator, OAS31Validator, oas30_format_checker, oas31_format_checker

# The regular-expression parser behind `re` (its public alias `sre_parse` is deprecated).
sre_parse: Any = importlib.import_module("re._parser")
sre_constants: Any = importlib.import_module("re._constants")

JSON = dict[str, Any]
MAX_DEPTH = 6
"""Below this depth only required properties and minimal arrays are built (recursive schemas)."""
OPTIONAL_CHANCE = 1 / 3
"""The share of items that get the optional properties the fake does not know."""
_EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
MAX_DRAWS = 40
"""Random draws tried for one value before the schema is declared unbuildable."""


class UnbuildableValue(ValueError):
    """No value that validates against a schema could be built; says where and which constraint."""


class SchemaData:
    """Reads schemas of one OpenAPI document and builds values that validate against them."""

    def __init__(self, spec: JSON, seed: int) -> None:
        self.spec = spec
        self.seed = seed
        self._validators: dict[int, tuple[Any, Any]] = {}

    def is_valid(self, value: Any, schema: Any) -> bool:
        """Whether `value` validates against `schema` (its `$ref`s resolved in this document), formats included."""
        cached = self._validators.get(id(schema))
        if cached is None or cached[0] is not schema:
            root = {**schema, "components": self.spec.get("components") or {}} if isinstance(schema, dict) else {}
            v31 = str(self.spec.get("openapi", "3.1")).startswith("3.1")
            kind, checker = (OAS31Validator, oas31_format_checker) if v31 else (OAS30Validator, oas30_format_checker)
            cached = (schema, kind(root, format_checker=checker))
            self._validators[id(schema)] = cached
        return bool(cached[1].is_valid(value))

    def first_error(self, value: Any, schema: Any) -> str:
        """The constraint `value` breaks in `schema`, in a few words."""
        self.is_valid(value, schema)
        error = next(iter(self._validators[id(schema)][1].iter_errors(value)), None)
        return f"{error.validator} {error.validator_value!r}" if error is not None else "none"

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
        self._complete(value, self.merged(schema), rng, 0, set(known) if extras else None, "$")
        return value

    def _complete(
        self, value: Any, schema: JSON, rng: random.Random, depth: int, skip: set[str] | None, where: str
    ) -> None:
        if isinstance(value, list):
            items = schema.get("items")
            for index, element in enumerate(value):
                self._complete(element, self.merged(items), rng, depth + 1, None, f"{where}[{index}]")
            return
        if not isinstance(value, dict):
            return
        schema = self._branch_for(value, schema)
        props, required = self.properties(schema)
        for name, prop_schema in props.items():
            if name in value:
                self._complete(value[name], self.merged(prop_schema), rng, depth + 1, None, f"{where}.{name}")
            elif name in required or (skip is not None and name not in skip):
                self._put(value, name, prop_schema, rng, depth + 1, where, name in required)

    def _branch_for(self, value: JSON, schema: JSON) -> JSON:
        """The `oneOf` branch `value` belongs to, by its discriminator; `schema` itself otherwise."""
        if "oneOf" not in schema:
            return schema
        prop = (schema.get("discriminator") or {}).get("propertyName")
        branches = self.branches(schema)
        if prop and str(value.get(prop)) in branches:
            return branches[str(value[prop])]
        return {}  # a value of a variant this spec does not know: nothing to add

    def example(self, schema: Any, rng: random.Random, depth: int = 0, where: str = "$") -> Any:
        """A value of `schema`, from the schema alone; `UnbuildableValue` names `where` when none validates."""
        original = schema
        schema = self.merged(schema)
        enum = self.enum_values(schema)
        if enum:
            return rng.choice(enum)
        if "oneOf" in schema or "anyOf" in schema:
            branches = list(self.branches(schema).values()) or [
                self.resolve(b) for b in schema.get("oneOf") or schema.get("anyOf") or [] if not _is_null(b)
            ]
            return self.example(rng.choice(branches), rng, depth, where) if branches else None
        kind = _type_of(schema)
        if kind == "object":
            return self._object(schema, rng, depth, where)
        if kind == "array":
            return self._verified(original, where, lambda: self._array(schema, rng, depth, where))
        if kind == "string":
            patterns = self._patterns(original)
            return self._verified(original, where, lambda: _string(schema, patterns, rng))
        if kind in ("integer", "number"):
            return self._verified(original, where, lambda: _number(schema, kind, rng))
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "null":
            return None
        return {}  # no type: any JSON value is valid

    def _verified(self, schema: Any, where: str, draw: Callable[[], Any]) -> Any:
        """The first of `MAX_DRAWS` draws that validates against `schema`."""
        last: Any = None
        problem = ""
        for _ in range(MAX_DRAWS):
            try:
                last = draw()
            except UnbuildableValue:
                raise  # a nested value already had its draws: no retries multiplied by depth
            except ValueError as exc:
                problem = str(exc)
                continue
            if self.is_valid(last, schema):
                return last
        if not problem:
            problem = f"{MAX_DRAWS} values tried, the last ({last!r}) breaks {self.first_error(last, schema)}"
        raise UnbuildableValue(f"cannot build a value for {where}: {problem}")

    def _patterns(self, schema: Any) -> list[str]:
        """Every `pattern` of the schema and of its `allOf` parts, at any depth."""
        resolved = self.resolve(schema)
        found = [resolved["pattern"]] if isinstance(resolved.get("pattern"), str) else []
        for part in resolved.get("allOf") or []:
            found += [pattern for pattern in self._patterns(part) if pattern not in found]
        return found

    def _array(self, schema: JSON, rng: random.Random, depth: int, where: str) -> list[Any]:
        count = max(int(schema.get("minItems", 0)), 0 if depth >= MAX_DEPTH else rng.randint(1, 2))
        count = min(count, int(schema.get("maxItems", count)))
        items: list[Any] = []
        for index in range(count):
            for _ in range(MAX_DRAWS):  # `uniqueItems`: draw again until the element is new
                element = self.example(schema.get("items", {}), rng, depth + 1, f"{where}[{index}]")
                if not schema.get("uniqueItems") or element not in items:
                    break
            items.append(element)
        return items

    def _object(self, schema: JSON, rng: random.Random, depth: int, where: str) -> JSON:
        props, required = self.properties(schema)
        value: JSON = {}
        for name, prop_schema in props.items():
            if name in required or (depth < MAX_DEPTH and rng.random() < 0.5):
                self._put(value, name, prop_schema, rng, depth + 1, where, name in required)
        extra = schema.get("additionalProperties")
        if not props and isinstance(extra, dict) and depth < MAX_DEPTH:
            for i in range(1, 3):
                self._put(value, f"key{i}", extra, rng, depth + 1, where, False)
        return value

    def _put(
        self, value: JSON, name: str, schema: Any, rng: random.Random, depth: int, where: str, needed: bool
    ) -> None:
        """Set `value[name]` from its schema; an optional property nothing valid can be built for is left out,
        so one impossible property does not make the fakes unusable."""
        try:
            value[name] = self.example(schema, rng, depth, f"{where}.{name}")
        except UnbuildableValue:
            if needed:
                raise


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


def _number(schema: JSON, kind: str, rng: random.Random) -> float | int:
    """A number within the bounds (exclusive ones excluded) and a multiple of `multipleOf`; checked by the caller."""
    low, high = float(schema.get("minimum", -math.inf)), float(schema.get("maximum", math.inf))
    exclusive_low, exclusive_high = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if isinstance(exclusive_low, (int, float)) and not isinstance(exclusive_low, bool):
        low = max(low, float(exclusive_low))
    if isinstance(exclusive_high, (int, float)) and not isinstance(exclusive_high, bool):
        high = min(high, float(exclusive_high))
    if math.isinf(low):  # unbounded below: from 0 when the upper bound allows it
        low = 0.0 if high > 0 else high - 1000.0
    if math.isinf(high):
        high = max(low, 0.0) + 1000.0
    step = schema.get("multipleOf") or (1 if kind == "integer" else None)
    if step is None:
        return round(rng.uniform(low, high), 3)
    first, last = math.ceil(low / step), math.floor(high / step)
    if first > last:
        raise ValueError(f"no multiple of {step} between {low} and {high}")
    value = rng.randint(first, last) * step
    return int(value) if kind == "integer" else value


_FORMATS: dict[str, Callable[[random.Random], str]] = {
    "date-time": lambda rng: (
        (_EPOCH + datetime.timedelta(seconds=rng.randint(0, 300 * 86400))).isoformat().replace("+00:00", "Z")
    ),
    "date": lambda rng: (_EPOCH + datetime.timedelta(days=rng.randint(0, 300))).date().isoformat(),
    "time": lambda rng: f"{rng.randint(0, 23):02}:{rng.randint(0, 59):02}:{rng.randint(0, 59):02}Z",
    "duration": lambda rng: f"PT{rng.randint(1, 3600)}S",
    "uuid": lambda rng: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    "uri": lambda rng: f"https://example.com/{rng.randint(1, 10**6)}",
    "url": lambda rng: f"https://example.com/{rng.randint(1, 10**6)}",
    "uri-reference": lambda rng: f"https://example.com/{rng.randint(1, 10**6)}",
    "iri": lambda rng: f"https://example.com/{rng.randint(1, 10**6)}",
    "email": lambda rng: f"user{rng.randint(1, 999)}@example.com",
    "idn-email": lambda rng: f"user{rng.randint(1, 999)}@example.com",
    "hostname": lambda rng: f"host{rng.randint(1, 999)}.example.com",
    "idn-hostname": lambda rng: f"host{rng.randint(1, 999)}.example.com",
    "ipv4": lambda rng: str(ipaddress.IPv4Address(rng.randint(0x0A000001, 0x0AFFFFFE))),
    "ipv6": lambda rng: str(ipaddress.IPv6Address((0x20010DB8 << 96) + rng.getrandbits(64))),
    "byte": lambda rng: "aGVsbG8=",
}


def _string(schema: JSON, patterns: list[str], rng: random.Random) -> str:
    """A string for the format, or every pattern (concatenated, padded to `minLength`); checked by the caller."""
    low, high = int(schema.get("minLength", 1)), schema.get("maxLength")
    if patterns:
        parts = [from_pattern(pattern, rng) for pattern in patterns]
        if len(parts) > 1 and rng.random() < 0.5:
            parts.reverse()
        text = "".join(parts)
        if len(text) < low:  # pad in the middle, where searched patterns anchored at either end still hold
            middle = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(low - len(text)))
            text = parts[0] + middle + "".join(parts[1:]) if len(parts) > 1 else text + middle
        return text
    build = _FORMATS.get(str(schema.get("format")))
    if build is not None:
        return build(rng)
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
        elif op not in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            # anchors and lookarounds emit nothing: the whole string is checked afterwards
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
