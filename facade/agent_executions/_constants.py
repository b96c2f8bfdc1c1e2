"""Every default of the SDK, in one place."""

from __future__ import annotations

DEFAULT_TIMEOUT = 30.0
"""Seconds for each of connect, read, write and pool; the generated clients have no timeout at all."""

DEFAULT_MAX_RETRIES = 2
"""Retries after the first attempt, so three attempts in all."""

INITIAL_RETRY_DELAY = 0.5
"""Seconds before the first retry; doubled on each further one, with jitter."""

MAX_RETRY_DELAY = 8.0
"""Cap on the computed backoff between two attempts."""

MAX_RETRY_AFTER = 60.0
"""Cap on a server's Retry-After; a longer wait raises instead of sleeping that long."""

RETRYABLE_STATUS_CODES = frozenset({408, 409, 429})
"""Retried besides every status >= 500."""

LOGGER_NAME = "agent_executions"

ASTEROID_BASE_URL = "https://odyssey.asteroid.ai/agents/v2"
ASTEROID_API_KEY_ENV = "ASTEROID_API_KEY"
ASTEROID_BASE_URL_ENV = "ASTEROID_BASE_URL"
ASTEROID_AUTH_HEADER = "X-Asteroid-Agents-Api-Key"
ASTEROID_MAX_PAGE_SIZE = 100
ASTEROID_MAX_CONCURRENCY = 32
"""Most pages an async Asteroid listing may fetch at once (`concurrency=`)."""

ZAIA_BASE_URL = "https://api.zaia.app"
ZAIA_API_KEY_ENV = "ZAIA_API_KEY"
ZAIA_BASE_URL_ENV = "ZAIA_BASE_URL"
ZAIA_AUTH_HEADER = "Authorization"
ZAIA_MAX_PAGE_SIZE = 100

MAX_REPEATED_PAGES = 3
"""Pages in a row that bring no new item before a numbered listing raises instead of looping;
one is normal when exactly a page's worth of items is created between two requests."""
