from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.zaia_execution import ZaiaExecution
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_number: int | Unset = 1,
    page_size: int | Unset = 10,
    responder_ids: list[str] | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["pageNumber"] = page_number

    params["pageSize"] = page_size

    json_responder_ids: list[str] | str | Unset
    if isinstance(responder_ids, Unset):
        json_responder_ids = UNSET
    elif isinstance(responder_ids, list):
        json_responder_ids = responder_ids

    else:
        json_responder_ids = responder_ids
    params["responderIds"] = json_responder_ids

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/executions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[ZaiaExecution] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ZaiaExecution.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[ZaiaExecution]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page_number: int | Unset = 1,
    page_size: int | Unset = 10,
    responder_ids: list[str] | str | Unset = UNSET,
) -> Response[Error | list[ZaiaExecution]]:
    """List executions

     Retrieves multiple executions. Assumption: the response is a bare JSON array of executions (the
    documentation pages render an array's items the same way as a single object); there is no total, so
    the last page is the first one shorter than pageSize. Check against the published document
    (https://api.endless.zaia.app/openapi).

    Args:
        page_number (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 10.
        responder_ids (list[str] | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[ZaiaExecution]]
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
        responder_ids=responder_ids,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page_number: int | Unset = 1,
    page_size: int | Unset = 10,
    responder_ids: list[str] | str | Unset = UNSET,
) -> Error | list[ZaiaExecution] | None:
    """List executions

     Retrieves multiple executions. Assumption: the response is a bare JSON array of executions (the
    documentation pages render an array's items the same way as a single object); there is no total, so
    the last page is the first one shorter than pageSize. Check against the published document
    (https://api.endless.zaia.app/openapi).

    Args:
        page_number (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 10.
        responder_ids (list[str] | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[ZaiaExecution]
    """

    return sync_detailed(
        client=client,
        page_number=page_number,
        page_size=page_size,
        responder_ids=responder_ids,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page_number: int | Unset = 1,
    page_size: int | Unset = 10,
    responder_ids: list[str] | str | Unset = UNSET,
) -> Response[Error | list[ZaiaExecution]]:
    """List executions

     Retrieves multiple executions. Assumption: the response is a bare JSON array of executions (the
    documentation pages render an array's items the same way as a single object); there is no total, so
    the last page is the first one shorter than pageSize. Check against the published document
    (https://api.endless.zaia.app/openapi).

    Args:
        page_number (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 10.
        responder_ids (list[str] | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[ZaiaExecution]]
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
        responder_ids=responder_ids,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page_number: int | Unset = 1,
    page_size: int | Unset = 10,
    responder_ids: list[str] | str | Unset = UNSET,
) -> Error | list[ZaiaExecution] | None:
    """List executions

     Retrieves multiple executions. Assumption: the response is a bare JSON array of executions (the
    documentation pages render an array's items the same way as a single object); there is no total, so
    the last page is the first one shorter than pageSize. Check against the published document
    (https://api.endless.zaia.app/openapi).

    Args:
        page_number (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 10.
        responder_ids (list[str] | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[ZaiaExecution]
    """

    return (
        await asyncio_detailed(
            client=client,
            page_number=page_number,
            page_size=page_size,
            responder_ids=responder_ids,
        )
    ).parsed
