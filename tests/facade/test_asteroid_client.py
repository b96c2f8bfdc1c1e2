"""AsteroidClient and AsyncAsteroidClient against FakeAsteroidServer over loopback."""

from __future__ import annotations

import datetime
import json
import logging
import re
import socket
import time
import uuid
from importlib import resources

import agent_executions as ae
import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer, http_date
from drive import Drive

MODES = ["sync", "async"]


def spec_server_url(package: str) -> str:
    """The first `servers` URL of the spec a raw package was generated from: the default base URL."""
    spec = json.loads(resources.files(package).joinpath("openapi.json").read_text(encoding="utf-8"))
    return str(spec["servers"][0]["url"])


@pytest.fixture(params=MODES)
def drive(request: pytest.FixtureRequest, asteroid_server: FakeAsteroidServer) -> Drive:
    return Drive(request.param, asteroid_server, max_retries=2)


def newest_first(server: FakeAsteroidServer) -> list[str]:
    return [i["id"] for i in sorted(server.executions, key=lambda i: (i["createdAt"], i["id"]), reverse=True)]


# --- construction -------------------------------------------------------------


def test_key_and_base_url_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, asteroid_server: FakeAsteroidServer
) -> None:
    monkeypatch.setenv("ASTEROID_API_KEY", asteroid_server.api_key)
    monkeypatch.setenv("ASTEROID_BASE_URL", asteroid_server.base_url)
    with ae.AsteroidClient() as client:
        assert client.base_url == asteroid_server.base_url
        assert len(list(client.executions.list(limit=3))) == 3
    assert asteroid_server.requests[-1].headers[asteroid_server.auth_header.lower()] == "<redacted>"


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASTEROID_BASE_URL", raising=False)
    client = ae.AsteroidClient(api_key="k")
    assert (client.base_url, client.timeout, client.max_retries) == (spec_server_url("asteroid_agents_v2_raw"), 30.0, 2)


