from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.common_bad_request_error_body import CommonBadRequestErrorBody
from ...models.common_internal_server_error_body import CommonInternalServerErrorBody
from ...models.common_not_found_error_body import CommonNotFoundErrorBody
from ...models.common_unauthorized_error_body import CommonUnauthorizedErrorBody
from ...models.execution_wait_status import ExecutionWaitStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    execution_id: str,
    *,
    timeout_seconds: int | Unset = 25,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["timeoutSeconds"] = timeout_seconds

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/executions/{execution_id}/sync".format(
            execution_id=quote(str(execution_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    CommonBadRequestErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | ExecutionWaitStatus
    | None
):
    if response.status_code == 200:
        response_200 = ExecutionWaitStatus.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = ExecutionWaitStatus.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = CommonBadRequestErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CommonUnauthorizedErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = CommonNotFoundErrorBody.from_dict(response.json())

        return response_404

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
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | ExecutionWaitStatus
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
    timeout_seconds: int | Unset = 25,
) -> Response[
    CommonBadRequestErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | ExecutionWaitStatus
]:
    """Wait for an execution to finish

     Wait for an execution that is already running to finish, up to timeoutSeconds. Returns 200 with the
    result once the execution completes, fails or is cancelled. Returns 202 when it has not finished in
    time, or when it is paused or awaiting confirmation. Call it again to keep waiting.

    Args:
        execution_id (str):
        timeout_seconds (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommonBadRequestErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | ExecutionWaitStatus]
    """

    kwargs = _get_kwargs(
        execution_id=execution_id,
        timeout_seconds=timeout_seconds,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
    timeout_seconds: int | Unset = 25,
) -> (
    CommonBadRequestErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | ExecutionWaitStatus
    | None
):
    """Wait for an execution to finish

     Wait for an execution that is already running to finish, up to timeoutSeconds. Returns 200 with the
    result once the execution completes, fails or is cancelled. Returns 202 when it has not finished in
    time, or when it is paused or awaiting confirmation. Call it again to keep waiting.

    Args:
        execution_id (str):
        timeout_seconds (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommonBadRequestErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | ExecutionWaitStatus
    """

    return sync_detailed(
        execution_id=execution_id,
        client=client,
        timeout_seconds=timeout_seconds,
    ).parsed


async def asyncio_detailed(
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
    timeout_seconds: int | Unset = 25,
) -> Response[
    CommonBadRequestErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | ExecutionWaitStatus
]:
    """Wait for an execution to finish

     Wait for an execution that is already running to finish, up to timeoutSeconds. Returns 200 with the
    result once the execution completes, fails or is cancelled. Returns 202 when it has not finished in
    time, or when it is paused or awaiting confirmation. Call it again to keep waiting.

    Args:
        execution_id (str):
        timeout_seconds (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommonBadRequestErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | ExecutionWaitStatus]
    """

    kwargs = _get_kwargs(
        execution_id=execution_id,
        timeout_seconds=timeout_seconds,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
    timeout_seconds: int | Unset = 25,
) -> (
    CommonBadRequestErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | ExecutionWaitStatus
    | None
):
    """Wait for an execution to finish

     Wait for an execution that is already running to finish, up to timeoutSeconds. Returns 200 with the
    result once the execution completes, fails or is cancelled. Returns 202 when it has not finished in
    time, or when it is paused or awaiting confirmation. Call it again to keep waiting.

    Args:
        execution_id (str):
        timeout_seconds (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommonBadRequestErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | ExecutionWaitStatus
    """

    return (
        await asyncio_detailed(
            execution_id=execution_id,
            client=client,
            timeout_seconds=timeout_seconds,
        )
    ).parsed
