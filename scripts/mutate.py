"""Mutation testing of the core modules with cosmic-ray (`make mutate`): how many planted bugs the
tests catch, written into docs/reliability.md.

Each module is mutated in a copy of the tree of its own (`.mutants/<module>/`), never in place,
so an interrupted run leaves the working tree as it was and modules run side by side (`--jobs`,
one per core by default). Each mutant is judged by the quick tests that exercise its module
(`MODULES`), stopping at the first failure: only those that ran the mutated lines before the
mutation (the unmutated run records them, `mutate_coverage.py`), or all of them when a line ran
while the tests were being collected (an import, a default value) or in no test at all. A mutant
that makes them hang past `TIMEOUT` counts as caught, as cosmic-ray counts it. A module with
more mutants than a run can afford (`asteroid`: 630 outside annotations; `_core` and
`pagination`, whose lines run in most tests: over 300 each) is judged on a random sample of
them, the same one every run, and its score is given with a 95 % interval. A session is resumed
where it stopped when the module and its tests are unchanged (`--fresh` starts over).

    python scripts/mutate.py                      # every module in MODULES
    python scripts/mutate.py --modules errors     # some of them
    python scripts/mutate.py --recheck            # survivors again, with tests added since
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import datetime
import difflib
import hashlib
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import Any

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
CLIENT_TESTS = ["tests/facade/test_request_options.py", "tests/facade/test_timeouts_and_limits.py"]
"""Quick tests of the whole request path (a second or two each), run first so most mutants stop early."""


@dataclasses.dataclass(frozen=True)
class Target:
    """A module to mutate, the tests that judge its mutants (fastest first: they stop at the first
    failure), and how many mutants to judge when not all (`None`: every one)."""

    path: str
    tests: list[str]
    sample: int | None = None


MODULES: dict[str, Target] = {
    "errors": Target("facade/agent_executions/errors.py", ["--noconftest", "tests/facade/test_errors.py"]),
    "pagination": Target(
        "facade/agent_executions/pagination.py",
        [
            "tests/facade/test_walks.py",
            "tests/facade/test_keyset_guards.py",
            "tests/facade/test_zaia_client.py",
            *LISTING_TESTS,
            "tests/facade/test_asteroid_client.py",
        ],
        sample=180,
    ),
    "retries": Target(
        "facade/agent_executions/retries.py",
        [
            "tests/facade/test_retry_timing.py",
            "tests/facade/test_concurrent_pages.py",
            "tests/facade/test_lifecycle.py",
            "tests/facade/test_asteroid_client.py",
            "tests/reliability/test_secret_guarantees.py",
            "-k",
            "not thread",
        ],
    ),
    "_core": Target(
        "facade/agent_executions/_core.py",
        [
            *CLIENT_TESTS,
            "tests/test_identity.py",
            "tests/facade/test_per_call_options.py",
            "tests/facade/test_raw_responses.py",
            "tests/facade/test_errors.py",
            "tests/reliability/test_reviewed_defects.py",
            "tests/facade/test_lifecycle.py",
            "tests/reliability/test_secret_guarantees.py",
            "tests/facade/test_asteroid_client.py",
            "tests/reliability/test_hostile_servers.py",
        ],
        sample=120,
    ),
    "_zaia": Target(
        "facade/agent_executions/_zaia.py",
        ["tests/facade/test_zaia_client.py", *CLIENT_TESTS, "tests/test_api_snapshot.py", *LISTING_TESTS],
    ),
    "_asteroid": Target(
        "facade/agent_executions/_asteroid.py",
        [
            *CLIENT_TESTS,
            "tests/facade/test_argument_edges.py",
            "tests/facade/test_spec_arguments.py",
            "tests/facade/test_keyset_guards.py",
            "tests/facade/test_lifecycle.py",
            "tests/facade/test_asteroid_client.py",
            "tests/facade/test_pagination_under_change.py",
            "tests/reliability/test_listings_that_lie.py",
            "tests/reliability/test_deadlines.py",
        ],
        sample=120,
    ),
    "_call": Target(
        "facade/agent_executions/_call.py",
        [
            "tests/facade/test_call_edges.py",
            "tests/facade/test_spec_arguments.py",
            "tests/facade/test_argument_edges.py",
            "tests/facade/test_asteroid_client.py",
            "tests/facade/test_zaia_client.py",
            "tests/facade/test_lifecycle.py",
            *CLIENT_TESTS,
        ],
        sample=120,
    ),
    "waiting": Target(
        "facade/agent_executions/waiting.py",
        [
            "tests/facade/test_wait_timing.py",
            "tests/facade/test_lifecycle.py",
            "tests/reliability/test_deadlines.py",
            *CLIENT_TESTS,
            "tests/facade/test_spec_arguments.py",
            "tests/reliability/test_secrets_third_round.py",
        ],
    ),
    "_config": Target(
        "facade/agent_executions/_config.py",
        [*CLIENT_TESTS, "tests/reliability/test_secret_guarantees.py", "tests/facade/test_asteroid_client.py"],
    ),
}
DEFAULT_MODULES = ["_asteroid", "_core", "pagination", "_call", "waiting", "_zaia", "_config", "retries", "errors"]
"""Every module, the longest runs first so that side-by-side runs end about together."""
SEED = 14
"""Picks the sample: fixed, so a re-run judges the same mutants and a resumed session stays valid."""


def copy_tree(
    work: Path, parts: tuple[str, ...] = ("docs", "facade", "generated", "openapi", "scripts", "tests")
) -> None:
    """The sources, tests and settings into `work`, fresh; its session database is kept for resuming."""
    work.mkdir(parents=True, exist_ok=True)
    for part in parts:
        shutil.rmtree(work / part, ignore_errors=True)
        shutil.copytree(ROOT / part, work / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "Makefile"):  # the API snapshot test dry-runs `make api-snapshot`
        shutil.copy2(ROOT / name, work / name)


def environment(work: Path) -> dict[str, str]:
    """The copy's sources ahead of the editable install's (PYTHONPATH comes before site-packages),
    and its scripts (the tests import some, and `mutate_coverage` is one)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PYTHONPATH"] = os.pathsep.join([str(work / "facade"), str(work / "generated"), str(work / "scripts")])
    return env


