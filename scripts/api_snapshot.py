"""Write or check the snapshot of the public API of `agent_executions`.

    python scripts/api_snapshot.py          # rewrite docs/api/agent_executions.txt (make api-snapshot)
    python scripts/api_snapshot.py --check  # exit 1 with a unified diff when the code differs from it

The snapshot lists what users can reach: the names each public module exports in
`__all__`, and every class those names' signatures and attributes lead to, with its
methods' signatures and its attributes' types (inherited ones included). It is read
statically with griffe, which follows the facade's re-exports into the generated
models: a generated model is shown under the stable name the facade gives it, so
renaming a generated class changes nothing here unless its shape changes. Generated
classes the facade gives no stable name (inline objects such as an execution's
`inputs`) are shown under their generated name. Sorted, one fact per line, for diffs.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import griffe

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "docs" / "api" / "agent_executions.txt"
PACKAGE = "agent_executions"
SOURCES = ROOT / "openapi" / "sources.toml"


def generated_packages(sources: Path = SOURCES) -> tuple[str, ...]:
    """The raw packages of openapi/sources.toml, whose models the facade re-exports under stable names."""
    with sources.open("rb") as file:
        return tuple(str(entry["package"]) for entry in tomllib.load(file).values())


GENERATED = generated_packages()
SEARCH_PATHS = [ROOT / "facade", ROOT / "generated"]
UPDATE_COMMAND = "make api-snapshot"
LINE_LENGTH = 100  # longer signatures are written one parameter a line
# Protocol methods are API (iteration, `with`, `await`, `execution["key"]`); __repr__ and the like are not.
PROTOCOL_DUNDERS = frozenset(
    {
        "__init__",
        "__call__",
        "__iter__",
        "__aiter__",
        "__next__",
        "__anext__",
        "__await__",
        "__enter__",
        "__exit__",
        "__aenter__",
        "__aexit__",
        "__getitem__",
        "__setitem__",
        "__delitem__",
        "__contains__",
        "__len__",
    }
)
HEADER = f"""\
# The public API of agent_executions, as users reach it. Written by `{UPDATE_COMMAND}`
# (scripts/api_snapshot.py); `make test` fails when the code differs from it.
# Removing or changing anything here is a breaking change: a new major version (README, Versioning).
"""


def load(search_paths: list[Path] | None = None) -> griffe.Module:
    paths = search_paths or SEARCH_PATHS
    loader = griffe.GriffeLoader(search_paths=[str(path) for path in paths])
    package = loader.load(PACKAGE)
    for name in GENERATED:
        if any((path / name).is_dir() for path in paths):  # a source pinned for the first time has none yet
            loader.load(name)
    loader.resolve_aliases(external=False, implicit=False)
    assert isinstance(package, griffe.Module)
    return package


def is_public(name: str) -> bool:
    return not name.startswith("_")


def public_modules(module: griffe.Module) -> Iterator[griffe.Module]:
    yield module
    for name, member in sorted(module.members.items()):
        if is_public(name) and not member.is_alias and isinstance(member, griffe.Module):
            yield from public_modules(member)


def exported_names(module: griffe.Module) -> list[str]:
    exports = module.exports
    return sorted(str(name) for name in exports) if exports else []


class Snapshot:
    """Collects the exported names and the classes they lead to, then renders them."""

    def __init__(self, package: griffe.Module) -> None:
        self.package = package
        self.names: dict[str, str] = {}  # canonical path -> name shown
        self.home: dict[str, str] = {}  # canonical path -> where users find it
        self.exported: set[str] = set()  # canonical paths of the classes the public modules export
        self.pending: list[griffe.Object] = []
        self.seen: set[str] = set()

    # naming

    def follow(self, member: griffe.Object | griffe.Alias, path: str) -> tuple[griffe.Object, str]:
        """The object behind a re-export, and the last public facade path on the way (its stable home)."""
        home = path
        while isinstance(member, griffe.Alias):
            if is_public_path(member.target_path) and member.target_path.startswith(f"{PACKAGE}."):
                home = member.target_path
            member = member.target
        if is_public_path(member.path) and member.path.startswith(f"{PACKAGE}."):
            home = member.path
        return member, home

    def register(self) -> None:
        """Give every exported class its stable name first, so annotations anywhere can use it."""
        for module in public_modules(self.package):
            for name in exported_names(module):
                member = module.members.get(name)
                if member is None:
                    continue
                obj, home = self.follow(member, f"{module.path}.{name}")
                if isinstance(obj, griffe.Class) and obj.path not in self.home:
                    self.names[obj.path] = home.rsplit(".", 1)[1]
                    self.home[obj.path] = home
                    self.exported.add(obj.path)

    def name_for(self, obj: griffe.Object) -> str:
        if obj.path not in self.names:
            self.names[obj.path] = obj.name
            self.home[obj.path] = generated_home(obj)
        return self.names[obj.path]

    # rendering expressions

    def expr(self, value: Any, bound: dict[str, str] | None = None) -> str:
        """An annotation or value as written, with stable names and the type variables a subclass binds."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        parts: list[str] = []
        for part in value.iterate(flat=True):
            if isinstance(part, griffe.ExprName) and bound and part.name in bound:
                parts.append(bound[part.name])
            elif isinstance(part, griffe.ExprName):
                parts.append(self.expr_name(part))
            else:
                parts.append(str(part))
        return "".join(parts).replace("builtins.", "")  # `builtins.list` where a method `list` hides it

    def bindings(self, cls: griffe.Class, bound: dict[str, str] | None = None) -> dict[str, dict[str, str]]:
        """For each ancestor, its type variables as `cls` binds them (`_Executions[SyncPager[Execution]]`)."""
        found: dict[str, dict[str, str]] = {cls.path: bound or {}}
        for base in cls.bases:
            if not isinstance(base, griffe.ExprSubscript):
                continue
            try:
                target = self.package.modules_collection.get_member(base.left.canonical_path)
                while isinstance(target, griffe.Alias):
                    target = target.target
            except (KeyError, ValueError, AttributeError, griffe.AliasResolutionError, griffe.CyclicAliasError):
                continue
            if not isinstance(target, griffe.Class):
                continue
            names = type_parameters(target)
            args = base.slice.elements if isinstance(base.slice, griffe.ExprTuple) else [base.slice]
            if len(names) == len(args):
                binding = {name: self.expr(arg, bound) for name, arg in zip(names, args, strict=True)}
                found.update(self.bindings(target, binding))
        return found

    def expr_name(self, name: griffe.ExprName) -> str:
        try:
            target = self.package.modules_collection.get_member(name.canonical_path)
        except (KeyError, ValueError, AttributeError):
            return name.name
        while isinstance(target, griffe.Alias):
            try:
                target = target.target
            except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                return name.name
        if isinstance(target, griffe.Class) and is_ours(target.path):
            self.require(target)
            return self.name_for(target)
        return name.name

    def require(self, cls: griffe.Class) -> None:
        """Describe a class users reach; classes of private modules show only through what inherits them."""
        if cls.path not in self.seen and (cls.path in self.exported or is_public_path(cls.path)):
            self.seen.add(cls.path)
            self.pending.append(cls)

    # rendering objects

    def signature(self, function: griffe.Function, method: bool, bound: dict[str, str] | None = None) -> str:
        params = list(function.parameters)
        if method and params and "staticmethod" not in function.labels:
            params = params[1:]  # self or cls
        rendered: list[str] = []
        star_done = False
        for index, param in enumerate(params):
            kind = param.kind
            if kind is griffe.ParameterKind.keyword_only and not star_done:
                rendered.append("*")
                star_done = True
            text = param.name
            if kind is griffe.ParameterKind.var_positional:
                text, star_done = f"*{param.name}", True
            elif kind is griffe.ParameterKind.var_keyword:
                text = f"**{param.name}"
            if param.annotation is not None:
                text += f": {self.expr(param.annotation, bound)}"
            variadic = kind in (griffe.ParameterKind.var_positional, griffe.ParameterKind.var_keyword)
            if param.default is not None and not variadic:
                text += f" = {self.expr(param.default)}" if param.annotation is not None else f"={param.default}"
            rendered.append(text)
            following = params[index + 1] if index + 1 < len(params) else None
            if kind is griffe.ParameterKind.positional_only and (
                following is None or following.kind is not griffe.ParameterKind.positional_only
            ):
                rendered.append("/")
        returns = f" -> {self.expr(function.returns, bound)}" if function.returns is not None else ""
        one_line = f"({', '.join(rendered)}){returns}"
        if len(one_line) <= LINE_LENGTH:
            return one_line
        # One parameter a line: a diff then names the parameter that changed.
        return "(\n" + "".join(f"        {part},\n" for part in rendered) + f"    ){returns}"

    def function_line(self, function: griffe.Function, method: bool, bound: dict[str, str] | None = None) -> str:
        labels = function.labels
        if "property" in labels:
            return f"property {function.name}: {self.expr(function.returns, bound)}"
        prefix = "async def" if "async" in labels else "def"
        for label in ("classmethod", "staticmethod"):
            if label in labels:
                prefix = f"{label} {prefix}"
        return f"{prefix} {function.name}{self.signature(function, method, bound)}"

    def attribute_line(self, attribute: griffe.Attribute, show_value: bool, bound: dict[str, str] | None = None) -> str:
        """`name: type = value`; a union of models (a `oneOf`) one member a line, so a new variant is an
        added line (minor) and a removed one a removed line (major), not a changed one."""
        text = attribute.name
        value = f" = {self.expr(attribute.value)}" if show_value and attribute.value is not None else ""
        if attribute.annotation is not None:
            annotation = self.expr(attribute.annotation, bound)
            members = union_members(annotation)
            if len([m for m in members if m != "None"]) >= 2 and all(MODEL_NAME.fullmatch(m) for m in members):
                lines = "".join(f"\n        | {member}" for member in members)
                return f"{text}: ({lines}\n    ){value}"
            text += f": {annotation}"
        return text + value

    def class_block(self, cls: griffe.Class) -> list[str]:
        bases = [self.expr(base) for base in cls.bases]
        title = f"class {self.home_of(cls)}" + (f"({', '.join(bases)})" if bases else "")
        lines = [title]
        bindings = self.bindings(cls)
        for name, member in sorted(all_members(cls).items()):
            if not is_public(name) and name not in PROTOCOL_DUNDERS:
                continue
            try:
                target = member.final_target if isinstance(member, griffe.Alias) else member
            except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                continue
            if target.parent is None or not is_ours(f"{target.parent.path}."):
                continue  # inherited from str, Enum, Exception...: not ours to promise
            bound = bindings.get(target.parent.path)
            if isinstance(target, griffe.Function):
                lines.append(f"    {self.function_line(target, method=True, bound=bound)}")
            elif isinstance(target, griffe.Attribute):
                show_value = "class-attribute" in target.labels  # enum members, defaults of attrs fields
                lines.append(f"    {self.attribute_line(target, show_value=show_value, bound=bound)}")
        return lines

    def home_of(self, cls: griffe.Class) -> str:
        self.name_for(cls)
        return self.home[cls.path]

    def render(self) -> str:
        self.register()
        sections: list[str] = []
        for module in public_modules(self.package):
            names = exported_names(module)
            if not names:
                continue
            lines = [f"module {module.path}"]
            for name in names:
                member = module.members.get(name)
                if member is None:
                    lines.append(f"    {name}  # MISSING: in __all__ but not defined")
                    continue
                obj, home = self.follow(member, f"{module.path}.{name}")
                if isinstance(obj, griffe.Class):
                    self.require(obj)
                    lines.append(f"    class {name}" + ("" if home == f"{module.path}.{name}" else f" = {home}"))
                elif isinstance(obj, griffe.Function):
                    lines.append(f"    {self.function_line(obj, method=False)}")
                elif isinstance(obj, griffe.Attribute):
                    lines.append(f"    {self.attribute_line(obj, show_value=obj.annotation is None)}")
                else:
                    lines.append(f"    module {name}")
            sections.append("\n".join(lines))
        classes: dict[str, list[str]] = {}
        while self.pending:
            cls = self.pending.pop()
            assert isinstance(cls, griffe.Class)
            block = self.class_block(cls)
            classes[block[0]] = block
        sections += ["\n".join(classes[title]) for title in sorted(classes)]
        return HEADER + "\n" + "\n\n".join(sections) + "\n"


