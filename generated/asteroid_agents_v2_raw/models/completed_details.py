from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

T = TypeVar("T", bound="CompletedDetails")

_PROPERTY_NAMES = frozenset(
    (
        "outcome",
        "reasoning",
        "result",
    )
)

_REPR_NAMES = ("outcome",)


@_attrs_define
class CompletedDetails:
    """
    Attributes:
        outcome (str):
        reasoning (str):
        result (Any | None):
    """

    outcome: str
    reasoning: str
    result: Any | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    present_keys: frozenset[str] = _attrs_field(
        init=False, default=frozenset(), eq=False, repr=False
    )
    """The JSON keys of the object this model was parsed from (empty for one built in code): tells
    an absent property from a null one, both None. Not compared: equal values are equal models."""

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome

        reasoning = self.reasoning

        result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outcome": outcome,
                "reasoning": reasoning,
            }
        )
        if result is not None or "result" in self.present_keys:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"CompletedDetails must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        outcome = d["outcome"]
        if outcome.__class__ is not str:
            raise TypeError(f"outcome must be a string, not {type(outcome).__name__}")

        reasoning = d["reasoning"]
        if reasoning.__class__ is not str:
            raise TypeError(
                f"reasoning must be a string, not {type(reasoning).__name__}"
            )

        result = d.get("result")

        completed_details = cls.__new__(cls)
        completed_details.outcome = outcome
        completed_details.reasoning = reasoning
        completed_details.result = result
        completed_details.present_keys = frozenset(src_dict)

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = completed_details.present_keys - _PROPERTY_NAMES
        completed_details.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return completed_details

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
