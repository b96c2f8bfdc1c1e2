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
from ...models.common_payment_required_error_body import CommonPaymentRequiredErrorBody
from ...models.common_unauthorized_error_body import CommonUnauthorizedErrorBody
from ...models.execute_request import ExecuteRequest
from ...models.started_execution import StartedExecution
from ...types import Response


def _get_kwargs(
    workflow_id: str,
    *,
    body: ExecuteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/workflows/{workflow_id}/execute".format(
            workflow_id=quote(str(workflow_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonPaymentRequiredErrorBody
    | CommonUnauthorizedErrorBody
    | StartedExecution
    | None
):
    if response.status_code == 202:
        response_202 = StartedExecution.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = CommonBadRequestErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CommonUnauthorizedErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = CommonPaymentRequiredErrorBody.from_dict(response.json())

        return response_402

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
    | CommonPaymentRequiredErrorBody
    | CommonUnauthorizedErrorBody
    | StartedExecution
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workflow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteRequest,
) -> Response[
    CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonPaymentRequiredErrorBody
    | CommonUnauthorizedErrorBody
    | StartedExecution
]:
    """Execute workflow

     Start an execution of a workflow with the given inputs. The execution runs asynchronously: follow it
    by ID (get, the sync long-poll, or the activities).

    Args:
        workflow_id (str):
        body (ExecuteRequest): Request to execute a workflow

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonPaymentRequiredErrorBody | CommonUnauthorizedErrorBody | StartedExecution]
    """

    kwargs = _get_kwargs(
        workflow_id=workflow_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workflow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteRequest,
) -> (
    CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonPaymentRequiredErrorBody
    | CommonUnauthorizedErrorBody
    | StartedExecution
    | None
):
    """Execute workflow

     Start an execution of a workflow with the given inputs. The execution runs asynchronously: follow it
    by ID (get, the sync long-poll, or the activities).

    Args:
        workflow_id (str):
        body (ExecuteRequest): Request to execute a workflow

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonPaymentRequiredErrorBody | CommonUnauthorizedErrorBody | StartedExecution
    """

    return sync_detailed(
        workflow_id=workflow_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    workflow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteRequest,
) -> Response[
    CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonPaymentRequiredErrorBody
    | CommonUnauthorizedErrorBody
    | StartedExecution
]:
    """Execute workflow

     Start an execution of a workflow with the given inputs. The execution runs asynchronously: follow it
    by ID (get, the sync long-poll, or the activities).

    Args:
        workflow_id (str):
        body (ExecuteRequest): Request to execute a workflow

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonPaymentRequiredErrorBody | CommonUnauthorizedErrorBody | StartedExecution]
    """

    kwargs = _get_kwargs(
        workflow_id=workflow_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workflow_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ExecuteRequest,
) -> (
    CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonNotFoundErrorBody
    | CommonPaymentRequiredErrorBody
    | CommonUnauthorizedErrorBody
    | StartedExecution
    | None
):
    """Execute workflow

     Start an execution of a workflow with the given inputs. The execution runs asynchronously: follow it
    by ID (get, the sync long-poll, or the activities).

    Args:
        workflow_id (str):
        body (ExecuteRequest): Request to execute a workflow

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonNotFoundErrorBody | CommonPaymentRequiredErrorBody | CommonUnauthorizedErrorBody | StartedExecution
    """

    return (
        await asyncio_detailed(
            workflow_id=workflow_id,
            client=client,
            body=body,
        )
    ).parsed
