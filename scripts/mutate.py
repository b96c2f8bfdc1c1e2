"""Mutation testing of the core modules with cosmic-ray (`make mutate`): how many planted bugs the
tests catch, written into docs/reliability.md.

Each module is mutated in a copy of the tree (`.mutants/`), never in place, so an interrupted
run leaves the working tree as it was. Each mutant is judged by the quick tests that exercise
its module (`MODULES`), stopping at the first failure; a mutant that makes them hang past
`TIMEOUT` counts as caught, as cosmic-ray counts it. A session is resumed where it stopped
when the module and its tests are unchanged (`--fresh` starts over).

    python scripts/mutate.py                      # every module in MODULES
    python scripts/mutate.py --modules errors     # some of them
    python scripts/mutate.py --recheck            # survivors again, with tests added since
"""

from __future__ import annotations

import argparse
import ast
import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".mutants"
REPORT = ROOT / "docs" / "reliability.md"
START, END = "<!-- mutation -->", "<!-- /mutation -->"
TIMEOUT = 180.0
"""Seconds one mutant's test run may take (ten times a normal run on this machine)."""
TEST_TIMEOUT = 15
"""Seconds one test may take under a mutant: many mutants of a pagination loop make it endless,
and the suite's own 120 s limit would make each of them cost two minutes."""

LISTING_TESTS = ["tests/facade/test_pagination_under_change.py", "tests/facade/test_concurrent_pages.py"]

MODULES: dict[str, tuple[str, list[str]]] = {
    "errors": ("facade/agent_executions/errors.py", ["--noconftest", "tests/facade/test_errors.py"]),
    "pagination": ("facade/agent_executions/pagination.py", LISTING_TESTS),
    "retries": (
        "facade/agent_executions/retries.py",
        ["tests/facade/test_asteroid_client.py", "-k", "retr or rate or slow or timeout or drop or 5"],
    ),
    "_core": (
        "facade/agent_executions/_core.py",
        ["tests/facade/test_asteroid_client.py", "tests/facade/test_errors.py"],
    ),
}
DEFAULT_MODULES = ["errors", "pagination"]


