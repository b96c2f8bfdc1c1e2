"""`with_raw_response` on every resource (issue 23, item 6): the HTTP response of a successful call
beside the model the plain call returns; errors still raise the typed exceptions; no repr shows
the key."""

from __future__ import annotations

import asyncio
import pickle

import agent_executions as ae
import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer

WORKFLOW = "6f1c2a52-8a4e-4f0e-9a43-3c1d2b7e9f10"


def test_a_get_keeps_its_response_and_parses_as_the_plain_call() -> None:
    with FakeAsteroidServer(seed=4, count=2) as server:
        execution = server.executions[0]["id"]
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            raw = client.executions.with_raw_response.get(execution, timeout=5)
            assert raw.status_code == 200 and raw.request_id == "req-1"
            assert raw.headers["content-type"].startswith("application/json")
            assert raw.parse() == client.executions.get(execution)
            assert isinstance(raw.http_response, httpx.Response) and raw.http_response.status_code == 200
            shown = [repr(raw), str(raw), repr(raw.http_response), repr(raw.http_response.request.headers)]
            assert not any(server.api_key in text for text in shown)
            assert repr(raw) == "<RawResponse [200] request_id='req-1'>"


def test_a_delete_has_no_answer_and_a_start_has_its_model() -> None:
    with FakeAsteroidServer(seed=4, count=2) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            gone = client.executions.with_raw_response.delete(server.executions[0]["id"])
            assert gone.status_code == 204 and gone.parse() is None
            started = client.workflows.with_raw_response.execute(WORKFLOW, inputs={"a": 1})
            assert started.status_code in (200, 201, 202)
            assert started.parse().execution_id in {item["id"] for item in server.executions}


def test_an_error_status_still_raises_the_typed_error() -> None:
    with FakeAsteroidServer(seed=4, count=1) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            with pytest.raises(ae.NotFoundError):
                client.executions.with_raw_response.get("00000000-0000-4000-8000-000000000000")
            server.fail_next(500, times=1)
            assert client.executions.with_raw_response.get(server.executions[0]["id"]).status_code == 200  # retried


def test_async_and_zaia() -> None:
    with FakeZaiaServer(seed=4, count=3) as server:
        execution = server.executions[0]["id"]

        async def main() -> tuple[int, str | None, object]:
            async with ae.AsyncZaiaClient(api_key=server.api_key, base_url=server.base_url) as client:
                raw = await client.executions.with_raw_response.get(execution)
                return raw.status_code, raw.request_id, raw.parse()

        code, request_id, parsed = asyncio.run(main())
        assert code == 200 and request_id is not None
        with ae.ZaiaClient(api_key=server.api_key, base_url=server.base_url) as client:
            assert parsed == client.executions.get(execution)


def test_only_single_requests_have_a_raw_form() -> None:
    """A listing, a wait and a run are several requests each: they have no `with_raw_response` twin."""
    methods = set(dir(ae.asteroid.ExecutionsWithRawResponse))
    assert {"get", "delete", "cancel", "rerun", "recording_url", "activities"} <= methods
    assert not {"list", "wait"} & methods
    assert "run" not in dir(ae.asteroid.WorkflowsWithRawResponse)


def test_a_raw_response_cannot_be_pickled_with_the_request() -> None:
    with FakeAsteroidServer(seed=4, count=1) as server:
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url) as client:
            raw = client.executions.with_raw_response.get(server.executions[0]["id"])
            with pytest.raises(TypeError, match="cannot be pickled"):
                pickle.dumps(raw)
            assert pickle.loads(pickle.dumps(raw.parse())) == raw.parse()


def test_a_key_the_server_echoes_is_not_in_the_raw_response() -> None:
    """Review of issue 23: errors' responses were scrubbed of an echoed key, successful raw ones not."""
    with FakeAsteroidServer(seed=4, count=1) as server:
        forward = httpx.HTTPTransport()

        def echo(request: httpx.Request) -> httpx.Response:
            answer = forward.handle_request(request)
            answer.read()
            headers = [*answer.headers.multi_items(), ("X-Echo", request.headers[ae.asteroid.SHAPE.auth_header])]
            return httpx.Response(answer.status_code, headers=headers, content=answer.content)

        http = httpx.Client(transport=httpx.MockTransport(echo))
        with ae.AsteroidClient(api_key=server.api_key, base_url=server.base_url, http_client=http) as client:
            raw = client.executions.with_raw_response.get(server.executions[0]["id"])
            assert raw.parse().id == server.executions[0]["id"]
            assert server.api_key not in repr(raw.headers) and server.api_key not in raw.headers["x-echo"]
        http.close()
