"""A second Asteroid server for the sync and dlt tests, written from the published spec alone and sharing
no code with `agent_executions.testing`: `GET /executions` (the `createdAfter`/`createdBefore`
filters as strict bounds, `sortField`/`sortDirection`, `page`/`pageSize`/`total`) and
`GET /executions/{executionId}` over executions held in memory, which a test adds to and finishes.
What the fake gets wrong about the vendor, this one has no reason to get wrong the same way."""

from __future__ import annotations

import datetime
import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

KEY_HEADER = "X-Asteroid-Agents-Api-Key"  # components.securitySchemes.ApiKeyAuth
PREFIX = "/agents/v2"  # the path of servers[0].url
TERMINAL = ("completed", "failed", "cancelled")


class IndependentAsteroid:
    """Executions (the spec's `Agents.Execution.ListItem`, required properties and a few more) and
    the requests seen, as (path, query) pairs."""

    def __init__(self, api_key: str = "independent-key") -> None:
        self.api_key = api_key
        self.executions: list[dict[str, Any]] = []
        self.requests: list[tuple[str, dict[str, list[str]]]] = []
        self.now = datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC)
        self.lock = threading.Lock()
        self.base_url = ""

    def add(self, status: str = "running", seconds: float = 1.0) -> dict[str, Any]:
        """A new execution, created `seconds` after the last one."""
        with self.lock:
            self.now += datetime.timedelta(seconds=seconds)
            execution = {
                "id": str(uuid.uuid4()),
                "agentId": "3f0c1d9e-0000-4000-8000-000000000001",
                "workflowId": "3f0c1d9e-0000-4000-8000-000000000002",
                "organizationId": "3f0c1d9e-0000-4000-8000-000000000003",
                "agentName": "Invoice Collector",
                "status": status,
                "createdAt": self.now.isoformat().replace("+00:00", "Z"),
                "humanLabels": [],
                "comments": [],
                "hasBeenRerun": False,
                "agentVersion": 3,
                "metadata": {"team": "billing"},
            }
            if status in TERMINAL:
                execution["duration"] = 12.5
            self.executions.append(execution)
            return execution

    def finish(self, execution_id: str, status: str) -> None:
        with self.lock:
            execution = next(e for e in self.executions if e["id"] == execution_id)
            execution["status"] = status
            execution["duration"] = 30.0

    def listing(self, query: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        def moment(name: str) -> datetime.datetime | None:
            return datetime.datetime.fromisoformat(query[name][0]) if name in query else None

        after, before = moment("createdAfter"), moment("createdBefore")
        field = query.get("sortField", ["created_at"])[0]
        descending = query.get("sortDirection", ["desc"])[0] == "desc"
        page, size = int(query.get("page", ["1"])[0]), int(query.get("pageSize", ["10"])[0])
        if page < 1 or not 1 <= size <= 100:
            return 400, {"error": "page must be 1 or more and pageSize 1 to 100"}
        with self.lock:
            chosen = [
                dict(e)
                for e in self.executions
                if (after is None or datetime.datetime.fromisoformat(e["createdAt"]) > after)
                and (before is None or datetime.datetime.fromisoformat(e["createdAt"]) < before)
            ]
        key = "createdAt" if field == "created_at" else "status"
        chosen.sort(key=lambda e: (e[key], e["id"]), reverse=descending)
        items = chosen[(page - 1) * size : page * size]
        return 200, {"items": items, "page": page, "pageSize": size, "total": len(chosen)}

    def answer(self, path: str, query: dict[str, list[str]], key: str | None) -> tuple[int, dict[str, Any]]:
        self.requests.append((path, query))
        if key != self.api_key:
            return 401, {"error": "unauthorized"}
        if not path.startswith(PREFIX + "/"):
            return 404, {"error": "no such path"}
        path = path.removeprefix(PREFIX)
        if path == "/executions":
            return self.listing(query)
        if path.startswith("/executions/") and path.count("/") == 2:
            wanted = path.rsplit("/", 1)[1]
            with self.lock:
                found = [dict(e) for e in self.executions if e["id"] == wanted]
            return (200, found[0]) if found else (404, {"error": "not found"})
        return 404, {"error": "no such path"}

    def list_requests(self) -> int:
        return sum(path == PREFIX + "/executions" for path, _ in self.requests)


@contextmanager
def serving(server: IndependentAsteroid) -> Iterator[IndependentAsteroid]:
    """`server` on a loopback port, its `base_url` set, until the block ends."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            status, body = server.answer(parts.path, parse_qs(parts.query), self.headers.get(KEY_HEADER))
            raw = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    server.base_url = f"http://127.0.0.1:{http.server_address[1]}{PREFIX}"
    try:
        yield server
    finally:
        http.shutdown()
        http.server_close()
        thread.join()
