from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execution_status import ExecutionStatus
from ..models.status_changed_activity_activity_type import (
    StatusChangedActivityActivityType,
)
from ..types import (
    Unset,
    empty_additional_properties,
    lazy_first,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.awaiting_confirmation_details import AwaitingConfirmationDetails
    from ..models.cancelled_details import CancelledDetails
    from ..models.completed_details import CompletedDetails
    from ..models.failed_details import FailedDetails
    from ..models.paused_details import PausedDetails


T = TypeVar("T", bound="StatusChangedActivity")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "activityType",
        "status",
        "completedPayload",
        "failedPayload",
        "pausedPayload",
        "awaitingConfirmationPayload",
        "cancelledPayload",
    )
)
_REQUIRED_KEYS: tuple[str, ...] = (
    "activityType",
    "status",
)
_OPTIONAL_KEYS: tuple[str, ...] = (
    "completedPayload",
    "failedPayload",
    "pausedPayload",
    "awaitingConfirmationPayload",
    "cancelledPayload",
)

_REPR_NAMES = ("status",)


@_attrs_define
class StatusChangedActivity:
    """
    Attributes:
        activity_type (StatusChangedActivityActivityType):
        status (ExecutionStatus):
        completed_payload (CompletedDetails | None):
        failed_payload (FailedDetails | None):
        paused_payload (PausedDetails | None):
        awaiting_confirmation_payload (AwaitingConfirmationDetails | None):
        cancelled_payload (CancelledDetails | None):
    """

    activity_type: StatusChangedActivityActivityType
    status: ExecutionStatus
    completed_payload: CompletedDetails | None = None
    failed_payload: FailedDetails | None = None
    paused_payload: PausedDetails | None = None
    awaiting_confirmation_payload: AwaitingConfirmationDetails | None = None
    cancelled_payload: CancelledDetails | None = None
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
        activity_type = self.activity_type.value

        status = self.status.value

        completed_payload: dict[str, Any] | None = None
        if self.completed_payload is not None:
            if not isinstance(self.completed_payload, Unset):
                completed_payload = self.completed_payload.to_dict()

        failed_payload: dict[str, Any] | None = None
        if self.failed_payload is not None:
            if not isinstance(self.failed_payload, Unset):
                failed_payload = self.failed_payload.to_dict()

        paused_payload: dict[str, Any] | None = None
        if self.paused_payload is not None:
            if not isinstance(self.paused_payload, Unset):
                paused_payload = self.paused_payload.to_dict()

        awaiting_confirmation_payload: dict[str, Any] | None = None
        if self.awaiting_confirmation_payload is not None:
            if not isinstance(self.awaiting_confirmation_payload, Unset):
                awaiting_confirmation_payload = (
                    self.awaiting_confirmation_payload.to_dict()
                )

        cancelled_payload: dict[str, Any] | None = None
        if self.cancelled_payload is not None:
            if not isinstance(self.cancelled_payload, Unset):
                cancelled_payload = self.cancelled_payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activityType": activity_type,
                "status": status,
            }
        )
        if completed_payload is not None or "completedPayload" in self.present_keys:
            field_dict["completedPayload"] = completed_payload
        if failed_payload is not None or "failedPayload" in self.present_keys:
            field_dict["failedPayload"] = failed_payload
        if paused_payload is not None or "pausedPayload" in self.present_keys:
            field_dict["pausedPayload"] = paused_payload
        if (
            awaiting_confirmation_payload is not None
            or "awaitingConfirmationPayload" in self.present_keys
        ):
            field_dict["awaitingConfirmationPayload"] = awaiting_confirmation_payload
        if cancelled_payload is not None or "cancelledPayload" in self.present_keys:
            field_dict["cancelledPayload"] = cancelled_payload

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"StatusChangedActivity must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        _activity_type = d["activityType"]
        try:
            activity_type = _StatusChangedActivityActivityType_BY_VALUE[_activity_type]
        except (KeyError, TypeError):
            activity_type = None
        # the class called outside the except: its error chains no KeyError
        if activity_type is None:
            activity_type = StatusChangedActivityActivityType(_activity_type)

        _status = d["status"]
        try:
            status = _ExecutionStatus_BY_VALUE[_status]
        except (KeyError, TypeError):
            status = None
        # the class called outside the except: its error chains no KeyError
        if status is None:
            status = ExecutionStatus(_status)

        _completed_payload = d.get("completedPayload")
        completed_payload: CompletedDetails | None
        if _completed_payload is None:
            completed_payload = None
        else:
            completed_payload = _CompletedDetails_FROM_DICT(_completed_payload)

        _failed_payload = d.get("failedPayload")
        failed_payload: FailedDetails | None
        if _failed_payload is None:
            failed_payload = None
        else:
            failed_payload = _FailedDetails_FROM_DICT(_failed_payload)

        _paused_payload = d.get("pausedPayload")
        paused_payload: PausedDetails | None
        if _paused_payload is None:
            paused_payload = None
        else:
            paused_payload = _PausedDetails_FROM_DICT(_paused_payload)

        _awaiting_confirmation_payload = d.get("awaitingConfirmationPayload")
        awaiting_confirmation_payload: AwaitingConfirmationDetails | None
        if _awaiting_confirmation_payload is None:
            awaiting_confirmation_payload = None
        else:
            awaiting_confirmation_payload = _AwaitingConfirmationDetails_FROM_DICT(
                _awaiting_confirmation_payload
            )

        _cancelled_payload = d.get("cancelledPayload")
        cancelled_payload: CancelledDetails | None
        if _cancelled_payload is None:
            cancelled_payload = None
        else:
            cancelled_payload = _CancelledDetails_FROM_DICT(_cancelled_payload)

        status_changed_activity = _OBJECT_NEW(cls)
        status_changed_activity.activity_type = activity_type
        status_changed_activity.status = status
        status_changed_activity.completed_payload = completed_payload
        status_changed_activity.failed_payload = failed_payload
        status_changed_activity.paused_payload = paused_payload
        status_changed_activity.awaiting_confirmation_payload = (
            awaiting_confirmation_payload
        )
        status_changed_activity.cancelled_payload = cancelled_payload
        _parsed = (
            completed_payload,
            failed_payload,
            paused_payload,
            awaiting_confirmation_payload,
            cancelled_payload,
        )
        if len(src_dict) + _parsed.count(None) == 7:
            # Every key is a property (the required ones and the optional ones not None) and none is
            # null, the common case: no unknown key to look for; present_keys is found when read (and
            # additional_properties made empty).
            status_changed_activity._parsed = _parsed
            return status_changed_activity
        status_changed_activity._parsed = None
        status_changed_activity.present_keys = frozenset(src_dict)

        # Some key is not a property, or one is null: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = status_changed_activity.present_keys - _PROPERTY_NAMES
        status_changed_activity.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return status_changed_activity

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
            lazy_first(cls, StatusChangedActivity.__getattr__)

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
from ..models.awaiting_confirmation_details import AwaitingConfirmationDetails
from ..models.cancelled_details import CancelledDetails
from ..models.completed_details import CompletedDetails
from ..models.failed_details import FailedDetails
from ..models.paused_details import PausedDetails

# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_CompletedDetails_FROM_DICT = CompletedDetails.from_dict
_FailedDetails_FROM_DICT = FailedDetails.from_dict
_PausedDetails_FROM_DICT = PausedDetails.from_dict
_AwaitingConfirmationDetails_FROM_DICT = AwaitingConfirmationDetails.from_dict
_CancelledDetails_FROM_DICT = CancelledDetails.from_dict
_StatusChangedActivityActivityType_BY_VALUE = (
    StatusChangedActivityActivityType._value2member_map_
)
_ExecutionStatus_BY_VALUE = ExecutionStatus._value2member_map_
