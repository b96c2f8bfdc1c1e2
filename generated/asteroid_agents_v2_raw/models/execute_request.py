from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.on_capacity_limit import OnCapacityLimit
from ..types import (
    Unset,
    empty_additional_properties,
    lazy_first,
    model_repr,
)

if TYPE_CHECKING:
    from ..models.execute_request_inputs import ExecuteRequestInputs
    from ..models.execute_request_metadata import ExecuteRequestMetadata
    from ..models.execution_options import ExecutionOptions


T = TypeVar("T", bound="ExecuteRequest")
# What `cls.__new__(cls)` calls, without looking it up on every call (from_dict).
_OBJECT_NEW = object.__new__

_PROPERTY_NAMES = frozenset(
    (
        "profileId",
        "profileGroupId",
        "inputs",
        "metadata",
        "version",
        "head",
        "executionOptions",
        "onCapacityLimit",
    )
)
_REQUIRED_KEYS: tuple[str, ...] = ()
_OPTIONAL_KEYS: tuple[str, ...] = (
    "profileId",
    "profileGroupId",
    "inputs",
    "metadata",
    "version",
    "head",
    "executionOptions",
    "onCapacityLimit",
)

_REPR_NAMES = (
    "profile_id",
    "profile_group_id",
    "version",
    "head",
    "on_capacity_limit",
)


