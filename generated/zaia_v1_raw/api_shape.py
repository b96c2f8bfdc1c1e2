"""The shape of the Zaia v1 API that agent_executions relies on, read from its OpenAPI document.

Written by scripts/regenerate.py at every regeneration; never edit it by hand.
"""

SERVER_URL = "https://api.endless.zaia.app"
"""The default base URL: the document's first `servers` entry."""

PATH_PREFIX = "/api/v1"
"""The segments every operation path starts with; a base URL that already ends with them does not get them twice."""

AUTH_HEADER = "Authorization"
"""The header that carries the API key (the document's security scheme)."""

AUTH_PREFIX = ""
"""What goes before the key in that header ("Bearer " for HTTP bearer auth)."""

OPERATIONS = {
    "ExecutionGet": {
        "method": "GET",
        "path": "/executions/{id}",
        "path_params": {"id": "id"},
        "query": {},
    },
    "ExecutionGetNesting": {
        "method": "GET",
        "path": "/executions/nestings",
        "path_params": {},
        "query": {"chat_message_id": "chatMessageId", "execution_id": "executionId"},
    },
    "ExecutionList": {
        "method": "GET",
        "path": "/executions",
        "path_params": {},
        "query": {
            "page_number": "pageNumber",
            "page_size": "pageSize",
            "responder_ids": "responderIds",
        },
    },
}
"""operationId -> method, path after PATH_PREFIX, and {Python name: wire name} of its path and query parameters."""
