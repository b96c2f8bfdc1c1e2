"""The change summary printed against the previous pin, and its verdicts for code using the facade."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from regen_support import ROOT
from spec_changes import breaking_changes, classify_changes, summarize_changes


def base() -> dict[str, Any]:
    """A small API: a listing and a get whose responses reach Thing and Status; Error is an error body."""
    ok = {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}
    error = {"400": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
    return {
        "servers": [{"url": "https://api.example.com/v2"}],
        "paths": {
            "/things": {
                "get": {
                    "operationId": "ThingList",
                    "parameters": [
                        {"in": "query", "name": "page", "required": False, "schema": {"type": "integer"}},
                        {"in": "query", "name": "name", "required": False, "schema": {"type": ["string", "null"]}},
                        {
                            "in": "query",
                            "name": "status",
                            "required": False,
                            "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Status"}},
                        },
                    ],
                    "responses": {**ok, **error},
                }
            },
            "/things/{id}": {
                "get": {
                    "operationId": "ThingGet",
                    "parameters": [{"in": "path", "name": "id", "required": True, "schema": {"type": "string"}}],
                    "responses": ok,
                }
            },
        },
        "components": {
            "schemas": {
                "Status": {"type": "string", "enum": ["on", "off"]},
                "Thing": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "kind": {"type": "string", "enum": ["a", "b"]},
                        "size": {"type": "integer"},
                        "note": {"type": "string"},
                        "status": {"allOf": [{"$ref": "#/components/schemas/Status"}], "description": "x"},
                        "parts": {"type": "array", "items": {"type": "object", "properties": {"n": {}}}},
                        "label": {"type": ["string", "null"]},
                        "shape": {"oneOf": [{"$ref": "#/components/schemas/Circle"}]},
                    },
                    "required": ["id", "status"],
                },
                "Circle": {"type": "object", "properties": {"radius": {"type": "number"}}},
                "Square": {"type": "object", "properties": {"side": {"type": "number"}}},
                "Error": {"type": "object", "properties": {"message": {"type": "string"}}, "required": ["message"]},
            }
        },
    }


def changed(edit: Any) -> list[str]:
    new = copy.deepcopy(base())
    edit(new)
    return summarize_changes(base(), new)


def thing(doc: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = doc["components"]["schemas"]["Thing"]
    return schema


def param(doc: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in doc["paths"]["/things"]["get"]["parameters"] if p["name"] == name)
    return found


def test_equal_documents_have_no_changes() -> None:
    assert summarize_changes(base(), base()) == []


ADDITIVE_CASES: dict[str, tuple[Any, str]] = {
    "new operation": (
        lambda d: d["paths"].update({"/things/{id}/parts": {"get": {"operationId": "PartList"}}}),
        "+ operation GET /things/{id}/parts (additive)",
    ),
    "new optional parameter": (
        lambda d: d["paths"]["/things"]["get"]["parameters"].append({"in": "query", "name": "q", "required": False}),
        "+ parameter GET /things query:q (additive)",
    ),
    "new required response property": (
        lambda d: (thing(d)["properties"].update({"owner": {"type": "string"}}), thing(d)["required"].append("owner")),
        "+ property Thing.owner (additive)",
    ),
    "new enum value": (
        lambda d: d["components"]["schemas"]["Status"]["enum"].append("queued"),
        "+ enum value Status: queued (additive)",
    ),
    "new inline enum value": (
        lambda d: thing(d)["properties"]["kind"]["enum"].append("c"),
        "+ enum value Thing.kind: c (additive)",
    ),
    "optional response property becomes required": (
        lambda d: thing(d)["required"].append("note"),
        "~ required Thing.note: optional -> required (additive)",
    ),
    "widened parameter type": (
        lambda d: param(d, "page").update(schema={"type": "number"}),
        "~ type parameter GET /things query:page: integer -> number (additive)",
    ),
    "parameter becomes nullable": (
        lambda d: param(d, "page").update(schema={"type": ["integer", "null"]}),
        "~ nullable parameter GET /things query:page: non-null -> nullable (additive)",
    ),
    "response property becomes non-null": (
        lambda d: thing(d)["properties"].update(label={"type": "string"}),
        "~ nullable Thing.label: nullable -> non-null (additive)",
    ),
    "new variant": (
        lambda d: thing(d)["properties"]["shape"]["oneOf"].append({"$ref": "#/components/schemas/Square"}),
        "+ variant Thing.shape: Square (additive)",
    ),
    "new success status beside the old": (
        lambda d: d["paths"]["/things/{id}"]["get"]["responses"].update({"203": {"description": "cached"}}),
        "+ success status GET /things/{id}: 203 (additive)",
    ),
    "response string constraint narrowed": (
        lambda d: thing(d)["properties"]["note"].update(maxLength=5, pattern="^n"),
        "~ constraint Thing.note: maxLength (none) -> 5 (additive)",
    ),
    "new schema": (
        lambda d: d["components"]["schemas"].update(Unused={"type": "object"}),
        "+ schema Unused (internal: not exposed by the facade)",
    ),
    "error body change": (
        lambda d: d["components"]["schemas"]["Error"]["properties"].pop("message"),
        "- property Error.message (internal: not exposed by the facade)",
    ),
    "path moved into the paths from the server URL": (
        lambda d: (
            d.update(servers=[{"url": "https://api.example.com"}]),
            d.update(paths={f"/v2{path}": item for path, item in d["paths"].items()}),
        ),
        "~ operation GET /things -> GET /v2/things (additive: the same URL)",
    ),
}


@pytest.mark.parametrize("case", sorted(ADDITIVE_CASES))
def test_an_additive_change_is_reported_and_does_not_break(case: str) -> None:
    edit, line = ADDITIVE_CASES[case]
    new = copy.deepcopy(base())
    edit(new)
    changes = classify_changes(base(), new)
    assert breaking_changes(changes) == [], [str(c) for c in changes]
    assert line in [str(c) for c in changes]


BREAKING_CASES: dict[str, tuple[Any, str]] = {
    "removed response property": (
        lambda d: thing(d)["properties"].pop("note"),
        "- property Thing.note (BREAKING: code reading the attribute fails)",
    ),
    "required response property becomes optional": (
        lambda d: thing(d)["required"].remove("id"),
        "~ required Thing.id: required -> optional (BREAKING: it may be missing, and code relying on it then finds"
        " no value)",
    ),
    "response property becomes nullable": (
        lambda d: thing(d)["properties"]["note"].update(type=["string", "null"]),
        "~ nullable Thing.note: non-null -> nullable (BREAKING: it may now be None where code expects a value)",
    ),
    "removed enum value": (
        lambda d: d["components"]["schemas"]["Status"]["enum"].remove("off"),
        "- enum value Status: off (BREAKING: code comparing to it, or naming its enum member, no longer matches)",
    ),
    "removed inline enum value": (
        lambda d: thing(d)["properties"]["kind"]["enum"].remove("b"),
        "- enum value Thing.kind: b (BREAKING: code comparing to it, or naming its enum member, no longer matches)",
    ),
    "response property type changed": (
        lambda d: thing(d)["properties"].update(size={"type": "string"}),
        "~ type Thing.size: integer -> string (BREAKING: code reading it as integer gets string)",
    ),
    "response property widened": (
        lambda d: thing(d)["properties"].update(size={"type": "number"}),
        "~ type Thing.size: integer -> number (BREAKING: code reading it as integer gets number)",
    ),
    "response property refers to another schema": (
        lambda d: thing(d)["properties"].update(status={"$ref": "#/components/schemas/Error"}),
        "~ type Thing.status: Status -> Error (BREAKING: code reading it as Status gets Error)",
    ),
    "renamed property": (
        lambda d: thing(d)["properties"].update(comment=thing(d)["properties"].pop("note")),
        "- property Thing.note (BREAKING: code reading the attribute fails)",
    ),
    "nested inline property removed": (
        lambda d: thing(d)["properties"]["parts"]["items"]["properties"].pop("n"),
        "- property Thing.parts[].n (BREAKING: code reading the attribute fails)",
    ),
    "removed parameter": (
        lambda d: d["paths"]["/things"]["get"]["parameters"].remove(param(d, "page")),
        "- parameter GET /things query:page (BREAKING: code passing it sends what the API no longer takes)",
    ),
    "renamed parameter": (
        lambda d: param(d, "page").update(name="pageNumber"),
        "- parameter GET /things query:page (BREAKING: code passing it sends what the API no longer takes)",
    ),
    "new required parameter": (
        lambda d: d["paths"]["/things"]["get"]["parameters"].append({"in": "query", "name": "q", "required": True}),
        "+ parameter GET /things query:q (BREAKING: every call must now send it, and code written before does not)",
    ),
    "optional parameter becomes required": (
        lambda d: param(d, "page").update(required=True),
        "~ parameter GET /things query:page: optional -> required (BREAKING: calls that leave it out are refused)",
    ),
    "parameter string -> enum": (
        lambda d: param(d, "name").update(schema={"type": ["string", "null"], "enum": ["x", None]}),
        "~ type parameter GET /things query:name: string -> string enum (BREAKING: values accepted before may be"
        " refused)",
    ),
    "parameter string -> integer": (
        lambda d: param(d, "name").update(schema={"type": ["integer", "null"]}),
        "~ type parameter GET /things query:name: string -> integer (BREAKING: values accepted before may be refused)",
    ),
    "parameter nullable -> non-null": (
        lambda d: param(d, "name").update(schema={"type": "string"}),
        "~ nullable parameter GET /things query:name: nullable -> non-null (BREAKING: None, accepted before, is"
        " refused)",
    ),
    "enum value removed from a parameter and a response": (
        lambda d: d["components"]["schemas"]["Status"]["enum"].remove("on"),
        "- enum value Status: on (BREAKING: code comparing to it, or naming its enum member, no longer matches)",
    ),
    "removed variant": (
        lambda d: thing(d)["properties"]["shape"].update(oneOf=[{"$ref": "#/components/schemas/Square"}]),
        "- variant Thing.shape: Circle (BREAKING: values of that kind are no longer parsed as its model)",
    ),
    "removed operation": (
        lambda d: d["paths"].pop("/things/{id}"),
        "- operation GET /things/{id} (BREAKING: the facade method that wraps it stops working)",
    ),
    "method changed": (
        lambda d: d["paths"]["/things/{id}"].update(post=d["paths"]["/things/{id}"].pop("get")),
        "- operation GET /things/{id} (BREAKING: the facade method that wraps it stops working)",
    ),
    "success status moved": (
        lambda d: d["paths"]["/things/{id}"]["get"].update(
            responses={"201": d["paths"]["/things/{id}"]["get"]["responses"]["200"]}
        ),
        "~ success status GET /things/{id}: 200 -> 201 (BREAKING: code checking the status, and client.raw's parsed"
        " response, expect the old one)",
    ),
    "parameter maxLength added": (
        lambda d: param(d, "name")["schema"].update(maxLength=8),
        "~ constraint parameter GET /things query:name: maxLength (none) -> 8 (BREAKING: values accepted before may be"
        " refused)",
    ),
    "parameter pattern added": (
        lambda d: param(d, "name")["schema"].update(pattern="^[a-z]+$"),
        '~ constraint parameter GET /things query:name: pattern (none) -> "^[a-z]+$" (BREAKING: values accepted'
        " before may be refused)",
    ),
    "removed schema the responses reach": (
        lambda d: (
            thing(d)["properties"].pop("status"),
            thing(d)["required"].remove("status"),
            param(d, "status").update(schema={"type": "array", "items": {"type": "string"}}),
            d["components"]["schemas"].pop("Status"),
        ),
        "- schema Status (BREAKING: its model goes away with whatever refers to it)",
    ),
}


@pytest.mark.parametrize("case", sorted(BREAKING_CASES))
def test_a_breaking_change_is_named_with_its_reason(case: str) -> None:
    edit, line = BREAKING_CASES[case]
    lines = changed(edit)
    assert line in lines, lines


TOGETHER = [
    "removed response property",
    "required response property becomes optional",
    "removed enum value",
    "removed inline enum value",
    "response property widened",
    "nested inline property removed",
    "removed variant",
    "renamed parameter",
    "new required parameter",
    "parameter string -> integer",
    "removed operation",
]


def test_breaking_changes_together_are_each_named() -> None:
    new = copy.deepcopy(base())
    for case in TOGETHER:
        BREAKING_CASES[case][0](new)
    breaks = [str(c) for c in breaking_changes(classify_changes(base(), new))]
    assert sorted(breaks) == sorted(BREAKING_CASES[case][1] for case in TOGETHER)


def test_additive_and_breaking_changes_together() -> None:
    new = copy.deepcopy(base())
    new["components"]["schemas"]["Status"]["enum"].append("queued")
    thing(new)["properties"]["owner"] = {"type": "string"}
    thing(new)["properties"].pop("size")
    assert summarize_changes(base(), new) == [
        "+ enum value Status: queued (additive)",
        "+ property Thing.owner (additive)",
        "- property Thing.size (BREAKING: code reading the attribute fails)",
    ]


def test_server_url_and_auth_header_changes_are_reported() -> None:
    old = base()
    old["components"]["securitySchemes"] = {"Key": {"type": "apiKey", "in": "header", "name": "X-Old-Key"}}
    new = copy.deepcopy(old)
    new["servers"] = [{"url": "https://api.example.org/v2"}]
    new["components"]["securitySchemes"]["Key"]["name"] = "X-Api-Key"
    lines = summarize_changes(old, new)
    assert lines == [
        "~ server URL: https://api.example.com/v2 -> https://api.example.org/v2 (additive: the facade's default base"
        " URL follows the generated package)",
        "~ auth header: X-Old-Key -> X-Api-Key (additive: the facade sends the key in the header the generated"
        " package names)",
    ]


def test_properties_declared_in_all_of_count() -> None:
    old = {"components": {"schemas": {"N": {"allOf": [{"$ref": "#/x"}, {"properties": {"a": {}}}]}}}}
    new = copy.deepcopy(old)
    new["components"]["schemas"]["N"]["allOf"][1]["properties"]["children"] = {"type": "array"}
    assert summarize_changes(old, new) == ["+ property N.children (internal: not exposed by the facade)"]


@pytest.mark.parametrize("package", ["asteroid_agents_v2_raw", "zaia_v1_raw"])
def test_the_pinned_specs_expose_their_response_models(package: str) -> None:
    """Every model of the pinned normalized specs but the error bodies counts as exposed."""
    doc = json.loads((ROOT / "generated" / package / "openapi.json").read_text())
    new = copy.deepcopy(doc)
    for schema in new["components"]["schemas"].values():
        schema.get("properties", {})["added"] = {"type": "string"}
    verdicts = {str(c).split(" (")[0]: c.verdict for c in classify_changes(doc, new)}
    exposed = {what for what, verdict in verdicts.items() if verdict == "additive"}
    internal = {what for what, verdict in verdicts.items() if verdict == "internal"}
    assert exposed and internal == {w for w in verdicts if "Error" in w}, verdicts


def test_a_reference_that_becomes_nullable_is_one_change() -> None:
    def edit(d: dict[str, Any]) -> None:
        thing(d)["properties"]["status"] = {"anyOf": [{"$ref": "#/components/schemas/Status"}, {"type": "null"}]}

    assert changed(edit) == [
        "~ nullable Thing.status: non-null -> nullable (BREAKING: it may now be None where code expects a value)"
    ]


def test_a_renamed_schema_is_named_once_as_a_rename() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["components"]["schemas"]["Shape.Circle"] = d["components"]["schemas"].pop("Circle")
        thing(d)["properties"]["shape"]["oneOf"] = [{"$ref": "#/components/schemas/Shape.Circle"}]

    assert changed(edit) == [
        "~ schema Circle -> Shape.Circle (BREAKING: the generated class is renamed, and agent_executions.models"
        " imports it by name: map the stable name to the new class in a release of this SDK)"
    ]


def test_a_renamed_operation_id_on_the_same_url_is_the_same_operation() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["paths"]["/things"]["get"]["operationId"] = "ListThings"
        param(d, "page")["required"] = True

    assert changed(edit) == [
        "~ operationId ThingList -> ListThings (additive: the same method and URL; client.raw's function is renamed"
        " (the facade: see its own lines))",
        "~ parameter GET /things query:page: optional -> required (BREAKING: calls that leave it out are refused)",
    ]


def test_shared_parameters_and_responses_are_followed() -> None:
    """Parameters of the path item and `$ref`s to components/parameters and components/responses count."""
    old = base()
    operation = old["paths"]["/things"]["get"]
    old["components"]["parameters"] = {"Page": operation["parameters"].pop(0)}
    old["paths"]["/things"]["parameters"] = [{"$ref": "#/components/parameters/Page"}]
    old["components"]["responses"] = {"Ok": operation["responses"].pop("200")}
    operation["responses"]["200"] = {"$ref": "#/components/responses/Ok"}
    old["paths"]["/things/{id}"]["get"]["responses"] = {"200": {"$ref": "#/components/responses/Ok"}}
    new = copy.deepcopy(old)
    new["components"]["parameters"]["Page"]["required"] = True
    thing(new)["properties"].pop("size")
    assert summarize_changes(old, new) == [
        "~ parameter GET /things query:page: optional -> required (BREAKING: calls that leave it out are refused)",
        "- property Thing.size (BREAKING: code reading the attribute fails)",
    ]


def _with_name_constraints(**constraints: Any) -> dict[str, Any]:
    doc = base()
    param(doc, "name")["schema"].update(constraints)
    return doc


@pytest.mark.parametrize(
    ("old", "new", "breaks"),
    [
        ({"maxLength": 10}, {"maxLength": 5}, True),
        ({"maxLength": 10}, {"maxLength": 20}, False),
        ({"maxLength": 10}, {}, False),
        ({"minLength": 1}, {"minLength": 3}, True),
        ({"minLength": 3}, {"minLength": 1}, False),
        ({"pattern": "^a"}, {"pattern": "^b"}, True),
        ({"pattern": "^a"}, {}, False),
    ],
)
def test_parameter_string_constraints_break_only_when_narrowed(
    old: dict[str, Any], new: dict[str, Any], breaks: bool
) -> None:
    changes = classify_changes(_with_name_constraints(**old), _with_name_constraints(**new))
    assert [c.what.split(":")[0] for c in changes] == ["constraint parameter GET /things query"]
    assert bool(breaking_changes(changes)) is breaks, [str(c) for c in changes]


def test_a_narrowed_request_body_property_breaks_and_a_response_one_does_not() -> None:
    def with_body(doc: dict[str, Any]) -> dict[str, Any]:
        body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        doc["paths"]["/things"]["post"] = {"operationId": "ThingCreate", "requestBody": body, "responses": {}}
        return doc

    old, new = with_body(base()), with_body(base())
    new["components"]["schemas"]["Error"]["properties"]["message"]["maxLength"] = 3
    thing(new)["properties"]["note"]["minLength"] = 2
    lines = summarize_changes(old, new)
    assert (
        "~ constraint Error.message: maxLength (none) -> 3 (BREAKING: values accepted before may be refused)" in lines
    )
    assert "~ constraint Thing.note: minLength (none) -> 2 (additive)" in lines


WEBHOOKS = json.loads((ROOT / "generated" / "asteroid_webhooks_raw" / "openapi.json").read_text())
"""The normalized webhook document: its one operation's request body is what Asteroid delivers."""
PAYLOAD = "Notifications.V2.ActionCompletedPayload"


