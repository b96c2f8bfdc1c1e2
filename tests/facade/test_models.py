"""The models as a user meets them: absent is None, the facade's names, short reprs, value semantics."""

from __future__ import annotations

import copy
import datetime
import json
import pickle
import typing
from collections.abc import Callable
from typing import Any

import agent_executions as ae
import attrs
import pytest
from agent_executions import models
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer
from drive import Drive

COPIES: dict[str, Callable[[Any], Any]] = {
    "pickle": lambda model: pickle.loads(pickle.dumps(model)),
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}
MODEL_CLASSES = [getattr(models, name) for name in models.__all__ if attrs.has(getattr(models, name))]
ENUM_CLASSES = [getattr(models, name) for name in ("ExecutionStatus", "SortField", "SortDirection")]


@pytest.fixture(params=["sync", "async"])
def asteroid(request: pytest.FixtureRequest, asteroid_server: FakeAsteroidServer) -> Drive:
    return Drive(request.param, asteroid_server)


@pytest.fixture(params=["sync", "async"])
def zaia(request: pytest.FixtureRequest, zaia_server: FakeZaiaServer) -> Drive:
    return Drive(request.param, zaia_server)


def running_execution(server: FakeAsteroidServer, **overrides: Any) -> dict[str, Any]:
    """A running execution without the properties only terminal ones have, stored in the fake."""
    item = server.new_execution()
    for key in ("terminalAt", "duration", "executionResult", "recordingUrl", "browserRecordingUrl"):
        item.pop(key, None)
    return server.add(item, status="running", **overrides)


def key_tree(value: Any) -> Any:
    """The shape of a JSON value: its keys, all the way down, without the values."""
    if isinstance(value, dict):
        return {key: key_tree(item) for key, item in value.items()}
    if isinstance(value, list):
        return [key_tree(item) for item in value]
    return None


# --- absent is None ----------------------------------------------------------------


def test_an_absent_optional_property_reads_none(asteroid: Drive) -> None:
    wire = running_execution(asteroid.server)
    execution = asteroid.get(wire["id"])
    assert execution.terminal_at is None
    assert execution.duration is None
    assert execution.execution_result is None
    assert "terminalAt" not in execution.present_keys
    assert "agentName" in execution.present_keys
    assert key_tree(execution.to_dict()) == key_tree(wire)


def test_a_null_stays_null_and_an_absent_key_stays_absent(asteroid: Drive) -> None:
    wire = running_execution(asteroid.server, terminalAt=None, liveViewUrl=None)
    (execution,) = [e for e in asteroid.list(limit=500) if e.id == wire["id"]]
    asteroid.server.violations.clear()  # the pinned spec does not allow these nulls; the fake says so
    assert execution.terminal_at is None and execution.live_view_url is None and execution.duration is None
    assert {"terminalAt", "liveViewUrl"} <= execution.present_keys
    data = execution.to_dict()
    assert data["terminalAt"] is None and data["liveViewUrl"] is None
    assert "duration" not in data and "executionResult" not in data
    assert key_tree(data) == key_tree(wire)


def test_to_dict_round_trips_every_execution(asteroid_server: FakeAsteroidServer) -> None:
    for wire in asteroid_server.executions:
        execution = ae.Execution.from_dict(wire)
        data = execution.to_dict()
        assert key_tree(data) == key_tree(wire)
        assert ae.Execution.from_dict(data) == execution
        assert json.loads(json.dumps(data)) == data


def test_a_model_built_in_code_writes_what_it_was_given() -> None:
    label = ae.HumanLabel(
        color="#fff",
        created_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        id="a",
        name="b",
        organization_id="c",
    )
    runner = ae.TriggerRunner(email="ada@example.com", user_id="u")
    assert runner.is_admin is None
    assert runner.to_dict() == {"email": "ada@example.com", "userId": "u"}
    assert runner.present_keys == frozenset()
    assert label.present_keys == {"color", "createdAt", "id", "name", "organizationId"}


def test_no_unset_in_the_public_types() -> None:
    for cls in MODEL_CLASSES:
        hints = typing.get_type_hints(cls)
        for name, hint in hints.items():
            assert "Unset" not in str(hint), f"{cls.__name__}.{name}: {hint}"
        for field in attrs.fields(cls):
            if field.default is not attrs.NOTHING and field.init:
                assert field.default is None, f"{cls.__name__}.{field.name} defaults to {field.default!r}"


def test_zaia_models_read_none_and_round_trip(zaia: Drive) -> None:
    wire = next(i for i in zaia.server.executions if i["endedAt"] is None)
    execution = zaia.get(wire["id"])
    assert execution.ended_at is None
    assert execution.to_dict()["endedAt"] is None
    assert key_tree(execution.to_dict()) == key_tree(wire)


# --- names and reprs ------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in models.__all__ if isinstance(getattr(models, n), type)])
def test_each_class_is_named_as_the_facade_names_it(name: str) -> None:
    cls = getattr(models, name)
    assert cls.__name__ == name
    assert cls.__qualname__ == name


