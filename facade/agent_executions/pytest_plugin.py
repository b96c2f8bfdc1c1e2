"""pytest fixtures for testing code that uses agent-executions, against the fake servers.

Registered with pytest by this package's `pytest11` entry point, so installing
`agent-executions[testing]` is all it takes:

    def test_report(fake_asteroid_client):
        assert len(list(fake_asteroid_client.executions.list(limit=5))) == 5

    @pytest.mark.fake_server(count=3, seed=42)
    def test_small_store(fake_asteroid_server): ...

    @pytest.mark.fake_server(webhooks=True)  # the fake's notifications go to fake_webhook_receiver
    def test_handler(fake_asteroid_server, fake_webhook_receiver): ...

The fakes are imported only when a fixture is used, so the plugin costs nothing in
projects that do not use them (and needs no werkzeug until then).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .asteroid import AsteroidClient
    from .testing import FakeAsteroidServer, FakeZaiaServer
    from .testing._webhooks import WebhookReceiver
    from .zaia import ZaiaClient

MARKER = "fake_server"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(count=None, seed=0, now=None, webhooks=False): the store of the fake_*_server fixtures, and "
        "whether the Asteroid fake sends its webhooks to fake_webhook_receiver (agent-executions)",
    )


def _settings(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The marker's keyword arguments; positional ones would be silently ignored, so they fail the test."""
    marker = request.node.get_closest_marker(MARKER)
    if marker is None:
        return {}
    if marker.args:
        shown = ", ".join(repr(arg) for arg in marker.args)
        pytest.fail(
            f"@pytest.mark.{MARKER}({shown}): takes keyword arguments only, such as count=3, seed=42",
            pytrace=False,
        )
    return dict(marker.kwargs)


@contextmanager
def _started(server_class: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """The fake server the marker describes, running; a wrong marker argument fails the test's
    setup with the fake's own message, which names the argument."""
    settings = _settings(request)
    webhooks = settings.get("webhooks", False)
    if not isinstance(webhooks, bool):  # webhooks="no" would be true
        shown = ", ".join(f"{key}={value!r}" for key, value in settings.items())
        pytest.fail(
            f"@pytest.mark.{MARKER}({shown}): webhooks must be a bool, not {type(webhooks).__name__}",
            pytrace=False,
        )
    if settings.pop("webhooks", False):
        if server_class.__name__ != "FakeAsteroidServer":
            pytest.fail(f"@pytest.mark.{MARKER}(webhooks=True): only the Asteroid fake sends webhooks", pytrace=False)
        settings["webhook_url"] = request.getfixturevalue("fake_webhook_receiver").url
    try:
        server = server_class(**settings)
    except (TypeError, ValueError) as exc:
        shown = ", ".join(f"{key}={value!r}" for key, value in settings.items())
        pytest.fail(f"@pytest.mark.{MARKER}({shown}): {exc}", pytrace=False)
    with server:
        yield server


def _testing() -> Any:
    try:
        from . import testing
    except ImportError as exc:  # the `testing` extra is not installed
        raise pytest.UsageError(
            f"the fake servers need the testing extra: pip install 'agent-executions[testing]' ({exc})"
        ) from None
    return testing


@pytest.fixture
def fake_asteroid_server(request: pytest.FixtureRequest) -> Iterator[FakeAsteroidServer]:
    """A running `FakeAsteroidServer`; its spec violations fail the test when it stops."""
    with _started(_testing().FakeAsteroidServer, request) as server:
        yield server


@pytest.fixture
def fake_zaia_server(request: pytest.FixtureRequest) -> Iterator[FakeZaiaServer]:
    """A running `FakeZaiaServer`; its spec violations fail the test when it stops."""
    with _started(_testing().FakeZaiaServer, request) as server:
        yield server


@pytest.fixture
def fake_webhook_receiver() -> Iterator[WebhookReceiver]:
    """A loopback HTTP server recording the webhook requests it gets (`requests`, `wait_for(n)`), answering 200
    (`fail_next` for failures); `@pytest.mark.fake_server(webhooks=True)` points `fake_asteroid_server` at it."""
    _testing()
    from .testing._webhooks import WebhookReceiver

    with WebhookReceiver() as receiver:
        yield receiver


@pytest.fixture
def fake_asteroid_client(fake_asteroid_server: FakeAsteroidServer) -> Iterator[AsteroidClient]:
    """An `AsteroidClient` connected to `fake_asteroid_server`."""
    from .asteroid import AsteroidClient

    server = fake_asteroid_server
    with AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
        yield client


@pytest.fixture
def fake_zaia_client(fake_zaia_server: FakeZaiaServer) -> Iterator[ZaiaClient]:
    """A `ZaiaClient` connected to `fake_zaia_server`."""
    from .zaia import ZaiaClient

    server = fake_zaia_server
    with ZaiaClient(api_key=server.api_key, base_url=server.base_url) as client:
        yield client