def check_imports_from(work: Path, env: dict[str, str]) -> None:
    where = subprocess.run(
        [sys.executable, "-c", "import agent_executions; print(agent_executions.__file__)"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    if not where.startswith(str(work)):
        sys.exit(f"the copy is not what the tests import ({where}); refusing to mutate")


QUIET_PLUGINS = ["cacheprovider", "schemathesis", "hypothesispytest", "anyio"]
"""pytest plugins these tests do not use; their imports were most of each mutant's run."""


def test_command(tests: list[str]) -> list[str]:
    plugins = [option for name in QUIET_PLUGINS for option in ("-p", f"no:{name}")]
    return [sys.executable, "-m", "pytest", "-x", "-q", f"--timeout={TEST_TIMEOUT}", *plugins, *tests]


def judge_command(name: str) -> str:
    """What cosmic-ray runs for each mutant of `name`: `judge`, in a process of its own."""
    return f"{sys.executable} {Path(__file__).resolve()} --judge {name}"


def options_of(tests: list[str]) -> list[str]:
    """The pytest options among a target's arguments (what is not a test file), e.g. `-k` and its value."""
    return [arg for arg in tests if not arg.startswith("tests/")]


def changed_lines_of(before: str, after: str) -> set[int]:
    """The lines of `before` (1-based) that `after` changes."""
    lines: set[int] = set()
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for tag, first, last, _, _ in matcher.get_opcodes():
        if tag != "equal":
            lines.update(range(first + 1, max(last, first + 1) + 1))
    return lines


def quickest_first(selected: set[str], target: Target, found: dict[str, Any]) -> list[str]:
    """The tests in the order their files are listed in (quickest first), then by the time each
    took in the unmutated run: a mutant that a quick test catches stops there (`-x`)."""
    files = [arg for arg in target.tests if arg.startswith("tests/")]
    took = found.get("durations", {})

    def order(node: str) -> tuple[int, float, str]:
        path = node.split("::")[0]
        return (files.index(path) if path in files else len(files), took.get(node, 0.0), node)

    return sorted(selected, key=order)


def judge(name: str) -> int:
    """Run the tests that ran the mutated lines when unmutated (the baseline's coverage map), or all
    of the module's tests when a changed line ran while the tests were collected (an import, a
    default value) or ran in no test. Returns pytest's exit code: 0 is a surviving mutant."""
    target = MODULES[name]
    work = WORK / name
    mutated = (work / target.path).read_text(encoding="utf-8")
    pristine = (work / "pristine.py").read_text(encoding="utf-8")
    found = json.loads((work / "coverage.json").read_text(encoding="utf-8"))
    selected: set[str] = set()
    everything = False
    for line in changed_lines_of(pristine, mutated):
        tests = found["tests"].get(str(line), [])
        if line in found["import"] or not tests:
            everything = True
        selected.update(tests)
    env = environment(work)
    if not everything:
        chosen = [*options_of(target.tests), *quickest_first(selected, target, found)]
        code = subprocess.run(test_command(chosen), cwd=work, env=env, check=False).returncode
        if code not in (4, 5):  # pytest's "usage error" and "no tests collected": a node id it did not find
            return code
    return subprocess.run(test_command(target.tests), cwd=work, env=env, check=False).returncode


def fingerprint(target: Target) -> str:
    digest = hashlib.sha256(f"{' '.join(target.tests)} {target.sample} {SEED}".encode())
    for path in [target.path, *(t.split("::")[0] for t in target.tests if t.startswith("tests/"))]:
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


NOT_SAMPLED = "not in the sample"


def set_aside(session: Path, spans: list[tuple[tuple[int, int], tuple[int, int]]], sample: int | None) -> None:
    """Before running any, mark as skipped the mutants inside annotations (nothing they change runs)
    and, for a sampled module, those outside its sample (drawn from the rest with `SEED`)."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    with use_db(str(session), WorkDB.Mode.open) as db:
        items = sorted(db.work_items, key=lambda item: item.job_id)
        annotation = [
            item.job_id
            for item in items
            if all(in_spans({"start_pos": m.start_pos, "end_pos": m.end_pos}, spans) for m in item.mutations)
        ]
        if annotation:
            db.set_multiple_results(annotation, WorkResult(worker_outcome=WorkerOutcome.SKIPPED, output="annotation"))
        rest = [item.job_id for item in items if item.job_id not in set(annotation)]
        if sample is not None and sample < len(rest):
            kept = set(random.Random(SEED).sample(rest, sample))
            left_out = [job for job in rest if job not in kept]
            db.set_multiple_results(left_out, WorkResult(worker_outcome=WorkerOutcome.SKIPPED, output=NOT_SAMPLED))


RECHECKED = "caught on a re-check: "


def measure(name: str, work: Path, env: dict[str, str]) -> None:
    """Run the module's tests unmutated in `work`, recording which test runs which line (the map
    `judge` reads) and keeping the module as it is (`pristine.py`); stop if they fail."""
    target = MODULES[name]
    shutil.copy2(work / target.path, work / "pristine.py")
    measured = {
        **env,
        "MUTATE_COVERAGE_INCLUDE": str(work / target.path),
        "MUTATE_COVERAGE_MAP": str(work / "coverage.json"),
    }
    baseline = subprocess.run(
        test_command(["-p", "mutate_coverage", *target.tests]),
        cwd=work, env=measured, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if baseline.returncode != 0:
        sys.exit(f"{name}: the tests fail without any mutation:\n{baseline.stdout[-3000:]}")


def recheck(name: str) -> None:
    """Judge a session's survivors again with the tests as they are now (tests added after a run,
    to catch what it found, without a run of an hour): cosmic-ray's `mutate-and-test` applies one
    mutant to the copy, judges it as a run does and restores the file. The session records the
    new outcome."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

    work = WORK / name
    if (ROOT / MODULES[name].path).read_bytes() != (work / "pristine.py").read_bytes():
        sys.exit(f"{name}: the module changed since its session was made; run it again instead")
    copy_tree(work)  # the rest of the tree as it is now: the tests may need what changed beside them
    env = environment(work)
    measure(name, work, env)  # the map again, with the tests and the module's selection as they are now
    command = judge_command(name)
    with use_db(str(work / "session.sqlite"), WorkDB.Mode.open) as db:
        survivors = [item for item, result in db.completed_work_items if result.test_outcome == TestOutcome.SURVIVED]
        for item in survivors:
            mutation = item.mutations[0]
            done = subprocess.run(
                [cosmic_ray(), "mutate-and-test", str(mutation.module_path), mutation.operator_name,
                 str(mutation.occurrence), command],
                cwd=work, env=env, capture_output=True, text=True, check=True, timeout=TIMEOUT,
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


def run_module(name: str, fresh: bool, execute: bool = True) -> list[dict[str, object]]:
    """Mutate one module in its own copy of the tree (run a session, or resume it), then read its results."""
    target = MODULES[name]
    work = WORK / name
    config, session, stamp = work / "session.toml", work / "session.sqlite", work / "session.fingerprint"
    env = environment(work)
    if execute:
        copy_tree(work)
        check_imports_from(work, env)
        command = judge_command(name)
        config.write_text(
            "[cosmic-ray]\n"
            f"module-path = {json.dumps(target.path)}\n"
            f"timeout = {TIMEOUT}\n"
            "excluded-modules = []\n"
            f"test-command = {json.dumps(command)}\n\n"
            '[cosmic-ray.distributor]\nname = "local"\n'
        )
        measure(name, work, env)
        mark = fingerprint(target)
        if fresh or not session.exists() or not stamp.exists() or stamp.read_text() != mark:
            session.unlink(missing_ok=True)
            subprocess.run([cosmic_ray(), "init", str(config), str(session)], cwd=work, env=env, check=True)
            set_aside(session, annotation_spans(work / target.path), target.sample)
            stamp.write_text(mark)
        print(f"{name}: mutating {target.path} ({' '.join(target.tests)})", flush=True)
        with open(work / "exec.log", "w", encoding="utf-8") as log:
            subprocess.run(
                [cosmic_ray(), "exec", str(config), str(session)], cwd=work, env=env, check=True, stdout=log, stderr=log
            )
        print(f"{name}: done", flush=True)
    spans = annotation_spans(work / target.path)
    dump = subprocess.run(
        [cosmic_ray(), "dump", str(session)], cwd=work, env=env, capture_output=True, text=True, check=True
    )
    results = []
    for line in dump.stdout.splitlines():
        item, result = json.loads(line)
        mutation = item["mutations"][0]
        outcome = (result or {}).get("test_outcome") or "pending"
        output = (result or {}).get("output") or ""
        if in_spans(mutation, spans):
            outcome = "annotation"
        elif output == NOT_SAMPLED:
            outcome = "not sampled"
        results.append(
            {
                "line": mutation["start_pos"][0],
                "operator": mutation["operator_name"].removeprefix("core/"),
                "definition": mutation.get("definition_name") or "",
                "outcome": outcome,
                "rechecked": output.startswith(RECHECKED),
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


def wilson(caught: int, judged: int) -> tuple[float, float]:
    """The 95 % Wilson interval of a score measured on a sample of `judged` mutants."""
    z = 1.96
    share = caught / judged
    centre = (share + z * z / (2 * judged)) / (1 + z * z / judged)
    half = z * math.sqrt(share * (1 - share) / judged + z * z / (4 * judged * judged)) / (1 + z * z / judged)
    return centre - half, centre + half


def section(all_results: dict[str, list[dict[str, object]]]) -> str:
    today = datetime.date.today().isoformat()
    lines = [
        f"Last run of `make mutate`: {today}, cosmic-ray {version('cosmic-ray')}, every core operator.",
        "A mutant is caught when its module's quick tests fail (or hang past the time limit).",
        "Mutants inside type annotations are counted apart and left out of the score: the modules",
        "import `annotations` from `__future__`, so an annotation is never evaluated and a mutant",
        "there changes nothing that runs. A sampled module's score comes with its 95 % interval.",
        "",
        "| module | mutants | in annotations | not sampled | caught | survived | not run | score |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    survivors: list[str] = []
    for name, results in all_results.items():
        caught = sum(1 for r in results if r["outcome"] == "killed")
        survived = [r for r in results if r["outcome"] == "survived"]
        annotations = sum(1 for r in results if r["outcome"] == "annotation")
        unsampled = sum(1 for r in results if r["outcome"] == "not sampled")
        other = len(results) - caught - len(survived) - annotations - unsampled
        judged = caught + len(survived)
        score = f"{100 * caught / judged:.1f} %" if judged else "n/a"
        if judged and unsampled:
            low, high = wilson(caught, judged)
            score += f" ({100 * low:.1f}-{100 * high:.1f} %)"
        counts = [len(results), annotations, unsampled, caught, len(survived), other]
        lines.append(f"| `{name}` | {' | '.join(map(str, counts))} | {score} |")
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
    parser.add_argument("--judge", metavar="MODULE", help=argparse.SUPPRESS)  # what cosmic-ray runs per mutant
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="modules mutated side by side (default: one per core)"
    )
    args = parser.parse_args()
    if args.judge:
        sys.exit(judge(args.judge))
    names = [name.strip() for name in args.modules.split(",") if name.strip()]
    unknown = [name for name in names if name not in MODULES]
    if unknown:
        parser.error(f"unknown modules {unknown}; known: {sorted(MODULES)}")
    if args.jobs < 1:
        parser.error(f"--jobs must be at least 1, not {args.jobs}")
    with ThreadPoolExecutor(args.jobs) as pool:  # each module's tests run in processes of their own
        if args.recheck:
            list(pool.map(recheck, names))
        elif not args.report_only:
            list(pool.map(lambda name: run_module(name, args.fresh), names))
    # The report covers every module with a session, so a run of some modules keeps the others' figures.
    reported = [name for name in MODULES if (WORK / name / "session.sqlite").exists()]
    text = section({name: run_module(name, args.fresh, execute=False) for name in reported})
    write_report(text)
    print(text)


if __name__ == "__main__":
    main()