MODEL_NAME = re.compile(r"[A-Z]\w*|None")


def union_members(annotation: str) -> list[str]:
    """The members of a top-level `A | B | None` annotation (one member when it is not a union)."""
    return split_top(annotation, " | ")


def split_top(text: str, separator: str) -> list[str]:
    """`text` split at each `separator` outside brackets."""
    parts, depth, start, index = [], 0, 0, 0
    while index < len(text):
        char = text[index]
        if char in "[({":
            depth += 1
        elif char in "])}":
            depth -= 1
        if depth == 0 and text.startswith(separator, index):
            parts.append(text[start:index])
            index = start = index + len(separator)
            continue
        index += 1
    return [*parts, text[start:]]


def type_parameters(cls: griffe.Class) -> list[str]:
    """The type variables a generic class declares: `T, CoreT` of `Generic[T, CoreT]`, or of a generic base."""
    for base in cls.bases:
        if isinstance(base, griffe.ExprSubscript):
            args = base.slice.elements if isinstance(base.slice, griffe.ExprTuple) else [base.slice]
            names = [arg.name for arg in args if isinstance(arg, griffe.ExprName) and is_type_variable(cls, arg)]
            if names and len(names) == len(args):
                return names
    return []


def is_type_variable(cls: griffe.Class, name: griffe.ExprName) -> bool:
    try:
        found = cls.modules_collection.get_member(name.canonical_path)
    except (KeyError, ValueError, AttributeError):
        return False
    return isinstance(found, griffe.Attribute) and str(found.value).startswith("TypeVar(")


