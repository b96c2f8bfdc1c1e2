"""Judge a regenerated tree by its effect on the facade, not by the spec's spelling.

The regeneration script builds the new raw packages and the facade's resources into a
temporary copy of the repository, then asks, in a fresh interpreter: does `agent_executions`
still import, does every client still construct with its defaults, and what is its public
API now (scripts/api_snapshot.py)? A failed import, a client that no longer constructs, or a
public name, parameter, attribute or return type that is gone or changed is BREAKING; new
names, new optional parameters and new union members are additive.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from api_snapshot import split_top

SCRIPTS = Path(__file__).resolve().parent
PROBE = """
import asyncio, inspect, json, os, sys
errors = []
try:
    import agent_executions as ae
    from agent_executions._base_client import ClientBase
    for name in ae.__all__:
        value = getattr(ae, name)
        if isinstance(value, type) and issubclass(value, ClientBase):
            try:
                closing = value(api_key="regeneration-judge").close()
                if inspect.iscoroutine(closing):
                    asyncio.run(closing)
            except Exception as exc:
                errors.append(f"{name}() with its defaults no longer constructs ({type(exc).__name__}: {exc})")
except Exception as exc:
    errors.append(f"import agent_executions fails ({type(exc).__name__}: {exc})")
sys.path.insert(0, sys.argv[1])
import api_snapshot
from pathlib import Path
tree = Path(sys.argv[2])
snapshot = api_snapshot.render([tree / "facade", tree / "generated"])
print(json.dumps({"errors": errors, "snapshot": snapshot}))
"""
CLEARED = ("ASTEROID_API_KEY", "ASTEROID_BASE_URL", "ZAIA_API_KEY", "ZAIA_BASE_URL", "PYTHONPATH")


def probe(tree: Path, timeout: float = 120.0) -> tuple[list[str], str]:
    """(what fails, the public-API snapshot) of the facade in `tree` (its facade/ and generated/)."""
    env = {name: value for name, value in os.environ.items() if name not in CLEARED}
    env["PYTHONPATH"] = os.pathsep.join([str(tree / "facade"), str(tree / "generated")])
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(SCRIPTS), str(tree)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        return [f"the facade cannot be inspected ({lines[-1] if lines else done.returncode})"], ""
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return list(found["errors"]), str(found["snapshot"])


def copy_tree(root: Path, target: Path) -> None:
    """The parts of the repository the facade is made of: facade/ and generated/."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".*")
    for part in ("facade", "generated"):
        shutil.copytree(root / part, target / part, ignore=ignore)


# --- comparing snapshots ----------------------------------------------------------------


def entries(snapshot: str) -> dict[str, dict[str, str]]:
    """Block title (without bases) -> member name -> its text, from a snapshot."""
    blocks: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    name = ""
    for line in snapshot.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            title = line.split("(", 1)[0]
            current = blocks.setdefault(title, {})
            current["(bases)"] = line[len(title) :]
            continue
        if current is None:
            continue
        if line.startswith("    ") and not line.startswith(("     ", "    )")):
            name = member_name(line.strip())
            current[name] = line.strip()
        else:
            current[name] += "\n" + line.strip()
    return blocks


def member_name(text: str) -> str:
    words = re.sub(r"^(classmethod |staticmethod )?(async )?(def |property |class )", "", text)
    return re.split(r"[(:= ]", words, maxsplit=1)[0]


def parameters(text: str) -> tuple[dict[str, tuple[str, str]], str] | None:
    """A signature's parameters (name -> (kind, text)) and its return annotation; None if not a function."""
    match = re.match(r"^(?:classmethod |staticmethod )?(?:async )?def \w+\((.*)\)(?: -> (.*))?$", text, re.S)
    if match is None:
        return None
    inner, returns = match.group(1), match.group(2) or ""
    parts = [part.strip().rstrip(",").strip() for part in split_top(inner.replace("\n", " "), ",")]
    found: dict[str, tuple[str, str]] = {}
    kind = "positional"
    for part in parts:
        if not part:
            continue
        if part == "*" or (part.startswith("*") and not part.startswith("**")):
            kind = "keyword"
            if part != "*":
                found[part] = ("var", part)
            continue
        if part == "/":
            continue
        found[re.split(r"[:=]", part, maxsplit=1)[0].strip()] = (kind, part)
    return found, returns.strip()


