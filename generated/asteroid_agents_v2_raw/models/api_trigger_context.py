from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_trigger_context_source import APITriggerContextSource
from ..types import Unset, model_repr

if TYPE_CHECKING:
    from ..models.api_key_ref import APIKeyRef
    from ..models.trigger_runner import TriggerRunner


T = TypeVar("T", bound="APITriggerContext")

_PROPERTY_NAMES = frozenset(
    (
        "runner",
        "source",
        "apiKey",
    )
)

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
        runner = TriggerRunner.from_dict(d["runner"])

        source = APITriggerContextSource(d["source"])

        _api_key = d.get("apiKey")
        api_key: APIKeyRef | None
        if _api_key is None:
            api_key = None
        else:
            api_key = APIKeyRef.from_dict(_api_key)

        api_trigger_context = cls.__new__(cls)
        api_trigger_context.runner = runner
        api_trigger_context.source = source
        api_trigger_context.api_key = api_key
        api_trigger_context.present_keys = frozenset(src_dict)

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = api_trigger_context.present_keys - _PROPERTY_NAMES
        api_trigger_context.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return api_trigger_context

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
