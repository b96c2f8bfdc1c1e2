from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    empty_additional_properties,
    lazy_first,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.execution import Execution


T = TypeVar("T", bound="AgentsExecutionListResponse")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "items",
        "page",
        "pageSize",
        "total",
    )
)

_REPR_NAMES = (
    "page",
    "page_size",
    "total",
)


@_attrs_define
class AgentsExecutionListResponse:
    """A page of executions

    Attributes:
        items (list[Execution]): The executions on this page
        page (int): The 1-based page number of this page
        page_size (int): The page size that was applied
        total (int): The number of executions matching the filters, over all pages
    """

    items: list[Execution]
    page: int
    page_size: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        page = self.page

        page_size = self.page_size

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "page": page,
                "pageSize": page_size,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"AgentsExecutionListResponse must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        items = []
        _items = d["items"]
        for items_item_data in _items:
            items_item = _Execution_FROM_DICT(items_item_data)

            items.append(items_item)

        page = d["page"]
        if page.__class__ is not int:
            raise TypeError(f"page must be an integer, not {type(page).__name__}")

        page_size = d["pageSize"]
        if page_size.__class__ is not int:
            raise TypeError(
                f"pageSize must be an integer, not {type(page_size).__name__}"
            )

        total = d["total"]
        if total.__class__ is not int:
            raise TypeError(f"total must be an integer, not {type(total).__name__}")

        agents_execution_list_response = _OBJECT_NEW(cls)
        agents_execution_list_response.items = items
        agents_execution_list_response.page = page
        agents_execution_list_response.page_size = page_size
        agents_execution_list_response.total = total
        if len(src_dict) == 4:
            # The required keys only, the common case: additional_properties is made empty when read.
            return agents_execution_list_response

        # Some key is not a property: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = src_dict.keys() - _PROPERTY_NAMES
        agents_execution_list_response.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return agents_execution_list_response

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
            lazy_first(cls, AgentsExecutionListResponse.__getattr__)

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
from ..models.execution import Execution

# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_Execution_FROM_DICT = Execution.from_dict
