"""The template overrides on every kind of optional property, generated from a small spec.

The pinned specs have few kinds of optional property; a vendor's next version may bring
the others (nullable, lists, unions, dates, consts). Each must read None when absent,
keep a null apart from an absent key in `to_dict()`, and never show `Unset` in a model.
The parsing shortcuts (issue 24) must give what the plain way gave: present_keys and
additional_properties whether read before or after a copy, unknown keys in order, enum
values refused as the enum class refuses them, and unions, enums and models parsed the
same in a list's items and in a response body, where the shortcuts do not apply.
"""

from __future__ import annotations

import copy
import importlib
import json
import pickle
import re
import subprocess
import sys
import typing
from collections.abc import Iterator
from types import ModuleType

import httpx
import pytest
from regen_support import ROOT

PARTS = {"type": "array", "items": {"$ref": "#/components/schemas/Part"}}
EITHER = {"oneOf": [{"$ref": "#/components/schemas/Part"}, {"type": "integer"}]}
KIND = {"$ref": "#/components/schemas/Kind"}


def returning(operation_id: str, schema: dict[str, typing.Any]) -> dict[str, typing.Any]:
    """A GET whose 200 body is `schema`: its module parses the body outside any model."""
    content = {"application/json": {"schema": schema}}
    return {"get": {"operationId": operation_id, "responses": {"200": {"description": "ok", "content": content}}}}


SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Synth", "version": "1"},
    "paths": {
        "/things/{id}": {
            "get": {
                "operationId": "ThingGet",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "kind", "in": "query", "required": False, "schema": {"$ref": "#/components/schemas/Kind"}},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    }
                },
            }
        },
        "/parts": returning("PartsList", PARTS),
        "/either": returning("EitherGet", EITHER),
        "/kind": returning("KindGet", KIND),
    },
    "components": {
        "schemas": {
            "Kind": {"type": "string", "enum": ["a", "b"]},
            "Part": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
            "Thing": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string"},
                    "note": {"type": ["string", "null"]},
                    "count": {"type": "integer"},
                    "when": {"type": "string", "format": "date-time"},
                    "day": {"type": "string", "format": "date"},
                    "kind": {"$ref": "#/components/schemas/Kind"},
                    "part": {"$ref": "#/components/schemas/Part"},
                    "parts": PARTS,
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "either": EITHER,
                    "mixes": {"type": "array", "items": EITHER},
                    "kinds": {"type": "array", "items": KIND},
                    "fixed": {"const": "x"},
                    "anything": {},
                },
            },
        }
    },
}
FULL = {
    "id": "1",
    "note": "n",
    "count": 2,
    "when": "2026-01-01T00:00:00+00:00",
    "day": "2026-01-02",
    "kind": "a",
    "part": {"name": "p"},
    "parts": [{"name": "q"}],
    "tags": ["t"],
    "either": {"name": "e"},
    "mixes": [{"name": "m"}, 4],
    "kinds": ["b", "a"],
    "fixed": "x",
    "anything": [1],
}
NULLS = {"id": "1"} | {key: None for key in FULL if key != "id"}


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package generated from SPEC with this repository's templates, imported."""
    workdir = tmp_path_factory.mktemp("synth")
    (workdir / "spec.json").write_text(json.dumps(SPEC))
    (workdir / "config.json").write_text(json.dumps({"package_name_override": "synth_raw", "post_hooks": []}))
    command = [sys.executable, "-m", "openapi_python_client", "generate", "--path", "spec.json"]
    command += ["--config", "config.json", "--meta", "none", "--fail-on-warning", "--output-path", "synth_raw"]
    command += ["--custom-template-path", str(ROOT / "scripts" / "templates")]
    done = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    sys.path.insert(0, str(workdir))
    try:
        yield importlib.import_module("synth_raw.models")
    finally:
        sys.path.remove(str(workdir))
        for name in [name for name in sys.modules if name.split(".")[0] == "synth_raw"]:
            del sys.modules[name]


@pytest.mark.parametrize(
    "data",
    [{"id": "1"}, FULL, NULLS, {"id": "1", "either": 3, "note": None}],
    ids=["absent", "present", "null", "mixed"],
)
def test_every_kind_of_optional_property_round_trips(synth: ModuleType, data: dict[str, typing.Any]) -> None:
    thing = synth.Thing.from_dict(data)
    assert thing.to_dict() == data
    assert thing.present_keys == set(data)
    for copied in (pickle.loads(pickle.dumps(thing)), copy.copy(thing), copy.deepcopy(thing)):
        assert copied == thing and copied.to_dict() == data


def test_absent_reads_none_and_the_types_say_so(synth: ModuleType) -> None:
    thing = synth.Thing.from_dict({"id": "1"})
    names = [name for name in FULL if name != "id"]
    assert all(getattr(thing, name) is None for name in names)
    hints = typing.get_type_hints(synth.Thing)
    for name in names:
        assert "Unset" not in str(hints[name]) and type(None) in typing.get_args(hints[name]), hints[name]
    assert repr(thing) == "Thing(id='1')"


def test_a_model_built_in_code_writes_what_is_not_none(synth: ModuleType) -> None:
    assert synth.Thing(id="2", count=3, part=synth.Part(name="p")).to_dict() == {
        "id": "2",
        "count": 3,
        "part": {"name": "p"},
    }


