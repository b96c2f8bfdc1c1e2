"""Each named spec override, on a minimal document."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from regen_support import ROOT, regenerate
from spec_overrides import (
    CONFIGURED,
    OVERRIDES,
    UUID_PATTERN,
    OverrideError,
    api_key_header_parameter,
    apply_overrides,
    check_configured,
    discriminator_mapping_refs,
    ids_as_strings,
    info,
    inline_all_of,
    open_discriminated_unions,
    operation_ids,
    payload_by_event,
    unevaluated_properties,
)


def union_document() -> dict[str, Any]:
    return {
        "components": {
            "schemas": {
                "Pet": {
                    "discriminator": {
                        "propertyName": "kind",
                        "mapping": {"cat": {"$ref": "#/components/schemas/Cat"}, "dog": "#/components/schemas/Dog"},
                    },
                    "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                },
                "Cat": {"type": "object"},
                "Dog": {"type": "object"},
            }
        }
    }


def test_discriminator_mapping_refs_become_strings() -> None:
    doc = union_document()
    assert discriminator_mapping_refs(doc) is True
    mapping = doc["components"]["schemas"]["Pet"]["discriminator"]["mapping"]
    assert mapping == {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}
    assert discriminator_mapping_refs(doc) is False


def test_unevaluated_properties_becomes_additional_properties() -> None:
    doc = {"components": {"schemas": {"M": {"type": "object", "unevaluatedProperties": {"type": "string"}}}}}
    assert unevaluated_properties(doc) is True
    assert doc["components"]["schemas"]["M"] == {"type": "object", "additionalProperties": {"type": "string"}}
    assert unevaluated_properties(doc) is False


def test_unevaluated_properties_left_alone_beside_composition() -> None:
    schema = {"allOf": [{"$ref": "#/components/schemas/A"}], "unevaluatedProperties": False}
    doc = {"components": {"schemas": {"M": dict(schema)}}}
    assert unevaluated_properties(doc) is False
    assert doc["components"]["schemas"]["M"] == schema


def test_open_discriminated_unions_adds_one_catch_all_branch() -> None:
    doc = union_document()
    assert open_discriminated_unions(doc) is True
    schemas = doc["components"]["schemas"]
    assert schemas["Pet"]["oneOf"][-1] == {"$ref": "#/components/schemas/Pet.Unknown"}
    unknown = schemas["Pet.Unknown"]
    assert unknown["required"] == ["kind"]
    assert unknown["properties"]["kind"]["type"] == "string"
    assert unknown["additionalProperties"] is True
    assert open_discriminated_unions(doc) is False
    assert len(schemas["Pet"]["oneOf"]) == 3


def test_union_without_discriminator_is_left_alone() -> None:
    doc = {"components": {"schemas": {"U": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}}
    assert open_discriminated_unions(doc) is False
    assert list(doc["components"]["schemas"]) == ["U"]


def test_ids_as_strings_swaps_the_format_for_an_equal_pattern() -> None:
    uuid_schema = {"type": "string", "format": "uuid", "description": "An ID"}
    doc = {
        "paths": {"/x/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "schema": dict(uuid_schema)}]}}},
        "components": {"schemas": {"Id": dict(uuid_schema), "When": {"type": "string", "format": "date-time"}}},
    }
    assert ids_as_strings(doc) is True
    for schema in (doc["components"]["schemas"]["Id"], doc["paths"]["/x/{id}"]["get"]["parameters"][0]["schema"]):
        assert schema == {"type": "string", "pattern": UUID_PATTERN, "description": "An ID"}
    assert doc["components"]["schemas"]["When"] == {"type": "string", "format": "date-time"}
    assert ids_as_strings(doc) is False
    assert re.match(UUID_PATTERN, "3c90c3cc-0d44-4B50-8888-8dd25736052a")
    assert not re.match(UUID_PATTERN, "3c90c3cc0d444b5088888dd25736052a")


def test_apply_overrides_reports_names_in_order() -> None:
    doc = union_document()
    assert apply_overrides(doc) == ["discriminator_mapping_refs", "open_discriminated_unions"]
    assert apply_overrides(doc) == []


def test_every_override_says_what_and_why() -> None:
    for override in [*OVERRIDES, *CONFIGURED.values()]:
        assert override.__doc__ and len(override.__doc__.strip().splitlines()) >= 3, override.__name__
    assert all(name == override.__name__ for name, override in CONFIGURED.items())


KEY = {"in": "header", "name": "authorization", "required": True, "description": "The key.", "schema": {}}


def keyed_document() -> dict[str, Any]:
    """Zaia's published shape: the key a header parameter, inline, shared at the path level or by `$ref`."""
    page = {"in": "query", "name": "page", "schema": {"type": "integer"}}
    return {
        "paths": {
            "/a": {"get": {"parameters": [dict(KEY), page], "responses": {}}},
            "/b": {"parameters": [dict(KEY, name="Authorization")], "get": {"responses": {}}},
            "/c": {"post": {"parameters": [{"$ref": "#/components/parameters/Key"}], "responses": {}}},
        },
        "components": {"parameters": {"Key": dict(KEY)}},
    }


