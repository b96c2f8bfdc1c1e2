"""Helpers for the regeneration tests: a spec server on loopback, running the script, file snapshots."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
import time
import tomllib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "regenerate.py"
sys.path.insert(0, str(ROOT / "scripts"))
SPECS: dict[str, str] = {
    api: entry["spec"] for api, entry in tomllib.loads((ROOT / "openapi" / "sources.toml").read_text()).items()
}
"""Each API's pinned file, as sources.toml names it."""


def dump_like_pin(api: str, doc: object) -> str:
    """`doc` in the format of `api`'s pin: JSON for a `.json` pin (which refuses YAML), else YAML."""
    import yaml

    if SPECS[api].endswith(".json"):
        return json.dumps(doc, indent=2)
    return yaml.safe_dump(doc, sort_keys=False)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/yaml"})
    delay: float = 0.0


class SpecServer:
    """Serves fixed responses by path over real HTTP on 127.0.0.1."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                route = routes.get(self.path, Route(status=404, body=b"not here"))
                time.sleep(route.delay)
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


def regenerate(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def snapshot(root: Path) -> dict[str, str]:
    """The sha256 of every file under openapi/, generated/ and the facade's generated resources."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in ("openapi", "generated", "facade/agent_executions/_generated")
        for path in sorted((root / folder).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
