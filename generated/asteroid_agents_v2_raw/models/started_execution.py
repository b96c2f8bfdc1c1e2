from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execution_status import ExecutionStatus
from ..types import Unset, model_repr

T = TypeVar("T", bound="StartedExecution")

_PROPERTY_NAMES = frozenset(
    (
        "executionId",
        "status",
    )
)

_REPR_NAMES = ("status",)


@_attrs_define
class StartedExecution:
    """Response after starting a workflow execution

    Attributes:
        execution_id (str):
        status (ExecutionStatus | None):
    """

    execution_id: str
    status: ExecutionStatus | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    present_keys: frozenset[str] = _attrs_field(
        init=False, default=frozenset(), eq=False, repr=False
    )
    """The JSON keys of the object this model was parsed from (empty for one built in code): tells
    an absent property from a null one, both None. Not compared: equal values are equal models."""

    def to_dict(self) -> dict[str, Any]:
        execution_id = self.execution_id

        status: str | None = None
        if self.status is not None:
            if not isinstance(self.status, Unset):
                status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "executionId": execution_id,
            }
        )
        if status is not None or "status" in self.present_keys:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"StartedExecution must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        execution_id = d["executionId"]
        if execution_id.__class__ is not str:
            raise TypeError(
                f"executionId must be a string, not {type(execution_id).__name__}"
            )

        _status = d.get("status")
        status: ExecutionStatus | None
        if _status is None:
            status = None
        else:
            status = ExecutionStatus(_status)

        started_execution = cls.__new__(cls)
        started_execution.execution_id = execution_id
        started_execution.status = status
        started_execution.present_keys = frozenset(src_dict)

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = started_execution.present_keys - _PROPERTY_NAMES
        started_execution.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return started_execution

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
