"""A fake Asteroid Agents v2 server: `GET /executions` with every filter, `GET /executions/{id}`, and the
execution lifecycle (execute, the sync long-poll, cancel, pause, resume, messages, activities, rerun,
delete, the recording redirect)."""

from __future__ import annotations

import datetime
import json
import math
import random
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Self

import attrs
from werkzeug.wrappers import Request, Response

from ..webhooks import SIGNATURE_HEADER
from ._schema_data import SchemaData
from ._server import JSON, ApiError, FakeServer, Reply, Route, Violation, int_arg
from ._webhooks import (
    DEFAULT_RETRY_DELAYS,
    WebhookDelivery,
    WebhookSender,
    check_delays,
    check_url,
    notification_errors,
    private_key,
    public_key_text,
    shown_url,
    sign,
)

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
HALTING = frozenset({"paused", "paused_by_agent", "awaiting_confirmation"})
"""Statuses in which an execution waits for someone: the long-poll answers 202 at once, and the
lifecycle goes on only after `resume` (or, for the last two, a message)."""
DEFAULT_LIFECYCLE: tuple[tuple[float, str], ...] = ((0.0, "starting"), (0.05, "running"), (0.2, "completed"))
"""What an execution started by `execute` goes through: (seconds after the previous step, status)."""
UNKNOWN_ACTIVITY_TYPE = "browser_snapshot_taken"
"""An activity kind the pinned spec does not know: clients must still read the list."""
LONG_POLL_TICK = 0.01
"""How often the fake's long-poll looks at the execution again."""


@attrs.define
class Run:
    """Where an execution started by `execute` is in its lifecycle."""

    plan: tuple[tuple[float, str], ...]
    next_at: float
    """When the next step is due, in seconds on the server's clock (`FakeClock.elapsed`)."""
    step: int = 0
    halted: bool = False


AGENT_NAMES = ("Invoice Collector", "Claims Filer", "Lead Enricher", "Portal Checker", "Booking Agent")
OUTCOMES = {"completed": "success", "failed": "failure", "cancelled": "cancelled"}
MAX_PAGE_SIZE = 100
"""Assumption: the vendor's maximum page size is not documented; the fake refuses more than 100."""
WEBHOOK_EVENTS = {
    "paused": "EXECUTION_PAUSED",
    "paused_by_agent": "EXECUTION_PAUSED",
    "awaiting_confirmation": "EXECUTION_AWAITING_CONFIRMATION",
    "completed": "EXECUTION_COMPLETED",
    "failed": "EXECUTION_FAILED",
    "cancelled": "EXECUTION_CANCELLED",
}
"""The webhook event a status change sends (starting or running first: STARTED; running again: RESUMED)."""
EXECUTION_PAGE = "https://platform.example.com/executions/"
"""Where a notification's `execution_url` points (the vendor's web app in real ones)."""


def iso(moment: datetime.datetime) -> str:
    """RFC 3339 in UTC with a `Z`: whole seconds, or milliseconds when the moment has a fraction
    (an execution started on the fake's running clock)."""
    spec = "milliseconds" if moment.microsecond >= 1000 else "seconds"  # one spelling per instant written
    return moment.astimezone(datetime.UTC).isoformat(timespec=spec).replace("+00:00", "Z")


def parse_time(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))