def test_no_key_is_a_clear_error_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASTEROID_API_KEY", raising=False)
    with pytest.raises(ae.AgentExecutionsError, match="ASTEROID_API_KEY"):
        ae.AsteroidClient()


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"timeout": 0}, ValueError, "timeout"),
        ({"timeout": "5"}, TypeError, "timeout"),
        ({"max_retries": -1}, ValueError, "max_retries"),
        ({"max_retries": 1.5}, TypeError, "max_retries"),
        ({"base_url": "ftp://example.com"}, ValueError, "base_url"),
        ({"base_url": "http://api.example.com"}, ValueError, "unencrypted"),
        ({"base_url": "http://www.example.com"}, ValueError, "unencrypted"),  # sorts after "localhost"
        ({"base_url": "https://[::1"}, ValueError, "base_url is not a URL"),
        ({"http_client": httpx.AsyncClient()}, TypeError, "http_client"),
    ],
)
def test_bad_settings_fail_at_construction(kwargs: dict[str, object], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        ae.AsteroidClient(api_key="k", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("base_url", ["https://user:s3cret@api.example.com", "ftp://user:s3cret@api.example.com"])
def test_credentials_in_the_base_url_are_refused_without_showing_them(
    base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for source in ("argument", "environment"):
        if source == "environment":
            monkeypatch.setenv("ASTEROID_BASE_URL", base_url)
        with pytest.raises(ValueError, match="must not carry credentials") as caught:
            ae.AsteroidClient(api_key="k", base_url=base_url if source == "argument" else None)
        assert "s3cret" not in str(caught.value)


@pytest.mark.parametrize(
    "base_url",
    [
        "https://api.example.com/v2?key=s3cret",  # a query
        " https://user:s3cret@api.example.com",  # a leading space: not a URL with credentials any more
        "https:user:s3cret@api.example.com",  # no //
        "ftp://api.example.com/s3cret",
        "http://api.example.com/s3cret",  # unencrypted
    ],
)
def test_no_base_url_error_quotes_the_url(base_url: str) -> None:
    """A malformed base URL may still carry a key or a password: no message repeats it."""
    with pytest.raises(ValueError, match="base_url") as caught:
        ae.AsteroidClient(api_key="k", base_url=base_url)
    assert "s3cret" not in str(caught.value)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.0.0.2", "[::1]"])
def test_plain_http_to_loopback_is_allowed_without_asking(host: str) -> None:
    with ae.AsteroidClient(api_key="k", base_url=f"http://{host}:9") as client:
        assert client.base_url == f"http://{host}:9"


def test_the_key_never_shows_in_repr() -> None:
    client = ae.AsteroidClient(api_key="sk-secret-123")
    assert "sk-secret-123" not in repr(client) and "sk-secret-123" not in repr(client._config)


def test_with_options_copies_and_shares_the_pool(asteroid_server: FakeAsteroidServer) -> None:
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        fast = client.with_options(timeout=5.0, max_retries=0)
        assert (fast.timeout, fast.max_retries, client.timeout, client.max_retries) == (5.0, 0, 30.0, 2)
        assert fast._http is client._http
        asteroid_server.fail_next(503)
        with pytest.raises(ae.InternalServerError):
            fast.executions.get(asteroid_server.executions[0]["id"])


# --- listing --------------------------------------------------------------------


def test_walks_every_page_lazily(drive: Drive) -> None:
    items = drive.list(page_size=25)
    assert [str(e.id) for e in items] == newest_first(drive.server)
    assert [r.params("page") for r in drive.server.requests] == [["1"], ["2"], ["3"], ["4"], ["5"]]


def test_pages_expose_their_numbers(drive: Drive) -> None:
    pages = drive.pages(page_size=50)
    assert [(p.page, p.page_size, p.total, p.has_next, len(p.items)) for p in pages] == [
        (1, 50, 120, True, 50),
        (2, 50, 120, True, 50),
        (3, 50, 120, False, 20),
    ]


def test_limit_stops_early(drive: Drive) -> None:
    items = drive.list(page_size=10, limit=23)
    assert [str(e.id) for e in items] == newest_first(drive.server)[:23]
    assert len(drive.server.requests) == 3


def test_filters_reach_the_server_with_their_wire_names(drive: Drive) -> None:
    agent, label, org = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    after = datetime.datetime(2026, 11, 1, 8, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    before = datetime.datetime(2026, 11, 22, tzinfo=datetime.UTC)
    drive.list(
        status=["running", "failed"],
        created_after=after,
        created_before=before,
        agent_id=agent,
        execution_id="3C90",
        agent_version=4,
        human_labels=[label, str(label)],
        outcome_label="fail",
        metadata_key="team",
        metadata_value="ops",
        organization_id=str(org),
        sort_field="status",
        sort_direction="asc",
        page_size=20,
    )
    sent = drive.server.requests[0]
    assert sent.params("status") == ["running", "failed"]
    assert sent.params("createdAfter") == ["2026-11-01T06:30:00Z"]
    assert sent.params("createdBefore") == ["2026-11-22T00:00:00Z"]
    assert sent.params("agentId") == [str(agent)] and sent.params("organizationId") == [str(org)]
    assert sent.params("humanLabels") == [str(label), str(label)]
    assert sent.params("executionId") == ["3C90"] and sent.params("agentVersion") == ["4"]
    assert sent.params("outcomeLabel") == ["fail"]
    assert (sent.params("metadataKey"), sent.params("metadataValue")) == (["team"], ["ops"])
    assert (sent.params("sortField"), sent.params("sortDirection")) == (["status"], ["asc"])
    assert (sent.params("page"), sent.params("pageSize")) == (["1"], ["20"])
    assert sent.headers[drive.server.auth_header.lower()] == "<redacted>"


def test_filters_select_what_the_server_selects(drive: Drive) -> None:
    failed = {i["id"] for i in drive.server.executions if i["status"] in ("failed", "cancelled")}
    assert {str(e.id) for e in drive.list(status=["failed", "cancelled"])} == failed
    assert {str(e.id) for e in drive.list(status="failed")} < failed


def test_the_key_is_sent_in_its_header(asteroid_server: FakeAsteroidServer) -> None:
    with ae.AsteroidClient(api_key="wrong", base_url=asteroid_server.base_url) as client:
        with pytest.raises(ae.AuthenticationError):
            client.executions.get(asteroid_server.executions[0]["id"])


# --- get and models -------------------------------------------------------------


def test_get_by_str_or_uuid(drive: Drive) -> None:
    wire = drive.server.executions[5]
    for key in (wire["id"], uuid.UUID(wire["id"])):
        execution = drive.get(key)
        assert isinstance(execution, ae.Execution)
        assert execution.id == wire["id"] and execution.agent_name == wire["agentName"]
        assert execution.created_at == datetime.datetime.fromisoformat(wire["createdAt"])
        assert set(execution.to_dict()) == set(wire)


def test_models_have_stable_names_and_types(drive: Drive) -> None:
    wire = next(i for i in drive.server.executions if i["status"] == "failed" and i["humanLabels"])
    execution = drive.get(wire["id"])
    assert execution.status == "failed" and execution.status == ae.ExecutionStatus.FAILED
    assert execution.status in ae.models.TERMINAL_STATUSES
    assert isinstance(execution.execution_result, ae.ExecutionResult)
    assert all(isinstance(label, ae.HumanLabel) for label in execution.human_labels)
    assert execution.created_at.tzinfo is not None
    assert isinstance(execution.trigger_context, ae.APITriggerContext | ae.UITriggerContext | ae.ScheduleTriggerContext)
    # IDs are the strings the server sent (the spec override ids_as_strings), nested ones too.
    assert (execution.id, execution.agent_id) == (wire["id"], wire["agentId"])
    assert [label.id for label in execution.human_labels] == [label["id"] for label in wire["humanLabels"]]


def test_an_id_in_another_format_does_not_fail_the_item(drive: Drive) -> None:
    drive.server.corrupt_next(extra={"agentId": "agt_01JD4X"})
    (execution,) = drive.list(limit=1)
    assert execution.agent_id == "agt_01JD4X"


def test_unknown_status_and_properties_pass_through(drive: Drive) -> None:
    drive.server.corrupt_next(status="hibernating", extra={"futureName": "Invoices", "futurePriority": 3})
    items = drive.list(limit=5)
    assert all(e.status == "hibernating" for e in items)
    assert items[0].additional_properties == {"futureName": "Invoices", "futurePriority": 3}
    assert drive.list(limit=1)[0].status != "hibernating"


def test_unknown_trigger_source_does_not_fail_the_item(drive: Drive) -> None:
    wire = drive.server.add(triggerContext={"source": "telepathy", "pool": "eu-1"})
    execution = drive.get(wire["id"])
    assert isinstance(execution.trigger_context, ae.UnknownTriggerContext)
    assert execution.trigger_context.source == "telepathy"
    assert execution.trigger_context.additional_properties == {"pool": "eu-1"}
    drive.server.violations.clear()  # the fake knows this breaks its pinned spec


@pytest.mark.parametrize("missing", ["agentId", "hasBeenRerun", "createdAt"])
def test_a_missing_required_property_is_a_typed_error(drive: Drive, missing: str) -> None:
    drive.server.corrupt_next(missing=missing)
    with pytest.raises(ae.ResponseValidationError) as caught:
        drive.list(limit=3)
    assert caught.value.operation == "ExecutionList" and caught.value.property == missing
    assert missing in str(caught.value) and missing not in caught.value.body.split('"items"')[1][:200]


def test_a_body_that_is_not_json_is_a_typed_error(drive: Drive) -> None:
    drive.server.fail_next(200, body="<html>maintenance</html>", content_type="text/html")
    with pytest.raises(ae.ResponseValidationError, match="not JSON") as caught:
        drive.get(drive.server.executions[0]["id"])
    assert caught.value.body == "<html>maintenance</html>" and caught.value.operation == "ExecutionGet"


# --- errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, ae.BadRequestError),
        (401, ae.AuthenticationError),
        (403, ae.PermissionDeniedError),
        (404, ae.NotFoundError),
        (409, ae.ConflictError),
        (422, ae.UnprocessableEntityError),
        (429, ae.RateLimitError),
        (500, ae.InternalServerError),
        (503, ae.InternalServerError),
        (520, ae.InternalServerError),
    ],
)
def test_each_status_maps_to_its_class(
    asteroid_server: FakeAsteroidServer, status: int, error: type[Exception]
) -> None:
    asteroid_server.fail_next(status, times=5, body=f'{{"code": {status}, "message": "told you"}}')
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url, max_retries=0) as client:
        with pytest.raises(error) as caught:
            client.executions.get(asteroid_server.executions[0]["id"])
    assert isinstance(caught.value, ae.APIStatusError)
    assert caught.value.status_code == status and caught.value.message == "told you"
    assert caught.value.body == {"code": status, "message": "told you"}


def test_not_found(drive: Drive) -> None:
    with pytest.raises(ae.NotFoundError, match="not found"):
        drive.get(uuid.uuid4())


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ("<html><h1>502 Bad Gateway</h1></html>", "text/html", "text/html: <html><h1>502 Bad Gateway"),
        ("", "text/plain", "empty body"),
    ],
)
def test_html_and_empty_error_bodies_still_map(drive: Drive, body: str, content_type: str, expected: str) -> None:
    drive.server.fail_next(502, times=3, body=body, content_type=content_type)
    with pytest.raises(ae.InternalServerError, match=expected) as caught:
        drive.get(drive.server.executions[0]["id"])
    assert caught.value.status_code == 502


