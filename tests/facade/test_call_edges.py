"""`_call.prepare` on field kinds and enums the pinned spec does not exercise yet (a release may):
bool query and body fields, required object fields, mixed-case enums, and the open-enum warnings'
memory. Each was a surviving mutant of `make mutate`."""

from __future__ import annotations

import logging

import pytest
from agent_executions import _call
from agent_executions._call import RequestOptions, prepare
from agent_executions._shape import FieldShape, OperationShape


def shape(*fields: FieldShape) -> OperationShape:
    return OperationShape("Op", "POST", "/op", {}, {f.name: f.wire for f in fields}, {f.name: f for f in fields})


def test_a_bool_is_sent_as_json_true_in_the_query_and_the_body() -> None:
    flag = FieldShape(name="archived", wire="archived", where="query", kind="bool")
    body = FieldShape(name="notify", wire="notify", where="body", kind="bool")
    call = prepare(shape(flag, body), {"archived": True, "notify": False}, RequestOptions())
    assert call.query == (("archived", "true"),) and call.body == {"notify": False}
    assert prepare(shape(flag), {"archived": False}, RequestOptions()).query == (("archived", "false"),)
    with pytest.raises(TypeError, match="notify must be a bool, not int"):
        prepare(shape(body), {"notify": 1}, RequestOptions())


def test_an_object_needs_its_required_fields_and_only_those() -> None:
    inner = (
        FieldShape(name="key", wire="key", where="body", kind="text", required=True),
        FieldShape(name="note", wire="note", where="body", kind="text"),
    )
    options = FieldShape(name="options", wire="options", where="body", kind="object", fields=inner)
    assert prepare(shape(options), {"options": {"key": "k"}}, RequestOptions()).body == {"options": {"key": "k"}}
    with pytest.raises(ValueError, match="options needs 'key'"):
        prepare(shape(options), {"options": {"note": "n"}}, RequestOptions())


def test_a_mixed_case_enum_takes_a_newer_mixed_case_value(caplog: pytest.LogCaptureFixture) -> None:
    """Only an enum whose values are all lowercase refuses a value with capitals."""
    state = FieldShape(name="state", wire="state", where="query", kind="choice", choices=("Created", "Done"))
    with caplog.at_level(logging.WARNING, logger="agent_executions"):
        assert prepare(shape(state), {"state": "Archived"}, RequestOptions()).query == (("state", "Archived"),)
    assert "'Archived' is not one the pinned spec lists" in caplog.text


def test_each_newer_value_is_warned_about_once_and_the_memory_is_bounded(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_call, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="agent_executions"):
        for value in ["queued", *(f"state_{n}" for n in range(10)), "queued"]:
            _call.as_open_choice("status", value, ["running", "failed"])
    assert caplog.text.count("'queued' is not one") == 1
    for n in range(600):
        _call.as_open_choice("status", f"other_{n}", ["running", "failed"])
        assert len(_call._warned) <= 256


def test_a_call_without_body_fields_sends_no_body_and_a_required_one_is_checked() -> None:
    query = FieldShape(name="q", wire="q", where="query", kind="text")
    text = FieldShape(name="text", wire="text", where="body", kind="text", required=True)
    assert prepare(shape(query), {"q": "x"}, RequestOptions()).body is None
    assert prepare(shape(query, text), {"q": None, "text": "hi"}, RequestOptions()).body == {"text": "hi"}
    with pytest.raises(TypeError, match=r"^text is required$"):
        prepare(shape(query, text), {"q": "x", "text": None}, RequestOptions())


def test_none_is_refused_for_a_defaulted_argument_only() -> None:
    """A field with a default other than None in the signature (`defaults` in the table) refuses
    None, which would silently drop what the default sends; any other optional field takes it."""
    level = FieldShape(name="level", wire="level", where="query", kind="text")
    note = FieldShape(name="note", wire="note", where="query", kind="text")
    with pytest.raises(TypeError, match="level must not be None"):
        prepare(shape(level, note), {"level": None, "note": None}, RequestOptions(), defaulted=["level"])
    assert prepare(shape(level, note), {"level": "x", "note": None}, RequestOptions(), defaulted=["level"]).query == (
        ("level", "x"),
    )


def test_an_int_field_with_fractional_bounds_takes_the_ints_within_them() -> None:
    """`minimum: 0.5, maximum: 10.5` takes 1 to 10: 11 is above 10.5 (it was let through)."""
    count = FieldShape(name="count", wire="count", where="query", kind="int", minimum=0.5, maximum=10.5)
    assert prepare(shape(count), {"count": 1}, RequestOptions()).query == (("count", "1"),)
    assert prepare(shape(count), {"count": 10}, RequestOptions()).query == (("count", "10"),)
    for wrong, message in ((0, "count must be >= 1"), (11, "count must be <= 10")):
        with pytest.raises(ValueError, match=message):
            prepare(shape(count), {"count": wrong}, RequestOptions())


def test_a_required_field_given_as_none_is_named() -> None:
    where = FieldShape(name="execution_id", wire="executionId", where="path", kind="text", required=True)
    listing = shape(where)
    with pytest.raises(TypeError, match=r"^execution_id is required$"):
        prepare(listing, {"execution_id": None}, RequestOptions())


def test_a_kind_this_version_does_not_know_is_checked_as_json() -> None:
    odd = FieldShape(name="blob", wire="blob", where="body", kind="binary-ish")
    assert prepare(shape(odd), {"blob": [1, "a"]}, RequestOptions()).body == {"blob": [1, "a"]}
    with pytest.raises(ValueError, match="blob must hold only JSON values"):
        prepare(shape(odd), {"blob": object()}, RequestOptions())


def test_the_warning_names_the_closest_listed_value(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_call, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="agent_executions"):
        assert _call.as_open_choice("status[0]", "faild", ["running", "failed", "completed"]) == "faild"
    (record,) = caplog.records
    assert record.getMessage() == (
        "status 'faild' is not one the pinned spec lists (running, failed, completed); sending it anyway."
        " Did you mean 'failed'?"
    )
