"""Regenerate the raw clients in generated/ from the vendors' OpenAPI documents.

    python scripts/regenerate.py {asteroid|zaia|asteroid_webhooks|all} [--source URL_OR_PATH] [--check]
                                 [--accept-breaking]

The API is a table of openapi/sources.toml (any other name is a usage error, exit 2). A table
with `client = false` describes what the vendor sends (webhooks): its package is models only,
with no facade resources and no entry in operations.toml.

Pull the document (by default the published URL in openapi/sources.toml), check that
it is OpenAPI, apply the named fixes in spec_overrides.py, generate with the pinned
openapi-python-client and ruff into a temporary directory, and only when every step
succeeded swap the packages into generated/ and write the new pin. A failure prints
one line naming its cause and leaves openapi/ and generated/ untouched.

Each change against the previous pin is printed as additive or BREAKING for code
written against the facade (spec_changes.py). A breaking release is refused (exit 3,
nothing written) unless --accept-breaking is given.

--check regenerates from the pinned files and fails, naming the files, when
generated/ differs from what the pinned spec and generator produce.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import hashlib
import importlib.metadata
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml
from agent_executions._transfer import AttemptLimits, bound_by_deadline, send_once
from agent_executions.errors import ResponseTooLargeError
from api_shape import ShapeError, render_schemas, shape_of
from api_shape import render as render_shape
from facade_effect import copy_tree, judge
from facade_shells import ReleaseMismatch, TableError, defined_names, enum_classes, load_table
from facade_shells import render as render_shells
from openapi_spec_validator import validate as validate_openapi
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from spec_changes import ADDITIVE, BREAKING, Change, breaking_changes, classify_changes
from spec_overrides import OverrideError, apply_overrides, check_configured

ROOT = Path(__file__).resolve().parent.parent
OPENAPI_DIR = ROOT / "openapi"
GENERATED_DIR = ROOT / "generated"
SHELLS_PATH = Path("facade", "agent_executions", "_generated")
"""Where the facade's generated resources go, under the root: one `<api>.py` each."""
UNUSABLE = ("facade: import agent_executions fails", "facade: the facade cannot be inspected")
"""Effects no flag lets through: code importing the facade would fail at once."""
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
SOURCES_FILE = "sources.toml"
LOCK_FILE = "sources.lock.json"
FETCH_TIMEOUT = 30.0
"""Seconds for the whole download of a spec URL, redirects, headers and body included."""
MAX_SPEC_BYTES = 20 * 1024 * 1024
"""Largest spec downloaded; the pinned ones are a few hundred kilobytes."""
MAX_REDIRECTS = 5
TOOLS = ("openapi-python-client", "ruff")
NORMALIZED_SPEC = "openapi.json"
SHAPE_MODULE = "api_shape.py"
MAX_EXPANDED_NODES = 2_000_000
"""Values a document may hold with its YAML aliases expanded (the pinned Asteroid spec: about 700)."""
EXIT_INTERRUPTED = 130
EXIT_BREAKING = 3  # not 1: a job that regenerates on a schedule tells "needs a person" from "failed"


class RegenerationError(Exception):
    """A step failed; the message is the one line shown to the user."""


@dataclass
class Api:
    """One entry of sources.toml."""

    name: str
    title: str
    url: str
    spec: str
    package: str
    paths: list[str]
    generator_config: dict[str, Any]
    overrides: dict[str, Any] = field(default_factory=dict)
    """The configured overrides this API turns on (`[<api>.overrides]`), by name, with their values."""
    table: dict[str, Any] = field(default_factory=dict)
    """openapi/operations.toml: the facade's decisions about the operations it wraps."""
    facade_dir: Path | None = None
    """The facade package beside openapi/, whose rules modules the table names (None in a bare copy)."""
    client: bool = True
    """False for a document of what the vendor sends (webhooks): models only, no client resources."""


