from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    datetime_fromisoformat,
    empty_additional_properties,
    lazy_first,
    model_repr,
    parse_datetime,
)

T = TypeVar("T", bound="ExecutionResult")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "createdAt",
        "executionId",
        "id",
        "outcome",
        "reasoning",
        "result",
    )
)

_REPR_NAMES = (
    "id",
    "outcome",
)


@_attrs_define
class ExecutionResult:
    """Execution result containing outcome, reasoning, and result data

    Attributes:
        created_at (datetime.datetime): When the result was created
        execution_id (str):
        id (str):
        outcome (str): Outcome of the execution (success or failure)
        reasoning (str): AI reasoning for the outcome
        result (Any): Result data as JSON
    """

    created_at: datetime.datetime
    execution_id: str
    id: str
    outcome: str
    reasoning: str
    result: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        execution_id = self.execution_id

        id = self.id

        outcome = self.outcome

        reasoning = self.reasoning

        result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "executionId": execution_id,
                "id": id,
                "outcome": outcome,
                "reasoning": reasoning,
                "result": result,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"ExecutionResult must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        _created_at = d["createdAt"]
        try:
            created_at = datetime_fromisoformat(_created_at)
        except (TypeError, ValueError):
            created_at = None
        # outside the except: parse_datetime's error chains as it always did
        if created_at is None:
            created_at = parse_datetime(_created_at)

        execution_id = d["executionId"]
        if execution_id.__class__ is not str:
            raise TypeError(
                f"executionId must be a string, not {type(execution_id).__name__}"
            )

        id = d["id"]
        if id.__class__ is not str:
            raise TypeError(f"id must be a string, not {type(id).__name__}")

        outcome = d["outcome"]
        if outcome.__class__ is not str:
            raise TypeError(f"outcome must be a string, not {type(outcome).__name__}")

        reasoning = d["reasoning"]
        if reasoning.__class__ is not str:
            raise TypeError(
                f"reasoning must be a string, not {type(reasoning).__name__}"
            )

        result = d["result"]

        execution_result = _OBJECT_NEW(cls)
        execution_result.created_at = created_at
        execution_result.execution_id = execution_id
        execution_result.id = id
        execution_result.outcome = outcome
        execution_result.reasoning = reasoning
        execution_result.result = result
        if len(src_dict) == 6:
            # The required keys only, the common case: additional_properties is made empty when read.
            return execution_result

        # Some key is not a property: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        execution_result.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return execution_result

    @property
    def present_keys(self) -> frozenset[str]:
        """The JSON keys this model holds: every property is required, so all of them, and the unknown ones."""
        return frozenset(self.to_dict())

    # Not seen by type checkers, which keep refusing attributes the model does not have.
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            """What from_dict leaves to be made when first read, having seen the required keys only (the
            common case): additional_properties, empty."""
            if (
                name == "present_keys"
            ):  # the property raised AttributeError: raise it again, not this one's
                return frozenset(self.to_dict())
            if name == "additional_properties":
                return empty_additional_properties(self)
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}",
                name=name,
                obj=self,
            )

        def __init_subclass__(cls, **kwargs: Any) -> None:
            super().__init_subclass__(**kwargs)
            lazy_first(cls, ExecutionResult.__getattr__)

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
