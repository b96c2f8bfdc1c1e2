from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import Unset, model_repr

if TYPE_CHECKING:
    from ..models.rerun_request_inputs import RerunRequestInputs


T = TypeVar("T", bound="RerunRequest")

_PROPERTY_NAMES = frozenset(
    (
        "inputs",
        "profileId",
    )
)

_REPR_NAMES = ("profile_id",)


@_attrs_define
class RerunRequest:
    """Values that replace the ones copied from the original execution

    Attributes:
        inputs (RerunRequestInputs | None): Input variables for the new execution. Replaces the original inputs when
            set.
        profile_id (str | None):
    """

    inputs: RerunRequestInputs | None = None
    profile_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    present_keys: frozenset[str] = _attrs_field(
        init=False, default=frozenset(), eq=False, repr=False
    )
    """The JSON keys of the object this model was parsed from (empty for one built in code): tells
    an absent property from a null one, both None. Not compared: equal values are equal models."""

    def to_dict(self) -> dict[str, Any]:
        inputs: dict[str, Any] | None = None
        if self.inputs is not None:
            if not isinstance(self.inputs, Unset):
                inputs = self.inputs.to_dict()

        profile_id = self.profile_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if inputs is not None or "inputs" in self.present_keys:
            field_dict["inputs"] = inputs
        if profile_id is not None or "profileId" in self.present_keys:
            field_dict["profileId"] = profile_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"RerunRequest must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        _inputs = d.get("inputs")
        inputs: RerunRequestInputs | None
        if _inputs is None:
            inputs = None
        else:
            inputs = RerunRequestInputs.from_dict(_inputs)

        profile_id = d.get("profileId")
        if profile_id.__class__ is not str and profile_id is not None:
            raise TypeError(
                f"profileId must be a string, not {type(profile_id).__name__}"
            )

        rerun_request = cls.__new__(cls)
        rerun_request.inputs = inputs
        rerun_request.profile_id = profile_id
        rerun_request.present_keys = frozenset(src_dict)

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = rerun_request.present_keys - _PROPERTY_NAMES
        rerun_request.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return rerun_request

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
from ..models.rerun_request_inputs import RerunRequestInputs
