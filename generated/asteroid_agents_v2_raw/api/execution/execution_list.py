import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agents_execution_list_response import AgentsExecutionListResponse
from ...models.common_bad_request_error_body import CommonBadRequestErrorBody
from ...models.common_forbidden_error_body import CommonForbiddenErrorBody
from ...models.common_internal_server_error_body import CommonInternalServerErrorBody
from ...models.common_unauthorized_error_body import CommonUnauthorizedErrorBody
from ...models.execution_status import ExecutionStatus
from ...models.sort_direction import SortDirection
from ...models.sort_field import SortField
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    organization_id: str | Unset = UNSET,
    page_size: int = 10,
    page: int = 1,
    execution_id: str | Unset = UNSET,
    agent_id: str | Unset = UNSET,
    status: list[ExecutionStatus] | Unset = UNSET,
    agent_version: int | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    human_labels: list[str] | Unset = UNSET,
    outcome_label: str | Unset = UNSET,
    metadata_key: str | Unset = UNSET,
    metadata_value: str | Unset = UNSET,
    sort_field: SortField | Unset = UNSET,
    sort_direction: SortDirection | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["organizationId"] = organization_id

    params["pageSize"] = page_size

    params["page"] = page

    params["executionId"] = execution_id

    params["agentId"] = agent_id

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    params["agentVersion"] = agent_version

    json_created_after: str | Unset = UNSET
    if not isinstance(created_after, Unset):
        json_created_after = created_after.isoformat()
    params["createdAfter"] = json_created_after

    json_created_before: str | Unset = UNSET
    if not isinstance(created_before, Unset):
        json_created_before = created_before.isoformat()
    params["createdBefore"] = json_created_before

    json_human_labels: list[str] | Unset = UNSET
    if not isinstance(human_labels, Unset):
        json_human_labels = human_labels

    params["humanLabels"] = json_human_labels

    params["outcomeLabel"] = outcome_label

    params["metadataKey"] = metadata_key

    params["metadataValue"] = metadata_value

    json_sort_field: str | Unset = UNSET
    if not isinstance(sort_field, Unset):
        json_sort_field = sort_field.value

    params["sortField"] = json_sort_field

    json_sort_direction: str | Unset = UNSET
    if not isinstance(sort_direction, Unset):
        json_sort_direction = sort_direction.value

    params["sortDirection"] = json_sort_direction

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/executions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AgentsExecutionListResponse
    | CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonUnauthorizedErrorBody
    | None
):
    if response.status_code == 200:
        response_200 = AgentsExecutionListResponse.from_dict(response.json())

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
    AgentsExecutionListResponse
    | CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonUnauthorizedErrorBody
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    organization_id: str | Unset = UNSET,
    page_size: int = 10,
    page: int = 1,
    execution_id: str | Unset = UNSET,
    agent_id: str | Unset = UNSET,
    status: list[ExecutionStatus] | Unset = UNSET,
    agent_version: int | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    human_labels: list[str] | Unset = UNSET,
    outcome_label: str | Unset = UNSET,
    metadata_key: str | Unset = UNSET,
    metadata_value: str | Unset = UNSET,
    sort_field: SortField | Unset = UNSET,
    sort_direction: SortDirection | Unset = UNSET,
) -> Response[
    AgentsExecutionListResponse
    | CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonUnauthorizedErrorBody
]:
    """List executions

     List executions with filtering, sorting and pagination. Results are offset-paginated by page and
    pageSize; total counts every execution matching the filters.

    Args:
        organization_id (str | Unset):
        page_size (int):  Default: 10.
        page (int):  Default: 1.
        execution_id (str | Unset):
        agent_id (str | Unset):
        status (list[ExecutionStatus] | Unset):
        agent_version (int | Unset):
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        human_labels (list[str] | Unset):
        outcome_label (str | Unset):
        metadata_key (str | Unset):
        metadata_value (str | Unset):
        sort_field (SortField | Unset): Fields that can be used for sorting executions
        sort_direction (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentsExecutionListResponse | CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonUnauthorizedErrorBody]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        page_size=page_size,
        page=page,
        execution_id=execution_id,
        agent_id=agent_id,
        status=status,
        agent_version=agent_version,
        created_after=created_after,
        created_before=created_before,
        human_labels=human_labels,
        outcome_label=outcome_label,
        metadata_key=metadata_key,
        metadata_value=metadata_value,
        sort_field=sort_field,
        sort_direction=sort_direction,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    organization_id: str | Unset = UNSET,
    page_size: int = 10,
    page: int = 1,
    execution_id: str | Unset = UNSET,
    agent_id: str | Unset = UNSET,
    status: list[ExecutionStatus] | Unset = UNSET,
    agent_version: int | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    human_labels: list[str] | Unset = UNSET,
    outcome_label: str | Unset = UNSET,
    metadata_key: str | Unset = UNSET,
    metadata_value: str | Unset = UNSET,
    sort_field: SortField | Unset = UNSET,
    sort_direction: SortDirection | Unset = UNSET,
) -> (
    AgentsExecutionListResponse
    | CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonUnauthorizedErrorBody
    | None
):
    """List executions

     List executions with filtering, sorting and pagination. Results are offset-paginated by page and
    pageSize; total counts every execution matching the filters.

    Args:
        organization_id (str | Unset):
        page_size (int):  Default: 10.
        page (int):  Default: 1.
        execution_id (str | Unset):
        agent_id (str | Unset):
        status (list[ExecutionStatus] | Unset):
        agent_version (int | Unset):
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        human_labels (list[str] | Unset):
        outcome_label (str | Unset):
        metadata_key (str | Unset):
        metadata_value (str | Unset):
        sort_field (SortField | Unset): Fields that can be used for sorting executions
        sort_direction (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentsExecutionListResponse | CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonUnauthorizedErrorBody
    """

    return sync_detailed(
        client=client,
        organization_id=organization_id,
        page_size=page_size,
        page=page,
        execution_id=execution_id,
        agent_id=agent_id,
        status=status,
        agent_version=agent_version,
        created_after=created_after,
        created_before=created_before,
        human_labels=human_labels,
        outcome_label=outcome_label,
        metadata_key=metadata_key,
        metadata_value=metadata_value,
        sort_field=sort_field,
        sort_direction=sort_direction,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    organization_id: str | Unset = UNSET,
    page_size: int = 10,
    page: int = 1,
    execution_id: str | Unset = UNSET,
    agent_id: str | Unset = UNSET,
    status: list[ExecutionStatus] | Unset = UNSET,
    agent_version: int | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    human_labels: list[str] | Unset = UNSET,
    outcome_label: str | Unset = UNSET,
    metadata_key: str | Unset = UNSET,
    metadata_value: str | Unset = UNSET,
    sort_field: SortField | Unset = UNSET,
    sort_direction: SortDirection | Unset = UNSET,
) -> Response[
    AgentsExecutionListResponse
    | CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonUnauthorizedErrorBody
]:
    """List executions

     List executions with filtering, sorting and pagination. Results are offset-paginated by page and
    pageSize; total counts every execution matching the filters.

    Args:
        organization_id (str | Unset):
        page_size (int):  Default: 10.
        page (int):  Default: 1.
        execution_id (str | Unset):
        agent_id (str | Unset):
        status (list[ExecutionStatus] | Unset):
        agent_version (int | Unset):
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        human_labels (list[str] | Unset):
        outcome_label (str | Unset):
        metadata_key (str | Unset):
        metadata_value (str | Unset):
        sort_field (SortField | Unset): Fields that can be used for sorting executions
        sort_direction (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentsExecutionListResponse | CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonUnauthorizedErrorBody]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        page_size=page_size,
        page=page,
        execution_id=execution_id,
        agent_id=agent_id,
        status=status,
        agent_version=agent_version,
        created_after=created_after,
        created_before=created_before,
        human_labels=human_labels,
        outcome_label=outcome_label,
        metadata_key=metadata_key,
        metadata_value=metadata_value,
        sort_field=sort_field,
        sort_direction=sort_direction,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    organization_id: str | Unset = UNSET,
    page_size: int = 10,
    page: int = 1,
    execution_id: str | Unset = UNSET,
    agent_id: str | Unset = UNSET,
    status: list[ExecutionStatus] | Unset = UNSET,
    agent_version: int | Unset = UNSET,
    created_after: datetime.datetime | Unset = UNSET,
    created_before: datetime.datetime | Unset = UNSET,
    human_labels: list[str] | Unset = UNSET,
    outcome_label: str | Unset = UNSET,
    metadata_key: str | Unset = UNSET,
    metadata_value: str | Unset = UNSET,
    sort_field: SortField | Unset = UNSET,
    sort_direction: SortDirection | Unset = UNSET,
) -> (
    AgentsExecutionListResponse
    | CommonBadRequestErrorBody
    | CommonForbiddenErrorBody
    | CommonInternalServerErrorBody
    | CommonUnauthorizedErrorBody
    | None
):
    """List executions

     List executions with filtering, sorting and pagination. Results are offset-paginated by page and
    pageSize; total counts every execution matching the filters.

    Args:
        organization_id (str | Unset):
        page_size (int):  Default: 10.
        page (int):  Default: 1.
        execution_id (str | Unset):
        agent_id (str | Unset):
        status (list[ExecutionStatus] | Unset):
        agent_version (int | Unset):
        created_after (datetime.datetime | Unset):
        created_before (datetime.datetime | Unset):
        human_labels (list[str] | Unset):
        outcome_label (str | Unset):
        metadata_key (str | Unset):
        metadata_value (str | Unset):
        sort_field (SortField | Unset): Fields that can be used for sorting executions
        sort_direction (SortDirection | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentsExecutionListResponse | CommonBadRequestErrorBody | CommonForbiddenErrorBody | CommonInternalServerErrorBody | CommonUnauthorizedErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            organization_id=organization_id,
            page_size=page_size,
            page=page,
            execution_id=execution_id,
            agent_id=agent_id,
            status=status,
            agent_version=agent_version,
            created_after=created_after,
            created_before=created_before,
            human_labels=human_labels,
            outcome_label=outcome_label,
            metadata_key=metadata_key,
            metadata_value=metadata_value,
            sort_field=sort_field,
            sort_direction=sort_direction,
        )
    ).parsed
