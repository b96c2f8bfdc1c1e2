"""Property-based tests of the parsing path, with responses generated from the pinned specs.

Conforming responses always parse. Responses that break the spec (a required property
missing, a value of the wrong type, any JSON at all) end in a parsed model (open values)
or a `ResponseValidationError`, never in another exception. `make fuzz` runs 10,000 cases
(FUZZ_EXAMPLES per test); `make test` a few hundred. The strategies are in schema_strategies.py.
"""

from __future__ import annotations

import json
import os
import time
from importlib import resources
from typing import Any

import httpx
import pytest
from agent_executions import (
    Execution,
    ResponseValidationError,
    StartedExecution,
    StatusChange,
    ZaiaExecution,
    _asteroid,
    _zaia,
)
from agent_executions._call import Call, RequestOptions, prepare
from agent_executions._core import Operation, read_response
from agent_executions.waiting import Waiting
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schema_strategies import from_schema, json_values

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def schema_of(package: str, name: str, array: bool = False) -> st.SearchStrategy[Any]:
    """Bodies valid against one component of a pinned spec (or an array of it)."""
    spec = json.loads(resources.files(package).joinpath("openapi.json").read_text())
    ref = {"$ref": f"#/components/schemas/{name}"}
    return from_schema({"type": "array", "items": ref} if array else ref, spec)


WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"
EXECUTION = "3c90c3cc-0d44-4b50-8888-8dd25736052a"


def call(rules: Any, operation_id: str, **values: Any) -> Call:
    """The checked call the generated resources hand to the rules (`_call.prepare`)."""
    return prepare(rules.SHAPE.operation(operation_id), values, RequestOptions())


OPERATIONS: dict[str, tuple[Operation[Any], st.SearchStrategy[Any]]] = {
    "Asteroid list": (
        _asteroid.list_pages(call(_asteroid, "ExecutionList"), 100)(1),
        schema_of("asteroid_agents_v2_raw", "Agents.Execution.ListResponse"),
    ),
    "Asteroid get": (
        call(_asteroid, "ExecutionGet", execution_id=EXECUTION).operation(Execution.from_dict),
        schema_of("asteroid_agents_v2_raw", "Agents.Execution.ListItem"),
    ),
    "Asteroid execute": (
        _asteroid.execute(
            call(_asteroid, "WorkflowExecute", workflow_id=WORKFLOW), version=None, head=False, queue_if_busy=False
        ),
        schema_of("asteroid_agents_v2_raw", "Workflows.WorkflowExecuteResponse"),
    ),
    "Asteroid wait (long-poll)": (
        _asteroid.waiting_for(
            call(_asteroid, "ExecutionSyncGet", execution_id=EXECUTION), Waiting(EXECUTION, None)
        ).poll(25),
        schema_of("asteroid_agents_v2_raw", "Agents.Agent.ExecuteAgentSyncResponse"),
    ),
    "Asteroid cancel": (
        call(_asteroid, "ExecutionCancel", execution_id=EXECUTION).operation(StatusChange.from_dict),
        schema_of("asteroid_agents_v2_raw", "Agents.Execution.ExecutionStatusChange"),
    ),
    "Asteroid activities": (
        call(_asteroid, "ExecutionActivitiesGet", execution_id=EXECUTION, order="asc").operation(
            _asteroid.parse_activities
        ),
        schema_of("asteroid_agents_v2_raw", "Agents.Execution.Activity", array=True),
    ),
    "Asteroid rerun": (
        call(_asteroid, "ExecutionRerun", execution_id=EXECUTION).operation(StartedExecution.from_dict),
        schema_of("asteroid_agents_v2_raw", "Workflows.WorkflowExecuteResponse"),
    ),
    "Zaia list": (
        _zaia.list_pages(call(_zaia, "ExecutionList"), 100)(1),
        schema_of("zaia_v1_raw", "Execution", array=True),
    ),
    "Zaia get": (
        call(_zaia, "ExecutionGet", id=EXECUTION).operation(ZaiaExecution.from_dict),
        schema_of("zaia_v1_raw", "Execution"),
    ),
    "Zaia nesting": (
        _zaia.nesting(call(_zaia, "ExecutionGetNesting", chat_message_id=EXECUTION)),
        schema_of("zaia_v1_raw", "ExecutionNesting"),
    ),
}


def parse(op: Operation[Any], body: Any) -> Any:
    request = httpx.Request("GET", "https://api.example.com" + op.path)
    response = httpx.Response(200, content=json.dumps(body).encode(), request=request)
    return read_response(op, request, response, time.monotonic())


def executions_in(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, list):
        return [item for item in body if isinstance(item, dict)]
    if isinstance(body, dict) and isinstance(body.get("items"), list):
        return [item for item in body["items"] if isinstance(item, dict)]
    return [body] if isinstance(body, dict) else []


@st.composite
def broken(draw: st.DrawFn, conforming: st.SearchStrategy[Any]) -> Any:
    """A conforming body with one thing broken, or any JSON at all."""
    body = draw(conforming)
    how = draw(st.sampled_from(["drop", "retype", "anything"]))
    targets = executions_in(body) or ([body] if isinstance(body, dict) else [])
    if how == "anything" or not targets:
        return draw(json_values)
    target = draw(st.sampled_from(targets))
    if not target:
        return draw(json_values)
    key = draw(st.sampled_from(sorted(target)))
    if how == "drop":
        del target[key]
    else:
        target[key] = draw(json_values)
    return body


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_conforming_responses_always_parse(name: str) -> None:
    op, conforming = OPERATIONS[name]

    @FUZZ
    @given(conforming)
    def check(body: Any) -> None:
        parse(op, body)

    check()


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_broken_responses_parse_or_raise_the_typed_error(name: str) -> None:
    op, conforming = OPERATIONS[name]

    @FUZZ
    @given(broken(conforming))
    def check(body: Any) -> None:
        try:
            parse(op, body)
        except ResponseValidationError as exc:
            assert exc.operation == op.operation_id and exc.body

    check()


@pytest.mark.parametrize("field", ["page", "pageSize", "total"])
@pytest.mark.parametrize("value", ["0000000", 2.5, None, True])
def test_pagination_fields_of_the_wrong_type(field: str, value: Any) -> None:
    """Found by the fuzzer: the generated model took pageSize "0000000", and the page arithmetic
    multiplied a string by a ten-digit page number."""
    op, _ = OPERATIONS["Asteroid list"]
    body = {"items": [], "page": 3615610617, "pageSize": 100, "total": 0, field: value}
    with pytest.raises(ResponseValidationError, match=field):
        parse(op, body)
