"""Spec-faithful fake vendor servers for testing code that uses agent-executions.

Install with `pip install agent-executions[testing]`. Each server serves real HTTP on
127.0.0.1 from a background thread, from a deterministic store of realistic executions,
and validates every request and response against the pinned OpenAPI spec:

    from agent_executions import AsteroidClient
    from agent_executions.testing import FakeAsteroidServer

    with FakeAsteroidServer(count=25) as server:
        client = AsteroidClient(api_key=server.api_key, base_url=server.base_url)
        assert len(list(client.executions.list())) == 25
"""

from ._asteroid import FakeAsteroidServer
from ._clock import FakeClock
from ._faults import http_date
from ._server import RecordedRequest, SpecViolation, Violation
from ._webhooks import ReceivedWebhook, WebhookDelivery, WebhookReceiver
from ._zaia import FakeZaiaServer

__all__ = [
    "FakeAsteroidServer",
    "FakeClock",
    "FakeZaiaServer",
    "ReceivedWebhook",
    "RecordedRequest",
    "SpecViolation",
    "Violation",
    "WebhookDelivery",
    "WebhookReceiver",
    "http_date",
]
