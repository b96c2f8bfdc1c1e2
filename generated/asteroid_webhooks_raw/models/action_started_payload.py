from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    Unset,
    empty_additional_properties,
    lazy_first,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.action_started_payload_arguments import ActionStartedPayloadArguments


T = TypeVar("T", bound="ActionStartedPayload")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "action_id",
        "action_name",
        "step_number",
        "arguments",
    )
)
_REQUIRED_KEYS: tuple[str, ...] = (
    "action_id",
    "action_name",
    "step_number",
)
_OPTIONAL_KEYS: tuple[str, ...] = ("arguments",)

_REPR_NAMES = ("action_name",)


@_attrs_define
class ActionStartedPayload:
    """Payload for EXECUTION_ACTION_STARTED events. Assumption: step_number is required and arguments optional, as in the
    other action payloads. Check against the published document (https://odyssey.asteroid.ai/webhooks/openapi.json).

        Attributes:
            action_id (str): Unique identifier for the action
            action_name (str): Name/type of the action being started
            step_number (int): Step number in the execution workflow
            arguments (ActionStartedPayloadArguments | None): Arguments passed to the action. Assumption: a map of any
                values (the published excerpt is cut off at its type). Check against the published document
                (https://odyssey.asteroid.ai/webhooks/openapi.json).
    """

    action_id: str
    action_name: str
    step_number: int
    arguments: ActionStartedPayloadArguments | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    present_keys: frozenset[str] = _attrs_field(
        init=False, default=frozenset(), eq=False, repr=False
    )
    """The JSON keys of the object this model was parsed from (empty for one built in code): tells
    an absent property from a null one, both None. Not compared: equal values are equal models."""
    _parsed: tuple[Any, ...] | None = _attrs_field(
        init=False, default=None, eq=False, repr=False
    )
    # The optional properties' values as from_dict parsed them (in `_OPTIONAL_KEYS` order) when it
    # saw every key a property and none null, and left present_keys to be found from them when read.

    def to_dict(self) -> dict[str, Any]:
        action_id = self.action_id

        action_name = self.action_name

        step_number = self.step_number

        arguments: dict[str, Any] | None = None
        if self.arguments is not None:
            if not isinstance(self.arguments, Unset):
                arguments = self.arguments.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action_id": action_id,
                "action_name": action_name,
                "step_number": step_number,
            }
        )
        if arguments is not None or "arguments" in self.present_keys:
            field_dict["arguments"] = arguments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"ActionStartedPayload must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        action_id = d["action_id"]
        if action_id.__class__ is not str:
            raise TypeError(
                f"action_id must be a string, not {type(action_id).__name__}"
            )

        action_name = d["action_name"]
        if action_name.__class__ is not str:
            raise TypeError(
                f"action_name must be a string, not {type(action_name).__name__}"
            )

        step_number = d["step_number"]
        if step_number.__class__ is not int:
            raise TypeError(
                f"step_number must be an integer, not {type(step_number).__name__}"
            )

        _arguments = d.get("arguments")
        arguments: ActionStartedPayloadArguments | None
        if _arguments is None:
            arguments = None
        else:
            arguments = _ActionStartedPayloadArguments_FROM_DICT(_arguments)

        action_started_payload = _OBJECT_NEW(cls)
        action_started_payload.action_id = action_id
        action_started_payload.action_name = action_name
        action_started_payload.step_number = step_number
        action_started_payload.arguments = arguments
        _parsed = (arguments,)
        if len(src_dict) + _parsed.count(None) == 4:
            # Every key is a property (the required ones and the optional ones not None) and none is
            # null, the common case: no unknown key to look for; present_keys is found when read (and
            # additional_properties made empty).
            action_started_payload._parsed = _parsed
            return action_started_payload
        action_started_payload._parsed = None
        action_started_payload.present_keys = frozenset(src_dict)

        # Some key is not a property, or one is null: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = action_started_payload.present_keys - _PROPERTY_NAMES
        action_started_payload.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return action_started_payload

    # Not seen by type checkers, which keep refusing attributes the model does not have.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            """What from_dict leaves to be made when first read, having seen every key a property and none
            null (the common case): present_keys, the required keys and the optional ones whose values
            were not None; additional_properties, empty."""
            if name == "present_keys" and (parsed := self._parsed) is not None:
                keys = frozenset(
                    _REQUIRED_KEYS
                    + tuple(k for k, v in zip(_OPTIONAL_KEYS, parsed) if v is not None)
                )
                # set past any __setattr__ of a subclass, which could read it again
                object.__setattr__(self, "present_keys", keys)
                return keys
            if name == "additional_properties":
                return empty_additional_properties(self)
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}",
                name=name,
                obj=self,
            )

        def __init_subclass__(cls, **kwargs: Any) -> None:
            super().__init_subclass__(**kwargs)
            lazy_first(cls, ActionStartedPayload.__getattr__)

    def __repr__(self) -> str:
        return model_repr(self, _REPR_NAMES)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class rather than inside its methods: an import in a method runs on every
# call, and made parsing an execution several times slower. Down here the circular references
# between models still resolve, since each class exists before the imports run.
from ..models.action_started_payload_arguments import ActionStartedPayloadArguments

# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_ActionStartedPayloadArguments_FROM_DICT = ActionStartedPayloadArguments.from_dict
