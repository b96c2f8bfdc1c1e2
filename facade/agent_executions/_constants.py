"""Every default of the SDK, in one place."""

from __future__ import annotations

DEFAULT_TIMEOUT = 30.0
"""Seconds for each of connect, read, write and pool, and for the whole attempt, body included;
the generated clients have no timeout at all."""
MAX_TIMEOUT = 7 * 24 * 3600.0
"""The longest `timeout` accepted (a week): sockets refuse waits past about 9.2e9 s, and a longer
bound on one request is no bound."""

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

# The base URLs and auth headers come from the pinned specs (`_shape`), not from here.

ASTEROID_API_KEY_ENV = "ASTEROID_API_KEY"
ASTEROID_BASE_URL_ENV = "ASTEROID_BASE_URL"
ASTEROID_MAX_PAGE_SIZE = 100
ASTEROID_MAX_CONCURRENCY = 32
"""Most pages an Asteroid listing, sync or async, may fetch at once (`concurrency=`)."""

ZAIA_API_KEY_ENV = "ZAIA_API_KEY"
ZAIA_BASE_URL_ENV = "ZAIA_BASE_URL"
ZAIA_MAX_PAGE_SIZE = 100

MAX_BACKOFF_EXPONENT = 32
"""Doublings of the backoff counted at most: far past the cap, and 2.0 ** 1024 would overflow."""

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
"""Largest response body read (decoded), per client (`max_response_bytes=`); a larger one raises
`ResponseTooLargeError`. A page of 100 executions is a few hundred kilobytes."""

MAX_REPEATED_PAGES = 3
"""Pages in a row that bring no new item before a numbered listing raises instead of looping;
one is normal when exactly a page's worth of items is created between two requests."""

MAX_WAIT_HOLD = 25
"""Most seconds `wait` asks the Asteroid server to hold one long-poll (`timeoutSeconds`, 1..25)."""

WAIT_POLL_INTERVAL = 1.0
"""Seconds `wait` pauses when the server answers "not finished" at once (a paused execution);
doubled on each such answer up to `MAX_WAIT_POLL_INTERVAL`."""

MAX_WAIT_POLL_INTERVAL = 10.0