def test_request_id_is_kept(drive: Drive) -> None:
    with pytest.raises(ae.NotFoundError) as caught:
        drive.get(uuid.uuid4())
    assert caught.value.request_id == "req-1" and "req-1" in str(caught.value)


# --- bad arguments: clear errors, no request ----------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        ({"agent_id": "nope"}, ValueError, "agent_id"),
        ({"agent_id": 12}, TypeError, "agent_id"),
        ({"organization_id": "x"}, ValueError, "organization_id"),
        ({"human_labels": ["not-a-uuid"]}, ValueError, "human_labels"),
        ({"human_labels": []}, ValueError, "human_labels"),
        ({"status": ["Running!"]}, ValueError, "status"),
        ({"status": [1]}, TypeError, "status"),
        ({"page_size": 0}, ValueError, "page_size"),
        ({"page_size": 101}, ValueError, "page_size"),
        ({"page_size": "10"}, TypeError, "page_size"),
        ({"limit": 0}, ValueError, "limit"),
        ({"metadata_key": "team"}, ValueError, "metadata_key"),
        ({"metadata_value": "ops"}, ValueError, "metadata_value"),
        ({"sort_field": "name"}, ValueError, "sort_field"),
        ({"sort_direction": "up"}, ValueError, "sort_direction"),
        ({"created_after": datetime.datetime(2026, 1, 1)}, ValueError, "created_after"),
        ({"created_before": "2026-01-01"}, TypeError, "created_before"),
        ({"agent_version": True}, TypeError, "agent_version"),
        ({"execution_id": ""}, ValueError, "execution_id"),
        ({"consistent": True, "sort_field": "status"}, ValueError, "sort_field"),
        ({"consistent": True, "concurrency": 2}, ValueError, "concurrency"),
        ({"concurrency": 33}, ValueError, "concurrency"),
    ],
)
def test_bad_list_arguments_fail_before_any_request(
    asteroid_server: FakeAsteroidServer, kwargs: dict[str, object], error: type[Exception], name: str
) -> None:
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        with pytest.raises(error, match=name):
            client.executions.list(**kwargs)  # type: ignore[arg-type]
    assert asteroid_server.requests == []


