"""`extra_query` and `extra_headers` on every operation, and base URLs in either documented form."""

from __future__ import annotations

from typing import Any

import agent_executions as ae
import pytest
from agent_executions._shape import ApiShape, OperationShape
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer
from drive import Drive


@pytest.fixture(params=["sync", "async"])
def drive(request: pytest.FixtureRequest, asteroid_server: FakeAsteroidServer) -> Drive:
    return Drive(request.param, asteroid_server)


def test_extra_query_and_headers_go_with_every_page(drive: Drive) -> None:
    items = drive.list(
        page_size=50,
        status="failed",
        extra_query={"futureFilter": "yes", "flags": ["a", "b"], "deep": True, "minCost": 2.5},
        extra_headers={"X-Trace": "t-1"},
    )
    listed = [r for r in drive.server.requests if r.path.endswith("/executions")]
    assert len(listed) >= 1 and items
    for request in listed:
        assert request.params("futureFilter") == ["yes"] and request.params("flags") == ["a", "b"]
        assert request.params("deep") == ["true"] and request.params("minCost") == ["2.5"]
        assert request.params("status") == ["failed"] and request.headers["x-trace"] == "t-1"


def test_extra_query_replaces_or_removes_what_it_names(drive: Drive) -> None:
    drive.list(limit=1, status="failed", extra_query={"status": ["running", "paused"], "sortDirection": None})
    sent = drive.server.requests[-1]
    assert sent.params("status") == ["running", "paused"] and sent.params("sortDirection") == []


def test_get_takes_extra_query_and_headers(drive: Drive) -> None:
    wanted = drive.server.executions[0]["id"]
    got = drive._run("get", wanted, extra_query={"expand": "all"}, extra_headers={"X-Trace": "t-2"})
    sent = drive.server.requests[-1]
    assert got.id == wanted and sent.params("expand") == ["all"] and sent.headers["x-trace"] == "t-2"


def test_zaia_operations_take_them_too(zaia_server: FakeZaiaServer) -> None:
    root = next(i for i in zaia_server.executions if i["isAgentic"] and i["parentId"] is None)
    with ae.ZaiaClient(api_key=zaia_server.api_key, base_url=zaia_server.base_url) as client:
        list(client.executions.list(limit=3, extra_query={"status": "failed"}, extra_headers={"X-Trace": "z"}))
        assert zaia_server.requests[-1].params("status") == ["failed"]
        client.executions.nesting(execution_id=root["id"], extra_headers={"X-Trace": "n"})
        assert zaia_server.requests[-1].headers["x-trace"] == "n"
        client.executions.get(root["id"], extra_query={"expand": "children"})
        assert zaia_server.requests[-1].params("expand") == ["children"]


BAD_OPTIONS = [
    ({"extra_query": [("a", "b")]}, TypeError, "extra_query must be a mapping"),
    ({"extra_query": {"a": object()}}, TypeError, r"extra_query\['a'\] must be"),
    ({"extra_query": {"a": float("nan")}}, ValueError, "finite"),
    ({"extra_query": {"": "x"}}, TypeError, "non-empty"),
    ({"extra_headers": {"X-Trace": "a\r\nX-Evil: 1"}}, ValueError, "one line"),
    ({"extra_headers": {"X-Trace": "caf\u00e9"}}, ValueError, "ASCII"),
    ({"extra_headers": {"Bad Name": "v"}}, ValueError, "invalid header name"),
    ({"extra_headers": {"X-Trace": 5}}, TypeError, r"extra_headers\['X-Trace'\] must be a str"),
    ({"extra_headers": "X-Trace: 1"}, TypeError, "extra_headers must be a mapping"),
]


@pytest.mark.parametrize(("kwargs", "error", "match"), BAD_OPTIONS)
def test_bad_options_fail_before_any_request(
    asteroid_server: FakeAsteroidServer, kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        with pytest.raises(error, match=match):
            client.executions.list(**kwargs)
        with pytest.raises(error, match=match):
            client.executions.get(asteroid_server.executions[0]["id"], **kwargs)
    assert asteroid_server.requests == []


@pytest.mark.parametrize("name", ["page", "pageSize", "PAGESIZE"])
def test_extra_query_cannot_set_the_page_parameters(asteroid_server: FakeAsteroidServer, name: str) -> None:
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        with pytest.raises(ValueError, match=f"cannot set '{name}'"):
            client.executions.list(extra_query={name: 3})
    assert asteroid_server.requests == []


def test_the_auth_header_cannot_be_replaced_in_any_case(asteroid_server: FakeAsteroidServer) -> None:
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        for name in (asteroid_server.auth_header, asteroid_server.auth_header.upper()):
            with pytest.raises(ValueError, match="sends the API key itself"):
                client.executions.list(extra_headers={name: "stolen"})
    assert asteroid_server.requests == []


SHAPE = ApiShape(
    "https://odyssey.asteroid.ai",
    "/agents/v2",
    "X-Api-Key",
    "",
    {
        "ExecutionGet": OperationShape(
            "ExecutionGet", "GET", "/executions/{executionId}", {"execution_id": "executionId"}, {}
        )
    },
)


@pytest.mark.parametrize(
    ("base_url", "root"),
    [
        ("https://odyssey.asteroid.ai", "https://odyssey.asteroid.ai/agents/v2"),
        ("https://odyssey.asteroid.ai/", "https://odyssey.asteroid.ai/agents/v2"),
        ("https://odyssey.asteroid.ai/agents/v2", "https://odyssey.asteroid.ai/agents/v2"),
        ("https://odyssey.asteroid.ai/agents/v2/", "https://odyssey.asteroid.ai/agents/v2"),
        ("http://127.0.0.1:8080/proxy", "http://127.0.0.1:8080/proxy/agents/v2"),
    ],
)
def test_a_base_url_in_either_form_reaches_the_same_api_root(base_url: str, root: str) -> None:
    assert SHAPE.api_root(base_url) == root


def test_without_a_prefix_the_base_url_is_the_root() -> None:
    shape = ApiShape("https://odyssey.asteroid.ai/agents/v2", "", "X-Asteroid-Agents-Api-Key", "", {})
    assert shape.api_root("https://odyssey.asteroid.ai/agents/v2/") == "https://odyssey.asteroid.ai/agents/v2"
    assert shape.server_path == "/agents/v2"


def test_path_values_are_percent_encoded_and_checked() -> None:
    get = SHAPE.operation("ExecutionGet")
    assert get.path_for(execution_id="a/b?c") == "/executions/a%2Fb%3Fc"
    with pytest.raises(LookupError, match="execution_id"):
        get.path_for(id="x")
    with pytest.raises(LookupError, match="no query parameter 'status'"):
        get.query_name("status")
    with pytest.raises(LookupError, match="no operation 'ExecutionDelete'"):
        SHAPE.operation("ExecutionDelete")


def test_the_api_root_form_of_the_base_url_works_against_the_fake(asteroid_server: FakeAsteroidServer) -> None:
    """Today's documented form (`…/agents/v2`) and the bare server both reach the fake's endpoints."""
    for base_url in (asteroid_server.url + "/agents/v2", asteroid_server.base_url, asteroid_server.api_url):
        with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=base_url) as client:
            assert len(list(client.executions.list(limit=2))) == 2
    assert {r.path for r in asteroid_server.requests} == {"/agents/v2/executions"}