@dataclass
class Result:
    """What a successful run produced for one API, before anything is written."""

    api: Api
    source: str
    raw: bytes
    normalized: dict[str, Any]
    overrides: list[str]
    package_dir: Path
    shells: bytes = b""
    """The facade's generated resources for this API (`_generated/<api>.py`)."""
    shells_error: str = ""
    """Why the resources cannot be generated: the table wraps an operation this release lacks."""
    changes: list[Change] = field(default_factory=list)


def load_sources(openapi_dir: Path) -> dict[str, Api]:
    try:
        data = tomllib.loads((openapi_dir / SOURCES_FILE).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RegenerationError(f"{SOURCES_FILE} is not valid TOML ({exc})") from None
    try:
        table = load_table(openapi_dir)
    except TableError as exc:
        raise RegenerationError(str(exc)) from None
    apis = {
        name: Api(
            name=name,
            title=entry["title"],
            url=entry.get("url", ""),
            spec=entry["spec"],
            package=entry["package"],
            paths=list(entry["paths"]),
            generator_config=dict(entry.get("generator_config", {})),
            overrides=dict(entry.get("overrides", {})),
            client=bool(entry.get("client", True)),
            table=table,
            facade_dir=facade if (facade := openapi_dir.parent / "facade" / "agent_executions").is_dir() else None,
        )
        for name, entry in data.items()
    }
    for api in apis.values():
        problem = check_configured(api.overrides)
        if problem is not None:
            raise RegenerationError(f"{SOURCES_FILE}: [{api.name}.overrides] {problem}")
    return apis


def load_lock(openapi_dir: Path) -> dict[str, Any]:
    path = openapi_dir / LOCK_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


# --- pull -------------------------------------------------------------------------


def fetch(source: str, timeout: float = FETCH_TIMEOUT) -> bytes:
    """Read a URL (following redirects, checking the status) or a local file."""
    if source.startswith(("http://", "https://")):
        try:
            response = download(source, timeout)
        except httpx.TimeoutException:
            raise RegenerationError(f"{source}: timed out after {timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise RegenerationError(f"{source}: unreachable ({exc})") from None
        except ResponseTooLargeError:
            raise RegenerationError(f"{source}: larger than {MAX_SPEC_BYTES // 2**20} MB, not a spec") from None
        if response.status_code != 200:
            raise RegenerationError(f"{source}: HTTP {response.status_code} {response.reason_phrase}")
        if "html" in response.headers.get("content-type", "").lower():
            raise RegenerationError(f"{source}: served an HTML page, not an OpenAPI document")
        return response.content
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise RegenerationError(f"{source}: cannot read ({exc.strerror})") from None


def download(url: str, timeout: float) -> httpx.Response:
    """GET `url`, following redirects, all of it within `timeout` seconds and `MAX_SPEC_BYTES`: the
    SDK's own bounded attempt (a server trickling its headers or body, or sending forever, is cut off)."""
    deadline_at = time.monotonic() + timeout
    with httpx.Client(timeout=timeout) as http:
        bound_by_deadline(http)
        request = http.build_request("GET", url)
        for _ in range(MAX_REDIRECTS + 1):
            left = max(deadline_at - time.monotonic(), 0.001)
            response = send_once(http, request, AttemptLimits(left, MAX_SPEC_BYTES))
            if response.next_request is None:
                return response
            request = response.next_request
    raise httpx.TooManyRedirects(f"more than {MAX_REDIRECTS} redirects", request=request)


def parse(raw: bytes, source: str) -> dict[str, Any]:
    """Parse YAML or JSON and check that the result claims to be OpenAPI 3."""
    try:
        text = raw.decode("utf-8-sig")  # a byte order mark before JSON is not YAML
    except UnicodeDecodeError:
        raise RegenerationError(f"{source}: not UTF-8 text") from None
    if text.lstrip()[:1] == "<":
        raise RegenerationError(f"{source}: an HTML or XML page, not an OpenAPI document")
    try:
        doc = json.loads(text) if text.lstrip()[:1] == "{" else yaml.safe_load(text)
    except RecursionError:
        raise RegenerationError(f"{source}: nested too deeply to read (deeper than Python's recursion limit)") from None
    except (ValueError, yaml.YAMLError) as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise RegenerationError(f"{source}: not valid YAML or JSON{line}") from None
    if not isinstance(doc, dict) or not str(doc.get("openapi", "")).startswith("3."):
        raise RegenerationError(f"{source}: not an OpenAPI 3 document (no 'openapi: 3.x' field)")
    size = expanded_size(doc)
    if size > MAX_EXPANDED_NODES:
        raise RegenerationError(
            f"{source}: refused: its YAML aliases expand to {size:.3g} values (limit {MAX_EXPANDED_NODES:,})"
        )
    return doc


def expanded_size(doc: Any) -> int:
    """How many values the document holds with every alias expanded, each shared node measured
    once (an alias bomb is measured, not walked); a node that contains itself counts as too many."""
    sizes: dict[int, int] = {}  # -1 while the node's children are being measured
    pending: list[tuple[Any, bool]] = [(doc, False)]
    while pending:
        node, measured = pending.pop()
        children = list(node.values() if isinstance(node, dict) else node)
        nested = [child for child in children if isinstance(child, (dict, list))]
        if measured:
            sizes[id(node)] = 1 + len(children) - len(nested) + sum(sizes[id(child)] for child in nested)
        elif id(node) in sizes:
            if sizes[id(node)] < 0:
                return MAX_EXPANDED_NODES + 1
        else:
            sizes[id(node)] = -1
            pending.append((node, True))
            pending.extend((child, False) for child in nested)
    return sizes[id(doc)]


# --- validate and normalize -------------------------------------------------------


def first_validation_error(doc: dict[str, Any]) -> str | None:
    try:
        validate_openapi(doc)
    except OpenAPIValidationError as exc:
        where = "/".join(str(part) for part in exc.absolute_path) or "(root)"
        return f"{str(exc.message).splitlines()[0]} at {where}"
    return None


def moved_prefix(configured: list[str], available: list[str]) -> str | None:
    """The one prefix a release put in front of every configured path (`/agents/v2` when it moved
    out of the server URL into the paths), or None when the paths did not move that way."""
    prefixes = set()
    for path in configured:
        matches = [a[: -len(path)] for a in available if a.endswith(path) and a[: -len(path)].startswith("/")]
        if len(matches) > 1:
            return None
        prefixes.update(matches)
    return prefixes.pop() if len(prefixes) == 1 else None


def select_paths(doc: dict[str, Any], paths: list[str], allow_missing: bool = False) -> None:
    """Keep only the configured paths (found under a prefix the release moved into them, if need
    be) and the components they reach."""
    available = list(doc.get("paths", {}))
    missing = [p for p in paths if p not in available]
    prefix = moved_prefix(paths, available) if missing else None
    if prefix is not None:
        paths = [prefix + p for p in paths]
        missing = [p for p in paths if p not in available]
    if missing and not allow_missing:
        raise RegenerationError(f"the document has no path {', '.join(missing)} (listed in {SOURCES_FILE})")
    doc["paths"] = {p: doc["paths"][p] for p in paths if p not in missing}
    components = doc.get("components", {})
    reached: set[tuple[str, str]] = set()
    visited: set[int] = set()  # a node shared by YAML aliases is walked once
    pending: list[Any] = [doc["paths"], doc.get("security", [])]
    while pending:
        node = pending.pop()
        if isinstance(node, (dict, list)):
            if id(node) in visited:
                continue
            visited.add(id(node))
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/"):
                _, _, kind, name = ref.split("/", 3)
                if (kind, name) not in reached and name in components.get(kind, {}):
                    reached.add((kind, name))
                    pending.append(components[kind][name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    for kind, entries in components.items():
        if kind != "securitySchemes" and isinstance(entries, dict):
            components[kind] = {name: value for name, value in entries.items() if (kind, name) in reached}


def normalize(
    doc: dict[str, Any], api: Api, source: str, allow_missing: bool = False
) -> tuple[dict[str, Any], list[str]]:
    """Cut the document down to the configured paths, apply the overrides, validate the result."""
    normalized = copy.deepcopy(doc)
    select_paths(normalized, api.paths, allow_missing)
    try:
        applied = apply_overrides(normalized, api.overrides)
    except OverrideError as exc:
        raise RegenerationError(f"{source}: {SOURCES_FILE} [{api.name}.overrides] {exc}") from None
    error = first_validation_error(normalized)
    if error is not None:
        raise RegenerationError(f"{source}: invalid OpenAPI: {error}")
    return normalized, applied


# --- generate ---------------------------------------------------------------------


def tool_versions() -> dict[str, str]:
    return {tool: importlib.metadata.version(tool) for tool in TOOLS}


def run(command: list[str], cwd: Path, what: str) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0 or "Warning" in done.stdout:
        lines = [line.strip() for line in output.splitlines() if line.strip()]
        detail = next((line for line in lines if "rror" in line or "arning" in line), lines[-1] if lines else "")
        raise RegenerationError(f"{what} failed: {detail}")


def generate(api: Api, normalized: dict[str, Any], workdir: Path) -> Path:
    """Run the pinned generator and ruff; return the package directory."""
    spec_path = workdir / "spec.json"
    config_path = workdir / "config.json"
    spec_path.write_text(json.dumps(normalized, indent=2), encoding="utf-8")
    config = {**api.generator_config, "package_name_override": api.package, "post_hooks": []}
    config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")
    package_dir = workdir / api.package
    generator = [sys.executable, "-m", "openapi_python_client", "generate"]
    options = ["--path", str(spec_path), "--config", str(config_path), "--meta", "none", "--fail-on-warning"]
    options += ["--output-path", str(package_dir), "--custom-template-path", str(TEMPLATES_DIR)]
    run([*generator, *options], workdir, f"openapi-python-client on {api.name}")
    try:  # what the facade and the fakes read instead of constants: server, auth, paths, parameters
        shape = (
            render_shape(normalized, api.title)
            if api.client
            else render_schemas(normalized, api.title, api.generator_config.get("class_overrides", {}))
        )
        (package_dir / SHAPE_MODULE).write_text(shape, encoding="utf-8")
    except ShapeError as exc:
        raise RegenerationError(f"{api.name}: {exc}") from None
    ruff = [sys.executable, "-m", "ruff"]
    ruff_options = ["--isolated", "--no-cache", "--target-version", "py311"]
    # Run from workdir, not inside the package: its types.py would shadow the stdlib module.
    target = api.package
    run([*ruff, "check", *ruff_options, "--select", "F,I,UP", "--fix-only", "--quiet", target], workdir, "ruff check")
    run([*ruff, "format", *ruff_options, "--quiet", target], workdir, "ruff format")
    for leftover in package_dir.rglob("__pycache__"):
        shutil.rmtree(leftover)
    (package_dir / "py.typed").write_text("", encoding="utf-8")  # PEP 561: the models are typed
    # The exact document the package was generated from, for the fake servers' validation.
    (package_dir / NORMALIZED_SPEC).write_text(
        json.dumps(normalized, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return package_dir


def generate_shells(api: Api, normalized: dict[str, Any], workdir: Path, package_dir: Path) -> bytes:
    """The facade's typed resources for `api`, from its table entry, the normalized document and the
    raw package just generated (its enum classes); a `TableError` when the table wraps what the
    document does not have, or names a rule the rules module lacks."""
    path = workdir / "shells" / f"{api.name}.py"
    path.parent.mkdir()
    rules = (api.table.get(api.name) or {}).get("rules")
    names_of = None
    if api.facade_dir is not None:
        facade_dir = api.facade_dir

        def names_of(module: str) -> frozenset[str] | None:
            return defined_names(facade_dir / f"{module}.py")

        if isinstance(rules, str) and rules.isidentifier() and names_of(rules) is None:
            raise RegenerationError(
                f"openapi/operations.toml: [{api.name}] rules names {rules!r}, a module the facade lacks"
            )
    enums = enum_classes(package_dir, api.generator_config.get("class_overrides", {}))
    try:
        text = render_shells(
            api.name, api.title, shape_of(normalized), api.table, api.package, enum_types=enums, names_of=names_of
        )
        compile(text, str(path), "exec")
        path.write_text(text, "utf-8")
    except ShapeError as exc:
        raise RegenerationError(f"{api.name}: {exc}") from None
    except SyntaxError as exc:  # text from the table or the spec that the shells could not quote
        raise RegenerationError(
            f"{api.name}: the generated resources would not be valid Python ({exc.msg}, line {exc.lineno}:"
            f" {(exc.text or '').strip()[:80]!r}); fix the table entry or report the spec's text as a bug"
        ) from None
    ruff = [sys.executable, "-m", "ruff"]
    options = ["--isolated", "--no-cache", "--target-version", "py311", "--line-length", "120"]
    # The raw package sits beside the shells in workdir, where ruff would take it for first-party;
    # in the repository it is third-party to the facade, and the import block must read alike.
    isort = ["--config", f"lint.isort.known-third-party = [{api.package!r}]"]
    run(
        [*ruff, "check", *options, *isort, "--select", "F,I,UP", "--fix-only", "--quiet", str(path)],
        workdir,
        "ruff check",
    )
    run([*ruff, "format", *options, "--quiet", str(path)], workdir, "ruff format")
    return path.read_bytes()


def check_pin_format(api: Api, raw: bytes, source: str) -> None:
    """A pin holds the bytes its source served, so its sha256 can be checked against the source; a
    `.json` pin takes JSON only (a `.yaml` one takes both: JSON is YAML)."""
    if api.spec.endswith(".json") and raw.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] != b"{":
        raise RegenerationError(
            f"{source}: YAML, but {SOURCES_FILE} pins {api.name} as JSON ({api.spec}); give the JSON document,"
            " or rename the pin"
        )


def build(api: Api, source: str, workdir: Path, timeout: float = FETCH_TIMEOUT) -> Result:
    raw = fetch(source, timeout)
    doc = parse(raw, source)
    check_pin_format(api, raw, source)
    raw_error = first_validation_error(doc)
    normalized, applied = normalize(doc, api, source)
    if raw_error is not None:
        print(f"{api.name}: invalid as published ({raw_error}); repaired by the overrides")
    package_dir = generate(api, normalized, workdir)
    result = Result(api=api, source=source, raw=raw, normalized=normalized, overrides=applied, package_dir=package_dir)
    if not api.client:  # models only: the facade has no resources of this document
        return result
    try:
        result.shells = generate_shells(api, normalized, workdir, package_dir)
    except ReleaseMismatch as exc:
        result.shells_error = f"openapi/operations.toml: {exc}"
    except TableError as exc:  # a mistake in the table, whatever the release: no flag lets it through
        raise RegenerationError(f"openapi/operations.toml: {exc}") from None
    return result


# --- compare and write ------------------------------------------------------------


def tree_files(directory: Path) -> dict[str, bytes]:
    if not directory.is_dir():
        return {}
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts  # bytecode from importing the package is not output
    }


def differing_files(expected: Path, actual: Path) -> list[str]:
    new, old = tree_files(expected), tree_files(actual)
    return sorted(name for name in set(new) | set(old) if new.get(name) != old.get(name))


def previous_normalized(api: Api, openapi_dir: Path, generated_dir: Path) -> dict[str, Any]:
    """What users' code was written against: the document the current package was generated from.

    Not the pinned file alone: a pin may be edited in place (Zaia's is authored until a pull lands),
    so it already holds the new release when the script runs.
    """
    built = generated_dir / api.package / NORMALIZED_SPEC
    if built.exists():
        try:
            previous: dict[str, Any] = json.loads(built.read_text(encoding="utf-8"))
            return previous
        except ValueError:
            pass
    path = openapi_dir / api.spec
    if not path.exists():
        return {}
    try:
        # A path newly listed in sources.toml is one the previous pin did not cover.
        return normalize(parse(path.read_bytes(), str(path)), api, str(path), allow_missing=True)[0]
    except RegenerationError:
        return {}


def write_atomically(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(temp, path)


def lock_entry(result: Result, previous: dict[str, Any], versions: dict[str, str]) -> dict[str, Any]:
    sha = hashlib.sha256(result.raw).hexdigest()
    unchanged = previous.get("sha256") == sha
    return {
        "spec": result.api.spec,
        "source": previous.get("source", result.source) if unchanged else result.source,
        "sha256": sha,
        "pinned_at": previous.get("pinned_at") if unchanged else utc_now(),
        "generator": versions,
        "generator_config": {**result.api.generator_config, "package_name_override": result.api.package},
        "overrides": result.overrides,
    }


def describe_source(source: str, root: Path) -> str:
    """A URL as is; a path relative to the repository when inside it, so the lock is portable."""
    if source.startswith(("http://", "https://")):
        return source
    path = Path(source).resolve()
    return str(path.relative_to(root.resolve())) if path.is_relative_to(root.resolve()) else str(path)


def utc_now() -> str:
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def commit(results: list[Result], openapi_dir: Path, generated_dir: Path) -> None:
    """Swap the new packages in, write the facade's resources, specs and lock; undo everything on failure."""
    shells_dir = openapi_dir.parent / SHELLS_PATH
    lock = load_lock(openapi_dir)
    versions = tool_versions()
    for result in results:
        lock[result.api.name] = lock_entry(result, lock.get(result.api.name, {}), versions)
    lock_bytes = (json.dumps(lock, indent=2, sort_keys=True) + "\n").encode()

    generated_dir.mkdir(exist_ok=True)
    backups: dict[Path, Path | None] = {}
    spec_backups: dict[Path, bytes | None] = {}
    try:
        for result in results:
            target = generated_dir / result.api.package
            staged = generated_dir / f".{result.api.package}.new"
            shutil.rmtree(staged, ignore_errors=True)
            shutil.copytree(result.package_dir, staged)
            backup = generated_dir / f".{result.api.package}.old"
            shutil.rmtree(backup, ignore_errors=True)
            if target.exists():
                target.rename(backup)
                backups[target] = backup
            else:
                backups[target] = None
            staged.rename(target)
        for result in results:
            spec_path = openapi_dir / result.api.spec
            old = spec_path.read_bytes() if spec_path.exists() else None
            if old != result.raw:
                spec_backups[spec_path] = old
                write_atomically(spec_path, result.raw)
            shells_path = shells_dir / f"{result.api.name}.py"
            # a bare copy of openapi/ and generated/ has no facade to write into; a delivered document no resources
            if shells_dir.is_dir() and result.api.client:
                old = shells_path.read_bytes() if shells_path.exists() else None
                if old != result.shells:
                    spec_backups[shells_path] = old
                    write_atomically(shells_path, result.shells)
        lock_path = openapi_dir / LOCK_FILE
        spec_backups[lock_path] = lock_path.read_bytes() if lock_path.exists() else None
        write_atomically(lock_path, lock_bytes)
    except BaseException:
        for target, backup in backups.items():
            shutil.rmtree(target, ignore_errors=True)
            if backup is not None:
                backup.rename(target)
        for path, content in spec_backups.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                write_atomically(path, content)
        raise
    for backup in backups.values():
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)


# --- command line -----------------------------------------------------------------


def check(apis: list[Api], openapi_dir: Path, generated_dir: Path) -> int:
    lock = load_lock(openapi_dir)
    versions = tool_versions()
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="regen-check-") as temp:
        for api in apis:
            pinned = openapi_dir / api.spec
            entry = lock.get(api.name, {})
            if not pinned.exists():
                problems.append(f"{api.name}: {pinned} is missing")
                continue
            if entry.get("sha256") != hashlib.sha256(pinned.read_bytes()).hexdigest():
                problems.append(f"{api.name}: {pinned.name} does not match its sha256 in {LOCK_FILE} (run make regen)")
            if entry.get("generator") != versions:
                problems.append(f"{api.name}: generated with {entry.get('generator')}, installed {versions}")
            workdir = Path(temp) / api.name
            workdir.mkdir()
            result = build(api, str(pinned), workdir)
            for name in differing_files(result.package_dir, generated_dir / api.package):
                problems.append(f"{api.name}: generated/{api.package}/{name} differs from the pinned spec's output")
            shells = generated_dir.parent / SHELLS_PATH / f"{api.name}.py"
            if not api.client:
                pass
            elif result.shells_error:
                problems.append(f"{api.name}: {result.shells_error}")
            elif (shells.read_bytes() if shells.exists() else b"") != result.shells:
                problems.append(f"{api.name}: {SHELLS_PATH}/{api.name}.py differs from the table's and spec's output")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"generated/ matches the pinned specs ({', '.join(api.name for api in apis)})")
    return 0


def refuse_breaking(results: list[Result]) -> int:
    """Print every change, then one message naming each break; nothing has been written."""
    print_changes(results)
    breaks = [(result.api.name, change) for result in results for change in breaking_changes(result.changes)]
    print(
        f"regenerate: refused: {len(breaks)} breaking change{'s' if len(breaks) != 1 else ''} for code written"
        " against the facade; openapi/ and generated/ are untouched.",
        file=sys.stderr,
    )
    for api, change in breaks:
        print(f"  {api}: {change}", file=sys.stderr)
    print(
        "Pass --accept-breaking (make regen ACCEPT_BREAKING=1) to regenerate anyway; the release that ships it"
        " is a new major version (README, Versioning).",
        file=sys.stderr,
    )
    return EXIT_BREAKING


def print_changes(results: list[Result]) -> None:
    for result in results:
        print(f"{result.api.name}: changes against the previous pin:")
        for line in result.changes or ["(none)"]:
            print(f"  {line}")


def regenerate(
    apis: list[Api],
    source: str | None,
    openapi_dir: Path,
    generated_dir: Path,
    timeout: float,
    accept_breaking: bool = False,
) -> int:
    with tempfile.TemporaryDirectory(prefix="regen-") as temp:
        results = []
        for api in apis:
            chosen = source or api.url or str(openapi_dir / api.spec)
            print(f"{api.name}: pulling {describe_source(chosen, openapi_dir.parent)}")
            workdir = Path(temp) / api.name
            workdir.mkdir()
            result = build(api, chosen, workdir, timeout)
            result.source = describe_source(chosen, openapi_dir.parent)
            previous = previous_normalized(api, openapi_dir, generated_dir)
            result.changes = classify_changes(previous, result.normalized, delivered=not api.client)
            if result.shells_error:
                result.changes.append(Change("-", f"facade: {result.shells_error}", BREAKING, "the facade wraps it"))
            results.append(result)
        if not any(result.shells_error for result in results):
            results[0].changes += effect_changes(openapi_dir.parent, results)
        if not accept_breaking and any(breaking_changes(result.changes) for result in results):
            return refuse_breaking(results)
        unusable = [c for r in results for c in r.changes if c.what.startswith(UNUSABLE)]
        if unusable:  # not even --accept-breaking writes a facade that cannot be imported
            raise RegenerationError(f"refused: {unusable[0].what}; nothing was written")
        for result in results:
            if result.shells_error:
                raise RegenerationError(
                    f"{result.api.name}: cannot write the facade's resources: {result.shells_error}"
                )
        commit(results, openapi_dir, generated_dir)
    for result in results:
        print(f"{result.api.name}: overrides applied: {', '.join(result.overrides) or 'none'}")
        print_changes([result])
        if breaking_changes(result.changes):
            print(f"{result.api.name}: breaking changes accepted: the release that ships them is a new major version")
        print(f"{result.api.name}: wrote generated/{result.api.package}")
    update_api_snapshot(openapi_dir.parent)
    return 0


def effect_changes(root: Path, results: list[Result]) -> list[Change]:
    """The release judged by its effect: the facade built from the new packages and resources in a
    temporary copy of the repository, imported, its clients constructed, its public API compared
    with today's (facade_effect.py). Nothing to judge in a bare copy of openapi/ and generated/."""
    if not (root / SHELLS_PATH).is_dir():
        return []
    with tempfile.TemporaryDirectory(prefix="regen-effect-") as temp:
        tree = Path(temp)
        copy_tree(root, tree)
        for result in results:
            target = tree / "generated" / result.api.package
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(result.package_dir, target)
            if result.api.client:
                (tree / SHELLS_PATH / f"{result.api.name}.py").write_bytes(result.shells)
        breaking, additive = judge(root, tree)
    reason = "code written against the facade breaks"
    return [Change("~", f"facade: {line}", BREAKING, reason) for line in breaking] + [
        Change("+", f"facade: {line}", ADDITIVE) for line in additive
    ]


def update_api_snapshot(root: Path) -> None:
    """Rewrite the public-API snapshot of the tree just regenerated, so the release's effect on
    what users import shows as a diff in the same commit (`make test` compares it with the code).
    Only additive releases, or breaking ones accepted on purpose, get this far."""
    script, snapshot = root / "scripts" / "api_snapshot.py", root / "docs" / "api" / "agent_executions.txt"
    if not (script.exists() and snapshot.exists()):
        return  # a bare copy of openapi/ and generated/ (the regeneration tests) has no snapshot
    before = snapshot.read_text(encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"public API snapshot not rewritten ({(done.stderr or done.stdout).strip()[-300:]})", file=sys.stderr)
        return
    after = snapshot.read_text(encoding="utf-8").splitlines()
    added = len(set(after) - set(before.splitlines()))
    removed = len(set(before.splitlines()) - set(after))
    if added or removed:
        print(f"public API snapshot: {added} lines added, {removed} removed in docs/api/agent_executions.txt; review")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("api", help="an API of openapi/sources.toml, or all")
    parser.add_argument("--source", help="a URL or a local path instead of the published URL")
    parser.add_argument("--check", action="store_true", help="fail when generated/ differs from the pinned specs")
    parser.add_argument("--timeout", type=float, default=FETCH_TIMEOUT, help="seconds to wait for a URL")
    parser.add_argument(
        "--accept-breaking", action="store_true", help="write a release whose changes break code using the facade"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    openapi_dir, generated_dir = args.root / "openapi", args.root / "generated"
    if args.source and args.api == "all":
        parser.error("--source names one document: choose one API of openapi/sources.toml")
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        sources = load_sources(openapi_dir)
        if args.api != "all" and args.api not in sources:
            parser.error(f"argument api: {args.api!r} is not in {SOURCES_FILE} (choose from {', '.join(sources)}, all)")
        apis = list(sources.values()) if args.api == "all" else [sources[args.api]]
        if args.check:
            return check(apis, openapi_dir, generated_dir)
        return regenerate(apis, args.source, openapi_dir, generated_dir, args.timeout, args.accept_breaking)
    except RegenerationError as exc:
        print(f"regenerate: {exc}", file=sys.stderr)
        return 1
    except RecursionError:  # a step past parsing (validation, the generator) met a document nested too deeply
        print("regenerate: the document is nested too deeply to process; nothing was written", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the temporary directories and the swap are undone on the way
        print("regenerate: interrupted; openapi/ and generated/ are untouched", file=sys.stderr)
        return EXIT_INTERRUPTED


def _interrupt(signum: int, frame: Any) -> None:
    """SIGTERM ends the run like Ctrl-C: cleanups run and one line is printed."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
