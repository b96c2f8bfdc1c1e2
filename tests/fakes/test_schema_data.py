"""The fakes' data built from the spec's schemas, and readable spec violations."""

from __future__ import annotations

import datetime
import random
import re
from typing import Any

import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer, SpecViolation
from agent_executions.testing._schema_data import SchemaData, from_pattern
from jsonschema import Draft202012Validator, FormatChecker

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "paths": {
        "/items/{id}": {
            "get": {
                "operationId": "ItemGet",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Item": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "code": {"type": "string", "pattern": "^inv_[a-z0-9]{6,10}$"},
                    "when": {"type": "string", "format": "date-time"},
                    "day": {"type": "string", "format": "date"},
                    "site": {"type": "string", "format": "uri"},
                    "mail": {"type": "string", "format": "email"},
                    "count": {"type": "integer", "minimum": 5, "maximum": 9},
                    "ratio": {"type": ["number", "null"], "exclusiveMinimum": 0},
                    "phase": {"$ref": "#/components/schemas/Phase"},
                    "cost": {"allOf": [{"$ref": "#/components/schemas/Cost"}], "description": "nested"},
                    "tags": {"type": "array", "minItems": 2, "items": {"type": "string", "minLength": 3}},
                    "labels": {"type": "object", "additionalProperties": {"type": "boolean"}},
                    "trigger": {"$ref": "#/components/schemas/Trigger"},
                    "optionalNote": {"type": "string"},
                },
                "required": [
                    *("id", "code", "when", "day", "site", "mail", "count", "ratio", "phase", "cost", "tags"),
                    *("labels", "trigger"),
                ],
            },
            "Phase": {"type": "string", "enum": ["setup", "run"]},
            "Cost": {
                "type": "object",
                "properties": {"credits": {"type": "number", "minimum": 0}, "currency": {"pattern": "^[A-Z]{3}$"}},
                "required": ["credits", "currency"],
            },
            "Trigger": {
                "oneOf": [{"$ref": "#/components/schemas/ByApi"}, {"$ref": "#/components/schemas/ByHand"}],
                "discriminator": {"propertyName": "source", "mapping": {"api": "#/components/schemas/ByApi"}},
            },
            "ByApi": {
                "type": "object",
                "properties": {"source": {"type": "string", "enum": ["api"]}, "key": {"type": "string"}},
                "required": ["source", "key"],
            },
            "ByHand": {
                "type": "object",
                "properties": {"source": {"type": "string", "enum": ["hand"]}, "user": {"type": "string"}},
                "required": ["source", "user"],
            },
        }
    },
}


def validator() -> Draft202012Validator:
    root = {**SPEC, "$ref": "#/components/schemas/Item"}
    return Draft202012Validator(root, format_checker=FormatChecker())


def test_every_required_property_at_any_depth_gets_a_valid_value() -> None:
    data = SchemaData(SPEC, seed=1)
    schema = data.response_schema("ItemGet")
    for n in range(30):
        item = data.complete({"id": f"item-{n}", "trigger": {"source": "hand"}}, schema, key=f"item-{n}")
        errors = [e.message for e in validator().iter_errors(item)]
        assert errors == [], (item, errors)
        assert item["trigger"]["source"] == "hand" and "user" in item["trigger"]


def test_what_the_fake_set_is_kept_and_values_are_deterministic_per_item() -> None:
    schema = SchemaData(SPEC, seed=1).response_schema("ItemGet")
    first = SchemaData(SPEC, seed=1).complete({"id": "a", "count": 7}, schema, key="a")
    again = SchemaData(SPEC, seed=1).complete({"id": "a", "count": 7}, schema, key="a")
    other_seed = SchemaData(SPEC, seed=2).complete({"id": "a", "count": 7}, schema, key="a")
    assert first == again and first["count"] == 7 and first != other_seed


def test_optional_properties_the_fake_does_not_know_appear_in_some_items() -> None:
    data = SchemaData(SPEC, seed=3)
    schema = data.response_schema("ItemGet")
    items = [data.complete({"id": str(n)}, schema, key=str(n)) for n in range(90)]
    with_note = sum("optionalNote" in item for item in items)
    assert 10 < with_note < 60
    known = [data.complete({"id": str(n)}, schema, key=str(n), known={"optionalNote"}) for n in range(90)]
    assert not any("optionalNote" in item for item in known)


@pytest.mark.parametrize(
    "pattern",
    [
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        "^[A-Z]{3}$",
        r"^(foo|bar)-\d+$",
        "^[^/]+$",
        r"^\w{2,4}\s\S$",
        "ab?c*d+",
    ],
)
def test_strings_for_patterns(pattern: str) -> None:
    rng = random.Random(0)
    for _ in range(20):
        assert re.search(pattern, from_pattern(pattern, rng))


def test_an_unbuildable_pattern_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="cannot build a value for the pattern"):
        from_pattern(r"^(a)\1$", random.Random(0))


def test_a_violation_names_operation_path_and_rule_in_a_few_lines() -> None:
    server = FakeAsteroidServer(count=200, now=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)).start()
    item = server.executions[3]
    server.update(item["id"], agentName=12345)
    httpx.get(server.url_for("ExecutionGet", execution_id=item["id"]), headers=server.auth_headers)
    httpx.get(
        server.url_for("ExecutionList"),
        params={"page": 1, "pageSize": 100, "sortDirection": "asc"},
        headers=server.auth_headers,
    )
    with pytest.raises(SpecViolation) as caught:
        server.stop()
    violation = caught.value
    text = str(violation)
    assert len(text) < 600 and len(text.splitlines()) <= 4, text
    assert "ExecutionGet" in text and "$.agentName" in text and "rule: type" in text
    assert (violation.operation, violation.path, violation.rule) == ("ExecutionGet", "$.agentName", "type")
    assert "(and 1 more" in text and len(violation.violations) == 2
    assert violation.violations[1].path.startswith("$.items[") and violation.violations[1].path.endswith("agentName")
    assert item["id"] in violation.body and len(violation.body) > 500


