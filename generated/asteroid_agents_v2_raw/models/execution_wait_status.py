from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execution_status import ExecutionStatus
from ..types import Unset, model_repr

if TYPE_CHECKING:
    from ..models.execution_result import ExecutionResult


T = TypeVar("T", bound="ExecutionWaitStatus")

_PROPERTY_NAMES = frozenset(
    (
        "executionId",
        "status",
        "executionResult",
    )
)

_REPR_NAMES = ("status",)


@_attrs_define
class ExecutionWaitStatus:
    """An execution's status when a wait for it returned

    Attributes:
        execution_id (str):
        status (ExecutionStatus):
        execution_result (ExecutionResult | None): Execution result containing outcome, reasoning, and result data
    """

    execution_id: str
    status: ExecutionStatus
    execution_result: ExecutionResult | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    present_keys: frozenset[str] = _attrs_field(
        init=False, default=frozenset(), eq=False, repr=False
    )
    """The JSON keys of the object this model was parsed from (empty for one built in code): tells
    an absent property from a null one, both None. Not compared: equal values are equal models."""

    def to_dict(self) -> dict[str, Any]:
        execution_id = self.execution_id

        status = self.status.value

        execution_result: dict[str, Any] | None = None
        if self.execution_result is not None:
            if not isinstance(self.execution_result, Unset):
                execution_result = self.execution_result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "executionId": execution_id,
                "status": status,
            }
        )
        if execution_result is not None or "executionResult" in self.present_keys:
            field_dict["executionResult"] = execution_result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"ExecutionWaitStatus must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        execution_id = d["executionId"]
        if execution_id.__class__ is not str:
            raise TypeError(
                f"executionId must be a string, not {type(execution_id).__name__}"
            )

        status = ExecutionStatus(d["status"])

        _execution_result = d.get("executionResult")
        execution_result: ExecutionResult | None
        if _execution_result is None:
            execution_result = None
        else:
            execution_result = ExecutionResult.from_dict(_execution_result)

        execution_wait_status = cls.__new__(cls)
        execution_wait_status.execution_id = execution_id
        execution_wait_status.status = status
        execution_wait_status.execution_result = execution_result
        execution_wait_status.present_keys = frozenset(src_dict)

        # One set difference in C finds the unknown keys; the dict is built, in the source's order, only when there are some.
        _unknown = execution_wait_status.present_keys - _PROPERTY_NAMES
        execution_wait_status.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return execution_wait_status

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
from ..models.execution_result import ExecutionResult
