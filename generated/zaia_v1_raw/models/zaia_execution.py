from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    datetime_fromisoformat,
    empty_additional_properties,
    lazy_first,
    model_repr,
    parse_datetime,
)

if TYPE_CHECKING:
    from ..models.zaia_execution_detail import ZaiaExecutionDetail


T = TypeVar("T", bound="ZaiaExecution")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "createdAt",
        "id",
        "updatedAt",
        "creditsUsed",
        "detail",
        "endedAt",
        "isAgentic",
        "isPurged",
        "parentId",
        "responderId",
        "startedAt",
        "status",
        "workspaceId",
    )
)

_REPR_NAMES = (
    "id",
    "status",
)


@_attrs_define
class ZaiaExecution:
    """
    Attributes:
        created_at (datetime.datetime):
        id (str): A UUID v4 string that identifies an entity.
        updated_at (datetime.datetime):
        credits_used (float): The total number of credits used by this execution.
        detail (ZaiaExecutionDetail): The execution detail containing type-specific information. Assumption: kept as a
            free-form object: the documentation pages show it as one of three object variants (anyOf) whose shapes this pin
            does not record yet. Check against the published document (https://api.endless.zaia.app/openapi).
        ended_at (datetime.datetime | None): When this execution ended.
        is_agentic (bool): Whether this execution is agentic.
        is_purged (bool): Whether this execution has been purged.
        parent_id (None | str): The parent execution ID of this execution.
        responder_id (str): The responder ID of this execution.
        started_at (datetime.datetime): When this execution started.
        status (str): The status of the execution. Assumption: an open string: the documentation pages declare an enum
            without this pin recording its values yet. Check against the published document
            (https://api.endless.zaia.app/openapi).
        workspace_id (str): The workspace ID of this execution.
    """

    created_at: datetime.datetime
    id: str
    updated_at: datetime.datetime
    credits_used: float
    detail: ZaiaExecutionDetail
    ended_at: datetime.datetime | None
    is_agentic: bool
    is_purged: bool
    parent_id: None | str
    responder_id: str
    started_at: datetime.datetime
    status: str
    workspace_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        updated_at = self.updated_at.isoformat()

        credits_used = self.credits_used

        detail = self.detail.to_dict()

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        is_agentic = self.is_agentic

        is_purged = self.is_purged

        parent_id: None | str
        parent_id = self.parent_id

        responder_id = self.responder_id

        started_at = self.started_at.isoformat()

        status = self.status

        workspace_id = self.workspace_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "id": id,
                "updatedAt": updated_at,
                "creditsUsed": credits_used,
                "detail": detail,
                "endedAt": ended_at,
                "isAgentic": is_agentic,
                "isPurged": is_purged,
                "parentId": parent_id,
                "responderId": responder_id,
                "startedAt": started_at,
                "status": status,
                "workspaceId": workspace_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"ZaiaExecution must be a JSON object, not {type(src_dict).__name__}"
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

        id = d["id"]
        if id.__class__ is not str:
            raise TypeError(f"id must be a string, not {type(id).__name__}")

        _updated_at = d["updatedAt"]
        try:
            updated_at = datetime_fromisoformat(_updated_at)
        except (TypeError, ValueError):
            updated_at = None
        # outside the except: parse_datetime's error chains as it always did
        if updated_at is None:
            updated_at = parse_datetime(_updated_at)

        credits_used = d["creditsUsed"]
        if credits_used.__class__ is not float and credits_used.__class__ is not int:
            raise TypeError(
                f"creditsUsed must be a number, not {type(credits_used).__name__}"
            )

        detail = _ZaiaExecutionDetail_FROM_DICT(d["detail"])

        ended_at = _parse_ended_at(d["endedAt"])

        is_agentic = d["isAgentic"]
        if is_agentic.__class__ is not bool:
            raise TypeError(
                f"isAgentic must be a boolean, not {type(is_agentic).__name__}"
            )

        is_purged = d["isPurged"]
        if is_purged.__class__ is not bool:
            raise TypeError(
                f"isPurged must be a boolean, not {type(is_purged).__name__}"
            )

        parent_id = _parse_parent_id(d["parentId"])

        responder_id = d["responderId"]
        if responder_id.__class__ is not str:
            raise TypeError(
                f"responderId must be a string, not {type(responder_id).__name__}"
            )

        _started_at = d["startedAt"]
        try:
            started_at = datetime_fromisoformat(_started_at)
        except (TypeError, ValueError):
            started_at = None
        # outside the except: parse_datetime's error chains as it always did
        if started_at is None:
            started_at = parse_datetime(_started_at)

        status = d["status"]
        if status.__class__ is not str:
            raise TypeError(f"status must be a string, not {type(status).__name__}")

        workspace_id = d["workspaceId"]
        if workspace_id.__class__ is not str:
            raise TypeError(
                f"workspaceId must be a string, not {type(workspace_id).__name__}"
            )

        zaia_execution = _OBJECT_NEW(cls)
        zaia_execution.created_at = created_at
        zaia_execution.id = id
        zaia_execution.updated_at = updated_at
        zaia_execution.credits_used = credits_used
        zaia_execution.detail = detail
        zaia_execution.ended_at = ended_at
        zaia_execution.is_agentic = is_agentic
        zaia_execution.is_purged = is_purged
        zaia_execution.parent_id = parent_id
        zaia_execution.responder_id = responder_id
        zaia_execution.started_at = started_at
        zaia_execution.status = status
        zaia_execution.workspace_id = workspace_id
        if len(src_dict) == 13:
            # The required keys only, the common case: additional_properties is made empty when read.
            return zaia_execution

        # Some key is not a property: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        zaia_execution.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return zaia_execution

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
            lazy_first(cls, ZaiaExecution.__getattr__)

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
from ..models.zaia_execution_detail import ZaiaExecutionDetail

# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_ZaiaExecutionDetail_FROM_DICT = ZaiaExecutionDetail.from_dict


def _parse_ended_at(data: object) -> datetime.datetime | None:
    if data is None:
        return data
    try:
        if not isinstance(data, str):
            raise TypeError()
        _ended_at_type_0 = data
        try:
            ended_at_type_0 = datetime_fromisoformat(_ended_at_type_0)
        except (TypeError, ValueError):
            ended_at_type_0 = None
        # outside the except: parse_datetime's error chains as it always did
        if ended_at_type_0 is None:
            ended_at_type_0 = parse_datetime(_ended_at_type_0)

        return ended_at_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(datetime.datetime | None, data)


def _parse_parent_id(data: object) -> None | str:
    if data is None:
        return data
    return cast(None | str, data)
