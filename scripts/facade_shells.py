"""Write the facade's typed resources from the spec's shape and openapi/operations.toml.

For each API, one module `facade/agent_executions/_generated/<api>.py` with a sync and an
async class per resource and one method per operation: every field of the operation is a
typed keyword argument (an enum a `Literal` of its values, an object a `TypedDict`), with the
spec's description in the docstring; the body checks the arguments (`_call.prepare`) and
hands them to the API's rules module or sends the request. The logic lives in the
hand-written core; these shells only carry signatures, so a release's new filter or body
field is a typed argument after `make regen`, with no hand edit.
"""

from __future__ import annotations

import ast
import builtins
import json
import keyword
import re
import textwrap
import tomllib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

TABLE_FILE = "operations.toml"
STYLES = ("request", "pages", "wait", "run")
READS = ("json", "nothing", "location")
OPERATION_KEYS = frozenset(
    {
        "operation",
        "style",
        "build",
        "returns",
        "parse",
        "reads",
        "arguments",
        "hide",
        "rename",
        "defaults",
        "closed",
        "doc",
    }
)
RESOURCE_KEYS = frozenset({"sync", "async", "doc"})
API_KEYS = frozenset({"rules", "imports", "rule_types"})
WIDTH = 100
BUILTIN_TYPES = frozenset({"list", "dict", "set", "tuple", "str", "int", "float", "bool", "type"})
PER_CALL = ("timeout: float | httpx.Timeout | None = None", "max_retries: int | None = None")
"""Every method's settings for that one call (the client's when None), after `extra_headers`; a method
whose own `arguments` has a `timeout` (a wait's bound) keeps that one."""
RESERVED = frozenset(
    {
        "self",
        "call",
        "core",
        "extra_query",
        "extra_headers",
        "rules",
        "prepare",
        "RequestOptions",
        "ExtraQuery",
        "ExtraHeaders",
    }
    | {"builtins", "datetime", "uuid", "Iterable", "Mapping", "Any", "Literal", "TypedDict"}
)
"""Names the generated module uses: an argument named so would shadow it inside the method."""


class TableError(ValueError):
    """openapi/operations.toml is wrong in itself (an unknown key, a rule the rules module lacks...)."""


class ReleaseMismatch(TableError):
    """openapi/operations.toml does not fit this release of the spec (an operationId or a field it
    names is gone, a new field takes a name the facade uses): the release breaks the facade."""


