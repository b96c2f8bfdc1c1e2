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
        "fields": [
            {
                "description": "The unique identifier of the execution",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": True,
                "wire": "executionId",
            },
            {
                "choices": ["asc", "desc"],
                "description": "Sort order for activities by timestamp",
                "enum_name": None,
                "in": "query",
                "kind": "choice",
                "many": False,
                "name": "order",
                "required": False,
                "wire": "order",
            },
            {
                "description": "The most activities to return. Assumption: "
                "the vendor's SDK states no bounds; at "
                "least 1.",
                "in": "query",
                "kind": "int",
                "many": False,
                "minimum": 1,
                "name": "limit",
                "required": False,
                "wire": "limit",
            },
        ],
        "method": "GET",
        "path": "/executions/{executionId}/activities",
        "path_params": {"execution_id": "executionId"},
        "query": {"limit": "limit", "order": "order"},
    },
    "ExecutionCancel": {
        "fields": [
            {
                "description": "The unique identifier of the execution",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": True,
                "wire": "executionId",
            }
        ],
        "method": "POST",
        "path": "/executions/{executionId}/cancel",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionDelete": {
        "fields": [
            {
                "description": "The unique identifier of the execution",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": True,
                "wire": "executionId",
            }
        ],
        "method": "DELETE",
        "path": "/executions/{executionId}",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionGet": {
        "fields": [
            {
                "description": "The unique identifier of the execution",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": True,
                "wire": "executionId",
            }
        ],
        "method": "GET",
        "path": "/executions/{executionId}",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionList": {
        "fields": [
            {
                "description": "Optional organization ID filter (required for "
                "customer queries)",
                "in": "query",
                "kind": "uuid",
                "many": False,
                "name": "organization_id",
                "required": False,
                "wire": "organizationId",
            },
            {
                "description": "",
                "in": "query",
                "kind": "int",
                "many": False,
                "name": "page_size",
                "required": True,
                "wire": "pageSize",
            },
            {
                "description": "",
                "in": "query",
                "kind": "int",
                "many": False,
                "name": "page",
                "required": True,
                "wire": "page",
            },
            {
                "description": "Search by execution ID (partial, case-insensitive "
                "match)",
                "in": "query",
                "kind": "text",
                "many": False,
                "name": "execution_id",
                "required": False,
                "wire": "executionId",
            },
            {
                "description": "Filter by agent ID",
                "in": "query",
                "kind": "uuid",
                "many": False,
                "name": "agent_id",
                "required": False,
                "wire": "agentId",
            },
            {
                "choices": [
                    "starting",
                    "running",
                    "paused",
                    "awaiting_confirmation",
                    "completed",
                    "cancelled",
                    "failed",
                    "paused_by_agent",
                ],
                "description": "Filter by execution status (can specify multiple, "
                "there is an 'OR' condition applied to these)",
                "enum_name": "Agents.Execution.Status",
                "in": "query",
                "kind": "choice",
                "many": True,
                "name": "status",
                "required": False,
                "wire": "status",
            },
            {
                "description": "Filter by agent version",
                "in": "query",
                "kind": "int",
                "many": False,
                "name": "agent_version",
                "required": False,
                "wire": "agentVersion",
            },
            {
                "description": "Filter executions created after this timestamp",
                "in": "query",
                "kind": "datetime",
                "many": False,
                "name": "created_after",
                "required": False,
                "wire": "createdAfter",
            },
            {
                "description": "Filter executions created before this timestamp",
                "in": "query",
                "kind": "datetime",
                "many": False,
                "name": "created_before",
                "required": False,
                "wire": "createdBefore",
            },
            {
                "description": "Filter by human labels (can specify multiple label "
                "IDs, there is an 'OR' condition applied to these)",
                "in": "query",
                "kind": "uuid",
                "many": True,
                "name": "human_labels",
                "required": False,
                "wire": "humanLabels",
            },
            {
                "description": "Filter by execution result outcome (partial, "
                "case-insensitive match)",
                "in": "query",
                "kind": "text",
                "many": False,
                "name": "outcome_label",
                "required": False,
                "wire": "outcomeLabel",
            },
            {
                "description": "Filter by metadata key - must be used together with "
                "metadataValue",
                "in": "query",
                "kind": "text",
                "many": False,
                "name": "metadata_key",
                "required": False,
                "wire": "metadataKey",
            },
            {
                "description": "Filter by metadata value - must be used together "
                "with metadataKey",
                "in": "query",
                "kind": "text",
                "many": False,
                "name": "metadata_value",
                "required": False,
                "wire": "metadataValue",
            },
            {
                "choices": ["created_at", "status"],
                "description": "Fields that can be used for sorting executions",
                "enum_name": "Agents.Execution.SortField",
                "in": "query",
                "kind": "choice",
                "many": False,
                "name": "sort_field",
                "required": False,
                "wire": "sortField",
            },
            {
                "choices": ["asc", "desc"],
                "description": "",
                "enum_name": "Common.SortDirection",
                "in": "query",
                "kind": "choice",
                "many": False,
                "name": "sort_direction",
                "required": False,
                "wire": "sortDirection",
            },
        ],
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
        "fields": [
            {
                "description": "The unique identifier of the execution",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": True,
                "wire": "executionId",
            }
        ],
        "method": "POST",
        "path": "/executions/{executionId}/pause",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionRecordingRedirect": {
        "fields": [
            {
                "description": "The unique identifier of the execution",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": True,
                "wire": "executionId",
            }
        ],
        "method": "GET",
        "path": "/executions/{executionId}/recording",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionRerun": {
        "fields": [
            {
                "description": "The unique identifier of the execution",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": True,
                "wire": "executionId",
            },
            {
                "description": "Input variables for the new execution. Replaces "
                "the original inputs when set.",
                "in": "body",
                "kind": "json_object",
                "many": False,
                "name": "inputs",
                "required": False,
                "wire": "inputs",
            },
            {
                "description": "The ID of the login profile to use. Replaces the "
                "original profile when set.",
                "in": "body",
                "kind": "uuid",
                "many": False,
                "name": "profile_id",
                "required": False,
                "wire": "profileId",
            },
        ],
        "method": "POST",
        "path": "/executions/{executionId}/rerun",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionResume": {
        "fields": [
            {
                "description": "The unique identifier of the execution",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": True,
                "wire": "executionId",
            }
        ],
        "method": "POST",
        "path": "/executions/{executionId}/resume",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "ExecutionSyncGet": {
        "fields": [
            {
                "description": "The unique identifier of the execution",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": True,
                "wire": "executionId",
            },
            {
                "description": "Seconds to wait for the execution to finish "
                "before returning 202. Defaults to 25.",
                "in": "query",
                "kind": "int",
                "many": False,
                "maximum": 25,
                "minimum": 1,
                "name": "timeout_seconds",
                "required": False,
                "wire": "timeoutSeconds",
            },
        ],
        "method": "GET",
        "path": "/executions/{executionId}/sync",
        "path_params": {"execution_id": "executionId"},
        "query": {"timeout_seconds": "timeoutSeconds"},
    },
    "ExecutionUserMessagesAdd": {
        "fields": [
            {
                "description": "The unique identifier of the execution",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": True,
                "wire": "executionId",
            },
            {
                "description": "The message the agent receives.",
                "in": "body",
                "kind": "text",
                "many": False,
                "name": "message",
                "required": True,
                "wire": "message",
            },
        ],
        "method": "POST",
        "path": "/executions/{executionId}/user-messages",
        "path_params": {"execution_id": "executionId"},
        "query": {},
    },
    "WorkflowExecute": {
        "fields": [
            {
                "description": "The ID of the workflow to execute",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "workflow_id",
                "required": True,
                "wire": "workflowId",
            },
            {
                "description": "Per-execution runtime options.",
                "fields": [
                    {
                        "description": "Scopes shared-file storage to a "
                        "per-entity subdirectory under each "
                        "node's shared folder. The value is "
                        "normalised to a filesystem-safe slug "
                        "by the server.",
                        "in": "body",
                        "kind": "text",
                        "many": False,
                        "name": "shared_storage_key",
                        "required": False,
                        "wire": "sharedStorageKey",
                    },
                    {
                        "description": "Soft timeout in minutes. When the "
                        "execution has been running longer "
                        "than this value, a message is "
                        "injected on every subsequent step "
                        "urging the agent to wrap up and "
                        "produce output. Must be greater than "
                        "0 and less than the agent's hard "
                        "timeout (max_timeout_mins).",
                        "in": "body",
                        "kind": "int",
                        "many": False,
                        "minimum": 1,
                        "name": "soft_timeout_mins",
                        "required": False,
                        "wire": "softTimeoutMins",
                    },
                ],
                "in": "body",
                "kind": "object",
                "many": False,
                "name": "execution_options",
                "object_name": "Agents.Agent.ExecutionOptions",
                "required": False,
                "wire": "executionOptions",
            },
            {
                "description": "Run the editable head instead of the published "
                "version. Cannot be combined with version.",
                "in": "body",
                "kind": "bool",
                "many": False,
                "name": "head",
                "required": False,
                "wire": "head",
            },
            {
                "description": "Inputs to be merged into the placeholders defined "
                "in prompts",
                "in": "body",
                "kind": "json_object",
                "many": False,
                "name": "inputs",
                "required": False,
                "wire": "inputs",
            },
            {
                "description": "Optional metadata key-value pairs (string keys "
                "and string values) for organizing and filtering "
                "executions",
                "in": "body",
                "kind": "text_map",
                "many": False,
                "name": "metadata",
                "required": False,
                "wire": "metadata",
            },
            {
                "choices": ["reject", "queue"],
                "description": "Behaviour when the organisation or profile pool "
                "has no capacity for the execution",
                "enum_name": "Agents.Agent.OnCapacityLimit",
                "in": "body",
                "kind": "choice",
                "many": False,
                "name": "on_capacity_limit",
                "required": False,
                "wire": "onCapacityLimit",
            },
            {
                "description": "The ID of the profile group to select a profile "
                "from. Mutually exclusive with profileId.",
                "in": "body",
                "kind": "uuid",
                "many": False,
                "name": "profile_group_id",
                "required": False,
                "wire": "profileGroupId",
            },
            {
                "description": "The ID of the login profile to use for this "
                "execution. Mutually exclusive with "
                "profileGroupId.",
                "in": "body",
                "kind": "uuid",
                "many": False,
                "name": "profile_id",
                "required": False,
                "wire": "profileId",
            },
            {
                "description": "The version of the workflow to execute. If "
                "neither version nor head is provided, the "
                "published version is used.",
                "in": "body",
                "kind": "int",
                "many": False,
                "name": "version",
                "required": False,
                "wire": "version",
            },
        ],
        "method": "POST",
        "path": "/workflows/{workflowId}/execute",
        "path_params": {"workflow_id": "workflowId"},
        "query": {},
    },
}
"""operationId -> method, path after PATH_PREFIX, {Python name: wire name} of its path and query parameters, and each path, query and body field with its type (scripts/api_shape.py, `field`)."""