@pytest.mark.parametrize(("value", "error"), [("12345", ValueError), (None, TypeError), (42, TypeError)])
def test_bad_ids_fail_before_any_request(
    asteroid_server: FakeAsteroidServer, value: object, error: type[Exception]
) -> None:
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        with pytest.raises(error, match="execution_id"):
            client.executions.get(value)  # type: ignore[arg-type]
    assert asteroid_server.requests == []


# --- retries and timeouts -------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_retried(drive: Drive, status: int) -> None:
    drive.server.fail_next(status, times=2, retry_after=0)
    assert len(drive.list(limit=3)) == 3
    assert len(drive.server.requests) == 3


def test_retries_run_out_and_raise_the_last_error(drive: Drive) -> None:
    drive.server.fail_next(503, times=10, retry_after=0)
    with pytest.raises(ae.InternalServerError):
        drive.get(drive.server.executions[0]["id"])
    assert len(drive.server.requests) == 3  # 1 + max_retries


def test_client_errors_are_not_retried(drive: Drive) -> None:
    drive.server.fail_next(400, times=3)
    with pytest.raises(ae.BadRequestError):
        drive.get(drive.server.executions[0]["id"])
    assert len(drive.server.requests) == 1


@pytest.mark.parametrize("retry_after", ["1", "date"])
def test_retry_after_is_honoured(drive: Drive, retry_after: str) -> None:
    value = http_date(1.0) if retry_after == "date" else retry_after
    drive.server.fail_next(429, retry_after=value)
    started = datetime.datetime.now(datetime.UTC)
    drive.get(drive.server.executions[0]["id"])
    waited = (datetime.datetime.now(datetime.UTC) - started).total_seconds()
    assert waited >= (0.0 if retry_after == "date" else 0.9)  # an HTTP date has one-second resolution
    assert len(drive.server.requests) == 2


