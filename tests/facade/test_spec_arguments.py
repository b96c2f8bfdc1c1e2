"""Every field of the pinned spec is a typed argument of the facade (issue 21): the generated
resources take each path, query and body field of the operations they wrap, unless
openapi/operations.toml hides it with a reason, and send it as the spec names it."""

from __future__ import annotations

import asyncio
import contextlib
import enum
import inspect
import logging
import tomllib
from pathlib import Path
from typing import Any

import agent_executions as ae
import pytest
from agent_executions import _asteroid, _zaia
from agent_executions.testing import FakeAsteroidServer

ROOT = Path(__file__).resolve().parents[2]
TABLE = tomllib.loads((ROOT / "openapi" / "operations.toml").read_text())
WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"
GROUP = "0b0e8c2a-4a43-4f0e-9a43-3c1d2b7e9f11"
CLIENTS = {
    "asteroid": (ae.AsteroidClient, ae.AsyncAsteroidClient, _asteroid),
    "zaia": (ae.ZaiaClient, ae.AsyncZaiaClient, _zaia),
}


def methods() -> list[tuple[str, str, str, dict[str, Any]]]:
    return [
        (api, resource, name, entry)
        for api, table in TABLE.items()
        for resource, methods in table.items()
        if isinstance(methods, dict)
        for name, entry in methods.items()
        if isinstance(entry, dict)
    ]


