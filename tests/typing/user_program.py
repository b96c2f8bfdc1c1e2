"""A small program written from the README alone, as a user would.

`tests/typing/test_user_program.py` runs `mypy --strict` on it: it must pass without a cast,
a `type: ignore` or an import from a `*_raw` package. It is type-checked, never run.
"""

from __future__ import annotations

import asyncio
import copy
import datetime
import json
import pickle

from agent_executions import (
    ActivityPayload,
    AsteroidClient,
    AsyncAsteroidClient,
    Execution,
    ExecutionResult,
    ExecutionStatus,
    NotFoundError,
    RateLimitError,
    StartedExecution,
    StatusChangedActivity,
    UnknownActivity,
    WaitTimeoutError,
    ZaiaClient,
    ZaiaExecution,
)


def finished_at(execution: Execution) -> datetime.datetime | None:
    return execution.terminal_at  # absent while running: None


def describe(execution: Execution) -> str:
    seconds: float = execution.duration if execution.duration is not None else 0.0
    ended = execution.terminal_at.isoformat() if execution.terminal_at is not None else "still running"
    result: ExecutionResult | None = execution.execution_result
    outcome = result.outcome if result is not None else "no result yet"
    status: ExecutionStatus = execution.status
    team = execution.metadata["team"] if execution.metadata is not None and "team" in execution.metadata else "-"
    return f"{execution.id} {execution.agent_name} {status} {ended} {outcome} {seconds:.0f}s {team}"


def report(client: AsteroidClient) -> list[str]:
    lines = [describe(e) for e in client.executions.list(status=["failed"], limit=20)]
    try:
        one = client.executions.get("3c90c3cc-0d44-4b50-8888-8dd25736052a")
    except NotFoundError:
        return lines
    except RateLimitError as exc:
        return [*lines, f"try again in {exc.retry_after} s"]
    sent_null = "terminalAt" in one.present_keys and one.terminal_at is None
    snapshot: Execution = pickle.loads(pickle.dumps(one))
    assert snapshot == copy.deepcopy(one)
    lines.append(json.dumps(one.to_dict()) if not sent_null else repr(one))
    return lines


def run_and_steer(client: AsteroidClient, workflow_id: str) -> str:
    done: Execution = client.workflows.run(workflow_id, inputs={"customer_id": 42}, timeout=600)
    if done.status == ExecutionStatus.FAILED:
        return "failed"
    started: StartedExecution = client.workflows.execute(workflow_id, metadata={"team": "ops"})
    try:
        client.executions.wait(started.execution_id, timeout=60)
    except WaitTimeoutError as exc:
        print(exc.execution_id, exc.last_status)
        client.executions.cancel(exc.execution_id)
    client.executions.send_message(started.execution_id, "Yes, submit the claim.")
    kinds: list[str] = []
    for activity in client.executions.activities(started.execution_id, order="desc", limit=10):
        payload: ActivityPayload = activity.payload
        if isinstance(payload, StatusChangedActivity):
            kinds.append(str(payload.status))
        elif isinstance(payload, UnknownActivity):
            kinds.append(payload.activity_type)
    url: str = client.executions.recording_url(started.execution_id)
    return f"{url} {kinds}"


def zaia_report(client: ZaiaClient) -> list[str]:
    lines = []
    for execution in client.executions.list(page_size=100, limit=50):
        ended: datetime.datetime | None = execution.ended_at
        lines.append(f"{execution.id} {execution.status} {ended.isoformat() if ended else 'running'}")
    first: ZaiaExecution = client.executions.get("3c90c3cc-0d44-4b50-8888-8dd25736052a")
    tree = client.executions.nesting(execution_id=first.id)
    lines += [f"{node.id} {node.is_agentic} {len(node.children)}" for node in tree.walk()]
    return lines


async def main() -> None:
    async with AsyncAsteroidClient() as client:
        async for execution in client.executions.list(status="running"):
            print(finished_at(execution) is None)
        first_page = await client.executions.list(page_size=50)
        print(first_page.total, describe(await client.executions.get(first_page.items[0].id)))


if __name__ == "__main__":
    with AsteroidClient() as sync_client:
        print("\n".join(report(sync_client)))
    asyncio.run(main())