def test_a_retry_after_beyond_the_cap_raises_at_once(drive: Drive) -> None:
    drive.server.fail_next(429, retry_after=3600)
    with pytest.raises(ae.RateLimitError) as caught:
        drive.get(drive.server.executions[0]["id"])
    assert caught.value.retry_after == 3600.0 and len(drive.server.requests) == 1


def test_dropped_connections_are_retried(drive: Drive) -> None:
    drive.server.drop_connection_next(times=2)
    assert len(drive.list(limit=2)) == 2


def test_connection_refused_is_a_connection_error() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with ae.AsteroidClient(api_key="k", base_url=f"http://127.0.0.1:{port}", max_retries=1) as client:
        with pytest.raises(ae.APIConnectionError) as caught:
            client.executions.get(uuid.uuid4())
    assert not isinstance(caught.value, ae.APITimeoutError)


def test_a_slow_response_times_out(asteroid_server: FakeAsteroidServer) -> None:
    asteroid_server.slow_next(1.0, times=3)
    options = {
        "api_key": asteroid_server.api_key,
        "base_url": asteroid_server.base_url,
        "timeout": 0.2,
        "max_retries": 1,
    }
    with ae.AsteroidClient(**options) as client:  # type: ignore[arg-type]
        with pytest.raises(ae.APITimeoutError, match="timed out"):
            client.executions.get(asteroid_server.executions[0]["id"])
    assert len(asteroid_server.requests) == 2


def test_retries_are_logged_at_info_without_the_key(
    asteroid_server: FakeAsteroidServer, caplog: pytest.LogCaptureFixture
) -> None:
    asteroid_server.fail_next(503, retry_after=0)
    with caplog.at_level(logging.DEBUG, logger="agent_executions"):
        with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
            client.executions.get(asteroid_server.executions[0]["id"])
    retries = [r for r in caplog.records if r.levelno == logging.INFO and "Retrying" in r.getMessage()]
    assert len(retries) == 1 and "503" in retries[0].getMessage()
    assert any(r.levelno == logging.DEBUG and "-> 200" in r.getMessage() for r in caplog.records)
    assert all(asteroid_server.api_key not in r.getMessage() for r in caplog.records)


