"""`AGENT_EXECUTIONS_LOG=debug|info`: the SDK's logging on stderr without code, as `OPENAI_LOG`
and `STRIPE_LOG` do. Every record is scrubbed of live clients' keys (`_redact`)."""

from __future__ import annotations

import contextlib
import logging
import os
import sys

from ._constants import LOGGER_NAME

LOG_ENV = "AGENT_EXECUTIONS_LOG"
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
LOGGERS = (LOGGER_NAME, "httpx")
"""The SDK's logger, and httpx's: one line per request at INFO, its connection's steps at DEBUG."""


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A handler writing to `sys.stderr` as it is at each record (redirected, or pytest's capture)."""

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass  # StreamHandler's __init__ sets it: the current stderr is always the one used


def log_from_env() -> logging.Handler | None:
    """A stderr handler on the SDK's and httpx's loggers at the level $AGENT_EXECUTIONS_LOG names
    (once per process); None when it is unset or empty. An unknown level is a warning, not an error."""
    value = os.environ.get(LOG_ENV, "").strip().lower()
    if not value:
        return None
    level = LEVELS.get(value)
    if level is None:  # a line, not a Python warning: `-W error` must not turn a typo into a crash
        shown = value if len(value) <= 20 and value.isprintable() else "(an unknown value)"
        with contextlib.suppress(OSError, ValueError, AttributeError):  # no stderr, or a closed one
            print(f"agent-executions: warning: {LOG_ENV} takes debug or info, not {shown!r}; ignored", file=sys.stderr)
        return None
    for name in LOGGERS:
        found = [h for h in logging.getLogger(name).handlers if getattr(h, "agent_executions_env", False)]
        if found:
            return found[0]
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
    handler.agent_executions_env = True  # type: ignore[attr-defined]
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(level)
    return handler
