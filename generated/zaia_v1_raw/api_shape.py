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
        "fields": [
            {
                "description": "A UUID v4 string that identifies an entity.",
                "in": "path",
                "kind": "uuid",
                "many": False,
                "name": "id",
                "required": True,
                "wire": "id",
            }
        ],
        "method": "GET",
        "path": "/executions/{id}",
        "path_params": {"id": "id"},
        "query": {},
    },
    "ExecutionGetNesting": {
        "fields": [
            {
                "description": "A UUID v4 string that identifies an entity.",
                "in": "query",
                "kind": "uuid",
                "many": False,
                "name": "chat_message_id",
                "required": False,
                "wire": "chatMessageId",
            },
            {
                "description": "A UUID v4 string that identifies an entity.",
                "in": "query",
                "kind": "uuid",
                "many": False,
                "name": "execution_id",
                "required": False,
                "wire": "executionId",
            },
        ],
        "method": "GET",
        "path": "/executions/nestings",
        "path_params": {},
        "query": {"chat_message_id": "chatMessageId", "execution_id": "executionId"},
    },
    "ExecutionList": {
        "fields": [
            {
                "description": "The page number, starting at 1. Assumption: a whole "
                "number (the documentation pages render it as "
                '"number"). Check against the published document '
                "(https://api.endless.zaia.app/openapi).",
                "in": "query",
                "kind": "int",
                "many": False,
                "minimum": 1,
                "name": "page_number",
                "required": False,
                "wire": "pageNumber",
            },
            {
                "description": "The page size. Assumption: a whole number (the "
                'documentation pages render it as "number"). Check '
                "against the published document "
                "(https://api.endless.zaia.app/openapi).",
                "in": "query",
                "kind": "int",
                "many": False,
                "maximum": 100,
                "minimum": 1,
                "name": "page_size",
                "required": False,
                "wire": "pageSize",
            },
            {
                "description": "Only executions of these responders: one UUID, or "
                "several sent as repeated parameters.",
                "in": "query",
                "kind": "uuid",
                "many": True,
                "name": "responder_ids",
                "required": False,
                "wire": "responderIds",
            },
        ],
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
"""operationId -> method, path after PATH_PREFIX, {Python name: wire name} of its path and query parameters, and each path, query and body field with its type (scripts/api_shape.py, `field`)."""