def test_the_success_response_is_the_first_2xx_one() -> None:
    """A vendor that moves a success status (200 -> 201) must not break the fakes' data."""
    spec: dict[str, Any] = {**SPEC, "paths": {"/items/{id}": {"get": dict(SPEC["paths"]["/items/{id}"]["get"])}}}
    operation = spec["paths"]["/items/{id}"]["get"]
    operation["responses"] = {"404": {"description": "none"}, "201": operation["responses"]["200"]}
    data = SchemaData(spec, seed=1)
    assert data.success_status("ItemGet") == 201
    assert data.response_schema("ItemGet") == SPEC["components"]["schemas"]["Item"]
    assert SchemaData(SPEC, seed=1).success_status("ItemGet") == 200


def test_every_schema_error_of_a_response_is_its_own_violation() -> None:
    server = FakeAsteroidServer(count=5, now=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)).start()
    ids = [item["id"] for item in server.executions]
    server.update(ids[0], status=12, agentVersion="x")
    server.update(ids[1], status=13)
    listed = httpx.get(server.url_for("ExecutionList"), headers=server.auth_headers).json()["items"]
    at = {item["id"]: n for n, item in enumerate(listed)}
    with pytest.raises(SpecViolation) as caught:
        server.stop()
    paths = [v.path for v in caught.value.violations]
    expected = {f"$.items[{at[ids[0]]}].status", f"$.items[{at[ids[0]]}].agentVersion", f"$.items[{at[ids[1]]}].status"}
    assert expected <= set(paths), paths
    assert paths == sorted(paths, key=lambda p: [int(x) if x.isdigit() else x for x in re.split(r"\[(\d+)\]", p)])
    text = str(caught.value)
    assert len(text.splitlines()) <= 4 and f"(and {len(paths) - 1} more" in text, text


def test_schema_errors_of_one_response_are_capped_with_a_count_of_the_rest() -> None:
    server = FakeAsteroidServer(count=60, now=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)).start()
    for item in server.executions:
        server.update(item["id"], agentName=1)
    httpx.get(server.url_for("ExecutionList"), params={"pageSize": 100}, headers=server.auth_headers)
    with pytest.raises(SpecViolation) as caught:
        server.stop()
    violations = caught.value.violations
    assert len(violations) == 51 and {v.rule for v in violations[:50]} == {"type"}
    assert violations[-1].rule == "more" and violations[-1].message.startswith("10 more schema errors")


LOOKAHEAD = r"^(?:[A-Z]{2}\d{2}|x{3})-[a-f0-9]{4}(?=.)\.\w+$"
HARD: dict[str, Any] = {
    "patterns": {"allOf": [{"type": "string", "pattern": "^a"}, {"pattern": "z$"}, {"minLength": 5}]},
    "unique": {"type": "array", "minItems": 3, "uniqueItems": True, "items": {"type": "integer", "maximum": 3}},
    "v6": {"type": "string", "format": "ipv6"},
    "v4": {"type": "string", "format": "ipv4"},
    "host": {"type": "string", "format": "hostname"},
    "quarter": {"type": "number", "multipleOf": 0.25, "exclusiveMaximum": 10.5, "minimum": 10},
    "ref": {"type": "string", "pattern": LOOKAHEAD},
}


def hard_spec(extra: dict[str, Any] | None = None, required: tuple[str, ...] = tuple(HARD)) -> dict[str, Any]:
    properties = {**HARD, **(extra or {})}
    item = {"type": "object", "properties": properties, "required": list(required)}
    return {**SPEC, "components": {"schemas": {**SPEC["components"]["schemas"], "Item": item}}}


def test_built_values_meet_every_constraint_of_their_schema() -> None:
    spec = hard_spec()
    data = SchemaData(spec, seed=5)
    check = Draft202012Validator({**spec, "$ref": "#/components/schemas/Item"}, format_checker=FormatChecker())
    for n in range(40):
        item = data.complete({}, data.response_schema("ItemGet"), key=str(n))
        assert [e.message for e in check.iter_errors(item)] == [], item
        assert ":" in item["v6"] and item["v4"].count(".") == 3 and "." in item["host"]
        assert len(set(item["unique"])) == len(item["unique"]) >= 3
        assert item["quarter"] in (10.0, 10.25) and re.search(LOOKAHEAD, item["ref"])


def test_an_optional_property_nothing_valid_fits_is_left_out_and_a_required_one_is_named() -> None:
    impossible = {"type": "string", "allOf": [{"maxLength": 2}, {"minLength": 5}]}
    data = SchemaData(hard_spec({"never": impossible}), seed=5)
    items = [data.complete({}, data.response_schema("ItemGet"), key=str(n)) for n in range(30)]
    assert not any("never" in item for item in items) and all("ref" in item for item in items)
    required = SchemaData(hard_spec({"never": impossible}, required=("never",)), seed=5)
    with pytest.raises(ValueError, match=r"cannot build a value for \$\.never: .*(minLength|maxLength)"):
        required.complete({}, required.response_schema("ItemGet"), key="x")


def test_a_lookahead_pattern_is_built_and_checked() -> None:
    rng = random.Random(0)
    for _ in range(20):
        assert re.search(LOOKAHEAD, from_pattern(LOOKAHEAD, rng))
