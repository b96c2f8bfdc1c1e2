"""Defects a hostile review reproduced, each over loopback against the fake server: deeply nested
error bodies, the key echoed in response headers or JSON-escaped, transport headers and
unbuildable URLs in the request options, a base URL with a query, and very short keys."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import agent_executions as ae
import pytest
from agent_executions.testing import FakeAsteroidServer

DEEP_ERROR = '{"detail":' * 600 + "1" + "}" * 600


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=9, count=2, api_key="sk<&>key1234/live-x") as fake:
        yield fake


def client(server: FakeAsteroidServer, **options: object) -> ae.AsteroidClient:
    return ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, max_retries=0, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "error"),
    [(400, ae.BadRequestError), (404, ae.NotFoundError), (429, ae.RateLimitError), (503, ae.InternalServerError)],
)
def test_a_deeply_nested_error_body_raises_the_typed_status_error(
    server: FakeAsteroidServer, status: int, error: type[ae.APIStatusError]
) -> None:
    server.fail_next(status, body=DEEP_ERROR)
    with client(server) as c, pytest.raises(error) as caught:
        c.executions.get(server.executions[0]["id"])
    assert caught.value.status_code == status


def test_a_key_echoed_in_a_response_header_stays_out_of_debug_logs_and_headers(
    server: FakeAsteroidServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.fail_next(400, headers={"X-Echo": server.api_key})
    with caplog.at_level(logging.DEBUG), client(server) as c, pytest.raises(ae.BadRequestError) as caught:
        c.executions.get(server.executions[0]["id"])
    assert any("X-Echo" in record.getMessage() for record in caplog.records)  # httpcore logged the headers
    assert server.api_key not in caplog.text
    assert server.api_key not in repr(caught.value.response.headers)
    assert caught.value.response.headers["x-echo"] == "<redacted>"


def test_a_key_in_a_redirect_location_is_masked(server: FakeAsteroidServer) -> None:
    server.redirect_next(f"http://127.0.0.2/?k={server.api_key}")
    with client(server) as c, pytest.raises(ae.APIStatusError) as caught:
        c.executions.get(server.executions[0]["id"])
    error = caught.value
    for text in (str(error), error.message, repr(error.response.headers)):
        assert server.api_key not in text and "<redacted>" in text


@pytest.mark.parametrize(
    "escaped",
    [
        "sk\\u003c\\u0026\\u003ekey1234\\/live-x",  # Go's encoding/json, "/" escaped
        "sk\\u003c\\u0026\\u003ekey1234/live-x",  # Go's encoding/json
        "sk\\u003c\\u0026\\u003ekey1234\\u002flive\\u002dx",  # every non-alphanumeric character
        "sk\\u003C\\u0026\\u003Ekey1234\\u002Flive\\u002Dx",  # the same, upper-case hex
    ],
)
def test_a_key_echoed_json_escaped_is_redacted(server: FakeAsteroidServer, escaped: str) -> None:
    server.fail_next(400, body='{"message": "bad key ' + escaped + '"}')
    with client(server) as c, pytest.raises(ae.BadRequestError) as caught:
        c.executions.get(server.executions[0]["id"])
    error = caught.value
    for text in (str(error), error.message, error.response.text, repr(error.body)):
        assert escaped not in text and server.api_key not in text
    assert "<redacted>" in error.message


@pytest.mark.parametrize(
    "name",
    [
        "Content-Length",
        "transfer-encoding",
        "Host",
        "Connection",
        "Keep-Alive",
        "TE",
        "Trailer",
        "Upgrade",
        "Proxy-Authorization",
        "Proxy-Connection",
    ],
)
def test_transport_headers_are_refused_before_any_request(server: FakeAsteroidServer, name: str) -> None:
    with client(server) as c, pytest.raises(ValueError, match=rf"extra_headers\[{name!r}\]"):
        c.executions.get(server.executions[0]["id"], extra_headers={name: "5"})
    assert server.requests == []


def test_an_unbuildable_url_is_a_value_error_naming_extra_query(server: FakeAsteroidServer) -> None:
    with client(server) as c:
        with pytest.raises(ValueError, match="extra_query"):
            c.executions.get(server.executions[0]["id"], extra_query={"a": "x" * 70000})
        with pytest.raises(ValueError, match="extra_query"):
            list(c.executions.list(extra_query={"a": "x" * 70000}))
    assert server.requests == []


@pytest.mark.parametrize("suffix", ["?x=1", "#frag", "?"])
def test_a_base_url_with_a_query_or_fragment_is_refused(server: FakeAsteroidServer, suffix: str) -> None:
    with pytest.raises(ValueError, match="query or a fragment"):
        ae.AsteroidClient(api_key="k-1234", base_url=server.base_url + "/agents/v2" + suffix)


def test_a_short_key_echoed_alone_is_redacted_and_words_around_are_kept() -> None:
    with FakeAsteroidServer(seed=9, count=1, api_key="ab1") as fake:
        fake.fail_next(401, body='{"message": "key ab1 is not valid; cab123 is a word"}')
        with client(fake) as c, pytest.raises(ae.AuthenticationError) as caught:
            c.executions.get(fake.executions[0]["id"])
    assert caught.value.message == "key <redacted> is not valid; cab123 is a word"
    assert " ab1 " not in str(caught.value.body)
