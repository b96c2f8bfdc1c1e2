"""The fake servers check their own settings, by name, before making any data."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer


@pytest.mark.parametrize("server_class", [FakeAsteroidServer, FakeZaiaServer])
@pytest.mark.parametrize(
    ("settings", "error", "message"),
    [
        ({"count": -1}, ValueError, "count must be >= 0, not -1"),
        ({"count": "3"}, TypeError, "count must be an int, not str"),
        ({"count": True}, TypeError, "count must be an int, not bool"),
        ({"seed": "42"}, TypeError, "seed must be an int, not str"),
        ({"now": "2026-11-23"}, TypeError, "now must be a datetime.datetime, not str"),
        ({"now": datetime.datetime(2026, 11, 23)}, ValueError, "now must be timezone-aware"),
        ({"api_key": ""}, ValueError, "api_key must not be empty"),
        ({"validate": 1}, TypeError, "validate must be a bool, not int"),
        ({"port": 70000}, ValueError, "port must be <= 65535, not 70000"),
    ],
)
def test_a_wrong_setting_is_refused_by_name(
    server_class: Any, settings: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        server_class(**settings)


def test_zero_executions_is_a_valid_store() -> None:
    assert FakeAsteroidServer(count=0).executions == []


def test_a_port_in_use_is_an_os_error_not_an_exit() -> None:
    import errno
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = FakeAsteroidServer(count=0, port=port)
        with pytest.raises(OSError) as caught:  # werkzeug alone prints a line and calls sys.exit(1)
            server.start()
        assert caught.value.errno == errno.EADDRINUSE
    with FakeAsteroidServer(count=0, port=port) as fake:  # free again: the same port serves
        assert fake.port == port and fake.base_url.startswith(f"http://127.0.0.1:{port}/")
