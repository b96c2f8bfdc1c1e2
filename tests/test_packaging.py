"""The wheel users install: what it ships and what it needs."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_typed_packages_specs_and_few_dependencies(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("agent_executions-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = Parser().parsestr(archive.read(next(n for n in names if n.endswith("METADATA"))).decode())
        entry_points = archive.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    for package in ("agent_executions", "asteroid_agents_v2_raw", "zaia_v1_raw", "asteroid_webhooks_raw"):
        assert f"{package}/py.typed" in names
    assert {
        "asteroid_agents_v2_raw/openapi.json",
        "zaia_v1_raw/openapi.json",
        "asteroid_webhooks_raw/openapi.json",
        "asteroid_webhooks_raw/api_shape.py",
        "agent_executions/testing/__init__.py",
    } <= names
    assert not any("__pycache__" in name or name.startswith(("tests/", "scripts/")) for name in names)
    runtime = [r for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r]
    assert sorted(r.split("<")[0].split(">")[0] for r in runtime) == ["attrs", "httpx"]
    assert metadata["Requires-Python"] == ">=3.11"
    extras = {"async", "cli", "dlt", "duckdb", "parquet", "testing", "webhooks"}
    assert set(metadata.get_all("Provides-Extra") or []) == extras
    assert "agent-executions = agent_executions.cli:main" in entry_points
    # issue 23: the licence travels with the code, and the metadata says which Pythons work
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert metadata["License-Expression"] == "MIT"
    classifiers = metadata.get_all("Classifier") or []
    assert {f"Programming Language :: Python :: 3.{minor}" for minor in (11, 12, 13)} <= set(classifiers)


def test_the_sdist_carries_the_licence_and_the_changelog(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    (sdist,) = tmp_path.glob("agent_executions-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml"} <= names


def installed_from(tmp_path: Path, name: str, requirement: str) -> str:
    """Install `requirement` (no dependencies: they are this environment's) into a directory of
    its own, and return where `agent_executions` is imported from there, and its version."""
    target = tmp_path / name
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"]
    done = subprocess.run([*pip, "--target", str(target), requirement], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    probe = "import agent_executions as ae, asteroid_agents_v2_raw; print(ae.__file__, ae.__version__)"
    env = {**os.environ, "PYTHONPATH": str(target)}
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    return shown.stdout.strip()


def test_the_install_commands_in_the_readme_work(tmp_path: Path) -> None:
    """README, Install: from a tag of the repository, and from a wheel built with `make wheel`."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(clone), "tag", "v0.1.0-test"], check=True, capture_output=True)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    where, shown = installed_from(tmp_path, "from-tag", f"agent-executions @ git+file://{clone}@v0.1.0-test").split()
    assert where.startswith(str(tmp_path / "from-tag")) and shown == version
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path / "dist")],
        cwd=clone,
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("agent_executions-*.whl")
    where, shown = installed_from(tmp_path, "from-wheel", f"{wheel}[cli]").split()
    assert where.startswith(str(tmp_path / "from-wheel")) and shown == version
