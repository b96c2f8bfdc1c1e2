from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.zaia_execution_nesting import ZaiaExecutionNesting
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    chat_message_id: str | Unset = UNSET,
    execution_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["chatMessageId"] = chat_message_id

    params["executionId"] = execution_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/executions/nestings",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | ZaiaExecutionNesting | None:
    if response.status_code == 200:
        response_200 = ZaiaExecutionNesting.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | ZaiaExecutionNesting]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    chat_message_id: str | Unset = UNSET,
    execution_id: str | Unset = UNSET,
) -> Response[Error | ZaiaExecutionNesting]:
    """Get an execution with its children

     Retrieves an execution with its children, found by its own ID or by the ID of the chat message that
    started it; give exactly one of the two. Assumption: the response is one execution whose children
    array holds executions of the same shape, recursively. Check against the published document
    (https://api.endless.zaia.app/openapi).

    Args:
        chat_message_id (str | Unset): A UUID v4 string that identifies an entity.
        execution_id (str | Unset): A UUID v4 string that identifies an entity.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ZaiaExecutionNesting]
    """

    kwargs = _get_kwargs(
        chat_message_id=chat_message_id,
        execution_id=execution_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    chat_message_id: str | Unset = UNSET,
    execution_id: str | Unset = UNSET,
) -> Error | ZaiaExecutionNesting | None:
    """Get an execution with its children

     Retrieves an execution with its children, found by its own ID or by the ID of the chat message that
    started it; give exactly one of the two. Assumption: the response is one execution whose children
    array holds executions of the same shape, recursively. Check against the published document
    (https://api.endless.zaia.app/openapi).

    Args:
        chat_message_id (str | Unset): A UUID v4 string that identifies an entity.
        execution_id (str | Unset): A UUID v4 string that identifies an entity.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ZaiaExecutionNesting
    """

    return sync_detailed(
        client=client,
        chat_message_id=chat_message_id,
        execution_id=execution_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    chat_message_id: str | Unset = UNSET,
    execution_id: str | Unset = UNSET,
) -> Response[Error | ZaiaExecutionNesting]:
    """Get an execution with its children

     Retrieves an execution with its children, found by its own ID or by the ID of the chat message that
    started it; give exactly one of the two. Assumption: the response is one execution whose children
    array holds executions of the same shape, recursively. Check against the published document
    (https://api.endless.zaia.app/openapi).

    Args:
        chat_message_id (str | Unset): A UUID v4 string that identifies an entity.
        execution_id (str | Unset): A UUID v4 string that identifies an entity.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ZaiaExecutionNesting]
    """

    kwargs = _get_kwargs(
        chat_message_id=chat_message_id,
        execution_id=execution_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    chat_message_id: str | Unset = UNSET,
    execution_id: str | Unset = UNSET,
) -> Error | ZaiaExecutionNesting | None:
    """Get an execution with its children

     Retrieves an execution with its children, found by its own ID or by the ID of the chat message that
    started it; give exactly one of the two. Assumption: the response is one execution whose children
    array holds executions of the same shape, recursively. Check against the published document
    (https://api.endless.zaia.app/openapi).

    Args:
        chat_message_id (str | Unset): A UUID v4 string that identifies an entity.
        execution_id (str | Unset): A UUID v4 string that identifies an entity.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ZaiaExecutionNesting
    """

    return (
        await asyncio_detailed(
            client=client,
            chat_message_id=chat_message_id,
            execution_id=execution_id,
        )
    ).parsed