def load_table(openapi_dir: Path) -> dict[str, Any]:
    path = openapi_dir / TABLE_FILE
    try:
        table: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TableError(f"{path} is missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise TableError(f"{path.name} is not valid TOML ({exc})") from None
    return table


def resources_of(entry: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, value in entry.items():
        if isinstance(value, dict):
            yield name, value


def methods_of(resource: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, value in resource.items():
        if isinstance(value, dict):
            yield name, value


def _annotation(field: dict[str, Any], module: Module) -> str:
    kind = field["kind"]
    if kind == "choice":
        one = module.literals[_enum_key(field)]
        if _enum_key(field) in module.enum_types:  # the generated enum's members are accepted too
            one = f"{one} | {module.enum_types[_enum_key(field)]}"
    elif kind == "object":
        one = module.params[field["object_key"]]
    else:
        one = {
            "uuid": "str | uuid.UUID",
            "datetime": "datetime.datetime",
            "text": "str",
            "int": "int",
            "number": "float",
            "bool": "bool",
            "json": "Any",
            "json_object": "Mapping[str, Any]",
            "text_map": "Mapping[str, str]",
        }[kind]
    if field.get("many"):
        return f"{one} | Iterable[{one}]"
    return one


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", name) if part)


def _enum_key(field: dict[str, Any]) -> str:
    """What a Literal alias stands for: the enum's schema, else the inline enum's field and values; so
    a release adding a value to a named enum keeps its alias's name (an inline enum's alias is its
    own, whatever values a named one has: a value added to either changes nothing for the other)."""
    return field.get("enum_name") or f"{field['name']}:{'|'.join(field['choices'])}"


def _str_enums(source: str) -> Iterator[tuple[str, frozenset[str]]]:
    """The `StrEnum` (or `str, Enum`) classes of a generated module, with their members' values."""
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        bases = {base.id for base in node.bases if isinstance(base, ast.Name)}
        if bases in ({"StrEnum"}, {"str", "Enum"}):
            values = [
                item.value.value
                for item in node.body
                if isinstance(item, ast.Assign)
                and isinstance(item.value, ast.Constant)
                and isinstance(item.value.value, str)
            ]
            yield node.name, frozenset(values)


def enum_classes(package_dir: Path, class_overrides: Mapping[str, Any]) -> dict[str, tuple[str, frozenset[str]]]:
    """The generated package's enum class of each named enum schema, by schema name, found as the
    generator names it (the PascalCase of the schema's name, then `class_overrides`); a schema
    whose class is not found with exactly its values gets none (the Literal alone). Each comes with
    its values."""
    found: dict[str, frozenset[str]] = {}
    for module in sorted((package_dir / "models").glob("*.py")):
        found.update(_str_enums(module.read_text(encoding="utf-8")))
    schemas = {}
    for name, schema in _named_enums(package_dir):
        pascal = _pascal(name)
        override = class_overrides.get(pascal)
        class_name = override.get("class_name", pascal) if isinstance(override, dict) else pascal
        if found.get(class_name) == frozenset(schema):
            schemas[name] = (class_name, frozenset(schema))
    return schemas


def _named_enums(package_dir: Path) -> Iterator[tuple[str, list[str]]]:
    doc = json.loads((package_dir / "openapi.json").read_text(encoding="utf-8"))
    for name, schema in (doc.get("components", {}).get("schemas") or {}).items():
        if isinstance(schema, dict) and isinstance(schema.get("enum"), list):
            yield name, [v for v in schema["enum"] if isinstance(v, str)]


def defined_names(path: Path) -> frozenset[str] | None:
    """The top-level names of the module at `path` (None when it is not there to read)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return None
    return defined_names_of(tree)


def defined_names_of(tree: ast.Module) -> frozenset[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return frozenset(names)


class Module:
    """Collects the names the generated module defines (Literal aliases, TypedDicts) while methods render."""

    def __init__(
        self, enum_types: Mapping[str, tuple[str, frozenset[str]]] | None = None, rules: frozenset[str] | None = None
    ) -> None:
        self.literals: dict[str, str] = {}
        self.choices: dict[str, tuple[str, ...]] = {}
        self.enum_types = {name: class_name for name, (class_name, _) in (enum_types or {}).items()}
        self.arguments: list[tuple[str, list[str], list[str]]] = []
        """Each method's (where, the spec's fields' argument names, the table's own arguments)."""
        self.rules = rules
        self.params: dict[str, str] = {}
        self.param_blocks: list[str] = []
        self.taken: set[str] = set()

    def literal_for(self, field: dict[str, Any]) -> None:
        key = _enum_key(field)
        if key in self.literals:
            return
        base = _pascal((field.get("enum_name") or "").rsplit(".", 1)[-1] or field["name"]) + "Value"
        name, count = base, 2
        while name in self.taken:
            name, count = f"{base}{count}", count + 1
        self.taken.add(name)
        self.literals[key] = name
        self.choices[key] = tuple(field["choices"])

    def types_for(self, field: dict[str, Any]) -> None:
        """Define what `field`'s annotation names: a Literal alias, a TypedDict (its fields first)."""
        if field["kind"] == "choice":
            self.literal_for(field)
        if field["kind"] != "object":
            return
        for inner in field["fields"]:
            self.types_for(inner)
        key = field.get("object_name") or field["name"]
        field["object_key"] = key
        if key in self.params:
            return
        base = _pascal(key.rsplit(".", 1)[-1]) + "Param"
        name, count = base, 2
        while name in self.taken:
            name, count = f"{base}{count}", count + 1
        self.taken.add(name)
        self.params[key] = name
        lines = [f"class {name}(TypedDict, total=False):"]
        lines += _docstring(field.get("description") or f"The fields of `{field['name']}`.", "    ")
        for inner in field["fields"]:
            lines.append(f"    {inner['name']}: {_annotation(inner, self)}")
            if inner.get("description"):
                lines += _docstring(inner["description"], "    ")
        self.param_blocks.append("\n".join(lines))


def _docstring(text: str, indent: str) -> list[str]:
    """`text` as a docstring at `indent`: backslashes and triple quotes escaped, wrapped to WIDTH."""
    text = textwrap.dedent(text).strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if "\n" not in text and len(indent) + len(text) + 6 <= WIDTH and not text.endswith('"'):
        return [f'{indent}"""{text}"""']
    lines = [f'{indent}"""']
    for paragraph in text.split("\n\n"):
        if lines[-1] != f'{indent}"""':
            lines.append("")
        raw = paragraph.splitlines()
        if any(line.startswith(("    ", "-")) for line in raw):  # pre-formatted: kept as written
            lines += [f"{indent}{line}".rstrip() for line in raw]
        else:
            lines += textwrap.wrap(
                " ".join(raw), WIDTH, initial_indent=indent, subsequent_indent=indent, break_long_words=False
            )
    lines[1] = lines[1].replace(indent, indent + '"""', 1)
    del lines[0]
    lines.append(f'{indent}"""')
    return lines


def _parameter_name(text: str) -> str:
    return text.split(":", 1)[0].strip()


def check_entry(
    where: str, method: dict[str, Any], operations: dict[str, Any], rules: frozenset[str] | None = None
) -> dict[str, Any]:
    unknown = set(method) - OPERATION_KEYS
    if unknown:
        raise TableError(f"{where}: unknown key {', '.join(sorted(unknown))}")
    operation_id = method.get("operation")
    if not isinstance(operation_id, str):
        raise TableError(f"{where}: needs `operation`, the spec's operationId it wraps")
    if operation_id not in operations:
        raise ReleaseMismatch(
            f"{where}: the spec has no operation {operation_id!r} (renamed or removed by this release?);"
            f" the facade wraps it, so this release breaks `{where.split('.', 1)[1]}`: name the operation's"
            f" new operationId in {TABLE_FILE}"
        )
    style = method.get("style", "request")
    if style not in STYLES:
        raise TableError(f"{where}: style must be one of {', '.join(STYLES)}, not {style!r}")
    if method.get("reads", "json") not in READS:
        raise TableError(f"{where}: reads must be one of {', '.join(READS)}")
    if style != "request" and "build" not in method:
        raise TableError(f"{where}: style {style!r} needs `build`")
    for key in ("build", "parse"):
        if key in method and not (isinstance(method[key], str) and method[key].isidentifier()):
            raise TableError(f"{where}: {key} must name a function of the rules module, not {method[key]!r}")
        if key in method and rules is not None and method[key] not in rules:
            raise TableError(f"{where}: {key} names {method[key]!r}, which the rules module does not define")
    for text in method.get("arguments", []):
        try:
            ast.parse(f"def f(*, {text}): pass")
        except SyntaxError:
            raise TableError(
                f"{where}: the argument {text!r} is not a Python parameter (`name: type = default`)"
            ) from None
    fields: dict[str, Any] = {}
    for field in operations[operation_id]["fields"]:
        if field["name"] in fields:  # `outcomeLabel` and `outcome_label`, or a query and a body `inputs`
            other = fields[field["name"]]
            raise ReleaseMismatch(
                f"{where}: the spec's {other['in']} field {other['wire']!r} and {field['in']} field"
                f" {field['wire']!r} would both be the argument {field['name']!r}; the facade cannot tell them apart"
            )
        fields[field["name"]] = field
    for key in ("hide", "rename", "defaults"):
        for name in method.get(key, {}):
            if name not in fields:
                raise ReleaseMismatch(f"{where}: {key} names {name!r}, which {operation_id} does not have in the spec")
    for name in method.get("closed", []):
        if name not in fields or fields[name]["kind"] != "choice":
            raise ReleaseMismatch(f"{where}: closed names {name!r}, which is not an enum field of {operation_id}")
    for name, value in method.get("defaults", {}).items():
        field = fields[name]
        if field["kind"] == "choice" and value not in field["choices"]:
            raise ReleaseMismatch(
                f"{where}: the default of {name!r}, {value!r}, is not one of the spec's values"
                f" ({', '.join(field['choices'])})"
            )
        kinds = {"int": int, "number": int | float, "bool": bool, "text": str, "choice": str}
        if field["kind"] not in kinds or not isinstance(value, kinds[field["kind"]]) or field.get("many"):
            raise TableError(f"{where}: the default of {name!r} must be a plain {field['kind']} value, not {value!r}")
    own = {_parameter_name(text) for text in method.get("arguments", [])}
    for name in method.get("hide", {}):
        field = fields[name]
        if (field["required"] or field["in"] == "path") and "build" not in method and name not in own:
            raise ReleaseMismatch(
                f"{where}: hides the required {field['in']} field {name!r}, which only a `build` rule or an own"
                " argument of that name can send"
            )
    return fields


def render_method(
    api: str,
    resource: str,
    name: str,
    method: dict[str, Any],
    operations: dict[str, Any],
    module: Module,
    is_async: bool,
    shadows: frozenset[str] = frozenset(),
    raw: bool = False,
) -> str:
    """One method; `raw`: its `with_raw_response` twin, returning the `RawResponse` of its request."""
    where = f"{api}.{resource}.{name}"
    fields = check_entry(where, method, operations, module.rules)
    operation_id = method["operation"]
    style = method.get("style", "request")
    hidden = method.get("hide", {})
    rename = method.get("rename", {})
    defaults = method.get("defaults", {})
    own = [text.strip() for text in method.get("arguments", [])]
    own_names = [_parameter_name(text) for text in own]
    taken = [n for n in own_names if n in fields and n not in hidden]
    if taken:  # a spec field the facade's own argument would silently swallow (a release's new `limit`)
        raise ReleaseMismatch(
            f"{where}: the spec's field {taken[0]!r} has the name of the facade's own argument; hide it in"
            f" {TABLE_FILE} with a reason (the argument replaces it) or rename it"
        )
    generic = [f for n, f in fields.items() if n not in hidden]
    for field in generic:
        module.types_for(field)
        if field["kind"] == "json" and field["in"] == "query":
            raise ReleaseMismatch(
                f"{where}: query parameter {field['name']!r} has a schema the facade cannot send; hide it"
            )

    def arg(field: dict[str, Any]) -> str:
        return rename.get(field["name"], field["name"])

    for field in generic:
        if keyword.iskeyword(arg(field)) or arg(field) in RESERVED or not arg(field).isidentifier():
            raise ReleaseMismatch(f"{where}: the field {field['name']!r} needs a `rename` (it is a reserved name)")
    settings = [s for s in PER_CALL if _parameter_name(s) not in own_names]  # `wait`'s own timeout stays
    module.arguments.append((where, [arg(field) for field in generic], own))
    names = [arg(field) for field in generic] + own_names + [_parameter_name(s) for s in settings]
    if len(set(names)) != len(names):
        twice = sorted({n for n in names if names.count(n) > 1})
        raise ReleaseMismatch(f"{where}: two arguments would be named {twice[0]!r}; `rename` one of them")
    positional = [f for f in generic if f["in"] == "path"] + [f for f in generic if f["in"] == "body" and f["required"]]
    keywords = [f for f in generic if f not in positional]
    signature = ["self"]
    for field in positional:
        signature.append(f"{arg(field)}: {_annotation(field, module)}")
    signature.append("*")
    for field in keywords:
        annotation = _annotation(field, module)
        if field["name"] in defaults:
            signature.append(f"{arg(field)}: {annotation} = {defaults[field['name']]!r}")
        elif field["required"]:
            signature.append(f"{arg(field)}: {annotation}")
        else:
            signature.append(f"{arg(field)}: {annotation} | None = None")
    signature += own
    signature += ["extra_query: ExtraQuery | None = None", "extra_headers: ExtraHeaders | None = None", *settings]
    returns = method.get("returns", "None")
    for shadowed in shadows:  # a method named `list` hides the builtin in the class body's annotations
        returns = re.sub(rf"(?<![.\w]){shadowed}\[", f"builtins.{shadowed}[", returns)
    result = {"pages": f"AsyncPager[{returns}]" if is_async else f"SyncPager[{returns}]"}.get(style, returns)
    if raw:
        result = f"RawResponse[{returns}]"
    coroutine = is_async and style != "pages"  # an async listing is an AsyncPager, not awaited
    head = f"    {'async ' if coroutine else ''}def {name}(\n" + "".join(f"        {p},\n" for p in signature)
    head += f"    ) -> {result}:"
    doc = method.get("doc", "").strip() or f"`{operation_id}`."
    described = [f for f in generic if f.get("description")]
    if raw:
        doc = f"`{name}`, returning the HTTP response beside the answer (`.parse()`)."
        described = []
    if described:
        doc += "\n\nArgs:\n" + "\n".join(
            textwrap.fill(
                f"{arg(f)}: {f['description']}", WIDTH - 8, initial_indent="    ", subsequent_indent="        "
            )
            for f in described
        )
    lines = [head, *_docstring(doc, "        ")]
    values = ", ".join(f'"{f["name"]}": {arg(f)}' for f in generic)
    options = "RequestOptions.of(extra_query, extra_headers, auth_header=rules.SHAPE.auth_header)"
    extras = []
    labels = {f["name"]: arg(f) for f in generic if arg(f) != f["name"]}
    if labels:
        extras.append(f"labels={labels!r}")
    if method.get("closed"):
        extras.append(f"closed={tuple(method['closed'])!r}")
    defaulted = tuple(name for name in defaults if name not in method.get("closed", []) and name not in hidden)
    if defaulted:
        extras.append(f"defaulted={defaulted!r}")
    tail = "".join(f", {extra}" for extra in extras)
    lines.append(f'        call = prepare(rules.SHAPE.operation("{operation_id}"), {{{values}}}, {options}{tail})')
    given = ", ".join(f"{n}={n}" for n in own_names)
    built = f"rules.{method['build']}(call{', ' + given if given else ''})" if "build" in method else None
    awaited = "await " if is_async else ""
    mine = {_parameter_name(setting) for setting in settings}
    given_settings = ", ".join(name if name in mine else "None" for name in map(_parameter_name, PER_CALL))
    lines.append(f"        core = self._core.with_settings({given_settings})")
    if style == "request":
        if built is None:
            reads = method.get("reads", "json")
            parse = method.get("parse")
            if parse:
                parser = f"rules.{parse}"
            elif reads == "nothing" or returns == "None":
                parser = "rules.nothing"
            else:
                parser = f"{returns}.from_dict"
            op = f"call.operation({parser}" + (f', reads="{reads}")' if reads != "json" else ")")
        else:
            op = built
        lines.append(f"        return {awaited}core.{'request_raw' if raw else 'request'}({op})")
    elif style == "pages":
        lines.append(f"        return self._pages({built}, core)")
    elif style == "wait":
        lines.append(f"        return {awaited}{'async_' if is_async else ''}wait_for(core, {built})")
    else:
        lines.append(f"        return {awaited}{'async_' if is_async else ''}start_and_wait(core, {built})")
    return "\n".join(lines)


def render(
    api: str,
    title: str,
    shape: dict[str, Any],
    table: dict[str, Any],
    raw_package: str,
    *,
    enum_types: Mapping[str, tuple[str, frozenset[str]]] | None = None,
    names_of: Callable[[str], frozenset[str] | None] | None = None,
) -> str:
    """The generated resources module of `api`: `enum_types` gives the generated enum class of a named
    enum schema (`enum_classes`), `names_of` the top-level names of a facade module by its name
    (`defined_names`), to check what the table names; without it, nothing is checked against them."""
    entry = table.get(api)
    if not isinstance(entry, dict):
        raise TableError(f"{TABLE_FILE} has no [{api}] table")
    unknown = {k for k, v in entry.items() if not isinstance(v, dict)} - API_KEYS
    if unknown:
        raise TableError(f"[{api}]: unknown key {', '.join(sorted(unknown))}")
    rules = entry.get("rules")
    if not isinstance(rules, str) or not rules.isidentifier():
        raise TableError(f'[{api}]: `rules` must name the rules module (say "_{api}")')
    operations = shape["OPERATIONS"]
    module = Module(enum_types, names_of(rules) if names_of else None)
    classes: list[str] = []
    returns: set[str] = set()
    for resource, spec in resources_of(entry):
        unknown = {k for k, v in spec.items() if not isinstance(v, dict)} - RESOURCE_KEYS
        if unknown or "sync" not in spec or "async" not in spec:
            raise TableError(f"[{api}.{resource}]: needs `sync` and `async` class names (and optionally `doc`)")
        for is_async, base in ((False, "SyncResource"), (True, "AsyncResource")):
            class_name = spec["async" if is_async else "sync"]
            client = f"{'Async' if is_async else ''}{_pascal(api)}Client"
            doc = f"`client.{resource}` of `{client}`: {spec.get('doc', '').strip()}"
            lines = [f"class {class_name}({base}):", *_docstring(doc, "    ")]
            shadows = frozenset(name for name, _ in methods_of(spec) if name in BUILTIN_TYPES)
            raw_class = f"{class_name}WithRawResponse"
            lines += [
                "",
                "    @property",
                f"    def with_raw_response(self) -> {raw_class}:",
                '        """The same requests, each returning the HTTP response beside the answer (`RawResponse`)."""',
                f"        return {raw_class}(self._core)",
            ]
            raw_lines = [
                f"class {raw_class}({base}):",
                *_docstring(f"`client.{resource}.with_raw_response` of `{client}`.", "    "),
            ]
            for name, method in methods_of(spec):
                lines += ["", render_method(api, resource, name, method, operations, module, is_async, shadows)]
                returns.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", method.get("returns", "None")))
                if method.get("style", "request") == "request":
                    raw_lines += [
                        "",
                        render_method(api, resource, name, method, operations, module, is_async, shadows, raw=True),
                    ]
            classes.append("\n".join(lines))
            classes.append("\n".join(raw_lines))
    rule_types = set(entry.get("rule_types", []))
    models = sorted(returns - rule_types - {"None", "list", "str", "int", "dict", "bool"})
    if names_of is not None:
        check_names(api, entry, models, rule_types, names_of)
    header = [
        f'"""The typed resources of the {title} clients: generated from the pinned spec and',
        f"openapi/{TABLE_FILE} by scripts/regenerate.py (scripts/facade_shells.py). Never edit it by hand:",
        f'change the table, the spec normalization or the rules module `agent_executions.{rules}`."""',
        "",
        "from __future__ import annotations",
        "",
        "import builtins",
        "import datetime",
        "import uuid",
        "",
        "import httpx",
        "from collections.abc import Iterable, Mapping",
        "from typing import Any, Literal, TypedDict",
        "",
        f"from .. import {rules} as rules",
        "from .._arguments import ExtraHeaders, ExtraQuery",
        "from .._call import RequestOptions, prepare",
        "from .._core import RawResponse",
        *entry.get("imports", []),
        "from ..pagination import AsyncPager, AsyncResource, SyncPager, SyncResource",
        "from ..waiting import async_start_and_wait, async_wait_for, start_and_wait, wait_for",
    ]
    if models:
        header.append(f"from ..models import {', '.join(models)}")
    if rule_types:
        header.append(f"from ..{rules} import {', '.join(sorted(rule_types))}")
    used = sorted({module.enum_types[key] for key in module.literals if key in module.enum_types})
    if used:
        header.append(f"from {raw_package}.models import {', '.join(used)}")
    header.append("")
    aliases = [
        f"{name} = Literal[{', '.join(repr(v) for v in module.choices[key])}]" for key, name in module.literals.items()
    ]
    names = [*module.literals.values(), *module.params.values(), *(c.split("(", 1)[0][6:] for c in classes)]
    body = [
        "\n".join(header),
        "\n".join(aliases),
        *module.param_blocks,
        *classes,
        "__all__ = [" + ", ".join(f'"{n}"' for n in sorted(names)) + "]",
    ]
    text = "\n\n\n".join(part for part in body if part) + "\n"
    check_arguments(module, text)
    return text


def check_names(
    api: str,
    entry: dict[str, Any],
    models: list[str],
    rule_types: set[str],
    names_of: Callable[[str], frozenset[str] | None],
) -> None:
    """What the table names in the facade exists there: each `returns` model, each rule type, each
    `imports` line's names (a mistake in the table, found before the module is written)."""
    rules = entry["rules"]
    exported = names_of("models") or frozenset()
    missing = [name for name in models if name not in exported]
    if missing:
        raise TableError(f"[{api}]: returns names {missing[0]!r}, which agent_executions.models does not define")
    missing = sorted(rule_types - (names_of(rules) or frozenset()))
    if missing:
        raise TableError(f"[{api}]: rule_types names {missing[0]!r}, which {rules} does not define")
    for line in entry.get("imports", []):
        try:
            node = ast.parse(line).body
        except SyntaxError:
            node = []
        if len(node) != 1 or not isinstance(node[0], ast.ImportFrom) or node[0].level != 2 or not node[0].module:
            raise TableError(f"[{api}]: imports takes lines like `from .._constants import NAME`, not {line!r}")
        found = names_of(node[0].module)
        lacking = [alias.name for alias in node[0].names if found is None or alias.name not in found]
        if lacking:
            raise TableError(f"[{api}]: imports names {lacking[0]!r}, which {node[0].module} does not define")


def check_arguments(module: Module, text: str) -> None:
    """No argument shadows a name the generated module uses (`wait_for`, a model, `rules`...), and
    the names in an own argument's annotation and default are defined there."""
    defined = defined_names_of(ast.parse(text)) | RESERVED
    known = defined | set(dir(builtins))
    for where, spec_names, own in module.arguments:
        for name in spec_names:
            if name in defined:
                raise ReleaseMismatch(
                    f"{where}: the spec's field {name!r} has the name of one the generated module uses; `rename` it"
                )
        for text_ in own:
            parameter = ast.parse(f"def f(*, {text_}): pass").body[0]
            assert isinstance(parameter, ast.FunctionDef)
            argument = parameter.args.kwonlyargs[0]
            if argument.arg in defined:
                raise TableError(
                    f"{where}: the argument {argument.arg!r} has the name of one the generated module uses"
                )
            used = [
                n.id
                for part in (argument.annotation, *parameter.args.kw_defaults)
                if part
                for n in ast.walk(part)
                if isinstance(n, ast.Name)
            ]
            unknown = [name for name in used if name not in known]
            if unknown:
                raise TableError(
                    f"{where}: the argument {text_!r} names {unknown[0]!r}, which the generated module lacks"
                )