def sort_time(value: str) -> datetime.datetime:
    """A stored time as an instant to sort by; one without an offset (a test's deliberate breach of
    the spec) is taken as UTC, so that it sorts among the others instead of failing the listing."""
    parsed = parse_time(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=datetime.UTC)


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
SENT_OR_ABSENT = ("metadata", "executionOptions", "parentExecutionId")
"""What a started execution has only when it was sent (a rerun's parent: set by the fake)."""
KNOWN_PROPERTIES = frozenset({"agentProfileId", "agentProfileName", *SENT_OR_ABSENT, *STATUS_PROPERTIES})
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

    def set_status(self, item: JSON, status: str, at: datetime.datetime | None = None) -> None:
        """Apply a status with the properties that go with it (durations only on terminal ones).
        `at` is when it happens; without it (the seeded history) a terminal execution took a
        random time, never ending after `now`."""
        item["status"] = status
        for key in STATUS_PROPERTIES:
            item.pop(key, None)
        created = sort_time(item["createdAt"])
        if status in TERMINAL:
            if at is None:
                age = max((self.now - created).total_seconds(), 0.0)
                duration = round(min(self.rng.uniform(5, 900), age), 3)
                ended = created + datetime.timedelta(seconds=duration)
            else:
                ended = max(at, created)
                duration = round((ended - created).total_seconds(), 3)
            item["duration"] = duration
            item["terminalAt"] = iso(ended)
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

    def __init__(
        self,
        *,
        seed: int = 0,
        count: int | None = None,
        now: datetime.datetime | None = None,
        api_key: str = "test-key",
        validate: bool = True,
        port: int = 0,
        webhook_url: str | None = None,
        webhook_retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    ) -> None:
        """`webhook_url`: POST a signed notification there for each status change of an execution
        (needs the `webhooks` extra); a failed delivery is tried again after each of `webhook_retry_delays`."""
        self._webhooks: WebhookSender | None = None
        self._webhooks_started: set[str] = set()
        if webhook_url is not None:
            self._webhooks = WebhookSender(check_url(webhook_url), check_delays(webhook_retry_delays))
            private_key()  # without cryptography, fail here rather than in a background thread
        super().__init__(seed=seed, count=count, now=now, api_key=api_key, validate=validate, port=port)

    @property
    def webhook_public_key(self) -> str:
        """The public key of the notifications' signatures, as the vendor publishes its own (base64 DER)."""
        return public_key_text(private_key())

    @property
    def webhook_deliveries(self) -> list[WebhookDelivery]:
        """The notifications sent to `webhook_url` so far, oldest first, with each one's attempts and outcome."""
        return list(self._webhooks.deliveries) if self._webhooks is not None else []

    def wait_for_webhooks(self, timeout: float = 5.0) -> list[WebhookDelivery]:
        """The deliveries, once none is pending (each delivered or failed); AssertionError after `timeout` s."""
        if self._webhooks is not None and not self._webhooks.wait(timeout):
            raise AssertionError(f"webhook deliveries still pending after {timeout} s")
        return self.webhook_deliveries

    def start(self) -> Self:
        if self._webhooks is not None:  # again after stop(): a new sender thread
            self._webhooks.start()
        return super().start()

    def stop(self) -> None:
        """Stop serving; deliveries still pending after 5 s (in all) are marked "abandoned", and none
        is attempted after this returns."""
        if self._webhooks is not None:
            self._webhooks.stop(timeout=5.0)
        super().stop()

    def populate(self, count: int) -> None:
        # The lifecycle's state (populate is what the base class's __init__ calls).
        self._lifecycle_runs: dict[str, Run] = {}
        self._activity_log: dict[str, list[JSON]] = {}
        self._lifecycle_lock = threading.RLock()
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
        return self.data.execution(self.clock.now())

    def apply_changes(self, item: JSON, changes: dict[str, Any]) -> None:
        """`status=` also sets the properties that go with the status (duration, result...), as of
        the clock's now."""
        if "status" in changes:
            self.data.set_status(item, changes.pop("status"), at=self.clock.now())
        item.update(changes)

    # --- the API --------------------------------------------------------------

    def routes(self) -> list[tuple[str, Route]]:
        return [
            ("ExecutionList", self._list),
            ("ExecutionGet", self._get),
            ("ExecutionDelete", self._delete),
            ("WorkflowExecute", self._execute),
            ("ExecutionSyncGet", self._sync),
            ("ExecutionCancel", self._cancel),
            ("ExecutionPause", self._pause),
            ("ExecutionResume", self._resume),
            ("ExecutionUserMessagesAdd", self._message),
            ("ExecutionActivitiesGet", self._activities),
            ("ExecutionRerun", self._rerun),
            ("ExecutionRecordingRedirect", self._recording),
        ]

    # --- the lifecycle --------------------------------------------------------

    _lifecycle: tuple[tuple[float, str], ...] = DEFAULT_LIFECYCLE

    @property
    def lifecycle(self) -> tuple[tuple[float, str], ...]:
        """The schedule of executions started from now on: (seconds after the previous step, status).
        A halting status (paused, paused_by_agent, awaiting_confirmation) stops it until resumed or
        answered; end it with a terminal status, or leave one out to drive the execution by hand.
        Checked when set: a bad schedule fails there, not in the requests it would break."""
        return self._lifecycle

    @lifecycle.setter
    def lifecycle(self, plan: Any) -> None:
        if isinstance(plan, str | bytes) or not isinstance(plan, list | tuple):
            raise TypeError(f"lifecycle must be a sequence of (seconds, status) pairs, not {type(plan).__name__}")
        checked: list[tuple[float, str]] = []
        for index, step in enumerate(plan):
            if not isinstance(step, list | tuple) or len(step) != 2:
                raise TypeError(f"lifecycle[{index}] must be a (seconds, status) pair, not {step!r}")
            delay, status = step
            if isinstance(delay, bool) or not isinstance(delay, int | float) or not 0 <= delay < math.inf:
                raise ValueError(f"lifecycle[{index}]: seconds must be a finite number >= 0, not {delay!r}")
            if status not in self.data.statuses:
                known = ", ".join(self.data.statuses)
                raise ValueError(f"lifecycle[{index}]: {status!r} is not a status of the pinned spec ({known})")
            if checked and checked[-1][1] in TERMINAL:
                raise ValueError(f"lifecycle[{index}] comes after the terminal status {checked[-1][1]!r}")
            checked.append((float(delay), status))
        self._lifecycle = tuple(checked)

    recording_origin = "https://recordings.example.com"
    """Where the recording redirect points: another origin than the API's."""

    def _runs(self) -> dict[str, Run]:
        return self._lifecycle_runs

    def activities_of(self, execution_id: str) -> list[JSON]:
        """The activities recorded for an execution, oldest first (wire format)."""
        with self._lifecycle_lock:
            return [dict(item) for item in self._activity_log.get(execution_id, [])]

    def status_of(self, execution_id: str) -> str:
        self.advance()
        with self._store_lock:
            return str(self._store[execution_id]["status"])

    def advance(self) -> None:
        """Move every scheduled execution along its lifecycle up to the clock's now (called before
        each request)."""
        now = self.clock.elapsed()
        with self._lifecycle_lock:
            for execution_id, run in list(self._runs().items()):
                while not run.halted and run.step < len(run.plan) and now >= run.next_at:
                    status = run.plan[run.step][1]
                    run.step += 1
                    self.set_status(execution_id, status)
                    if status in HALTING:
                        run.halted = True
                    elif run.step < len(run.plan):
                        run.next_at += run.plan[run.step][0]

    def set_status(self, execution_id: str, status: str, *, reason: str | None = None) -> None:
        """Move an execution to `status` by hand (with the activities that go with it); a terminal or
        halting status stops its schedule until it is resumed."""
        with self._lifecycle_lock:
            with self._store_lock:
                before = self._store[execution_id]["status"] if execution_id in self._store else None
            previous = self.update(execution_id, status=status)
            run = self._runs().get(execution_id)
            if run is not None and (status in TERMINAL or status in HALTING):
                run.halted = True
            if status in TERMINAL and run is not None:
                run.step = len(run.plan)
            self._record_status(previous, status, reason)
            self._notify(previous, before, status, reason)

    def finish(self, execution_id: str, status: str = "completed") -> None:
        """End an execution now with `status` (completed, failed or cancelled)."""
        if status not in TERMINAL:
            raise ValueError(f"finish takes a terminal status, not {status!r}")
        self.set_status(execution_id, status)

    def pause_execution(self, execution_id: str) -> None:
        """Pause an execution as its user would."""
        self.set_status(execution_id, "paused", reason="paused by a user")

    def await_confirmation(self, execution_id: str) -> None:
        """Make the agent wait for a confirmation: a message or `resume` continues it."""
        self.set_status(execution_id, "awaiting_confirmation", reason="the agent asks before submitting")

    def resume_execution(self, execution_id: str) -> None:
        """Back to running, as `resume` or an answer does; a halted schedule goes on from now."""
        with self._lifecycle_lock:
            self.set_status(execution_id, "running")
            run = self._runs().get(execution_id)
            if run is not None and run.step < len(run.plan):
                run.halted = False
                run.next_at = self.clock.elapsed() + run.plan[run.step][0]

    def _log_activity(self, execution_id: str, payload: JSON) -> None:
        with self._lifecycle_lock:
            entries = self._activity_log.setdefault(execution_id, [])
            moment = self.clock.now()
            if entries:  # strictly after the one before, even on a frozen clock
                moment = max(moment, parse_time(entries[-1]["timestamp"]) + datetime.timedelta(milliseconds=1))
            entries.append(
                {"id": self.data.uuid(), "executionId": execution_id, "timestamp": iso(moment), "payload": payload}
            )

    def _record_status(self, item: JSON, status: str, reason: str | None) -> None:
        execution_id = item["id"]
        change: JSON = {"activityType": "status_changed", "status": status}
        if status == "running" and not any(
            a["payload"]["activityType"] == "step_started" for a in self.activities_of(execution_id)
        ):
            self._log_activity(execution_id, change)
            self._log_activity(execution_id, {"activityType": "step_started", "stepNumber": 1})
            action = {"message": "Opening the portal", "actionName": "nav_to", "actionId": self.data.uuid()}
            self._log_activity(execution_id, {"activityType": "action_started", **action})
            self._log_activity(
                execution_id, {"activityType": "reasoning", "reasoning": "The form is on the first page."}
            )
            self._log_activity(
                execution_id, {"activityType": UNKNOWN_ACTIVITY_TYPE, "url": "https://portal.example.com"}
            )
            return
        if status == "completed":
            result = item.get("executionResult") or {}
            self._log_activity(execution_id, {"activityType": "step_completed", "stepNumber": 1})
            name = "result.csv"
            self._log_activity(
                execution_id,
                {
                    "activityType": "file_added",
                    "fileId": self.data.uuid(),
                    "fileName": name,
                    "mimeType": "text/csv",
                    "fileSize": 2048,
                    "source": "agent",
                    "presignedUrl": f"{self.recording_origin}/files/{name}",
                },
            )
            change["completedPayload"] = {
                "outcome": result.get("outcome", "success"),
                "reasoning": result.get("reasoning", "Done."),
                "result": result.get("result"),
            }
        elif status == "failed":
            change["failedPayload"] = {"reason": reason or "the portal rejected the login"}
        elif status == "cancelled":
            change["cancelledPayload"] = {"reason": reason or "user_requested"}
        elif status == "paused":
            change["pausedPayload"] = {"reason": reason or "paused"}
        elif status == "awaiting_confirmation":
            change["awaitingConfirmationPayload"] = {"reason": reason or "confirm before submitting"}
        self._log_activity(execution_id, change)
        if status in TERMINAL:
            self._log_activity(execution_id, {"activityType": "terminal", "reason": "complete"})

    def _notify(self, item: JSON, before: str | None, status: str, reason: str | None) -> None:
        """Queue the signed notification of a status change for `webhook_url`, if one is set."""
        if self._webhooks is None:
            return
        execution_id = item["id"]
        payload: JSON = {}
        if status in ("starting", "running") and execution_id not in self._webhooks_started:
            self._webhooks_started.add(execution_id)
            event = "EXECUTION_STARTED"
        elif status == before:
            return
        elif status == "running" and before in HALTING:
            event = "EXECUTION_RESUMED"
        elif status in WEBHOOK_EVENTS:
            event, payload = WEBHOOK_EVENTS[status], self._webhook_payload(item, status, reason)
        else:
            return
        info: JSON = {
            "event": event,
            "execution_id": execution_id,
            "execution_url": EXECUTION_PAGE + execution_id,
            "agent_id": item["agentId"],
            "agent_name": item["agentName"],
        }
        if isinstance(item.get("metadata"), dict):
            info["metadata"] = item["metadata"]
        info["payload"] = payload
        event_id = str(uuid.uuid4())
        envelope = {"type": "execution", "event_id": event_id, "timestamp": iso(self.clock.now()), "info": info}
        body = json.dumps(envelope, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(private_key(), body)}
        if self.validate:  # what the fake sends must fit the pinned webhook document, as its responses the API's
            where = f"POST {shown_url(self._webhooks.url)} ({event})"
            operation = "webhook notification (a request the fake sent, not a response)"
            found = [Violation(operation, where, *error, body.decode()) for error in notification_errors(body)]
            with self._lock:
                self.violations.extend(found)
        self._webhooks.send(WebhookDelivery(event, execution_id, event_id, body, headers))

    @staticmethod
    def _webhook_payload(item: JSON, status: str, reason: str | None) -> JSON:
        if status == "completed":
            result = item.get("executionResult") or {}
            return {
                "result": result.get("result") or {},
                "outcome": result.get("outcome", "success"),
                "reasoning": result.get("reasoning", "Done."),
            }
        defaults = {
            "failed": "the portal rejected the login",
            "cancelled": "user_requested",
            "paused": "paused",
            "paused_by_agent": "paused by the agent",
            "awaiting_confirmation": "confirm before submitting",
        }
        return {"reason": reason or defaults[status]}

    def _dispatch(self, request: Request) -> tuple[Response, bool, str]:
        self.advance()
        return super()._dispatch(request)

    def _stored(self, values: dict[str, str]) -> JSON:
        (execution_id,) = values.values()
        with self._store_lock:
            item = self._store.get(execution_id.lower())
            if item is None:
                raise ApiError(404, f"execution {execution_id} not found")
            return dict(item)

    def _start(self, template: JSON) -> JSON:
        """Store a new execution made from `template`'s values, created now on the clock, and start
        its lifecycle. What the template leaves out (metadata, a parent) it does not have."""
        item = self.data.execution(self.clock.now(), "starting")
        for key in ("agentId", "agentName", "workflowId", "inputs", *SENT_OR_ABSENT):
            if key in template:
                item[key] = template[key]
            elif key in SENT_OR_ABSENT:
                item.pop(key, None)
        item["hasBeenRerun"] = False
        item["comments"], item["humanLabels"] = [], []
        plan = self.lifecycle
        stored = self.add(item)
        with self._lifecycle_lock:
            self._log_activity(stored["id"], {"activityType": "generic", "message": "Execution queued"})
            first_delay = plan[0][0] if plan else 0.0
            self._runs()[stored["id"]] = Run(plan, next_at=self.clock.elapsed() + first_delay)
        self.advance()
        return stored

    def _execute(self, request: Request, values: dict[str, str]) -> Reply:
        (workflow_id,) = values.values()
        body = request.get_json(silent=True) or {}
        if body.get("head") and "version" in body:
            raise ApiError(400, "version cannot be combined with head")
        if "profileId" in body and "profileGroupId" in body:
            raise ApiError(400, "profileId and profileGroupId are mutually exclusive")
        template: JSON = {"workflowId": workflow_id.lower(), "inputs": body.get("inputs", {})}
        for key in ("metadata", "executionOptions"):
            if key in body:
                template[key] = body[key]
        item = self._start(template)
        return Reply(202, {"executionId": item["id"], "status": self.status_of(item["id"])})

    def _sync(self, request: Request, values: dict[str, str]) -> Reply:
        execution_id = self._stored(values)["id"]
        hold = int_arg(request.args.get("timeoutSeconds", "25"), "timeoutSeconds", 1, 25)
        deadline = time.monotonic() + hold
        while True:
            self.advance()
            item = self._stored(values)
            status = item["status"]
            if status in TERMINAL or status in HALTING or time.monotonic() >= deadline:
                break
            time.sleep(LONG_POLL_TICK)
        body: JSON = {"executionId": execution_id, "status": status}
        if status in TERMINAL and "executionResult" in item:
            body["executionResult"] = item["executionResult"]
        return Reply(200 if status in TERMINAL else 202, body)

    def _change(self, values: dict[str, str], allowed: Iterable[str], target: str, verb: str) -> JSON:
        item = self._stored(values)
        if item["status"] not in allowed:
            raise ApiError(409, f"cannot {verb} an execution that is {item['status']}")
        if target == "running":
            self.resume_execution(item["id"])
        else:
            self.set_status(item["id"], target)
        return {"executionId": item["id"], "status": target}

    def _cancel(self, request: Request, values: dict[str, str]) -> JSON:
        return self._change(values, set(self.data.statuses) - TERMINAL, "cancelled", "cancel")

    def _pause(self, request: Request, values: dict[str, str]) -> JSON:
        return self._change(values, ("starting", "running"), "paused", "pause")

    def _resume(self, request: Request, values: dict[str, str]) -> JSON:
        return self._change(values, HALTING, "running", "resume")

    def _message(self, request: Request, values: dict[str, str]) -> Reply:
        item = self._stored(values)
        if item["status"] in TERMINAL:
            raise ApiError(409, f"cannot send a message to an execution that is {item['status']}")
        body = request.get_json(silent=True) or {}
        user_id, _ = self.data.users[0]
        self._log_activity(
            item["id"], {"activityType": "user_message_received", "message": body["message"], "userUUID": user_id}
        )
        if item["status"] in ("paused_by_agent", "awaiting_confirmation"):
            self.resume_execution(item["id"])  # the answer the agent waited for
        return Reply(201, "received")

    def _activities(self, request: Request, values: dict[str, str]) -> list[JSON]:
        item = self._stored(values)
        entries = self.activities_of(item["id"])
        if request.args.get("order", "asc") == "desc":
            entries.reverse()
        if "limit" in request.args:
            entries = entries[: int_arg(request.args["limit"], "limit", 1)]
        return entries

    def _rerun(self, request: Request, values: dict[str, str]) -> Reply:
        original = self._stored(values)
        if original["status"] not in TERMINAL:
            raise ApiError(409, f"cannot rerun an execution that is {original['status']}")
        body = request.get_json(silent=True) or {}
        template: JSON = {
            key: original[key]
            for key in ("agentId", "agentName", "workflowId", "inputs", "metadata", "executionOptions")
            if key in original
        }
        if "inputs" in body:
            template["inputs"] = body["inputs"]
        template["parentExecutionId"] = original["id"]
        self.update(original["id"], hasBeenRerun=True)
        item = self._start(template)
        return Reply(202, {"executionId": item["id"], "status": self.status_of(item["id"])})

    def remove(self, execution_id: str) -> None:
        """Forget an execution, its lifecycle and its activities."""
        with self._lifecycle_lock:
            super().remove(execution_id)
            self._runs().pop(execution_id, None)
            self._activity_log.pop(execution_id, None)

    def _delete(self, request: Request, values: dict[str, str]) -> Reply:
        self.remove(self._stored(values)["id"])
        return Reply(204)

    def _recording(self, request: Request, values: dict[str, str]) -> Reply:
        item = self._stored(values)
        if item["status"] not in TERMINAL:
            raise ApiError(404, f"execution {item['id']} has no recording yet")
        return Reply(307, None, {"Location": f"{self.recording_origin}/{item['id']}.mp4"})

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

        def order(item: JSON) -> tuple[Any, str]:
            """By time for `createdAt` (fractions and offsets as the vendor's database sorts them, not as text)."""
            return (sort_time(item[key]) if key == "createdAt" else item[key], item["id"])

        def build(store: Iterable[JSON]) -> list[JSON]:
            matching = [item for item in store if _matches(item, args)]
            return sorted(matching, key=order, reverse=descending)

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
