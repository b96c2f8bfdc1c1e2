"""A fake Asteroid Agents v2 server: `GET /executions` with every filter, `GET /executions/{id}`."""

from __future__ import annotations

import datetime
import random
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from werkzeug.wrappers import Request

from ._schema_data import SchemaData
from ._server import JSON, ApiError, FakeServer, Route, int_arg

STATUSES = (
    "starting",
    "running",
    "paused",
    "awaiting_confirmation",
    "completed",
    "cancelled",
    "failed",
    "paused_by_agent",
)
TERMINAL = frozenset({"completed", "cancelled", "failed"})
AGENT_NAMES = ("Invoice Collector", "Claims Filer", "Lead Enricher", "Portal Checker", "Booking Agent")
OUTCOMES = {"completed": "success", "failed": "failure", "cancelled": "cancelled"}
MAX_PAGE_SIZE = 100
"""Assumption: the vendor's maximum page size is not documented; the fake refuses more than 100."""


def iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_time(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))


STATUS_PROPERTIES = (
    "duration",
    "terminalAt",
    "executionResult",
    "recordingUrl",
    "browserRecordingUrl",
    "liveViewUrl",
    "browserLiveViewUrl",
)
"""Properties that come and go with the status (`AsteroidData.set_status`)."""
KNOWN_PROPERTIES = frozenset({"agentProfileId", "agentProfileName", "parentExecutionId", *STATUS_PROPERTIES})
"""Optional properties `AsteroidData` leaves out on purpose (by status, or at random)."""


class AsteroidData:
    """Deterministic, realistic executions for the properties the fake knows; the spec's schemas
    give the rest (`SchemaData`)."""

    def __init__(
        self,
        rng: random.Random,
        now: datetime.datetime,
        statuses: tuple[str, ...] = STATUSES,
        sources: dict[str, JSON] | None = None,
        schema: SchemaData | None = None,
    ) -> None:
        self.rng = rng
        self.now = now
        self.statuses = statuses
        self.sources = sorted(sources) if sources else ["api", "ui", "schedule"]
        self.source_schemas = sources or {}
        self.schema = schema
        self.organization_id = self.uuid()
        self.agents = [(self.uuid(), name, self.uuid()) for name in AGENT_NAMES]
        self.labels = [
            {
                "id": self.uuid(),
                "organizationId": self.organization_id,
                "name": name,
                "color": color,
                "createdAt": iso(now - datetime.timedelta(days=90)),
            }
            for name, color in (("needs-review", "#FF5733"), ("billing", "#2E86DE"), ("flaky-site", "#F1C40F"))
        ]
        self.users = [(self.uuid(), f"{name}@example.com") for name in ("ada", "grace", "alan")]

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def execution(self, created_at: datetime.datetime, status: str | None = None) -> JSON:
        rng = self.rng
        status = status or rng.choice(self.statuses)
        agent_id, agent_name, workflow_id = rng.choice(self.agents)
        execution_id = self.uuid()
        item: JSON = {
            "agentId": agent_id,
            "agentName": agent_name,
            "agentVersion": rng.randint(1, 12),
            "agentVersionDirty": rng.random() < 0.1,
            "comments": [],
            "createdAt": iso(created_at),
            "executionOptions": {"sharedStorageKey": f"customer-{rng.randint(100, 999)}", "softTimeoutMins": 20},
            "hasBeenRerun": rng.random() < 0.1,
            "humanLabels": rng.sample(self.labels, rng.randint(0, 2)),
            "id": execution_id,
            "inputs": {"customerId": rng.randint(1000, 9999), "region": rng.choice(["eu", "us"])},
            "metadata": {"team": rng.choice(["ops", "finance", "growth"]), "env": rng.choice(["prod", "staging"])},
            "organizationId": self.organization_id,
            "status": status,
            "triggerContext": self.trigger_context(),
            "workflowId": workflow_id,
        }
        if rng.random() < 0.5:
            item["agentProfileId"] = self.uuid()
            item["agentProfileName"] = rng.choice(["default", "eu-proxy", "logged-in"])
        if rng.random() < 0.1:
            item["parentExecutionId"] = self.uuid()
        if rng.random() < 0.3:
            user_id, _ = rng.choice(self.users)
            item["comments"] = [
                {
                    "id": self.uuid(),
                    "executionId": execution_id,
                    "userId": user_id,
                    "content": "Checked by hand.",
                    "public": rng.random() < 0.5,
                    "createdAt": iso(created_at + datetime.timedelta(minutes=30)),
                    "updatedAt": iso(created_at + datetime.timedelta(minutes=31)),
                }
            ]
        self.set_status(item, status)
        return item

    def set_status(self, item: JSON, status: str) -> None:
        """Apply a status with the properties that go with it (durations only on terminal ones)."""
        item["status"] = status
        for key in STATUS_PROPERTIES:
            item.pop(key, None)
        created = parse_time(item["createdAt"])
        if status in TERMINAL:
            duration = round(self.rng.uniform(5, 900), 3)
            item["duration"] = duration
            item["terminalAt"] = iso(created + datetime.timedelta(seconds=duration))
            item["recordingUrl"] = f"https://recordings.example.com/{item['id']}.mp4"
            item["browserRecordingUrl"] = item["recordingUrl"]
            item["executionResult"] = {
                "id": self.uuid(),
                "executionId": item["id"],
                "outcome": OUTCOMES[status],
                "reasoning": f"The agent finished with {OUTCOMES[status]}.",
                "result": {"rows": self.rng.randint(0, 50)},
                "createdAt": item["terminalAt"],
            }
        elif status == "running":
            item["liveViewUrl"] = f"https://live.example.com/{item['id']}"
            item["browserLiveViewUrl"] = item["liveViewUrl"]

    def trigger_context(self) -> JSON:
        source = self.rng.choice(self.sources)
        user_id, email = self.rng.choice(self.users)
        if source not in ("api", "ui", "schedule") and self.schema is not None:
            # A source this fake does not know (a newer spec's): built from its branch of the schema.
            context: JSON = self.schema.example(self.source_schemas[source], self.rng)
            return context
        if source == "schedule":
            return {"source": "schedule", "schedule": {"id": self.uuid(), "cronExpression": "0 6 * * *"}}
        runner = {"userId": user_id, "email": email, "isAdmin": False}
        if source == "ui":
            return {"source": "ui", "runner": runner}
        return {"source": "api", "runner": runner, "apiKey": {"id": self.uuid(), "name": "ci-pipeline"}}