def is_public_path(path: str) -> bool:
    return all(is_public(part) for part in path.split("."))


def is_ours(path: str) -> bool:
    return path.startswith((f"{PACKAGE}.", *(f"{name}." for name in GENERATED)))


def generated_home(obj: griffe.Object) -> str:
    """A class with no stable name: where the raw package exports it (`pkg.models.Name`)."""
    parts = obj.path.split(".")
    if parts[0] in GENERATED and len(parts) > 2 and parts[1] == "models":
        return f"{parts[0]}.models.{obj.name}"
    return obj.path


def all_members(cls: griffe.Class) -> dict[str, Any]:
    """Own and inherited members from the facade and generated code; stdlib bases are not loaded."""
    try:
        return dict(cls.all_members)
    except (griffe.AliasResolutionError, griffe.CyclicAliasError, ValueError):
        return dict(cls.members)


def render(search_paths: list[Path] | None = None) -> str:
    """The snapshot of the package found on `search_paths` (by default this repository's facade and generated)."""
    return Snapshot(load(search_paths)).render()


def diff(expected: str, actual: str) -> str:
    """A unified diff from the checked-in snapshot to the code; empty when they agree."""
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"{SNAPSHOT.relative_to(ROOT)} (checked in)",
        tofile="the code",
    )
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail with a diff when the code differs")
    args = parser.parse_args(argv)
    actual = render()
    if args.check:
        expected = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
        changes = diff(expected, actual)
        if changes:
            print(changes, end="")
            print(f"\nThe public API changed. If that is intended, run `{UPDATE_COMMAND}` and commit the file.")
            return 1
        print(f"{SNAPSHOT.relative_to(ROOT)} matches the code")
        return 0
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text(actual, encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
