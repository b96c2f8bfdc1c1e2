"""The rules of the Zaia operations that are more than one request: how a listing pages (by
`pageNumber`, ending on a short page: Zaia sends no total) and what `nesting` needs. The
generated resources (`_generated/zaia.py`) hand each a checked `Call`. I/O-free.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import zaia_v1_raw.api_shape

from . import _arguments as check
from ._call import Call
from ._config import Vendor
from ._constants import ZAIA_API_KEY_ENV, ZAIA_BASE_URL_ENV, ZAIA_MAX_PAGE_SIZE
from ._core import Operation
from ._shape import ApiShape
from .models import ZaiaExecution, ZaiaExecutionNesting
from .pagination import Listing, OperationForPage, Page, PageWalk

SHAPE = ApiShape.of(zaia_v1_raw.api_shape)
ZAIA = Vendor(
    name="Zaia",
    shape=SHAPE,
    api_key_env=ZAIA_API_KEY_ENV,
    base_url_env=ZAIA_BASE_URL_ENV,
    retired_hosts={
        "api.zaia.app": f"Zaia's legacy API, without this SDK's operations; the current one is {SHAPE.server_url}"
    },
)
LIST = SHAPE.operation("ExecutionList")
PAGE_PARAMS = (LIST.query_name("page_number"), LIST.query_name("page_size"))
"""The parameters the pager sets on each request, so `extra_query` cannot."""


@attrs.define(repr=False)
class ZaiaExecutionTree(ZaiaExecutionNesting):
    """An execution with its `children`, each of the same shape. Its repr is the generated model's short one."""

    def walk(self) -> Iterator[ZaiaExecutionNesting]:
        """This execution and all its descendants, depth first, parents before children."""
        stack: list[ZaiaExecutionNesting] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def list_executions(call: Call, *, page_size: int, limit: int | None) -> Listing[ZaiaExecution]:
    """`executions.list`: pages of `page_size` until a shorter one."""
    call.options.reserve(PAGE_PARAMS)
    size = check.as_int("page_size", page_size, minimum=1, maximum=ZAIA_MAX_PAGE_SIZE)
    if limit is not None:
        check.as_int("limit", limit, minimum=1)
    operation_for = list_pages(call, size)
    return Listing(lambda: PageWalk(limit, operation_for=operation_for))


def list_pages(call: Call, page_size: int) -> OperationForPage[ZaiaExecution]:
    """The operation that fetches page `number`; a full page means there may be more."""
    page_number, page_size_name = PAGE_PARAMS

    def operation_for(number: int) -> Operation[Page[ZaiaExecution]]:
        def parse(data: Any) -> Page[ZaiaExecution]:
            if not isinstance(data, list):
                raise TypeError(f"expected a JSON array of executions, got {type(data).__name__}")
            items = [ZaiaExecution.from_dict(item) for item in data]
            return Page(items, number, page_size, None, has_next=len(items) >= page_size)

        return call.operation(parse, query=((page_number, str(number)), (page_size_name, str(page_size))))

    return operation_for


def nesting(call: Call) -> Operation[ZaiaExecutionTree]:
    """`executions.nesting`: exactly one of `execution_id` and `chat_message_id`."""
    if (call.values.get("execution_id") is None) == (call.values.get("chat_message_id") is None):
        raise ValueError("pass exactly one of execution_id and chat_message_id")
    return call.operation(ZaiaExecutionTree.from_dict)
