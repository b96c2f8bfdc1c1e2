from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_category import WebhookCategory
from ..types import (
    datetime_fromisoformat,
    empty_additional_properties,
    lazy_first,
    model_repr,
    parse_datetime,
)

if TYPE_CHECKING:
    from ..models.webhook_execution_info import WebhookExecutionInfo


T = TypeVar("T", bound="WebhookNotification")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "event_id",
        "info",
        "timestamp",
        "type",
    )
)

_REPR_NAMES = (
    "event_id",
    "timestamp",
    "type_",
)


@_attrs_define
class WebhookNotification:
    """Top-level V2 notification structure sent to webhook endpoints

    Attributes:
        event_id (str): Unique identifier for this notification event
        info (WebhookExecutionInfo): Execution information with event-specific payload
        timestamp (datetime.datetime): Timestamp when the event occurred
        type_ (WebhookCategory): Category of the notification event
    """

    event_id: str
    info: WebhookExecutionInfo
    timestamp: datetime.datetime
    type_: WebhookCategory
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        info = self.info.to_dict()

        timestamp = self.timestamp.isoformat()

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_id": event_id,
                "info": info,
                "timestamp": timestamp,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"WebhookNotification must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        event_id = d["event_id"]
        if event_id.__class__ is not str:
            raise TypeError(f"event_id must be a string, not {type(event_id).__name__}")

        info = _WebhookExecutionInfo_FROM_DICT(d["info"])

        _timestamp = d["timestamp"]
        try:
            timestamp = datetime_fromisoformat(_timestamp)
        except (TypeError, ValueError):
            timestamp = None
        # outside the except: parse_datetime's error chains as it always did
        if timestamp is None:
            timestamp = parse_datetime(_timestamp)

        _type_ = d["type"]
        try:
            type_ = _WebhookCategory_BY_VALUE[_type_]
        except (KeyError, TypeError):
            type_ = None
        # the class called outside the except: its error chains no KeyError
        if type_ is None:
            type_ = WebhookCategory(_type_)

        webhook_notification = _OBJECT_NEW(cls)
        webhook_notification.event_id = event_id
        webhook_notification.info = info
        webhook_notification.timestamp = timestamp
        webhook_notification.type_ = type_
        if len(src_dict) == 4:
            # The required keys only, the common case: additional_properties is made empty when read.
            return webhook_notification

        # Some key is not a property: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        webhook_notification.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return webhook_notification

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
            lazy_first(cls, WebhookNotification.__getattr__)

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
from ..models.webhook_execution_info import WebhookExecutionInfo

# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_WebhookExecutionInfo_FROM_DICT = WebhookExecutionInfo.from_dict
_WebhookCategory_BY_VALUE = WebhookCategory._value2member_map_