def union_members(text: str) -> set[str] | None:
    """The members of an attribute rendered one union member a line, else None."""
    lines = text.splitlines()
    if len(lines) < 2 or not lines[0].endswith("("):
        return None
    return {line.lstrip("| ").strip() for line in lines[1:-1]}


_ALIAS = re.compile(r"^    ([A-Za-z_]\w*) = (Literal\[.*\])$", re.MULTILINE)


def literal_aliases(snapshot: str) -> dict[str, str]:
    """The module-level `Literal` aliases a snapshot lists (`StatusValue = Literal['running', ...]`)."""
    return dict(_ALIAS.findall(snapshot))


def compare(old: str, new: str) -> tuple[list[str], list[str]]:
    """(breaking, additive) differences between two public-API snapshots. An annotation means what
    its aliases stand for: a `Literal` alias renamed, or given a new value, takes what it took."""
    aliases = Aliases(literal_aliases(old), literal_aliases(new))
    before, after = entries(old), entries(new)
    breaking: list[str] = []
    additive: list[str] = []
    for title in sorted(set(after) - set(before)):
        additive.append(f"{title} added")
    for title in sorted(set(before) - set(after)):
        breaking.append(f"{title} is gone")
    for title in sorted(set(before) & set(after)):
        was, now = before[title], after[title]
        for name in sorted(set(now) - set(was)):
            additive.append(f"{title}: {name} added")
        for name in sorted(set(was) - set(now)):
            breaking.append(f"{title}: {name} is gone")
        for name in sorted(name for name in set(was) & set(now) if was[name] != now[name]):
            problems = member_changes(name, was[name], now[name], aliases)
            breaking += [f"{title}: {problem}" for problem in problems]
            if not problems:
                additive.append(f"{title}: {name} {gains(was[name], now[name])}")
    return breaking, additive


def gains(old: str, new: str) -> str:
    """What a compatible change of a member adds, in words."""
    old_params, new_params = parameters(old), parameters(new)
    if old_params is not None and new_params is not None:
        added = [name for name in new_params[0] if name not in old_params[0]]
        if added:
            return f"takes the new optional parameter{'s' if len(added) > 1 else ''} {', '.join(added)}"
        wider = [
            name
            for name, (_, text) in new_params[0].items()
            if name in old_params[0] and old_params[0][name][1] != text
        ]
        if wider:
            return f"takes more in {', '.join(wider)}"
        return f"returns {new_params[1]} (narrower than {old_params[1]})"
    old_members, new_members = union_members(old), union_members(new)
    if old_members is not None and new_members is not None:
        return f"also takes {', '.join(sorted(new_members - old_members))}"
    old_alias, new_alias = alias_value(old), alias_value(new)
    if old_alias is not None and new_alias is not None:
        return f"also takes {', '.join(sorted(terms(new_alias, {}) - terms(old_alias, {})))}"
    return f"changed compatibly: {' '.join(new.split())}"


def alias_value(text: str) -> str | None:
    """The `Literal[...]` of an alias line `Name = Literal[...]`."""
    match = re.match(r"^[A-Za-z_]\w* = (Literal\[.*\])$", text)
    return match.group(1) if match else None


@dataclass(frozen=True)
class Aliases:
    """The `Literal` aliases of the old and of the new snapshot."""

    old: dict[str, str] = field(default_factory=dict)
    new: dict[str, str] = field(default_factory=dict)


