from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event import WebhookEvent
from ..types import (
    Unset,
    empty_additional_properties,
    lazy_first,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.webhook_execution_info_metadata import WebhookExecutionInfoMetadata
    from ..models.webhook_execution_info_payload import WebhookExecutionInfoPayload


T = TypeVar("T", bound="WebhookExecutionInfo")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "agent_id",
        "agent_name",
        "event",
        "execution_id",
        "execution_url",
        "payload",
        "metadata",
    )
)
_REQUIRED_KEYS: tuple[str, ...] = (
    "agent_id",
    "agent_name",
    "event",
    "execution_id",
    "execution_url",
    "payload",
)
_OPTIONAL_KEYS: tuple[str, ...] = ("metadata",)

_REPR_NAMES = ("agent_name",)


@_attrs_define
class WebhookExecutionInfo:
    """Execution information with event-specific payload

    Attributes:
        agent_id (str): Agent UUID
        agent_name (str): Agent display name
        event (WebhookEvent): The execution event a notification reports. Assumption: the event names of the step,
            action, file, message, workflow and batch families, which the documentation lists by family only; a named enum.
            Check against the published document (https://odyssey.asteroid.ai/webhooks/openapi.json).
        execution_id (str): Execution UUID
        execution_url (str): URL to view this execution (or batch for batch events) in Asteroid
        payload (WebhookExecutionInfoPayload): Event-specific data. The schema depends on info.event. Assumption: an
            anyOf of the payload models with no discriminator (the documentation pages render it as an empty object); each
            payload's title names its event. Check against the published document
            (https://odyssey.asteroid.ai/webhooks/openapi.json).
        metadata (WebhookExecutionInfoMetadata | None): Optional execution metadata map. Included when metadata was
            supplied at execution creation time.
    """

    agent_id: str
    agent_name: str
    event: WebhookEvent
    execution_id: str
    execution_url: str
    payload: WebhookExecutionInfoPayload
    metadata: WebhookExecutionInfoMetadata | None = None
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
        agent_id = self.agent_id

        agent_name = self.agent_name

        event = self.event.value

        execution_id = self.execution_id

        execution_url = self.execution_url

        payload = self.payload.to_dict()

        metadata: dict[str, Any] | None = None
        if self.metadata is not None:
            if not isinstance(self.metadata, Unset):
                metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "agent_name": agent_name,
                "event": event,
                "execution_id": execution_id,
                "execution_url": execution_url,
                "payload": payload,
            }
        )
        if metadata is not None or "metadata" in self.present_keys:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"WebhookExecutionInfo must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        agent_id = d["agent_id"]
        if agent_id.__class__ is not str:
            raise TypeError(f"agent_id must be a string, not {type(agent_id).__name__}")

        agent_name = d["agent_name"]
        if agent_name.__class__ is not str:
            raise TypeError(
                f"agent_name must be a string, not {type(agent_name).__name__}"
            )

        _event = d["event"]
        try:
            event = _WebhookEvent_BY_VALUE[_event]
        except (KeyError, TypeError):
            event = None
        # the class called outside the except: its error chains no KeyError
        if event is None:
            event = WebhookEvent(_event)

        execution_id = d["execution_id"]
        if execution_id.__class__ is not str:
            raise TypeError(
                f"execution_id must be a string, not {type(execution_id).__name__}"
            )

        execution_url = d["execution_url"]
        if execution_url.__class__ is not str:
            raise TypeError(
                f"execution_url must be a string, not {type(execution_url).__name__}"
            )

        payload = _WebhookExecutionInfoPayload_FROM_DICT(d["payload"])

        _metadata = d.get("metadata")
        metadata: WebhookExecutionInfoMetadata | None
        if _metadata is None:
            metadata = None
        else:
            metadata = _WebhookExecutionInfoMetadata_FROM_DICT(_metadata)

        webhook_execution_info = _OBJECT_NEW(cls)
        webhook_execution_info.agent_id = agent_id
        webhook_execution_info.agent_name = agent_name
        webhook_execution_info.event = event
        webhook_execution_info.execution_id = execution_id
        webhook_execution_info.execution_url = execution_url
        webhook_execution_info.payload = payload
        webhook_execution_info.metadata = metadata
        _parsed = (metadata,)
        if len(src_dict) + _parsed.count(None) == 7:
            # Every key is a property (the required ones and the optional ones not None) and none is
            # null, the common case: no unknown key to look for; present_keys is found when read (and
            # additional_properties made empty).
            webhook_execution_info._parsed = _parsed
            return webhook_execution_info
        webhook_execution_info._parsed = None
        webhook_execution_info.present_keys = frozenset(src_dict)

        # Some key is not a property, or one is null: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = webhook_execution_info.present_keys - _PROPERTY_NAMES
        webhook_execution_info.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return webhook_execution_info

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
            lazy_first(cls, WebhookExecutionInfo.__getattr__)

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
from ..models.webhook_execution_info_metadata import WebhookExecutionInfoMetadata
from ..models.webhook_execution_info_payload import WebhookExecutionInfoPayload

# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_WebhookExecutionInfoPayload_FROM_DICT = WebhookExecutionInfoPayload.from_dict
_WebhookExecutionInfoMetadata_FROM_DICT = WebhookExecutionInfoMetadata.from_dict
_WebhookEvent_BY_VALUE = WebhookEvent._value2member_map_
