from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_added_activity_activity_type import FileAddedActivityActivityType
from ..models.file_added_activity_source import FileAddedActivitySource
from ..types import (
    empty_additional_properties,
    lazy_first,
    model_repr,
)

T = TypeVar("T", bound="FileAddedActivity")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "activityType",
        "fileId",
        "fileName",
        "mimeType",
        "fileSize",
        "source",
        "presignedUrl",
    )
)

_REPR_NAMES = (
    "file_name",
    "source",
)


@_attrs_define
class FileAddedActivity:
    """
    Attributes:
        activity_type (FileAddedActivityActivityType):
        file_id (str):
        file_name (str):
        mime_type (str):
        file_size (int):
        source (FileAddedActivitySource):
        presigned_url (str):
    """

    activity_type: FileAddedActivityActivityType
    file_id: str
    file_name: str
    mime_type: str
    file_size: int
    source: FileAddedActivitySource
    presigned_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity_type = self.activity_type.value

        file_id = self.file_id

        file_name = self.file_name

        mime_type = self.mime_type

        file_size = self.file_size

        source = self.source.value

        presigned_url = self.presigned_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activityType": activity_type,
                "fileId": file_id,
                "fileName": file_name,
                "mimeType": mime_type,
                "fileSize": file_size,
                "source": source,
                "presignedUrl": presigned_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"FileAddedActivity must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        _activity_type = d["activityType"]
        try:
            activity_type = _FileAddedActivityActivityType_BY_VALUE[_activity_type]
        except (KeyError, TypeError):
            activity_type = None
        # the class called outside the except: its error chains no KeyError
        if activity_type is None:
            activity_type = FileAddedActivityActivityType(_activity_type)

        file_id = d["fileId"]
        if file_id.__class__ is not str:
            raise TypeError(f"fileId must be a string, not {type(file_id).__name__}")

        file_name = d["fileName"]
        if file_name.__class__ is not str:
            raise TypeError(
                f"fileName must be a string, not {type(file_name).__name__}"
            )

        mime_type = d["mimeType"]
        if mime_type.__class__ is not str:
            raise TypeError(
                f"mimeType must be a string, not {type(mime_type).__name__}"
            )

        file_size = d["fileSize"]
        if file_size.__class__ is not int:
            raise TypeError(
                f"fileSize must be an integer, not {type(file_size).__name__}"
            )

        _source = d["source"]
        try:
            source = _FileAddedActivitySource_BY_VALUE[_source]
        except (KeyError, TypeError):
            source = None
        # the class called outside the except: its error chains no KeyError
        if source is None:
            source = FileAddedActivitySource(_source)

        presigned_url = d["presignedUrl"]
        if presigned_url.__class__ is not str:
            raise TypeError(
                f"presignedUrl must be a string, not {type(presigned_url).__name__}"
            )

        file_added_activity = _OBJECT_NEW(cls)
        file_added_activity.activity_type = activity_type
        file_added_activity.file_id = file_id
        file_added_activity.file_name = file_name
        file_added_activity.mime_type = mime_type
        file_added_activity.file_size = file_size
        file_added_activity.source = source
        file_added_activity.presigned_url = presigned_url
        if len(src_dict) == 7:
            # The required keys only, the common case: additional_properties is made empty when read.
            return file_added_activity

        # Some key is not a property: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        file_added_activity.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return file_added_activity

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
            lazy_first(cls, FileAddedActivity.__getattr__)

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


# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_FileAddedActivityActivityType_BY_VALUE = (
    FileAddedActivityActivityType._value2member_map_
)
_FileAddedActivitySource_BY_VALUE = FileAddedActivitySource._value2member_map_
