"""The models as a user meets them: absent is None, the facade's names, short reprs, value semantics."""

from __future__ import annotations

import contextlib
import copy
import datetime
import json
import pickle
import re
import sys
import threading
import typing
from collections.abc import Callable, Iterator
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


# --- what the parse leaves to be made when read (issue 24) ------------------------------------
# On the common object (every key a property, none null) from_dict builds nothing for its keys:
# present_keys and an empty additional_properties are made when first read. Whichever way, and
# whether read before or after a copy, they must be what the JSON says.


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def models_and_their_json(model: Any, wire: dict[str, Any]) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Each model of a parsed tree beside the JSON object it was parsed from."""
    yield model, wire
    for field in attrs.fields(type(model)):
        if field.name.startswith("_") or field.name in ("additional_properties", "present_keys"):
            continue
        value, sent = getattr(model, field.name), wire.get(camel(field.name))
        for item, item_wire in zip(value, sent, strict=True) if isinstance(value, list) else [(value, sent)]:
            if attrs.has(type(item)):
                yield from models_and_their_json(item, item_wire)


def with_unknown_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {**{key: with_unknown_keys(item) for key, item in value.items()}, "zNew": "z"}
    if isinstance(value, list):
        return [with_unknown_keys(item) for item in value]
    return value


def with_nulls(wire: dict[str, Any]) -> dict[str, Any]:
    nulled = {**wire, "terminalAt": None, "liveViewUrl": None}
    if isinstance(wire.get("executionOptions"), dict):
        nulled["executionOptions"] = {**wire["executionOptions"], "softTimeoutMins": None}
    return nulled


VARIANTS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "as sent": lambda wire: wire,
    "an unknown key in every object": with_unknown_keys,
    "nulls": with_nulls,
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("how", [None, *COPIES])
def test_present_and_unknown_keys_are_the_jsons_read_before_or_after_a_copy(
    asteroid_server: FakeAsteroidServer, variant: str, how: str | None
) -> None:
    for sent in asteroid_server.executions[:40]:
        wire = VARIANTS[variant](sent)
        parsed = ae.Execution.from_dict(wire)
        execution = COPIES[how](parsed) if how else parsed  # copied before anything is read
        for model, json_object in models_and_their_json(execution, wire):
            known = {camel(f.name) for f in attrs.fields(type(model)) if not f.name.startswith("_")}
            unknown = {key: value for key, value in json_object.items() if key not in known}
            assert model.present_keys == frozenset(json_object), type(model).__name__
            assert model.additional_properties == unknown, type(model).__name__
        assert key_tree(execution.to_dict()) == key_tree(wire)
        assert execution == parsed and execution.present_keys == parsed.present_keys


def test_additional_properties_made_when_read_is_one_dict(asteroid_server: FakeAsteroidServer) -> None:
    execution = ae.Execution.from_dict(asteroid_server.executions[0])
    execution["priority"] = 3
    assert execution.additional_properties is execution.additional_properties == {"priority": 3}
    assert execution.to_dict()["priority"] == 3 and "priority" in execution
    label = ae.HumanLabel.from_dict(next(i for i in asteroid_server.executions if i["humanLabels"])["humanLabels"][0])
    label.additional_properties["shade"] = "dark"
    assert label.to_dict()["shade"] == "dark" and "shade" in label.present_keys


def test_threads_reading_additional_properties_first_share_one_dict(asteroid_server: FakeAsteroidServer) -> None:
    """The dict is made under a lock: a key one thread sets is not lost to another's empty dict."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(30):
            execution = ae.Execution.from_dict(asteroid_server.executions[0])
            barrier = threading.Barrier(6)

            def set_one(key: str, target: ae.Execution = execution, wait: threading.Barrier = barrier) -> None:
                wait.wait()
                target[key] = 1

            threads = [threading.Thread(target=set_one, args=(f"k{n}",)) for n in range(6)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert execution.additional_properties == {f"k{n}": 1 for n in range(6)}
    finally:
        sys.setswitchinterval(interval)


def test_a_misspelt_attribute_is_still_an_attribute_error(asteroid_server: FakeAsteroidServer) -> None:
    execution = ae.Execution.from_dict(asteroid_server.executions[0])
    for model in (execution, execution.trigger_context, ae.TriggerRunner(email="a@b.c", user_id="u")):
        name = type(model).__name__
        with pytest.raises(AttributeError, match=f"^'{name}' object has no attribute 'statsu'$") as info:
            _ = model.statsu  # type: ignore[union-attr]
        assert info.value.name == "statsu" and info.value.obj is model
        assert not hasattr(model, "statsu")


@pytest.mark.parametrize("status", ["running", "queued", "", ["running"], {"v": 1}, 5, True, None])
def test_a_status_parses_as_the_enum_class_reads_it(asteroid_server: FakeAsteroidServer, status: object) -> None:
    """The enum's value map first, the class only when it misses: the same member, the same open value,
    the same refusal, and through the client the same ResponseValidationError."""
    wire = {**asteroid_server.executions[0], "status": status}
    try:
        expected: object = ae.ExecutionStatus(status)
    except ValueError as exc:
        with pytest.raises(ValueError, match=f"^{re.escape(str(exc))}$"):
            ae.Execution.from_dict(wire)
        asteroid_server.fail_next(200, body=json.dumps(wire))
        with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
            with pytest.raises(ae.ResponseValidationError):
                client.executions.get(wire["id"])
        asteroid_server.violations.clear()
        return
    got = ae.Execution.from_dict(wire).status
    assert type(got) is ae.ExecutionStatus and got == expected and got.value == status
    if status == "running":
        assert got is ae.ExecutionStatus.RUNNING


def test_a_single_value_enum_stays_closed() -> None:
    """A trigger context's source tells the union's branches apart: a branch refuses another's tag."""
    runner = {"email": "a@b.c", "userId": "u"}
    with pytest.raises(ValueError, match=r"^'ui' is not a valid APITriggerContextSource$"):
        ae.APITriggerContext.from_dict({"source": "ui", "runner": runner})
    assert ae.APITriggerContext.from_dict({"source": "api", "runner": runner}).source is ae.APITriggerContextSource.API


# --- what the hostile review of issue 24 found (a subclass, a chained error, a masked one) ---------


class Dotted(ae.ExecutionOptions):
    """Unknown keys as attributes, the common way to subclass a model."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self.additional_properties[name]
        except KeyError:
            raise AttributeError(name) from None


class Audited(ae.ExecutionOptions):
    """A subclass whose __setattr__ reads the model before each change."""

    seen: typing.ClassVar[list[dict[str, Any]]] = []

    def __setattr__(self, name: str, value: Any) -> None:
        with contextlib.suppress(AttributeError):  # still being built by from_dict
            Audited.seen.append(self.to_dict())
        super().__setattr__(name, value)


@pytest.mark.parametrize(
    "wire", [{"softTimeoutMins": 5}, {"softTimeoutMins": 5, "newKnob": "on"}], ids=["common", "unknown"]
)
def test_a_subclass_with_its_own_getattr_reads_present_and_unknown_keys(wire: dict[str, Any]) -> None:
    """The lazy attributes are made before a subclass's own __getattr__ runs (it used to recurse
    on the common path, where from_dict leaves them to be made)."""
    options = Dotted.from_dict(wire)
    assert type(options) is Dotted and options.present_keys == frozenset(wire)
    assert options.additional_properties == {k: v for k, v in wire.items() if k == "newKnob"}
    assert options.to_dict() == wire and options == Dotted.from_dict(wire)
    assert pickle.loads(pickle.dumps(options)).to_dict() == copy.copy(options).to_dict() == wire
    if "newKnob" in wire:
        assert options.newKnob == "on"
    with pytest.raises(AttributeError):
        _ = options.nothing


def test_a_subclass_whose_setattr_reads_the_model_neither_hangs_nor_recurses() -> None:
    outcome: list[Any] = []

    def change() -> None:
        options = Audited.from_dict({"softTimeoutMins": 5})
        options.soft_timeout_mins = 6
        outcome.append(options.to_dict())

    worker = threading.Thread(target=change, daemon=True)
    worker.start()
    worker.join(10)
    assert outcome == [{"softTimeoutMins": 6}], "the lazy attributes' lock was taken twice"
    assert Audited.seen and Audited.seen[-1] == {"softTimeoutMins": 5}


@pytest.mark.parametrize(
    ("wire", "message"),
    [
        (
            {"source": "web", "runner": {"email": "a@b.c", "userId": "u"}},
            "'web' is not a valid APITriggerContextSource",
        ),
        ({"source": "api", "runner": {"email": "a@b.c", "userId": "u"}, "when": "noon"}, None),
    ],
)
def test_a_refused_enum_value_chains_no_key_error(wire: dict[str, Any], message: str | None) -> None:
    if message is None:  # a valid one parses, the extra key kept
        assert ae.APITriggerContext.from_dict(wire).additional_properties == {"when": "noon"}
        return
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$") as info:
        ae.APITriggerContext.from_dict(wire)
    assert info.value.__context__ is None and info.value.__cause__ is None


def test_an_unreadable_date_time_chains_as_parse_datetime_alone_does(asteroid_server: FakeAsteroidServer) -> None:
    from asteroid_agents_v2_raw.types import parse_datetime

    with pytest.raises(ValueError) as alone:
        parse_datetime("yesterday")
    with pytest.raises(ValueError) as parsed:
        ae.Execution.from_dict({**asteroid_server.executions[0], "createdAt": "yesterday"})
    chain = [
        type(e).__name__ for e in (parsed.value, parsed.value.__context__, parsed.value.__context__.__context__) if e
    ]
    assert str(parsed.value) == str(alone.value)
    assert chain == [type(e).__name__ for e in (alone.value, alone.value.__context__) if e]


def test_present_keys_of_a_model_of_required_properties_raises_the_real_error(
    asteroid_server: FakeAsteroidServer,
) -> None:
    label = ae.HumanLabel.from_dict(next(i for i in asteroid_server.executions if i["humanLabels"])["humanLabels"][0])
    label.created_at = "2024-05-01T00:00:00Z"  # type: ignore[assignment]
    with pytest.raises(AttributeError, match="'str' object has no attribute 'isoformat'"):
        _ = label.present_keys