def test_the_debug_line_gives_the_request_time_in_milliseconds(
    asteroid_server: FakeAsteroidServer, caplog: pytest.LogCaptureFixture
) -> None:
    asteroid_server.latency = 0.2
    with caplog.at_level(logging.DEBUG, logger="agent_executions"):
        with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
            started = time.monotonic()
            client.executions.get(asteroid_server.executions[0]["id"])
            elapsed_ms = (time.monotonic() - started) * 1e3
    times = [re.search(r"-> 200 \((\d+) ms\)", r.getMessage()) for r in caplog.records]
    took = [int(found.group(1)) for found in times if found]
    assert len(took) == 1 and 200 <= took[0] <= elapsed_ms + 1  # the server's latency, at most the whole call


@pytest.mark.parametrize(("status", "headers"), [(300, {}), (302, {"Location": "/executions/elsewhere"})])
def test_a_redirect_or_multiple_choices_is_a_status_error_not_followed(
    asteroid_server: FakeAsteroidServer, status: int, headers: dict[str, str]
) -> None:
    asteroid_server.fail_next(status, body='{"message": "look elsewhere"}', headers=headers)
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        with pytest.raises(ae.APIStatusError) as caught:
            client.executions.get(asteroid_server.executions[0]["id"])
    assert caught.value.status_code == status
    assert len(asteroid_server.requests) == 1


@pytest.mark.parametrize(("name", "value"), [("pageSize", "0000000"), ("total", True), ("page", 1.5)])
def test_page_numbers_of_another_type_are_a_typed_error(
    asteroid_server: FakeAsteroidServer, name: str, value: object
) -> None:
    """The generated models do not check primitive types; these three drive the pagination."""
    body = {"items": [], "page": 1, "pageSize": 100, "total": 0, name: value}
    asteroid_server.fail_next(200, body=json.dumps(body))
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        with pytest.raises(ae.ResponseValidationError, match=f"{name} must be an integer"):
            list(client.executions.list())


@pytest.mark.parametrize("direction", ["desc", "asc"])
def test_arguments_built_at_run_time_work_as_the_literals_do(
    asteroid_server: FakeAsteroidServer, direction: str
) -> None:
    """A sort field or direction read from a file or built by code equals the literal without being
    the same object: the SDK compares them by value."""
    field, built = "".join(["created", "_at"]), "".join(direction)
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        listed = list(client.executions.list(consistent=True, sort_field=field, sort_direction=built, page_size=7))
    times = [e.created_at for e in listed]
    assert times == sorted(times, reverse=direction == "desc")
    assert sorted(e.id for e in listed) == sorted(e["id"] for e in asteroid_server.executions)


# --- pagination safety ------------------------------------------------------------------


def test_a_server_that_ignores_the_page_number_cannot_loop_forever() -> None:
    def always_page_one(request: httpx.Request) -> httpx.Response:
        item = FakeAsteroidServer(count=1).executions[0]
        return httpx.Response(200, json={"items": [item], "page": 1, "pageSize": 1, "total": 10**9})

    client = ae.AsteroidClient(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(always_page_one)))
    with pytest.raises(ae.ResponseValidationError, match="no new item"):
        list(client.executions.list(page_size=1))


def test_raw_client_shares_settings(asteroid_server: FakeAsteroidServer) -> None:
    from asteroid_agents_v2_raw.api.execution import execution_get

    asteroid_server.fail_next(503, retry_after=0)
    with ae.AsteroidClient(api_key=asteroid_server.api_key, base_url=asteroid_server.base_url) as client:
        wire = asteroid_server.executions[0]
        response = execution_get.sync_detailed(wire["id"], client=client.raw)
    assert response.status_code == 200 and response.parsed.id == wire["id"]
    assert len(asteroid_server.requests) == 2


@pytest.mark.parametrize("proxy", ["http://user:pa55word@[::1", "socks5://user:pa55word@127.0.0.1:1"])
def test_a_proxy_variable_httpx_cannot_use_is_a_configuration_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, proxy: str
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy)
    with pytest.raises(ae.ConfigurationError, match="HTTPS_PROXY") as caught:
        ae.AsteroidClient(api_key="k")
    assert "pa55word" not in str(caught.value)