def test_the_key_header_parameter_becomes_the_security_scheme() -> None:
    doc = keyed_document()
    assert api_key_header_parameter(doc, "authorization") is True
    assert doc["paths"]["/a"]["get"]["parameters"] == [{"in": "query", "name": "page", "schema": {"type": "integer"}}]
    assert "parameters" not in doc["paths"]["/b"] and "parameters" not in doc["paths"]["/c"]["post"]
    scheme = {"description": "The key.", "in": "header", "name": "Authorization", "type": "apiKey"}
    assert doc["components"]["securitySchemes"] == {"ApiKeyAuth": scheme}
    assert doc["security"] == [{"ApiKeyAuth": []}]
    assert api_key_header_parameter(doc, "authorization") is False


def test_a_security_scheme_the_document_declares_is_kept() -> None:
    doc = keyed_document()
    doc["security"] = [{"Vendor": []}]
    doc["components"]["securitySchemes"] = {"Vendor": {"type": "apiKey", "in": "header", "name": "X-Key"}}
    assert api_key_header_parameter(doc, "authorization") is True
    assert doc["security"] == [{"Vendor": []}] and list(doc["components"]["securitySchemes"]) == ["Vendor"]


def test_a_document_without_the_key_parameter_or_a_scheme_is_refused() -> None:
    doc = {"paths": {"/a": {"get": {"parameters": [dict(KEY, name="X-Trace")], "responses": {}}}}}
    with pytest.raises(OverrideError, match="'authorization' matches no header parameter"):
        api_key_header_parameter(doc, "authorization")
    assert "security" not in doc and doc["paths"]["/a"]["get"]["parameters"][0]["name"] == "X-Trace"


def test_a_document_with_its_own_scheme_and_no_key_parameter_is_left_alone() -> None:
    doc = {"security": [{"S": []}], "paths": {"/a": {"get": {"parameters": [dict(KEY, name="X-Trace")]}}}}
    assert api_key_header_parameter(doc, "authorization") is False
    assert doc["security"] == [{"S": []}]


def test_operation_ids_come_from_the_table_even_where_the_document_gives_its_own() -> None:
    doc = {"paths": {"/a": {"get": {}, "post": {"operationId": "Theirs"}}, "/b": {"get": {}}}}
    table = {"GET /a": "ListA", "POST /a": "Ours"}
    assert operation_ids(doc, table) is True
    assert doc["paths"]["/a"] == {"get": {"operationId": "ListA"}, "post": {"operationId": "Ours"}}
    assert doc["paths"]["/b"] == {"get": {}}
    assert operation_ids(doc, table) is False


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"GET /c": "C"}, "operation_ids names 'GET /c', which the document does not have"),
        ({"get /a": "A"}, "operation_ids names 'get /a'"),
        ({"GET /a": "Same", "GET /b": "Same"}, "gives Same to more than one operation"),
    ],
)
def test_an_operation_id_table_that_does_not_fit_is_refused(table: dict[str, str], message: str) -> None:
    doc = {"paths": {"/a": {"get": {}}, "/b": {"get": {}}}}
    with pytest.raises(OverrideError, match=message):
        operation_ids(doc, table)
    assert doc == {"paths": {"/a": {"get": {}}, "/b": {"get": {}}}}


def test_info_sets_title_and_version() -> None:
    doc = {"info": {"title": "Public API", "version": "1.0.0", "description": "kept"}}
    assert info(doc, {"title": "Zaia API", "version": "v1"}) is True
    assert doc["info"] == {"title": "Zaia API", "version": "v1", "description": "kept"}
    assert info(doc, {"title": "Zaia API"}) is False