def test_query_parameters_keep_unset(synth: ModuleType) -> None:
    endpoint = importlib.import_module("synth_raw.api.default.thing_get")
    types = importlib.import_module("synth_raw.types")
    assert endpoint._get_kwargs("1")["params"] == {}
    assert endpoint._get_kwargs("1", kind=synth.Kind.B)["params"] == {"kind": "b"}
    assert types.Unset() is types.UNSET


@pytest.mark.parametrize(
    "data",
    [{"id": "1"}, FULL, NULLS, {"id": "1", "either": 3, "note": None}],
    ids=["absent", "present", "null", "mixed"],
)
@pytest.mark.parametrize("how", ["pickle", "copy", "deepcopy"])
def test_presence_is_the_same_copied_before_it_is_read(
    synth: ModuleType, data: dict[str, typing.Any], how: str
) -> None:
    """A model parsed without an unknown key or a null makes present_keys and additional_properties
    when first read: a copy made before that must have them too."""
    copies = {"pickle": lambda m: pickle.loads(pickle.dumps(m)), "copy": copy.copy, "deepcopy": copy.deepcopy}
    thing = synth.Thing.from_dict(data)
    copied = copies[how](thing)
    assert copied.present_keys == set(data)
    assert copied.additional_properties == {}
    assert copied.to_dict() == data
    assert copied == thing and thing.present_keys == set(data)
    part = synth.Part.from_dict({"name": "p"})
    assert copies[how](part).additional_properties == {} and copies[how](part).present_keys == {"name"}


def test_unknown_keys_are_kept_in_order_and_compared(synth: ModuleType) -> None:
    data = {"zz": [1], "id": "1", "count": 2, "part": {"name": "p", "extra": True}, "yy": None}
    thing = synth.Thing.from_dict(data)
    assert list(thing.additional_properties.items()) == [("zz", [1]), ("yy", None)]
    assert thing.part.additional_properties == {"extra": True}
    assert thing.present_keys == set(data) and thing.part.present_keys == {"name", "extra"}
    assert thing.to_dict() == data
    known = {k: v for k, v in data.items() if k not in ("zz", "yy")} | {"part": {"name": "p"}}
    assert synth.Thing.from_dict(known) != thing
    assert synth.Thing.from_dict(known).additional_properties == {}


def test_additional_properties_made_when_read_is_one_dict(synth: ModuleType) -> None:
    thing = synth.Thing.from_dict({"id": "1"})
    thing["later"] = 1
    assert thing.additional_properties is thing.additional_properties
    assert "later" in thing and thing.to_dict() == {"id": "1", "later": 1}
    part = synth.Part.from_dict({"name": "p"})
    part.additional_properties["later"] = 2
    assert part.to_dict() == {"name": "p", "later": 2} and part.additional_keys == ["later"]


def test_a_misspelt_attribute_is_still_an_attribute_error(synth: ModuleType) -> None:
    for model in (synth.Thing.from_dict({"id": "1"}), synth.Part.from_dict({"name": "p"}), synth.Part(name="p")):
        with pytest.raises(AttributeError, match=f"^'{type(model).__name__}' object has no attribute 'nmae'$") as info:
            _ = model.nmae
        assert info.value.name == "nmae" and info.value.obj is model
        assert not hasattr(model, "nmae")


@pytest.mark.parametrize("value", [5, True, None, [1], {"a": 1}, "c", ""])
def test_an_enum_value_parses_as_the_enum_class_reads_it(synth: ModuleType, value: object) -> None:
    """The value map first, the class only when it misses: the same member, the same open value (the
    enum has two values, so it keeps a newer one) and the same refusal."""
    try:
        expected: object = synth.Kind(value)
    except ValueError as exc:
        expected = exc
    for data, read in (
        ({"id": "1", "kind": value}, lambda thing: thing.kind),
        ({"id": "1", "kinds": [value]}, lambda thing: thing.kinds[0]),
    ):
        if value is None and "kind" in data:
            assert read(synth.Thing.from_dict(data)) is None  # optional: null reads None
            continue
        if isinstance(expected, ValueError):
            with pytest.raises(ValueError, match=f"^{re.escape(str(expected))}$"):
                synth.Thing.from_dict(data)
        else:
            got = read(synth.Thing.from_dict(data))
            assert type(got) is synth.Kind and got == expected and got.value == value
    assert synth.Thing.from_dict({"id": "1", "kind": "a"}).kind is synth.Kind.A


def test_response_bodies_parse_outside_the_models(synth: ModuleType) -> None:
    """Response bodies are parsed by the endpoint modules, where nothing is bound at module level."""
    client = importlib.import_module("synth_raw.client").Client(base_url="http://synth.invalid")

    def parse(module: str, body: object) -> object:
        endpoint = importlib.import_module(f"synth_raw.api.default.{module}")
        return endpoint._parse_response(client=client, response=httpx.Response(200, json=body))

    assert parse("parts_list", [{"name": "p"}, {"name": "q", "x": 1}]) == [
        synth.Part(name="p"),
        synth.Part.from_dict({"name": "q", "x": 1}),
    ]
    assert parse("either_get", {"name": "e"}) == synth.Part(name="e")
    assert parse("either_get", 3) == 3
    assert parse("kind_get", "b") is synth.Kind.B
    assert parse("kind_get", "c") == "c"
    with pytest.raises(ValueError, match="is not a valid Kind"):
        parse("kind_get", [1])