def _new_required_payload_field(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"][PAYLOAD]["properties"]["attempt"] = {"type": "integer"}
    doc["components"]["schemas"][PAYLOAD]["required"].append("attempt")


def _removed_event(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Notifications.V2.ExecutionEvent"]["enum"].remove("EXECUTION_PAUSED")


def _changed_field_type(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"][PAYLOAD]["properties"]["step_number"]["type"] = "string"


def _removed_payload_model(doc: dict[str, Any]) -> None:
    schemas = doc["components"]["schemas"]
    del schemas["Notifications.V2.ExecutionInfo"]["properties"]["payload"]["x-payload-by"]["mapping"][
        "EXECUTION_PAUSED"
    ]
    del schemas["Notifications.V2.ExecutionPausedPayload"]


def _mapping(doc: dict[str, Any]) -> dict[str, Any]:
    payload = doc["components"]["schemas"]["Notifications.V2.ExecutionInfo"]["properties"]["payload"]
    return payload["x-payload-by"]["mapping"]


def _replaced_payload_model(doc: dict[str, Any]) -> None:
    _mapping(doc)["EXECUTION_PAUSED"] = {"$ref": "#/components/schemas/Notifications.V2.ExecutionFailedPayload"}


def _payload_model_for_a_new_event(doc: dict[str, Any]) -> None:
    _mapping(doc)["EXECUTION_ARCHIVED"] = {"$ref": "#/components/schemas/Notifications.V2.ExecutionPausedPayload"}


WHERE = "Notifications.V2.ExecutionInfo.payload"
DELIVERED_CASES: dict[str, tuple[Any, str | list[str]]] = {
    "new required field in a payload": (
        _new_required_payload_field,
        f"+ property {PAYLOAD}.attempt (additive)",
    ),
    "removed event": (
        _removed_event,
        "- enum value Notifications.V2.ExecutionEvent: EXECUTION_PAUSED (BREAKING: code comparing to it, or naming its"
        " enum member, no longer matches)",
    ),
    "changed field type": (
        _changed_field_type,
        f"~ type {PAYLOAD}.step_number: integer -> string (BREAKING: code reading it as integer gets string)",
    ),
    "removed payload model": (
        _removed_payload_model,
        [
            "- schema Notifications.V2.ExecutionPausedPayload (BREAKING: its model goes away with whatever refers"
            " to it)",
            f"- payload model {WHERE} for EXECUTION_PAUSED: Notifications.V2.ExecutionPausedPayload (BREAKING: a"
            " payload of EXECUTION_PAUSED is no longer parsed as Notifications.V2.ExecutionPausedPayload)",
        ],
    ),
    "payload model of an event replaced": (
        _replaced_payload_model,
        f"~ payload model {WHERE} for EXECUTION_PAUSED: Notifications.V2.ExecutionPausedPayload ->"
        " Notifications.V2.ExecutionFailedPayload (BREAKING: code reading a payload of EXECUTION_PAUSED as"
        " Notifications.V2.ExecutionPausedPayload gets Notifications.V2.ExecutionFailedPayload)",
    ),
    "payload model for a new event": (
        _payload_model_for_a_new_event,
        f"+ payload model {WHERE} for EXECUTION_ARCHIVED: Notifications.V2.ExecutionPausedPayload (additive)",
    ),
}


@pytest.mark.parametrize("case", sorted(DELIVERED_CASES))
def test_a_delivered_body_is_judged_as_read_by_users(case: str) -> None:
    """A webhook notification is a request body the vendor sends: users read it, as they read a response."""
    edit, line = DELIVERED_CASES[case]
    new = copy.deepcopy(WEBHOOKS)
    edit(new)
    lines = line if isinstance(line, list) else [line]
    assert [str(change) for change in classify_changes(WEBHOOKS, new, delivered=True)] == lines


def test_the_same_body_sent_by_users_would_be_judged_as_written() -> None:
    """Without `delivered`, a new required field of a request body breaks the code that builds it."""
    new = copy.deepcopy(WEBHOOKS)
    _new_required_payload_field(new)
    (change,) = classify_changes(WEBHOOKS, new)
    assert str(change) == f"+ property {PAYLOAD}.attempt (BREAKING: code building the model must now pass it)"


def test_every_model_of_the_delivered_document_is_exposed() -> None:
    """The payload models are reached through the recorded mapping ($refs), not only through the body."""
    new = copy.deepcopy(WEBHOOKS)
    for schema in new["components"]["schemas"].values():
        schema.get("properties", {})["added"] = {"type": "string"}
    verdicts = {str(c).split(" (")[0]: c.verdict for c in classify_changes(WEBHOOKS, new, delivered=True)}
    assert len(verdicts) == len([s for s in new["components"]["schemas"].values() if "properties" in s])
    assert set(verdicts.values()) == {"additive"}, verdicts
