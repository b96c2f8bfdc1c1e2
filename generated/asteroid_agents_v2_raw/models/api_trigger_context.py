from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_trigger_context_source import APITriggerContextSource
from ..types import (
    Unset,
    empty_additional_properties,
    lazy_first,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.api_key_ref import APIKeyRef
    from ..models.trigger_runner import TriggerRunner


T = TypeVar("T", bound="APITriggerContext")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "runner",
        "source",
        "apiKey",
    )
)
_REQUIRED_KEYS: tuple[str, ...] = (
    "runner",
    "source",
)
_OPTIONAL_KEYS: tuple[str, ...] = ("apiKey",)

_REPR_NAMES = ("source",)


@_attrs_define
class APITriggerContext:
    """API-triggered execution context

    Attributes:
        runner (TriggerRunner): Runner information - who triggered the execution
        source (APITriggerContextSource): Trigger source discriminator
        api_key (APIKeyRef | None): API key reference used for authentication
    """

    runner: TriggerRunner
    source: APITriggerContextSource
    api_key: APIKeyRef | None = None
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
        runner = self.runner.to_dict()

        source = self.source.value

        api_key: dict[str, Any] | None = None
        if self.api_key is not None:
            if not isinstance(self.api_key, Unset):
                api_key = self.api_key.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "runner": runner,
                "source": source,
            }
        )
        if api_key is not None or "apiKey" in self.present_keys:
            field_dict["apiKey"] = api_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"APITriggerContext must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        runner = _TriggerRunner_FROM_DICT(d["runner"])

        _source = d["source"]
        try:
            source = _APITriggerContextSource_BY_VALUE[_source]
        except (KeyError, TypeError):
            source = None
        # the class called outside the except: its error chains no KeyError
        if source is None:
            source = APITriggerContextSource(_source)

        _api_key = d.get("apiKey")
        api_key: APIKeyRef | None
        if _api_key is None:
            api_key = None
        else:
            api_key = _APIKeyRef_FROM_DICT(_api_key)

        api_trigger_context = _OBJECT_NEW(cls)
        api_trigger_context.runner = runner
        api_trigger_context.source = source
        api_trigger_context.api_key = api_key
        _parsed = (api_key,)
        if len(src_dict) + _parsed.count(None) == 3:
            # Every key is a property (the required ones and the optional ones not None) and none is
            # null, the common case: no unknown key to look for; present_keys is found when read (and
            # additional_properties made empty).
            api_trigger_context._parsed = _parsed
            return api_trigger_context
        api_trigger_context._parsed = None
        api_trigger_context.present_keys = frozenset(src_dict)

        # Some key is not a property, or one is null: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = api_trigger_context.present_keys - _PROPERTY_NAMES
        api_trigger_context.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return api_trigger_context

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
            lazy_first(cls, APITriggerContext.__getattr__)

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
from ..models.api_key_ref import APIKeyRef
from ..models.trigger_runner import TriggerRunner

# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_TriggerRunner_FROM_DICT = TriggerRunner.from_dict
_APIKeyRef_FROM_DICT = APIKeyRef.from_dict
_APITriggerContextSource_BY_VALUE = APITriggerContextSource._value2member_map_
