from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.common_bad_request_error_body import CommonBadRequestErrorBody
from ...models.common_conflict_error_body import CommonConflictErrorBody
from ...models.common_forbidden_error_body import CommonForbiddenErrorBody
from ...models.common_internal_server_error_body import CommonInternalServerErrorBody
from ...models.common_not_found_error_body import CommonNotFoundErrorBody
from ...models.common_unauthorized_error_body import CommonUnauthorizedErrorBody
from ...models.status_change import StatusChange
from ...types import Response


def _get_kwargs(
    execution_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/executions/{execution_id}/resume".format(
            execution_id=quote(str(execution_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    CommonBadRequestErrorBody
    | CommonConflictErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | StatusChange
    | None
):
    if response.status_code == 200:
        response_200 = StatusChange.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CommonBadRequestErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CommonUnauthorizedErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CommonForbiddenErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CommonNotFoundErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CommonConflictErrorBody.from_dict(response.json())

        return response_409

    if response.status_code == 500:
        response_500 = CommonInternalServerErrorBody.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    CommonBadRequestErrorBody
    | CommonConflictErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | StatusChange
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[
    CommonBadRequestErrorBody
    | CommonConflictErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | StatusChange
]:
    """Resume execution

     Resume a paused execution.

    Args:
        execution_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommonBadRequestErrorBody | CommonConflictErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | StatusChange]
    """

    kwargs = _get_kwargs(
        execution_id=execution_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> (
    CommonBadRequestErrorBody
    | CommonConflictErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | StatusChange
    | None
):
    """Resume execution

     Resume a paused execution.

    Args:
        execution_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommonBadRequestErrorBody | CommonConflictErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | StatusChange
    """

    return sync_detailed(
        execution_id=execution_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[
    CommonBadRequestErrorBody
    | CommonConflictErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | StatusChange
]:
    """Resume execution

     Resume a paused execution.

    Args:
        execution_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommonBadRequestErrorBody | CommonConflictErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | StatusChange]
    """

    kwargs = _get_kwargs(
        execution_id=execution_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> (
    CommonBadRequestErrorBody
    | CommonConflictErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | StatusChange
    | None
):
    """Resume execution

     Resume a paused execution.

    Args:
        execution_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommonBadRequestErrorBody | CommonConflictErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | StatusChange
    """

    return (
        await asyncio_detailed(
            execution_id=execution_id,
            client=client,
        )
    ).parsed