def test_reprs_name_the_facade_classes_and_fit_a_log_line(asteroid: Drive) -> None:
    wire = next(i for i in asteroid.server.executions if i["status"] == "failed" and i["humanLabels"])
    execution = asteroid.get(wire["id"])
    text = repr(execution)
    # id and names first, status last; a release's new required `*_name` property joins the names
    assert text.startswith(f"Execution(id={wire['id']!r}, agent_name={wire['agentName']!r}")
    assert text.endswith(", status='failed')")
    assert repr(execution.human_labels[0]).startswith("HumanLabel(id=")
    assert repr(execution.execution_result).startswith("ExecutionResult(id=")
    assert repr(execution.trigger_context).endswith(f"(source={wire['triggerContext']['source']!r})")
    assert repr(ae.ExecutionStatus.FAILED) == "<ExecutionStatus.FAILED: 'failed'>"
    for model in (execution, execution.execution_result, execution.trigger_context, *execution.human_labels):
        assert len(repr(model)) < 160 and "Agents" not in repr(model) and "Unset" not in repr(model)


def test_a_traceback_names_the_facade_class() -> None:
    with pytest.raises(TypeError, match=r"Execution\.__init__\(\) missing"):
        ae.Execution()  # type: ignore[call-arg]


def test_zaia_reprs(zaia: Drive) -> None:
    wire = zaia.server.executions[0]
    assert repr(zaia.get(wire["id"])) == f"ZaiaExecution(id={wire['id']!r}, status={wire['status']!r})"
    tree = zaia.nesting(execution_id=wire["id"])
    assert repr(tree) == f"ZaiaExecutionTree(id={wire['id']!r}, status={wire['status']!r})"


# --- value semantics ------------------------------------------------------------


@pytest.mark.parametrize("how", COPIES)
def test_an_execution_is_equal_after_a_copy(asteroid: Drive, how: str) -> None:
    asteroid.server.corrupt_next(status="queued", extra={"priority": 3})
    items = asteroid.list(limit=3)
    running = asteroid.get(running_execution(asteroid.server)["id"])
    for execution in [*items, running]:
        copied = COPIES[how](execution)
        assert copied == execution
        assert copied.to_dict() == execution.to_dict()
        assert json.loads(json.dumps(copied.to_dict())) == execution.to_dict()
        assert copied.present_keys == execution.present_keys
    queued = COPIES[how](items[0])
    assert queued.status == "queued" and isinstance(queued.status, ae.ExecutionStatus)
    assert queued.additional_properties == {"priority": 3}


@pytest.mark.parametrize("how", COPIES)
def test_zaia_models_are_equal_after_a_copy(zaia: Drive, how: str) -> None:
    wire = zaia.server.executions[0]
    for model in (zaia.get(wire["id"]), zaia.nesting(execution_id=wire["id"])):
        copied = COPIES[how](model)
        assert copied == model and type(copied) is type(model)
        assert copied.to_dict() == model.to_dict()


@pytest.mark.parametrize("how", COPIES)
def test_the_raw_clients_unset_is_one_object(how: str) -> None:
    from asteroid_agents_v2_raw.types import UNSET as ASTEROID_UNSET
    from asteroid_agents_v2_raw.types import Unset
    from zaia_v1_raw.types import UNSET as ZAIA_UNSET

    for unset in (ASTEROID_UNSET, ZAIA_UNSET):
        assert COPIES[how](unset) is unset
    assert Unset() is ASTEROID_UNSET
    assert repr(ASTEROID_UNSET) == "UNSET" and not ASTEROID_UNSET


@pytest.mark.parametrize(
    "context",
    [
        {"source": "api", "runner": {"email": "a@b.c", "userId": "u", "isAdmin": False}, "apiKey": {"id": "k"}},
        {"source": "ui", "runner": {"email": "a@b.c", "userId": "u", "isAdmin": True}},
        {"source": "schedule", "schedule": {"id": "s", "name": "nightly"}},
        {"source": "api"},  # a known tag without its required properties
        {"source": "ui", "runner": "not an object"},
        {"source": "warmup", "extra": 1},  # a tag this spec does not know
        {"source": 5},
        {"runner": {}},
    ],
)
def test_a_trigger_context_parses_by_its_tag_as_the_branches_in_turn_would(context: dict[str, Any]) -> None:
    """The template tries the branch the tag names first; the result must be what trying every branch in
    the spec's order gives (the generator's way), for valid and broken contexts alike."""
    item = FakeAsteroidServer(seed=2, count=1, validate=False).executions[0]
    item["triggerContext"] = context
    expected: object = "refused"
    for branch in (ae.APITriggerContext, ae.UITriggerContext, ae.ScheduleTriggerContext, ae.UnknownTriggerContext):
        try:
            expected = branch.from_dict(context)
            break
        except (TypeError, ValueError, AttributeError, KeyError):
            continue
    try:
        got: object = ae.Execution.from_dict(item).trigger_context
    except (TypeError, ValueError, AttributeError, KeyError):
        got = "refused"
    assert type(got) is type(expected) and got == expected