def test_configured_overrides_run_first_and_only_when_named() -> None:
    doc = keyed_document()
    doc["paths"]["/a"]["get"]["parameters"][1]["schema"] = {"type": "string", "format": "uuid"}
    assert apply_overrides(doc) == ["ids_as_strings"]
    assert apply_overrides(doc, {"api_key_header_parameter": "authorization"}) == ["api_key_header_parameter"]


def test_a_configured_override_with_a_wrong_value_is_named() -> None:
    assert check_configured({"api_key_header_parameter": "authorization", "info": {"title": "T"}}) is None
    assert "names no override 'bearer'" in str(check_configured({"bearer": True}))
    assert check_configured({"api_key_header_parameter": ""}) == "api_key_header_parameter must be a header name"
    assert check_configured({"operation_ids": {"GET /a": 3}}) == "operation_ids must be a table of strings"
    assert check_configured({"info": {"description": "x"}}) == "info may set only title and version"
    assert check_configured({"payload_by_event": dict(WHERE)}) is None
    wrong = "payload_by_event must give schema, property and discriminator, each a name"
    assert check_configured({"payload_by_event": {"schema": "Info", "property": "payload"}}) == wrong
    assert check_configured({"payload_by_event": {**WHERE, "extra": "x"}}) == wrong
    assert check_configured({"payload_by_event": {**WHERE, "schema": ""}}) == wrong
    assert check_configured({"payload_by_event": "Info.payload"}) == wrong


WHERE = {"schema": "Info", "property": "payload", "discriminator": "event"}
REF = "#/components/schemas/"


def payload_document() -> dict[str, Any]:
    """Info.payload: a union of one model per event, each titled with its event, selected by Info.event."""
    return {
        "components": {
            "schemas": {
                "Info": {
                    "type": "object",
                    "properties": {
                        "event": {"type": "string", "enum": ["STARTED", "DONE"]},
                        "payload": {"anyOf": [{"$ref": f"{REF}Started"}, {"$ref": f"{REF}Done"}], "description": "d"},
                    },
                },
                "Started": {"title": "STARTED", "type": "object", "properties": {}},
                "Done": {"title": "DONE", "type": "object", "properties": {"result": {}}, "required": ["result"]},
            }
        }
    }


def test_payload_by_event_opens_the_union_and_records_each_events_model() -> None:
    doc = payload_document()
    assert payload_by_event(doc, WHERE) is True
    schemas = doc["components"]["schemas"]
    assert schemas["Info"]["properties"]["payload"] == {
        "description": "d",
        "type": "object",
        "additionalProperties": True,
        "x-payload-by": {
            "property": "event",
            "mapping": {"DONE": {"$ref": f"{REF}Done"}, "STARTED": {"$ref": f"{REF}Started"}},
        },
    }
    assert "title" not in schemas["Started"] and "title" not in schemas["Done"]  # else the class is named DONE
    assert schemas["Done"]["required"] == ["result"] and schemas["Info"]["properties"]["event"]["enum"] == [
        "STARTED",
        "DONE",
    ]
    before = json.dumps(doc)
    assert payload_by_event(doc, WHERE) is False
    assert json.dumps(doc) == before


def test_payload_by_event_runs_once_when_configured() -> None:
    doc = payload_document()
    assert apply_overrides(doc, {"payload_by_event": WHERE})[:1] == ["payload_by_event"]
    assert "payload_by_event" not in apply_overrides(doc, {"payload_by_event": WHERE})
    plain = payload_document()
    assert "payload_by_event" not in apply_overrides(plain)  # only where sources.toml names it
    assert "x-payload-by" not in json.dumps(plain)


