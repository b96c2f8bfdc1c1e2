"""A fake Zaia v1 server: executions list, get, and nestings (an execution with its children)."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from werkzeug.wrappers import Request

from ._asteroid import iso
from ._server import JSON, ApiError, FakeServer, Route, int_arg

ZAIA_STATUSES = ("pending", "running", "completed", "failed")
"""Assumption: Zaia documents no status values; these are what the fake uses."""
MAX_PAGE_SIZE = 100


class FakeZaiaServer(FakeServer):
    """Serves the Zaia executions API on 127.0.0.1, from a seeded store of executions and their children.

    Roughly one execution in four is agentic and has children (some with children of their own).
    `chat_messages` maps the chat message that started each top-level execution to its ID.
    """

    spec_package = "zaia_v1_raw"
    execution_operation = "ExecutionGet"
    known_properties = frozenset({"endedAt", "parentId"})

    default_count = 40

    def populate(self, count: int) -> None:
        self.workspace_id = self._uuid()
        self.responder_ids = [self._uuid() for _ in range(3)]
        self.chat_messages: dict[str, str] = {}
        for index in range(count):
            started = self.now - datetime.timedelta(minutes=(count - index) * 37)
            root = self.add(self._execution(started, parent_id=None, agentic=self.rng.random() < 0.25))
            self.chat_messages[self._uuid()] = root["id"]
            if root["isAgentic"]:
                self._add_children(root, depth=1)

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _execution(self, started: datetime.datetime, *, parent_id: str | None, agentic: bool) -> JSON:
        status = self.rng.choice(ZAIA_STATUSES)
        ended = (
            None if status in ("pending", "running") else started + datetime.timedelta(seconds=self.rng.randint(2, 600))
        )
        kind = self.rng.choice(["message", "tool", "agent"]) if not agentic else "agent"
        return {
            "createdAt": iso(started - datetime.timedelta(seconds=1)),
            "id": self._uuid(),
            "updatedAt": iso(ended or started),
            "creditsUsed": round(self.rng.uniform(0, 25), 2),
            "detail": {"type": kind, "name": f"{kind}-{self.rng.randint(1, 99)}"},
            "endedAt": iso(ended) if ended else None,
            "isAgentic": agentic,
            "isPurged": self.rng.random() < 0.05,
            "parentId": parent_id,
            "responderId": self.rng.choice(self.responder_ids),
            "startedAt": iso(started),
            "status": status,
            "workspaceId": self.workspace_id,
        }

    def _add_children(self, parent: JSON, depth: int) -> None:
        started = datetime.datetime.fromisoformat(parent["startedAt"].replace("Z", "+00:00"))
        for offset in range(self.rng.randint(1, 3)):
            agentic = depth < 2 and self.rng.random() < 0.3
            child = self._execution(
                started + datetime.timedelta(seconds=offset + 1), parent_id=parent["id"], agentic=agentic
            )
            child["responderId"] = parent["responderId"]
            self.add(child)
            if agentic:
                self._add_children(child, depth + 1)

    def new_execution(self) -> JSON:
        """A top-level execution started now on the clock; a finished one ended now too."""
        now = self.clock.now()
        item = self._execution(now, parent_id=None, agentic=False)
        if item["endedAt"] is not None:
            item["endedAt"] = item["updatedAt"] = iso(now)
        return item

    def tree(self, execution_id: str) -> JSON:
        """An execution with its children, recursively, as the nestings endpoint returns it."""
        with self._store_lock:
            return self._tree(self._store[execution_id])

    def _tree(self, item: JSON) -> JSON:
        children = [self._tree(child) for child in self._store.values() if child["parentId"] == item["id"]]
        node = {**item, "children": children}
        return self.schema.complete(node, self.schema.response_schema("ExecutionGetNesting"), key=item["id"])

    # --- the API --------------------------------------------------------------

    def routes(self) -> list[tuple[str, Route]]:
        return [("ExecutionList", self._list), ("ExecutionGetNesting", self._nesting), ("ExecutionGet", self._get)]

    def execution_items(self, payload: Any) -> Iterator[JSON]:
        if isinstance(payload, list):
            yield from payload
        elif isinstance(payload, dict):
            yield payload

    def _list(self, request: Request, values: dict[str, str]) -> list[JSON]:
        number = int_arg(request.args.get("pageNumber", "1"), "pageNumber", 1, None)
        size = int_arg(request.args.get("pageSize", "10"), "pageSize", 1, MAX_PAGE_SIZE)
        responders = frozenset(r.lower() for r in request.args.getlist("responderIds"))

        def build(store: Iterable[JSON]) -> list[JSON]:
            matching = [item for item in store if not responders or item["responderId"] in responders]
            return sorted(matching, key=lambda item: (item["createdAt"], item["id"]), reverse=True)

        return [dict(item) for item in self.listing(responders, build)[(number - 1) * size : number * size]]

    def _get(self, request: Request, values: dict[str, str]) -> JSON:
        (execution_id,) = values.values()
        with self._store_lock:
            item = self._store.get(execution_id.lower())
        if item is None:
            raise ApiError(404, f"execution {execution_id} not found")
        return dict(item)

    def _nesting(self, request: Request, values: dict[str, str]) -> JSON:
        execution_id = request.args.get("executionId")
        message_id = request.args.get("chatMessageId")
        if (execution_id is None) == (message_id is None):
            raise ApiError(400, "give exactly one of executionId and chatMessageId")
        if message_id is not None:
            execution_id = self.chat_messages.get(message_id.lower())
        with self._store_lock:
            found = execution_id is not None and execution_id.lower() in self._store
        if not found or execution_id is None:
            raise ApiError(404, "execution not found")
        return self.tree(execution_id.lower())
