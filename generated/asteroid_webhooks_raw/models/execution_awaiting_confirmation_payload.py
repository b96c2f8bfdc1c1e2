from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    empty_additional_properties,
    lazy_first,
    model_repr,
)

T = TypeVar("T", bound="ExecutionAwaitingConfirmationPayload")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(("reason",))
_REQUIRED_KEYS: tuple[str, ...] = ()
_OPTIONAL_KEYS: tuple[str, ...] = ("reason",)

_REPR_NAMES = ("reason",)


@_attrs_define
class ExecutionAwaitingConfirmationPayload:
    """Payload for EXECUTION_AWAITING_CONFIRMATION events. Assumption: one optional field reason. Check against the
    published document (https://odyssey.asteroid.ai/webhooks/openapi.json).

        Attributes:
            reason (str | None): What the agent asks the user to confirm
    """

    reason: str | None = None
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
        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reason is not None or "reason" in self.present_keys:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"ExecutionAwaitingConfirmationPayload must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        reason = d.get("reason")
        if reason.__class__ is not str and reason is not None:
            raise TypeError(f"reason must be a string, not {type(reason).__name__}")

        execution_awaiting_confirmation_payload = _OBJECT_NEW(cls)
        execution_awaiting_confirmation_payload.reason = reason
        _parsed = (reason,)
        if len(src_dict) + _parsed.count(None) == 1:
            # Every key is a property (the required ones and the optional ones not None) and none is
            # null, the common case: no unknown key to look for; present_keys is found when read (and
            # additional_properties made empty).
            execution_awaiting_confirmation_payload._parsed = _parsed
            return execution_awaiting_confirmation_payload
        execution_awaiting_confirmation_payload._parsed = None
        execution_awaiting_confirmation_payload.present_keys = frozenset(src_dict)

        # Some key is not a property, or one is null: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = (
            execution_awaiting_confirmation_payload.present_keys - _PROPERTY_NAMES
        )
        execution_awaiting_confirmation_payload.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return execution_awaiting_confirmation_payload

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
            lazy_first(cls, ExecutionAwaitingConfirmationPayload.__getattr__)

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