def _no_union(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Info"]["properties"]["payload"] = {"type": "object"}


def _untitled(doc: dict[str, Any]) -> None:
    del doc["components"]["schemas"]["Done"]["title"]


def _inline_branch(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Info"]["properties"]["payload"]["anyOf"].append({"type": "object"})


def _same_title(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Done"]["title"] = "STARTED"


def _no_property(doc: dict[str, Any]) -> None:
    del doc["components"]["schemas"]["Info"]["properties"]["payload"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_no_union, "Info.payload is no longer a union"),
        (_untitled, r"a branch of Info.payload \(#/components/schemas/Done\) names no event"),
        (_inline_branch, r"a branch of Info.payload \(None\) names no event"),
        (_same_title, r"a branch of Info.payload \(#/components/schemas/Done\) names no event of its own"),
        (_no_property, "no property 'payload' in schema 'Info'"),
    ],
)
def test_payload_by_event_refuses_a_document_it_does_not_fit(edit: Any, message: str) -> None:
    doc = payload_document()
    edit(doc)
    before = json.dumps(doc)
    with pytest.raises(OverrideError, match=message):
        payload_by_event(doc, WHERE)
    assert json.dumps(doc) == before  # nothing half done


def test_inline_all_of_folds_constraints_into_one_schema() -> None:
    code = {"allOf": [{"type": "string", "pattern": "^a"}, {"minLength": 2}, {"minLength": 3, "maxLength": 9}]}
    doc = {"components": {"schemas": {"Item": {"type": "object", "properties": {"code2": code}}}}}
    assert inline_all_of(doc) is True
    folded = doc["components"]["schemas"]["Item"]["properties"]["code2"]
    assert folded == {"type": "string", "pattern": "^a", "minLength": 3, "maxLength": 9}
    assert inline_all_of(doc) is False


def test_inline_all_of_keeps_every_pattern() -> None:
    doc = {"components": {"schemas": {"S": {"allOf": [{"type": "string", "pattern": "^a"}, {"pattern": "z$"}]}}}}
    assert inline_all_of(doc) is True
    pattern = doc["components"]["schemas"]["S"]["pattern"]
    assert re.search(pattern, "abcz") and re.search(pattern, "az")
    assert not re.search(pattern, "abc") and not re.search(pattern, "bz") and not re.search(pattern, "za")


def test_inline_all_of_inlines_a_scalar_reference_beside_constraints() -> None:
    doc = {
        "components": {
            "schemas": {
                "Id": {"type": "string", "format": "uuid"},
                "Obj": {"type": "object", "properties": {"a": {"type": "string"}}},
                "X": {"allOf": [{"$ref": "#/components/schemas/Id"}, {"minLength": 2}]},
                "Y": {"allOf": [{"$ref": "#/components/schemas/Obj"}, {"description": "kept as is"}]},
            }
        }
    }
    assert inline_all_of(doc) is True
    schemas = doc["components"]["schemas"]
    assert schemas["X"] == {"type": "string", "format": "uuid", "minLength": 2}
    assert schemas["Y"] == {"allOf": [{"$ref": "#/components/schemas/Obj"}, {"description": "kept as is"}]}
    assert schemas["Id"] == {"type": "string", "format": "uuid"}


def test_inline_all_of_leaves_contradicting_parts_alone() -> None:
    schema = {"allOf": [{"type": "string"}, {"type": "integer"}]}
    doc = {"components": {"schemas": {"S": json.loads(json.dumps(schema))}}}
    assert inline_all_of(doc) is False
    assert doc["components"]["schemas"]["S"] == schema


PARSE_CODE2 = """
import agent_executions as ae
from agent_executions.testing import FakeAsteroidServer

with FakeAsteroidServer(seed=1, count=3) as server:
    first = server.executions[0]["id"]
    server.update(first, code2="abc")
    with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        got = client.executions.get(first)
        listed = [item for item in client.executions.list() if item.id == first]
    server.assert_no_violations()
    print(got.code2, listed[0].code2)
"""


def test_an_all_of_of_inline_constraints_regenerates_as_a_string(repo: Path) -> None:
    doc = yaml.safe_load((ROOT / "openapi" / "asteroid-agents-v2.yaml").read_text(encoding="utf-8"))
    properties = doc["components"]["schemas"]["Agents.Execution.ListItem"]["properties"]
    properties["code2"] = {"allOf": [{"type": "string", "pattern": "^a"}, {"minLength": 2}]}
    source = repo / "next.yaml"
    source.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    done = regenerate(repo, "asteroid", "--source", str(source))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "inline_all_of" in done.stdout
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(repo / "generated"), str(repo / "facade")])}
    env.pop("ASTEROID_BASE_URL", None)
    run = subprocess.run(
        [sys.executable, "-c", PARSE_CODE2], capture_output=True, text=True, env=env, cwd=repo, timeout=120
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.split() == ["abc", "abc"]