class FakeAsteroidServer(FakeServer):
    """Serves the Asteroid executions API (at the pinned spec's paths) on 127.0.0.1, from a seeded store.

    with FakeAsteroidServer(count=50) as server:
        client = AsteroidClient(api_key=server.api_key, base_url=server.base_url)
    """

    spec_package = "asteroid_agents_v2_raw"
    execution_operation = "ExecutionGet"
    known_properties = KNOWN_PROPERTIES

    default_count = 100

    def populate(self, count: int) -> None:
        item_schema = self.schema.response_schema(self.execution_operation)
        properties = self.schema.properties(item_schema)[0]
        # The statuses and trigger sources of the pinned spec, a release's new ones included.
        known = tuple(self.schema.enum_values(properties["status"])) or STATUSES
        sources = self.schema.branches(properties["triggerContext"])
        self.data = AsteroidData(self.rng, self.now, known, sources, self.schema)
        statuses = [known[i % len(known)] for i in range(count)]
        self.rng.shuffle(statuses)
        for index, status in enumerate(statuses):
            # spread over the last week, oldest first, a few minutes apart at least
            age = datetime.timedelta(seconds=(count - index) * 7 * 86400 // max(count, 1) + 60)
            self.add(self.data.execution(self.now - age, status))

    def new_execution(self) -> JSON:
        return self.data.execution(self.data.now)

    def apply_changes(self, item: JSON, changes: dict[str, Any]) -> None:
        """`status=` also sets the properties that go with the status (duration, result...)."""
        if "status" in changes:
            self.data.set_status(item, changes.pop("status"))
        item.update(changes)

    # --- the API --------------------------------------------------------------

    def routes(self) -> list[tuple[str, Route]]:
        return [("ExecutionList", self._list), ("ExecutionGet", self._get)]

    serve_newer_api = False
    """Also serve what the vendor's newest SDK expects: the key in `X-Api-Key`, and the newer
    required properties `workflowVersionId` and `workflowName` (for benchmarks; use with
    validate=False, since the pinned spec requires the older header)."""

    def authorized(self, request: Request) -> bool:
        if self.serve_newer_api and request.headers.get("X-Api-Key") == self.api_key:
            return True
        return super().authorized(request)

    def error_body(self, status: int, message: str) -> JSON:
        return {"code": status, "message": message}

    def execution_items(self, payload: Any) -> Iterator[JSON]:
        if isinstance(payload, dict) and isinstance(payload.get("items"), list):
            yield from payload["items"]
        elif isinstance(payload, dict) and "id" in payload:
            yield payload

    def _get(self, request: Request, values: dict[str, str]) -> JSON:
        (execution_id,) = values.values()
        with self._store_lock:
            item = self._store.get(execution_id.lower())
            if item is None:
                raise ApiError(404, f"execution {execution_id} not found")
            return self._present(item)

    def _list(self, request: Request, values: dict[str, str]) -> bytes:
        args = request.args
        page = int_arg(args.get("page", "1"), "page", 1)
        page_size = int_arg(args.get("pageSize", "10"), "pageSize", 1, MAX_PAGE_SIZE)
        if ("metadataKey" in args) != ("metadataValue" in args):
            raise ApiError(400, "metadataKey must be used together with metadataValue")
        key = "createdAt" if args.get("sortField", "created_at") == "created_at" else "status"
        descending = args.get("sortDirection", "desc") == "desc"

        def build(store: Iterable[JSON]) -> list[JSON]:
            matching = [item for item in store if _matches(item, args)]
            return sorted(matching, key=lambda item: (item[key], item["id"]), reverse=descending)

        query = tuple(sorted((k, v) for k, v in args.items(multi=True) if k not in ("page", "pageSize")))
        matching = self.listing(query, build)
        start = (page - 1) * page_size

        def make() -> JSON:
            items = [self._present(item) for item in matching[start : start + page_size]]
            return {"items": items, "page": page, "pageSize": page_size, "total": len(matching)}

        return self.encoded_page((query, page, page_size, self.serve_newer_api), make)

    def _present(self, item: JSON) -> JSON:
        """A copy of a stored execution as the API sends it."""
        shown = dict(item)
        if self.serve_newer_api:
            shown.setdefault("workflowVersionId", item["workflowId"])
            shown.setdefault("workflowName", item["agentName"])
        return shown


def _matches(item: JSON, args: Any) -> bool:
    """The vendor's filters: statuses and labels OR-ed, partial ID and outcome matches case-insensitive."""
    statuses = args.getlist("status")
    if statuses and item["status"] not in statuses:
        return False
    created = parse_time(item["createdAt"])
    if "createdAfter" in args and not created > parse_time(args["createdAfter"]):
        return False
    if "createdBefore" in args and not created < parse_time(args["createdBefore"]):
        return False
    for arg, prop in (("agentId", "agentId"), ("organizationId", "organizationId")):
        if arg in args and item[prop] != args[arg].lower():
            return False
    if "agentVersion" in args and str(item.get("agentVersion")) != args["agentVersion"]:
        return False
    if "executionId" in args and args["executionId"].lower() not in item["id"]:
        return False
    labels = args.getlist("humanLabels")
    if labels and not {label["id"] for label in item["humanLabels"]} & {x.lower() for x in labels}:
        return False
    if "outcomeLabel" in args:
        outcome = (item.get("executionResult") or {}).get("outcome", "")
        if args["outcomeLabel"].lower() not in outcome.lower():
            return False
    return not ("metadataKey" in args and item.get("metadata", {}).get(args["metadataKey"]) != args["metadataValue"])