@pytest.mark.parametrize(("api", "resource", "name", "entry"), methods(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_spec_field_is_an_argument_unless_hidden(
    api: str, resource: str, name: str, entry: dict[str, Any]
) -> None:
    sync_class, async_class, rules = CLIENTS[api]
    shape = rules.SHAPE.operation(entry["operation"])
    expected = {entry.get("rename", {}).get(field, field) for field in shape.fields} - set(entry.get("hide", {}))
    assert expected, "an operation without fields tests nothing"
    for client_class in (sync_class, async_class):
        resource_class = inspect.signature(getattr(client_class, resource).func).return_annotation
        method = getattr(getattr(inspect.getmodule(client_class), resource_class), name)
        assert expected <= set(inspect.signature(method).parameters), (client_class.__name__, name)
    for field in entry.get("hide", {}):
        assert entry["hide"][field].strip(), f"{field} is hidden without a reason"


def execute(mode: str, server: FakeAsteroidServer, method: str, **kwargs: Any) -> Any:
    options = {"api_key": server.api_key, "base_url": server.base_url}
    if mode == "sync":
        with ae.AsteroidClient(**options) as client:
            return getattr(client.workflows, method)(WORKFLOW, **kwargs)

    async def main() -> Any:
        async with ae.AsyncAsteroidClient(**options) as client:
            return await getattr(client.workflows, method)(WORKFLOW, **kwargs)

    return asyncio.run(main())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("method", ["execute", "run"])
def test_execute_sends_the_body_fields_the_spec_names(mode: str, method: str) -> None:
    with FakeAsteroidServer(seed=3, count=2) as server:
        server.lifecycle = ((0.0, "starting"), (0.01, "completed"))
        options = {"soft_timeout_mins": 5, "shared_storage_key": "acme"}
        execute(mode, server, method, profile_group_id=GROUP, execution_options=options, queue_if_busy=True)
        (posted,) = [r for r in server.requests if r.method == "POST"]
        assert posted.json() == {
            "profileGroupId": GROUP,
            "executionOptions": {"softTimeoutMins": 5, "sharedStorageKey": "acme"},
            "onCapacityLimit": "queue",
        }
        assert server.violations == []


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"execution_options": {"soft_timeout_mins": 0}},
            ValueError,
            r"execution_options\['soft_timeout_mins'\] must be >= 1",
        ),
        ({"execution_options": {"softTimeoutMins": 5}}, ValueError, "execution_options has no field 'softTimeoutMins'"),
        ({"execution_options": {"shared_storage_key": 7}}, TypeError, r"execution_options\['shared_storage_key'\]"),
        ({"execution_options": "fast"}, TypeError, "execution_options must be a mapping"),
        ({"profile_group_id": "group"}, ValueError, "profile_group_id must be a UUID"),
        ({"profile_group_id": GROUP, "profile_id": WORKFLOW}, ValueError, "profile_id and profile_group_id"),
    ],
)
def test_bad_body_fields_fail_before_any_request(kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    with FakeAsteroidServer(seed=3, count=2) as server:
        with pytest.raises(error, match=message):
            execute("sync", server, "execute", **kwargs)
        assert server.requests == []


def test_a_status_newer_than_the_spec_is_sent_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with (
        FakeAsteroidServer(seed=3, count=5) as server,
        ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client,
    ):
        server.violations.clear()
        with caplog.at_level(logging.WARNING, logger="agent_executions"):
            pager = client.executions.list(status=["queued_for_review", "failed"], limit=1)  # type: ignore[list-item]
            with contextlib.suppress(ae.BadRequestError):  # the fake, on the pinned spec, refuses it; it was sent
                list(pager)
        assert server.requests[-1].params("status") == ["queued_for_review", "failed"]
        assert "status 'queued_for_review' is not one the pinned spec lists" in caplog.text


def test_an_enum_value_written_unlike_the_spec_values_is_refused() -> None:
    """Open enums take a newer value written like the listed ones (lowercase here), not any text."""
    with (
        FakeAsteroidServer(seed=3, count=2) as server,
        ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client,
    ):
        with pytest.raises(ValueError, match="status"):
            client.executions.list(status="Running")  # type: ignore[arg-type]
        assert server.requests == []


@pytest.mark.parametrize(
    ("value", "error"), [(0.5, ValueError), (11, ValueError), (True, TypeError), (float("nan"), ValueError)]
)
def test_a_number_field_is_checked_against_its_bounds(value: object, error: type[Exception]) -> None:
    """No pinned operation has a number field yet; a release may: its bounds are the spec's."""
    from agent_executions._call import RequestOptions, prepare
    from agent_executions._shape import FieldShape, OperationShape

    field = FieldShape(name="score", wire="score", where="query", kind="number", minimum=1, maximum=10)
    shape = OperationShape("Scored", "GET", "/scored", {}, {"score": "score"}, {"score": field})
    with pytest.raises(error, match="score"):
        prepare(shape, {"score": value}, RequestOptions())
    assert prepare(shape, {"score": 2.5}, RequestOptions()).query == (("score", "2.5"),)
    assert prepare(shape, {"score": 10}, RequestOptions()).query == (("score", "10"),)


def test_the_specs_enum_members_are_sent_as_their_values() -> None:
    """Review of issue 21: `status=ae.ExecutionStatus.FAILED` went out as `ExecutionStatus.FAILED`."""
    with (
        FakeAsteroidServer(seed=3, count=5) as server,
        ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client,
    ):
        list(client.executions.list(status=[ae.ExecutionStatus.FAILED, "running"], sort_field=ae.SortField.STATUS))
        sent = server.requests[-1]
        wire = ae.asteroid.LIST.query_name  # the spec's names, not written here
        assert sent.params(wire("status")) == ["failed", "running"] and sent.params(wire("sort_field")) == ["status"]
        list(client.executions.activities(server.add()["id"], order=ae.SortDirection.DESC))
        order = ae.asteroid.SHAPE.operation("ExecutionActivitiesGet").query_name("order")
        assert server.requests[-1].params(order) == ["desc"]
        assert server.violations == []


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"agent_version": 2**63}, ValueError, "agent_version must fit in 64 bits"),
        ({"agent_version": -(2**63) - 1}, ValueError, "agent_version must fit in 64 bits"),
        ({"agent_version": 10**5000}, ValueError, "agent_version must fit in 64 bits"),
        ({"sort_direction": None}, TypeError, "sort_direction must not be None"),
        ({"sort_field": None}, TypeError, "sort_field must not be None"),
    ],
)
def test_arguments_no_server_could_take_fail_naming_the_argument(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    """Review of issue 21: an int of 5000 digits raised Python's own digit-limit error, and None for a
    defaulted enum silently dropped the sort the listing relies on."""
    with (
        FakeAsteroidServer(seed=3, count=2) as server,
        ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client,
    ):
        with pytest.raises(error, match=message):
            client.executions.list(**kwargs)
        with pytest.raises(TypeError, match="order must not be None"):
            client.executions.activities(server.add()["id"], order=None)  # type: ignore[arg-type]
        assert server.requests == []
        assert list(client.executions.list(agent_version=2**63 - 1)) == []


def test_the_argument_aliases_are_importable() -> None:
    from agent_executions.asteroid import SortDirectionValue, StatusValue

    assert "paused_by_agent" in StatusValue.__args__ and SortDirectionValue.__args__ == ("asc", "desc")


class Phase(str, enum.Enum):  # noqa: UP042 (not StrEnum: its str() is `Phase.RUNNING`)
    RUNNING = "running"


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_extra_query_sends_a_str_enum_member_as_its_value(mode: str) -> None:
    """Review of issue 21: `extra_query={"x": Phase.RUNNING}` went out as `x=Phase.RUNNING`."""
    with FakeAsteroidServer(seed=3, count=2) as server:
        options = {"api_key": server.api_key, "base_url": server.base_url}
        query = {"phase": Phase.RUNNING, "phases": [Phase.RUNNING, "done"]}
        if mode == "sync":
            with ae.AsteroidClient(**options) as client:
                list(client.executions.list(extra_query=query))
        else:

            async def main() -> None:
                async with ae.AsyncAsteroidClient(**options) as client:
                    [item async for item in client.executions.list(extra_query=query)]

            asyncio.run(main())
        assert server.requests[-1].params("phase") == ["running"]
        assert server.requests[-1].params("phases") == ["running", "done"]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda c: c.executions.list(extra_query={"x": "\ud800"}), ValueError, r"extra_query\['x'\] must be valid"),
        (lambda c: c.executions.list(extra_query={"\ud800": "x"}), ValueError, "extra_query keys must be valid"),
        (lambda c: c.executions.list(extra_query={"x": 2**200}), ValueError, r"extra_query\['x'\] must fit in 64"),
        (lambda c: c.executions.list(status={"running": 1}), TypeError, "status must be one value or a list"),
        (
            lambda c: c.workflows.execute(WORKFLOW, inputs={"a": [1, 2**100]}),
            ValueError,
            r"inputs\['a'\]\[1\] must fit",
        ),
        (lambda c: c.executions.wait(WORKFLOW, extra_query={"timeoutSeconds": 0}), ValueError, "timeoutSeconds"),
        (lambda c: c.workflows.run(WORKFLOW, extra_query={"timeoutseconds": 9}), ValueError, "timeoutseconds"),
    ],
    ids=["surrogate-value", "surrogate-key", "huge-int", "mapping-for-list", "huge-int-in-json", "hold", "hold-run"],
)
def test_odd_values_fail_naming_the_argument_before_any_request(
    call: Any, error: type[Exception], message: str
) -> None:
    """Review of issue 21: a bare UnicodeEncodeError, a dict's keys sent as statuses, 61-digit numbers
    sent, and the long-poll's hold set from `extra_query` (for `run`, after the execution started)."""
    with (
        FakeAsteroidServer(seed=3, count=2) as server,
        ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client,
    ):
        with pytest.raises(error, match=message):
            call(client)
        assert server.requests == []