def copy_tree() -> None:
    """The sources, tests and settings, fresh; session databases are kept for resuming."""
    WORK.mkdir(exist_ok=True)
    for name in ("facade", "generated", "tests"):
        shutil.rmtree(WORK / name, ignore_errors=True)
        shutil.copytree(ROOT / name, WORK / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(ROOT / "pyproject.toml", WORK / "pyproject.toml")


def environment() -> dict[str, str]:
    """The copy's sources ahead of the editable install's (PYTHONPATH comes before site-packages)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PYTHONPATH"] = os.pathsep.join([str(WORK / "facade"), str(WORK / "generated")])
    return env


QUIET_PLUGINS = ["cacheprovider", "schemathesis", "hypothesispytest", "anyio"]
"""pytest plugins these tests do not use; their imports were most of each mutant's run."""


def test_command(tests: list[str]) -> list[str]:
    plugins = [option for name in QUIET_PLUGINS for option in ("-p", f"no:{name}")]
    return [sys.executable, "-m", "pytest", "-x", "-q", f"--timeout={TEST_TIMEOUT}", *plugins, *tests]


def fingerprint(module: str, tests: list[str]) -> str:
    digest = hashlib.sha256(" ".join(tests).encode())
    for path in [module, *(t.split("::")[0] for t in tests if t.startswith("tests/"))]:
        digest.update((ROOT / path).read_bytes())
    return digest.hexdigest()


def annotation_spans(path: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where a module's type annotations are, if `from __future__ import annotations` keeps
    them from ever being evaluated: a mutant there changes nothing that runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lazy = any(
        isinstance(node, ast.ImportFrom)
        and node.module == "__future__"
        and any(a.name == "annotations" for a in node.names)
        for node in tree.body
    )
    if not lazy:
        return []
    spans = []
    for node in ast.walk(tree):
        found: list[ast.expr | None] = []
        if isinstance(node, ast.arg):
            found.append(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            found.append(node.annotation)
        for annotation in found:
            if annotation is not None and annotation.end_lineno is not None and annotation.end_col_offset is not None:
                spans.append(
                    ((annotation.lineno, annotation.col_offset), (annotation.end_lineno, annotation.end_col_offset))
                )
    return spans


def in_spans(mutation: dict[str, object], spans: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    start, end = tuple(mutation["start_pos"]), tuple(mutation["end_pos"])  # type: ignore[arg-type]
    return any(low <= start and end <= high for low, high in spans)


def skip_annotations(session: Path, spans: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Mark the mutants inside annotations as skipped before running any: nothing they change runs."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    with use_db(str(session), WorkDB.Mode.open) as db:
        skipped = [
            item.job_id
            for item in db.work_items
            if all(in_spans({"start_pos": m.start_pos, "end_pos": m.end_pos}, spans) for m in item.mutations)
        ]
        if skipped:
            db.set_multiple_results(skipped, WorkResult(worker_outcome=WorkerOutcome.SKIPPED, output="annotation"))


RECHECKED = "caught on a re-check: "


def recheck(name: str, env: dict[str, str]) -> None:
    """Judge a session's survivors again with the tests as they are now (tests added after a run,
    to catch what it found, without a run of an hour): cosmic-ray's `mutate-and-test` applies one
    mutant to the copy, runs the module's tests and restores the file. The session records the
    new outcome."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

    tests = MODULES[name][1]
    shutil.rmtree(WORK / "tests")
    shutil.copytree(ROOT / "tests", WORK / "tests", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    command = " ".join(test_command(tests))
    with use_db(str(WORK / f"{name}.sqlite"), WorkDB.Mode.open) as db:
        survivors = [item for item, result in db.completed_work_items if result.test_outcome == TestOutcome.SURVIVED]
        for item in survivors:
            mutation = item.mutations[0]
            done = subprocess.run(
                [cosmic_ray(), "mutate-and-test", str(mutation.module_path), mutation.operator_name,
                 str(mutation.occurrence), command],
                cwd=WORK, env=env, capture_output=True, text=True, check=True, timeout=TIMEOUT,
            )  # fmt: skip
            outcome = json.loads(done.stdout)
            print(f"{name}:{mutation.start_pos[0]} {mutation.operator_name}: {outcome['test_outcome']}", flush=True)
            if outcome["test_outcome"] == "killed":
                result = WorkResult(
                    worker_outcome=WorkerOutcome.NORMAL,
                    output=RECHECKED + (outcome.get("output") or ""),
                    test_outcome=TestOutcome.KILLED,
                    diff=outcome.get("diff"),
                )
                db.set_result(item.job_id, result)


def run_module(name: str, env: dict[str, str], fresh: bool, execute: bool = True) -> list[dict[str, object]]:
    module, tests = MODULES[name]
    config, session, stamp = WORK / f"{name}.toml", WORK / f"{name}.sqlite", WORK / f"{name}.fingerprint"
    command = " ".join(test_command(tests))
    config.write_text(
        "[cosmic-ray]\n"
        f"module-path = {json.dumps(module)}\n"
        f"timeout = {TIMEOUT}\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(command)}\n\n"
        '[cosmic-ray.distributor]\nname = "local"\n'
    )
    if execute:
        baseline = subprocess.run(test_command(tests), cwd=WORK, env=env, capture_output=True, text=True, check=False)
        if baseline.returncode != 0:
            sys.exit(f"{name}: the tests fail without any mutation:\n{baseline.stdout[-3000:]}")
        mark = fingerprint(module, tests)
        if fresh or not session.exists() or not stamp.exists() or stamp.read_text() != mark:
            session.unlink(missing_ok=True)
            subprocess.run([cosmic_ray(), "init", str(config), str(session)], cwd=WORK, env=env, check=True)
            skip_annotations(session, annotation_spans(WORK / module))
            stamp.write_text(mark)
        print(f"{name}: mutating {module} ({command})", flush=True)
        subprocess.run([cosmic_ray(), "exec", str(config), str(session)], cwd=WORK, env=env, check=True)
    spans = annotation_spans(WORK / module)
    dump = subprocess.run(
        [cosmic_ray(), "dump", str(session)], cwd=WORK, env=env, capture_output=True, text=True, check=True
    )
    results = []
    for line in dump.stdout.splitlines():
        item, result = json.loads(line)
        mutation = item["mutations"][0]
        outcome = (result or {}).get("test_outcome") or "pending"
        if in_spans(mutation, spans):
            outcome = "annotation"
        results.append(
            {
                "line": mutation["start_pos"][0],
                "operator": mutation["operator_name"].removeprefix("core/"),
                "definition": mutation.get("definition_name") or "",
                "outcome": outcome,
                "rechecked": ((result or {}).get("output") or "").startswith(RECHECKED),
                "diff": changed_lines((result or {}).get("diff") or ""),
            }
        )
    return results


def cosmic_ray() -> str:
    return str(Path(sys.executable).with_name("cosmic-ray"))


def changed_lines(diff: str) -> str:
    """`old` -> `new` of a mutant's one-line diff."""
    minus = [line[1:].strip() for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    plus = [line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return f"`{' '.join(minus)}` → `{' '.join(plus)}`" if minus or plus else ""


def section(all_results: dict[str, list[dict[str, object]]]) -> str:
    today = datetime.date.today().isoformat()
    lines = [
        f"Last run of `make mutate`: {today}, cosmic-ray {version('cosmic-ray')}, every core operator.",
        "A mutant is caught when its module's quick tests fail (or hang past the time limit).",
        "Mutants inside type annotations are counted apart and left out of the score: the modules",
        "import `annotations` from `__future__`, so an annotation is never evaluated and a mutant",
        "there changes nothing that runs.",
        "",
        "| module | mutants | in annotations | caught | survived | not run | score |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    survivors: list[str] = []
    for name, results in all_results.items():
        caught = sum(1 for r in results if r["outcome"] == "killed")
        survived = [r for r in results if r["outcome"] == "survived"]
        annotations = sum(1 for r in results if r["outcome"] == "annotation")
        other = len(results) - caught - len(survived) - annotations
        judged = caught + len(survived)
        score = f"{100 * caught / judged:.1f} %" if judged else "n/a"
        lines.append(f"| `{name}` | {len(results)} | {annotations} | {caught} | {len(survived)} | {other} | {score} |")
        for r in sorted(survived, key=lambda r: (int(str(r["line"])), str(r["operator"]))):
            survivors.append(f"| `{name}` | {r['line']} | `{r['definition']}` | {r['operator']} | {r['diff']} |")
    rechecked = sum(1 for results in all_results.values() for r in results if r["rechecked"])
    if rechecked:
        lines += [
            "",
            f"{rechecked} of the caught mutants survived the run and were caught when judged again with",
            "tests written after it (`scripts/mutate.py --recheck`).",
        ]
    lines += ["", "Surviving mutants:", ""]
    if survivors:
        lines += ["| module | line | in | operator | change |", "| --- | --- | --- | --- | --- |", *survivors]
    else:
        lines.append("none.")
    return "\n".join(lines)


def write_report(text: str) -> None:
    document = REPORT.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(document):
        raise SystemExit(f"{REPORT} lacks the {START} ... {END} markers")
    REPORT.write_text(pattern.sub(lambda _: f"{START}\n{text}\n{END}", document), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--modules", default=",".join(DEFAULT_MODULES), help=f"comma-separated, of {sorted(MODULES)}")
    parser.add_argument("--fresh", action="store_true", help="start every session over")
    parser.add_argument("--report-only", action="store_true", help="write the report of the sessions as they are")
    parser.add_argument(
        "--recheck", action="store_true", help="judge the survivors again with the current tests, then report"
    )
    args = parser.parse_args()
    names = [name.strip() for name in args.modules.split(",") if name.strip()]
    unknown = [name for name in names if name not in MODULES]
    if unknown:
        parser.error(f"unknown modules {unknown}; known: {sorted(MODULES)}")
    if not (args.report_only or args.recheck):
        copy_tree()
    env = environment()
    if args.recheck:
        for name in names:
            recheck(name, env)
    where = subprocess.run(
        [sys.executable, "-c", "import agent_executions; print(agent_executions.__file__)"],
        cwd=WORK, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    if not where.startswith(str(WORK)):
        sys.exit(f"the copy is not what the tests import ({where}); refusing to mutate")
    execute = not (args.report_only or args.recheck)
    results = {name: run_module(name, env, args.fresh, execute=execute) for name in names}
    text = section(results)
    write_report(text)
    print(text)


if __name__ == "__main__":
    main()