@_attrs_define
class ExecuteRequest:
    """Request to execute a workflow

    Attributes:
        profile_id (str | None):
        profile_group_id (str | None):
        inputs (ExecuteRequestInputs | None): Inputs to be merged into the placeholders defined in prompts
        metadata (ExecuteRequestMetadata | None): Optional metadata key-value pairs (string keys and string values) for
            organizing and filtering executions
        version (int | None): The version of the workflow to execute. If neither version nor head is provided, the
            published version is used.
        head (bool | None): Run the editable head instead of the published version. Cannot be combined with version.
        execution_options (ExecutionOptions | None): Per-execution runtime options.
        on_capacity_limit (OnCapacityLimit | None): Behaviour when the organisation or profile pool has no capacity for
            the execution
    """

    profile_id: str | None = None
    profile_group_id: str | None = None
    inputs: ExecuteRequestInputs | None = None
    metadata: ExecuteRequestMetadata | None = None
    version: int | None = None
    head: bool | None = None
    execution_options: ExecutionOptions | None = None
    on_capacity_limit: OnCapacityLimit | None = None
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
        profile_id = self.profile_id

        profile_group_id = self.profile_group_id

        inputs: dict[str, Any] | None = None
        if self.inputs is not None:
            if not isinstance(self.inputs, Unset):
                inputs = self.inputs.to_dict()

        metadata: dict[str, Any] | None = None
        if self.metadata is not None:
            if not isinstance(self.metadata, Unset):
                metadata = self.metadata.to_dict()

        version = self.version

        head = self.head

        execution_options: dict[str, Any] | None = None
        if self.execution_options is not None:
            if not isinstance(self.execution_options, Unset):
                execution_options = self.execution_options.to_dict()

        on_capacity_limit: str | None = None
        if self.on_capacity_limit is not None:
            if not isinstance(self.on_capacity_limit, Unset):
                on_capacity_limit = self.on_capacity_limit.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if profile_id is not None or "profileId" in self.present_keys:
            field_dict["profileId"] = profile_id
        if profile_group_id is not None or "profileGroupId" in self.present_keys:
            field_dict["profileGroupId"] = profile_group_id
        if inputs is not None or "inputs" in self.present_keys:
            field_dict["inputs"] = inputs
        if metadata is not None or "metadata" in self.present_keys:
            field_dict["metadata"] = metadata
        if version is not None or "version" in self.present_keys:
            field_dict["version"] = version
        if head is not None or "head" in self.present_keys:
            field_dict["head"] = head
        if execution_options is not None or "executionOptions" in self.present_keys:
            field_dict["executionOptions"] = execution_options
        if on_capacity_limit is not None or "onCapacityLimit" in self.present_keys:
            field_dict["onCapacityLimit"] = on_capacity_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if src_dict.__class__ is not dict and not isinstance(
            src_dict, Mapping
        ):  # a list of pairs is no object
            raise TypeError(
                f"ExecuteRequest must be a JSON object, not {type(src_dict).__name__}"
            )
        d = src_dict
        profile_id = d.get("profileId")
        if profile_id.__class__ is not str and profile_id is not None:
            raise TypeError(
                f"profileId must be a string, not {type(profile_id).__name__}"
            )

        profile_group_id = d.get("profileGroupId")
        if profile_group_id.__class__ is not str and profile_group_id is not None:
            raise TypeError(
                f"profileGroupId must be a string, not {type(profile_group_id).__name__}"
            )

        _inputs = d.get("inputs")
        inputs: ExecuteRequestInputs | None
        if _inputs is None:
            inputs = None
        else:
            inputs = _ExecuteRequestInputs_FROM_DICT(_inputs)

        _metadata = d.get("metadata")
        metadata: ExecuteRequestMetadata | None
        if _metadata is None:
            metadata = None
        else:
            metadata = _ExecuteRequestMetadata_FROM_DICT(_metadata)

        version = d.get("version")
        if version.__class__ is not int and version is not None:
            raise TypeError(f"version must be an integer, not {type(version).__name__}")

        head = d.get("head")
        if head.__class__ is not bool and head is not None:
            raise TypeError(f"head must be a boolean, not {type(head).__name__}")

        _execution_options = d.get("executionOptions")
        execution_options: ExecutionOptions | None
        if _execution_options is None:
            execution_options = None
        else:
            execution_options = _ExecutionOptions_FROM_DICT(_execution_options)

        _on_capacity_limit = d.get("onCapacityLimit")
        on_capacity_limit: OnCapacityLimit | None
        if _on_capacity_limit is None:
            on_capacity_limit = None
        else:
            try:
                on_capacity_limit = _OnCapacityLimit_BY_VALUE[_on_capacity_limit]
            except (KeyError, TypeError):
                on_capacity_limit = None
            # the class called outside the except: its error chains no KeyError
            if on_capacity_limit is None:
                on_capacity_limit = OnCapacityLimit(_on_capacity_limit)

        execute_request = _OBJECT_NEW(cls)
        execute_request.profile_id = profile_id
        execute_request.profile_group_id = profile_group_id
        execute_request.inputs = inputs
        execute_request.metadata = metadata
        execute_request.version = version
        execute_request.head = head
        execute_request.execution_options = execution_options
        execute_request.on_capacity_limit = on_capacity_limit
        _parsed = (
            profile_id,
            profile_group_id,
            inputs,
            metadata,
            version,
            head,
            execution_options,
            on_capacity_limit,
        )
        if len(src_dict) + _parsed.count(None) == 8:
            # Every key is a property (the required ones and the optional ones not None) and none is
            # null, the common case: no unknown key to look for; present_keys is found when read (and
            # additional_properties made empty).
            execute_request._parsed = _parsed
            return execute_request
        execute_request._parsed = None
        execute_request.present_keys = frozenset(src_dict)

        # Some key is not a property, or one is null: one set difference in C finds the unknown ones,
        # and the dict is built, in the source's order, only when there are some.
        _unknown = execute_request.present_keys - _PROPERTY_NAMES
        execute_request.additional_properties = (
            {k: v for k, v in src_dict.items() if k in _unknown} if _unknown else {}
        )
        return execute_request

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
            lazy_first(cls, ExecuteRequest.__getattr__)

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
from ..models.execute_request_inputs import ExecuteRequestInputs
from ..models.execute_request_metadata import ExecuteRequestMetadata
from ..models.execution_options import ExecutionOptions

# Read by from_dict: a classmethod looked up on its class makes a bound method on every call, and an
# attribute of an enum class goes through EnumType.__getattr__.
_ExecuteRequestInputs_FROM_DICT = ExecuteRequestInputs.from_dict
_ExecuteRequestMetadata_FROM_DICT = ExecuteRequestMetadata.from_dict
_ExecutionOptions_FROM_DICT = ExecutionOptions.from_dict
_OnCapacityLimit_BY_VALUE = OnCapacityLimit._value2member_map_
