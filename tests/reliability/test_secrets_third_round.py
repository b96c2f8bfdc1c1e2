"""Secrets, third round (issue 22, items 9-12): no pickle of an error holds the key and every
error round-trips through pickle; HTTP/2's loggers (h2, hpack) and any other logger a request
passes keep the key out; a base URL's password never shows; an echo of the key in UTF-16 or
with every character escaped is redacted from what an error hands out."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import pickle
from collections.abc import Callable, Iterator
from typing import Any

import agent_executions as ae
import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer

SECRET = "sk-live-7f3a9c1e5b2d4068"


@pytest.fixture
def server() -> Iterator[FakeAsteroidServer]:
    with FakeAsteroidServer(seed=5, count=3, api_key=SECRET) as fake:
        yield fake


def provoked(server: FakeAsteroidServer) -> list[ae.AgentExecutionsError]:
    """One error of each kind, raised by real calls."""
    cases: list[Callable[[], Any]] = [
        lambda: server.fail_next(404),
        lambda: server.fail_next(400),
        lambda: server.fail_next(429, retry_after=0, times=3),
        lambda: server.fail_next(503, times=3),
        lambda: server.truncate_next(),
        lambda: server.drop_connection_next(times=3),
        lambda: server.deep_json_next(),
        lambda: server.endless_next(),
        lambda: server.slow_next(3, times=3),
    ]
    errors = []
    options = {"api_key": SECRET, "base_url": server.base_url, "max_retries": 1, "timeout": 0.5}
    with ae.AsteroidClient(**options, max_response_bytes=1 << 16) as client:
        for provoke in cases:
            server.faults.clear()
            provoke()
            try:
                client.executions.get(server.executions[0]["id"])
            except ae.AgentExecutionsError as exc:
                errors.append(exc)
        server.faults.clear()
        try:
            client.executions.wait(str(server.add(status="running")["id"]), timeout=0.01)
        except ae.AgentExecutionsError as exc:
            errors.append(exc)
    return errors


def test_every_error_round_trips_through_pickle_without_the_key(server: FakeAsteroidServer) -> None:
    errors = provoked(server)
    kinds = {type(error) for error in errors}
    assert {ae.NotFoundError, ae.RateLimitError, ae.InternalServerError, ae.APITimeoutError} <= kinds
    assert {ae.ResponseValidationError, ae.ResponseTooLargeError, ae.APIConnectionError, ae.WaitTimeoutError} <= kinds
    for error in errors:
        data = pickle.dumps(error)
        assert SECRET.encode() not in data, type(error).__name__
        copy = pickle.loads(data)
        assert type(copy) is type(error) and str(copy) == str(error)
        assert {k: v for k, v in vars(copy).items() if k not in ("request", "response")} == {
            k: v for k, v in vars(error).items() if k not in ("request", "response")
        }
    status = next(error for error in errors if isinstance(error, ae.NotFoundError))
    copy = pickle.loads(pickle.dumps(status))
    assert copy.status_code == 404 and copy.request_id == status.request_id and copy.response is None


def get_in_a_worker(base_url: str, execution_id: str) -> None:
    with ae.AsteroidClient(api_key=SECRET, base_url=base_url) as client:
        client.executions.get(execution_id)


def test_an_error_in_a_process_pool_worker_reaches_the_caller_as_itself(server: FakeAsteroidServer) -> None:
    missing = "00000000-0000-4000-8000-000000000000"
    with concurrent.futures.ProcessPoolExecutor(1) as pool:
        future = pool.submit(get_in_a_worker, server.base_url, missing)
        with pytest.raises(ae.NotFoundError) as caught:
            future.result(timeout=60)
    assert caught.value.status_code == 404 and SECRET not in str(caught.value)


def test_http2_loggers_keep_the_key_out(server: FakeAsteroidServer, caplog: pytest.LogCaptureFixture) -> None:
    """hpack logs each header it encodes at DEBUG; the fake speaks HTTP/1.1, so the exchange then fails."""
    http = httpx.Client(http1=False, http2=True)
    with caplog.at_level(logging.DEBUG):
        with ae.AsteroidClient(api_key=SECRET, base_url=server.base_url, http_client=http, max_retries=0) as client:
            with pytest.raises(ae.AgentExecutionsError):
                client.executions.get(server.executions[0]["id"])
    http.close()
    loggers = {record.name for record in caplog.records}
    assert any(name.startswith(("hpack", "h2")) for name in loggers), loggers
    assert SECRET not in caplog.text
    assert [r.name for r in caplog.records if SECRET in r.getMessage()] == []


def test_a_logger_the_sdk_does_not_know_keeps_the_key_out(
    server: FakeAsteroidServer, caplog: pytest.LogCaptureFixture
) -> None:
    with ae.AsteroidClient(api_key=SECRET, base_url=server.base_url):
        with caplog.at_level(logging.DEBUG, logger="some.proxy.library"):
            logging.getLogger("some.proxy.library").debug("sending header X-Key: %s", SECRET)
    assert SECRET not in caplog.text and "<redacted>" in caplog.text


@pytest.mark.parametrize(
    "url",
    [
        "https://deploy:Tr0ub4dor/3@odyssey.asteroid.ai/agents/v2",
        "https://deploy:Tr0ub4dor%2F3@odyssey.asteroid.ai",
        "https://Tr0ub4dor@odyssey.asteroid.ai",
        "https://deploy:Tr0ub4dor:3@[::1/x",
    ],
)
def test_a_base_url_password_never_shows(url: str) -> None:
    with pytest.raises(ValueError) as caught:
        ae.AsteroidClient(api_key=SECRET, base_url=url)
    assert "Tr0ub4dor" not in str(caught.value) and "3@" not in str(caught.value)
    assert "credentials" in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "escaped"])
def test_an_echo_of_the_key_in_another_encoding_is_redacted(server: FakeAsteroidServer, encoding: str) -> None:
    message = f"unknown key {SECRET}"
    if encoding == "escaped":
        escaped = "".join(f"\\u{ord(c):04x}" for c in SECRET)
        body: bytes = ('{"message": "unknown key ' + escaped + '"}').encode()
        content_type = "application/json"
    else:
        body = json.dumps({"message": message}).encode(encoding)
        content_type = f"application/json; charset={encoding}"
    server.fail_next(400, body=body, content_type=content_type)
    with ae.AsteroidClient(api_key=SECRET, base_url=server.base_url) as client:
        with pytest.raises(ae.BadRequestError) as caught:
            client.executions.get(server.executions[0]["id"])
    response = caught.value.response
    assert SECRET not in response.text and SECRET not in json.dumps(response.json())
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value.body)


def test_an_async_error_pickles_without_the_key(server: FakeAsteroidServer) -> None:
    async def main() -> ae.AgentExecutionsError:
        server.fail_next(404)
        async with ae.AsyncAsteroidClient(api_key=SECRET, base_url=server.base_url) as client:
            try:
                await client.executions.get(server.executions[0]["id"])
            except ae.AgentExecutionsError as exc:
                return exc
        raise AssertionError("no error")

    error = asyncio.run(main())
    assert SECRET.encode() not in pickle.dumps(error) and type(pickle.loads(pickle.dumps(error))) is type(error)


@pytest.mark.parametrize("client_class", [ae.AsteroidClient, ae.AsyncAsteroidClient, ae.ZaiaClient, ae.AsyncZaiaClient])
def test_a_client_cannot_be_pickled_and_says_why(client_class: Any) -> None:
    """The rest of the class: a client (and its configuration, and a pager holding it) would pickle the key."""
    client = client_class(api_key=SECRET)
    for value in (client, client._config, client.executions.list()):
        with pytest.raises(TypeError) as caught:
            pickle.dumps(value)
        assert SECRET not in str(caught.value)
    with pytest.raises(TypeError, match="cannot be pickled: it holds the API key"):
        pickle.dumps(client)


def test_a_repr_of_a_client_whose_construction_failed_does_not_raise() -> None:
    """Item 22: `traceback.TracebackException(..., capture_locals=True)` formats `self` of a failed `__init__`."""
    import traceback

    try:
        ae.AsteroidClient(api_key=SECRET, base_url="ftp://nope")
    except ValueError as exc:
        text = "".join(traceback.TracebackException.from_exception(exc, capture_locals=True).format())
    assert "self = <AsteroidClient, not configured>" in text  # (the locals shown include api_key: the caller's choice)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16", "utf-32"])
def test_a_key_echoed_in_utf16_stays_out_of_the_message_and_the_body(server: FakeAsteroidServer, encoding: str) -> None:
    """Second review: the message was built from the body decoded as UTF-8, NULs between the key's letters."""
    server.fail_next(401, body=json.dumps({"error": "bad key", "key": SECRET}).encode(encoding))
    with ae.AsteroidClient(api_key=SECRET, base_url=server.base_url) as client:
        with pytest.raises(ae.AuthenticationError) as caught:
            client.executions.get(server.executions[0]["id"])
    for text in (str(caught.value), repr(caught.value.body)):
        assert SECRET not in text.replace("\x00", "") and "<redacted>" in text