def member_changes(name: str, old: str, new: str, aliases: Aliases | None = None) -> list[str]:
    """What in a changed member breaks code using it (empty: the change only adds)."""
    if name == "(bases)":
        return [f"bases changed: {old or '(none)'} -> {new or '(none)'}"]
    aliases = aliases or Aliases()
    old_params, new_params = parameters(old), parameters(new)
    if old_params is not None and new_params is not None:
        problems = []
        (was, old_returns), (now, new_returns) = old_params, new_params
        for param, (kind, text) in was.items():
            if param not in now:
                problems.append(f"{name}() lost the parameter {param}")
            elif now[param] != (kind, text) and not (
                now[param][0] == kind and accepts_more(text, now[param][1], aliases)
            ):
                problems.append(f"{name}() parameter changed: {text} -> {now[param][1]}")
        for param, (_, text) in now.items():
            if param not in was and "=" not in text and not text.startswith("*"):
                problems.append(f"{name}() has a new required parameter {text}")
        if old_returns != new_returns and not covers(old_returns, aliases.old, new_returns, aliases.new):
            problems.append(f"{name}() returns {new_returns or '(unannotated)'}, not {old_returns}")
        return problems
    old_members, new_members = union_members(old), union_members(new)
    if old_members is not None and new_members is not None:
        return [f"{name} no longer includes {member}" for member in sorted(old_members - new_members)]
    old_alias, new_alias = alias_value(old), alias_value(new)
    if old_alias is not None and new_alias is not None:  # an argument type: a new value is accepted more
        gone = terms(old_alias, {}) - terms(new_alias, {})
        return [f"{name} no longer includes {', '.join(sorted(gone))}"] if gone else []
    old_type, new_type = attribute_type(old), attribute_type(new)
    if old_type is not None and new_type is not None and covers(old_type, aliases.old, new_type, aliases.new):
        return []  # an attribute that may hold fewer kinds of value: code reading it still works
    return [f"{name} changed: {' '.join(old.split())} -> {' '.join(new.split())}"]


_COVARIANT = ("Iterable", "Sequence", "Collection", "Iterator", "AsyncIterator", "frozenset", "tuple")


def terms(annotation: str, aliases: dict[str, str]) -> set[str]:
    """An annotation as the set of what it admits: union members, a `Literal`'s values one by one,
    `aliases` replaced by what they stand for, and a read-only container of a union as that
    container of each member (`Iterable[A | B]` admits what `Iterable[A]` does)."""
    found: set[str] = set()
    for part in (part.strip() for part in split_top(annotation, "|")):
        if part in aliases:
            found |= terms(aliases[part], {})
            continue
        match = re.match(r"^([\w.]+)\[(.*)\]$", part, re.S)
        if match and match.group(1) in ("Literal", "typing.Literal"):
            found |= {f"Literal[{value.strip()}]" for value in split_top(match.group(2), ",")}
        elif match and match.group(1) in _COVARIANT and len(split_top(match.group(2), ",")) == 1:
            found |= {f"{match.group(1)}[{inner}]" for inner in terms(match.group(2), aliases)}
        else:
            found.add(part)
    return found | ({"int"} if "float" in found else set())  # an int is accepted where a float is


def covers(wide: str, wide_aliases: dict[str, str], narrow: str, narrow_aliases: dict[str, str]) -> bool:
    """Whether every value of the `narrow` annotation is one of `wide` (each with its aliases)."""
    return terms(narrow, narrow_aliases) <= terms(wide, wide_aliases)


def accepts_more(old: str, new: str, aliases: Aliases) -> bool:
    """A parameter that takes what it took and more, with the same default: code passing it still works."""
    old_annotation, _, old_default = old.partition("=")
    new_annotation, _, new_default = new.partition("=")
    old_type, new_type = old_annotation.partition(":")[2].strip(), new_annotation.partition(":")[2].strip()
    return old_default.strip() == new_default.strip() and covers(new_type, aliases.new, old_type, aliases.old)


def attribute_type(text: str) -> str | None:
    """The annotation of an attribute line `name: type` or `name: type = default`."""
    if "\n" in text or ":" not in text:
        return None
    return text.partition(":")[2].partition(" = ")[0].strip()


def judge(root: Path, tree: Path) -> tuple[list[str], list[str]]:
    """(breaking, additive) effects of the regenerated `tree` on the facade of `root`."""
    old_errors, old_snapshot = probe(root)
    new_errors, new_snapshot = probe(tree)
    breaking = [error for error in new_errors if error not in old_errors]
    if not new_snapshot:
        return breaking, []
    changed_breaking, additive = compare(old_snapshot, new_snapshot)
    return [*breaking, *changed_breaking], additive


def main(argv: Iterable[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: facade_effect.py OLD_TREE NEW_TREE", file=sys.stderr)
        return 2
    breaking, additive = judge(Path(args[0]), Path(args[1]))
    for line in breaking:
        print(f"BREAKING {line}")
    for line in additive:
        print(f"additive {line}")
    return 1 if breaking else 0


if __name__ == "__main__":
    sys.exit(main())
