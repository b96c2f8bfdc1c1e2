"""The change summary printed against the previous pin."""

from __future__ import annotations

import copy
from typing import Any

from spec_changes import summarize_changes


def base() -> dict[str, Any]:
    return {
        "paths": {
            "/things": {
                "get": {
                    "operationId": "ThingList",
                    "parameters": [{"in": "query", "name": "page", "required": False}],
                }
            }
        },
        "components": {
            "schemas": {
                "Status": {"type": "string", "enum": ["on", "off"]},
                "Thing": {
                    "type": "object",
                    "properties": {"id": {"type": "string"}, "kind": {"type": "string", "enum": ["a", "b"]}},
                    "required": ["id"],
                },
            }
        },
    }


def test_equal_documents_have_no_changes() -> None:
    assert summarize_changes(base(), base()) == []


def test_added_enum_value_property_and_operation() -> None:
    new = copy.deepcopy(base())
    new["components"]["schemas"]["Status"]["enum"].append("queued")
    new["components"]["schemas"]["Thing"]["properties"]["name"] = {"type": "string"}
    new["paths"]["/things/{id}"] = {"get": {"operationId": "ThingGet"}}
    assert summarize_changes(base(), new) == [
        "+ operation GET /things/{id}",
        "+ property Thing.name",
        "+ enum value Status: queued",
    ]


def test_removals_and_required_changes() -> None:
    new = copy.deepcopy(base())
    del new["paths"]["/things"]["get"]["parameters"][0]
    new["components"]["schemas"]["Thing"]["required"] = ["kind"]
    new["components"]["schemas"]["Thing"]["properties"]["kind"]["enum"] = ["a"]
    del new["components"]["schemas"]["Status"]
    assert summarize_changes(base(), new) == [
        "- parameter GET /things query:page",
        "- schema Status",
        "~ required Thing.id: required -> optional",
        "~ required Thing.kind: optional -> required",
        "- enum value Thing.kind: b",
    ]


def test_properties_declared_in_all_of_count() -> None:
    old = {"components": {"schemas": {"N": {"allOf": [{"$ref": "#/x"}, {"properties": {"a": {}}}]}}}}
    new = copy.deepcopy(old)
    new["components"]["schemas"]["N"]["allOf"][1]["properties"]["children"] = {"type": "array"}
    assert summarize_changes(old, new) == ["+ property N.children"]
