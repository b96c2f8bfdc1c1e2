"""Each named spec override, on a minimal document."""

from __future__ import annotations

import re
from typing import Any

from spec_overrides import (
    OVERRIDES,
    UUID_PATTERN,
    apply_overrides,
    discriminator_mapping_refs,
    ids_as_strings,
    open_discriminated_unions,
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
    for override in OVERRIDES:
        assert override.__doc__ and len(override.__doc__.strip().splitlines()) >= 3, override.__name__
