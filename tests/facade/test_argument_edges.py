"""Arguments at the edges of their types: refused with a message naming them, before any request."""

from __future__ import annotations

import datetime

import agent_executions as ae
import pytest
from agent_executions.testing import FakeAsteroidServer

PLUS_ONE = datetime.timezone(datetime.timedelta(hours=1))
MINUS_14 = datetime.timezone(datetime.timedelta(hours=-14))


@pytest.mark.parametrize(
    ("name", "moment"),
    [
        ("created_after", datetime.datetime(1, 1, 1, tzinfo=PLUS_ONE)),
        ("created_before", datetime.datetime(9999, 12, 31, 23, 59, 59, tzinfo=MINUS_14)),
    ],
)
def test_a_time_outside_the_utc_calendar_is_a_value_error_naming_the_argument(
    asteroid_server: FakeAsteroidServer, name: str, moment: datetime.datetime
) -> None:
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        with pytest.raises(ValueError, match=f"^{name} must fall within the years 1 to 9999 in UTC"):
            client.executions.list(**{name: moment})
    assert asteroid_server.requests == []
