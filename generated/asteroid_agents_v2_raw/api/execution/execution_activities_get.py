from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.common_bad_request_error_body import CommonBadRequestErrorBody
from ...models.common_forbidden_error_body import CommonForbiddenErrorBody
from ...models.common_internal_server_error_body import CommonInternalServerErrorBody
from ...models.common_not_found_error_body import CommonNotFoundErrorBody
from ...models.common_unauthorized_error_body import CommonUnauthorizedErrorBody
from ...models.execution_activities_get_order import ExecutionActivitiesGetOrder
from ...models.execution_activity import ExecutionActivity
from ...types import UNSET, Response, Unset


def _get_kwargs(
    execution_id: str,
    *,
    order: ExecutionActivitiesGetOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/executions/{execution_id}/activities".format(
            execution_id=quote(str(execution_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | list[ExecutionActivity]
    | None
):
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ExecutionActivity.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | list[ExecutionActivity]
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
    order: ExecutionActivitiesGetOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[
    CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | list[ExecutionActivity]
]:
    """Retrieve execution activities

     Get activities for an execution

    Args:
        execution_id (str):
        order (ExecutionActivitiesGetOrder | Unset): Assumption: the vendor's SDK types this as a
            free string; asc and desc are the values its listing's sortDirection takes.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | list[ExecutionActivity]]
    """

    kwargs = _get_kwargs(
        execution_id=execution_id,
        order=order,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
    order: ExecutionActivitiesGetOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> (
    CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | list[ExecutionActivity]
    | None
):
    """Retrieve execution activities

     Get activities for an execution

    Args:
        execution_id (str):
        order (ExecutionActivitiesGetOrder | Unset): Assumption: the vendor's SDK types this as a
            free string; asc and desc are the values its listing's sortDirection takes.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | list[ExecutionActivity]
    """

    return sync_detailed(
        execution_id=execution_id,
        client=client,
        order=order,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
    order: ExecutionActivitiesGetOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[
    CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | list[ExecutionActivity]
]:
    """Retrieve execution activities

     Get activities for an execution

    Args:
        execution_id (str):
        order (ExecutionActivitiesGetOrder | Unset): Assumption: the vendor's SDK types this as a
            free string; asc and desc are the values its listing's sortDirection takes.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | list[ExecutionActivity]]
    """

    kwargs = _get_kwargs(
        execution_id=execution_id,
        order=order,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
    order: ExecutionActivitiesGetOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> (
    CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonUnauthorizedErrorBody
    | list[ExecutionActivity]
    | None
):
    """Retrieve execution activities

     Get activities for an execution

    Args:
        execution_id (str):
        order (ExecutionActivitiesGetOrder | Unset): Assumption: the vendor's SDK types this as a
            free string; asc and desc are the values its listing's sortDirection takes.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonUnauthorizedErrorBody | list[ExecutionActivity]
    """

    return (
        await asyncio_detailed(
            execution_id=execution_id,
            client=client,
            order=order,
            limit=limit,
        )
    ).parsed
