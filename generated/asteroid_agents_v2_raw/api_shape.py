"""The shape of the Asteroid Agents v2 API that agent_executions relies on, read from its OpenAPI document.

Written by scripts/regenerate.py at every regeneration; never edit it by hand.
"""

SERVER_URL = "https://odyssey.asteroid.ai/agents/v2"
"""The default base URL: the document's first `servers` entry."""

PATH_PREFIX = ""
"""The segments every operation path starts with; a base URL that already ends with them does not get them twice."""

AUTH_HEADER = "X-Asteroid-Agents-Api-Key"
"""The header that carries the API key (the document's security scheme)."""

AUTH_PREFIX = ""
"""What goes before the key in that header ("Bearer " for HTTP bearer auth)."""

OPERATIONS = {
    "ExecutionActivitiesGet": {
        "method": "GET",
        "path": "/executions/{executionId}/activities",
        "path_params": {"execution_id": "executionId"},
        "query": {"limit": "limit", "order": "order"},
    },
    "ExecutionCancel": {
        "method": "POST",
        "path": "/executions/{executionId}/cancel",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionDelete": {
        "method": "DELETE",
        "path": "/executions/{executionId}",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionGet": {
        "method": "GET",
        "path": "/executions/{executionId}",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionList": {
        "method": "GET",
        "path": "/executions",
        "path_params": {},
        "query": {
            "agent_id": "agentId",
            "agent_version": "agentVersion",
            "created_after": "createdAfter",
            "created_before": "createdBefore",
            "execution_id": "executionId",
            "human_labels": "humanLabels",
            "metadata_key": "metadataKey",
            "metadata_value": "metadataValue",
            "organization_id": "organizationId",
            "outcome_label": "outcomeLabel",
            "page": "page",
            "page_size": "pageSize",
            "sort_direction": "sortDirection",
            "sort_field": "sortField",
            "status": "status",
        },
    },
    "ExecutionPause": {
        "method": "POST",
        "path": "/executions/{executionId}/pause",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionRecordingRedirect": {
        "method": "GET",
        "path": "/executions/{executionId}/recording",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionRerun": {
        "method": "POST",
        "path": "/executions/{executionId}/rerun",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionResume": {
        "method": "POST",
        "path": "/executions/{executionId}/resume",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionSyncGet": {
        "method": "GET",
        "path": "/executions/{executionId}/sync",
        "path_params": {"execution_id": "executionId"},
        "query": {"timeout_seconds": "timeoutSeconds"},
    },
    "ExecutionUserMessagesAdd": {
        "method": "POST",
        "path": "/executions/{executionId}/user-messages",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "WorkflowExecute": {
        "method": "POST",
        "path": "/workflows/{workflowId}/execute",
        "path_params": {"workflow_id": "workflowId"},
        "query": {},
    },
}
"""operationId -> method, path after PATH_PREFIX, and {Python name: wire name} of its path and query parameters."""
