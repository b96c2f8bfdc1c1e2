"""The template overrides on every kind of optional property, generated from a small spec.

The pinned specs have few kinds of optional property; a vendor's next version may bring
the others (nullable, lists, unions, dates, consts). Each must read None when absent,
keep a null apart from an absent key in `to_dict()`, and never show `Unset` in a model.
"""

from __future__ import annotations

import copy
import importlib
import json
import pickle
import subprocess
import sys
import typing
from collections.abc import Iterator
from types import ModuleType

import pytest
from regen_support import ROOT

PARTS = {"type": "array", "items": {"$ref": "#/components/schemas/Part"}}
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
        }
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
                    "either": {"oneOf": [{"$ref": "#/components/schemas/Part"}, {"type": "integer"}]},
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
