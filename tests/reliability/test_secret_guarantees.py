"""The secret-handling guarantees listed in scripts/hostile_servers.py (`GUARANTEES`, rendered into
docs/reliability.md): each `key` there has the `test_<key>` check here, for both vendors."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import socket
import subprocess
import sys
import threading
import traceback
import urllib.parse
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import agent_executions as ae
import attrs
import httpx
import pytest
from agent_executions.testing import FakeAsteroidServer, FakeZaiaServer
from asteroid_agents_v2_raw.api.execution import execution_get as asteroid_raw_get
from zaia_v1_raw.api.executions import execution_get as zaia_raw_get

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from hostile_servers import GUARANTEES, recorded_waits

SECRET = "sk-live-7f3a9c1e5b2d4068"
Server = FakeAsteroidServer | FakeZaiaServer
VENDORS = {
    "asteroid": (FakeAsteroidServer, ae.AsteroidClient, ae.AsyncAsteroidClient, asteroid_raw_get),
    "zaia": (FakeZaiaServer, ae.ZaiaClient, ae.AsyncZaiaClient, zaia_raw_get),
}


@pytest.fixture(params=sorted(VENDORS))
def vendor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def server(vendor: str) -> Iterator[Server]:
    with VENDORS[vendor][0](seed=5, count=12, api_key=SECRET) as fake:
        yield fake
        fake.violations.clear()  # hostile answers break the spec on purpose


def sync_client(vendor: str, server: Server, **options: Any) -> Any:
    return VENDORS[vendor][1](**{"api_key": SECRET, "base_url": server.base_url, **options})


def async_client(vendor: str, server: Server, **options: Any) -> Any:
    return VENDORS[vendor][2](**{"api_key": SECRET, "base_url": server.base_url, **options})


def test_every_guarantee_has_its_check() -> None:
    assert [g.key for g in GUARANTEES if f"test_{g.key}" not in globals()] == []


# --- key_checked ---------------------------------------------------------------------------


@pytest.mark.parametrize("padding", ["\n", " ", "\t", "\r\n", " \n"])
def test_key_checked(vendor: str, server: Server, padding: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with sync_client(vendor, server, api_key=padding + SECRET + padding) as client:
        client.executions.get(server.executions[0]["id"])
    monkeypatch.setenv("ASTEROID_API_KEY" if vendor == "asteroid" else "ZAIA_API_KEY", SECRET + padding)
    with VENDORS[vendor][1](base_url=server.base_url) as client:  # the key from the environment
        client.executions.get(server.executions[0]["id"])
    assert len(server.requests) == 2


@pytest.mark.parametrize("bad", ["\x00", "\n", "\r\n", "\t", " ", "é", "\x7f", "\u2028", "ключ"])
@pytest.mark.parametrize("where", ["middle", "end"])
def test_key_checked_refuses_an_unusable_key_unquoted(vendor: str, bad: str, where: str) -> None:
    key = SECRET[:8] + bad + SECRET[8:] if where == "middle" else SECRET + bad + "x"
    for client_class in VENDORS[vendor][1:3]:
        with pytest.raises(ae.ConfigurationError) as info:
            client_class(api_key=key, base_url="http://127.0.0.1:9")
        text = "".join(traceback.format_exception(info.value))
        assert SECRET[:8] not in text and SECRET[8:] not in text and "API key" in text


@pytest.mark.parametrize("key", ["Bearer  {s}", "Bearer {s} {s}", "Bearer\t{s}", "Token {s}"])
def test_key_checked_allows_one_space_only_after_a_leading_bearer(vendor: str, key: str) -> None:
    """`Bearer <key>` is sent as given (README, Zaia); any other whitespace still cannot be a key."""
    client_class = VENDORS[vendor][1]
    with client_class(api_key="Bearer " + SECRET, base_url="http://127.0.0.1:9") as client:
        assert client._config.api_key == "Bearer " + SECRET
    with pytest.raises(ae.ConfigurationError) as info:
        client_class(api_key=key.format(s=SECRET), base_url="http://127.0.0.1:9")
    assert SECRET not in "".join(traceback.format_exception(info.value))


# --- errors ----------------------------------------------------------------------------------


def provoke_every_error(server: Server) -> list[Callable[[], None]]:
    """Each injection makes the next call fail with another error class or source of text."""
    return [
        *(lambda code=code: server.fail_next(code, times=3) for code in (400, 401, 404, 409, 422, 429, 500)),
        lambda: server.echo_headers_next(400),
        lambda: server.fail_next(404, headers={"X-Request-Id": SECRET}),  # quoted in str(exc) as the request id
        lambda: server.echo_headers_next(503, times=3),
        lambda: server.redirect_next("http://127.0.0.1:9/x", 307),
        lambda: server.truncate_next(),
        lambda: server.drop_connection_next(times=3),
        lambda: server.deep_json_next(),
        lambda: server.bad_encoding_next(),
        lambda: server.trickle_next(0.05, times=3),
        lambda: server.endless_next(),
    ]


def leaks(error: BaseException) -> list[str]:
    texts = {
        "traceback": "".join(traceback.format_exception(error)),
        "repr": repr(error),
        "vars": repr(vars(error)),
        "args": repr(error.args),
    }
    response = getattr(error, "response", None)
    if isinstance(response, httpx.Response):
        texts["response"] = response.text + repr(response.request.headers)
    request = getattr(error, "request", None)
    if isinstance(request, httpx.Request):
        texts["request headers"] = repr(request.headers)
    return [name for name, text in texts.items() if SECRET in text]


def test_errors(vendor: str, server: Server) -> None:
    options = {"max_retries": 1, "timeout": 0.5, "max_response_bytes": 1 << 20}
    seen: set[type[BaseException]] = set()
    with recorded_waits(), sync_client(vendor, server, **options) as client:
        for provoke in provoke_every_error(server):
            server.faults.clear()
            provoke()
            with pytest.raises(ae.AgentExecutionsError) as info:
                client.executions.get(server.executions[0]["id"])
            assert leaks(info.value) == [], type(info.value).__name__
            seen.add(type(info.value))

        async def in_async() -> None:
            async with async_client(vendor, server, **options) as aclient:
                for provoke in provoke_every_error(server):
                    server.faults.clear()
                    provoke()
                    with pytest.raises(ae.AgentExecutionsError) as info:
                        await aclient.executions.get(server.executions[0]["id"])
                    assert leaks(info.value) == [], type(info.value).__name__

        asyncio.run(in_async())
    with socket.socket() as unused:  # a port nobody listens on: connection refused
        unused.bind(("127.0.0.1", 0))
        refused_url = f"http://127.0.0.1:{unused.getsockname()[1]}"
    with VENDORS[vendor][1](api_key=SECRET, base_url=refused_url, max_retries=0) as refused:
        with pytest.raises(ae.APIConnectionError) as info:
            refused.executions.get(server.executions[0]["id"])
        assert leaks(info.value) == []
    assert {ae.BadRequestError, ae.APIConnectionError, ae.APITimeoutError, ae.ResponseTooLargeError} <= seen
    assert {ae.ResponseValidationError, ae.RateLimitError, ae.InternalServerError, ae.APIStatusError} <= seen


# --- logs ------------------------------------------------------------------------------------


def test_logs(vendor: str, server: Server, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG), recorded_waits():  # every logger: ours, httpx and httpcore included
        with sync_client(vendor, server, max_retries=2) as client:
            server.echo_headers_next(503, times=2)
            client.executions.get(server.executions[0]["id"])
            server.echo_headers_next(400)
            with pytest.raises(ae.BadRequestError):
                client.executions.get(server.executions[0]["id"])
            logging.getLogger("agent_executions").exception("a user logs the error", exc_info=True)
    assert len(caplog.records) > 10
    assert any("Retrying" in record.getMessage() for record in caplog.records)
    assert [r.getMessage() for r in caplog.records if SECRET in r.getMessage()] == []
    assert SECRET not in caplog.text


# --- reprs -----------------------------------------------------------------------------------


def test_reprs(vendor: str, server: Server) -> None:
    raw_get = VENDORS[vendor][3]
    with sync_client(vendor, server) as client:
        assert raw_get.sync_detailed(server.executions[0]["id"], client=client.raw).status_code == 200
        texts = [repr(client), repr(client.raw), repr(client.with_options(timeout=1.0)), repr(client.executions)]
        texts += [repr(attrs.asdict(client.raw)), repr(client.raw.get_httpx_client().headers)]
        server.fail_next(404)
        with pytest.raises(ae.NotFoundError) as info:
            client.executions.get(server.executions[0]["id"])
        texts += [repr(info.value.response.request.headers), repr(info.value.response.request)]
        server.drop_connection_next(times=3)
        with pytest.raises(ae.APIConnectionError) as dropped:
            client.with_options(max_retries=0).executions.get(server.executions[0]["id"])
        assert dropped.value.request is not None
        texts.append(repr(dropped.value.request.headers))
    assert [text for text in texts if SECRET in text] == []
    assert "<redacted>" in texts[-1]


# --- redirects -------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [301, 302, 307, 308])
def test_redirects(vendor: str, server: Server, code: int) -> None:
    raw_get = VENDORS[vendor][3]
    execution_id = server.executions[0]["id"]
    with VENDORS[vendor][0](seed=5, count=1) as elsewhere:  # another port: another origin
        target = elsewhere.base_url + "/anything"
        with httpx.Client(follow_redirects=True) as follows:
            client = sync_client(vendor, server, http_client=follows)
            server.redirect_next(target, code)
            with pytest.raises(ae.APIStatusError) as info:
                client.executions.get(execution_id)
            assert info.value.status_code == code and "not followed" in str(info.value)
            server.redirect_next(target, code)
            assert raw_get.sync_detailed(execution_id, client=client.raw).status_code == code

        async def in_async() -> None:
            async with httpx.AsyncClient(follow_redirects=True) as follows:
                aclient = async_client(vendor, server, http_client=follows)
                server.redirect_next(target, code)
                with pytest.raises(ae.APIStatusError):
                    await aclient.executions.get(execution_id)
                server.redirect_next(target, code)
                assert (await raw_get.asyncio_detailed(execution_id, client=aclient.raw)).status_code == code

        asyncio.run(in_async())
        assert elsewhere.requests == []


def test_redirects_a_caller_asks_client_raw_to_follow_reach_the_other_origin_without_the_key(
    vendor: str, server: Server
) -> None:
    execution_id = server.executions[0]["id"]
    with VENDORS[vendor][0](seed=5, count=1) as elsewhere:  # another port: another origin
        client = sync_client(vendor, server)
        raw_http = client.raw.get_httpx_client()
        server.redirect_next(elsewhere.base_url + "/anything", 307)
        response = raw_http.get(f"{server.base_url}/executions/{execution_id}", follow_redirects=True)
        assert response.request.url.port == httpx.URL(elsewhere.base_url).port  # followed, as asked
        assert len(elsewhere.requests) == 1
        sent = elsewhere.requests[0].headers
        assert server.auth_header.lower() not in sent and "authorization" not in sent
        assert SECRET not in repr(sent)
        assert server.requests[0].headers[server.auth_header.lower()] == "<redacted>"  # the API got it


# --- proxy -----------------------------------------------------------------------------------


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """A 'proxy' from the environment that records what reaches it and answers 502."""
    received: list[bytes] = []
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    received.append(conn.recv(65536))
                    conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    yield received
    stop.set()
    thread.join()
    listener.close()


def test_proxy(vendor: str, server: Server, proxy: list[bytes]) -> None:
    execution_id = server.executions[0]["id"]
    with sync_client(vendor, server, max_retries=0) as client:
        client.executions.get(execution_id)
        assert VENDORS[vendor][3].sync_detailed(execution_id, client=client.raw).status_code == 200

    async def in_async() -> None:
        async with async_client(vendor, server, max_retries=0) as aclient:
            await aclient.executions.get(execution_id)

    asyncio.run(in_async())
    assert proxy == []
    assert len(server.requests) == 3


# --- fake_log ----------------------------------------------------------------------------------


def test_fake_log(vendor: str, server: Server) -> None:
    if isinstance(server, FakeAsteroidServer):
        server.serve_newer_api = True
    headers = {"X-Api-Key": SECRET, "Authorization": f"Bearer {SECRET}", "X-Other": f"key={SECRET}"}
    if isinstance(server, FakeAsteroidServer):
        headers["X-Asteroid-Agents-Api-Key"] = SECRET
    httpx.get(server.base_url + "/executions", headers=headers)
    recorded = server.requests[-1].headers
    assert SECRET not in repr(server.requests)
    assert recorded["x-api-key"] == recorded["authorization"] == recorded["x-other"] == "<redacted>"


# --- raw_client --------------------------------------------------------------------------------


class Recording(httpx.HTTPTransport):
    """A user's transport (it could carry a proxy or a CA bundle): it records what it sends."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request.url.path)
        return super().handle_request(request)


class AsyncRecording(httpx.AsyncHTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request.url.path)
        return await super().handle_async_request(request)


def test_raw_client(vendor: str, server: Server) -> None:
    raw_get = VENDORS[vendor][3]
    execution_id = server.executions[0]["id"]
    transport = Recording()
    with httpx.Client(transport=transport) as given, recorded_waits() as waits:
        client = sync_client(vendor, server, http_client=given)
        server.fail_next(503)  # retried, through the same transport
        assert raw_get.sync_detailed(execution_id, client=client.raw).status_code == 200
        client.close()
        assert not given.is_closed  # the user's client stays the user's to close
    assert len(transport.sent) == 2 and len(waits) == 1

    async def in_async() -> list[str]:
        atransport = AsyncRecording()
        async with httpx.AsyncClient(transport=atransport) as given:
            aclient = async_client(vendor, server, http_client=given)
            assert (await raw_get.asyncio_detailed(execution_id, client=aclient.raw)).status_code == 200
            await aclient.close()
        return atransport.sent

    assert len(asyncio.run(in_async())) == 1


# --- command_line ------------------------------------------------------------------------------


def run_cli(vendor: str, server: Server, args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    env[f"{vendor.upper()}_BASE_URL"] = server.base_url
    command = [sys.executable, "-m", "agent_executions", vendor, *args, "--debug"]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, env=env, check=False, timeout=120)


def test_command_line(vendor: str, server: Server, tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_text(SECRET + "\n", encoding="utf-8")
    listed = run_cli(vendor, server, ["list", "--limit", "2", "--format", "json", "--api-key-file", str(key_file)])
    assert listed.returncode == 0, listed.stderr
    missing = run_cli(vendor, server, ["get", str(uuid.uuid4()), "--api-key-file", "-"], stdin=SECRET + "\n")
    assert missing.returncode == 4, missing.stderr
    assert "Traceback" in missing.stderr  # --debug printed it, and it holds no key
    server.echo_headers_next(400)
    echoed = run_cli(vendor, server, ["get", str(uuid.uuid4()), "--api-key-file", "-"], stdin=SECRET)
    assert echoed.returncode == 5, echoed.stderr
    for done in (listed, missing, echoed):
        assert SECRET not in done.stdout + done.stderr
    assert len(server.requests) == 3
    helped = subprocess.run(
        [sys.executable, "-m", "agent_executions", vendor, "list", "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "--api-key-file" in helped.stdout and "process list" in " ".join(helped.stdout.split())


def test_errors_when_an_echo_escapes_the_key(vendor: str) -> None:
    key = "sk-live/7f3a+9c1e=="
    php_style = key.replace("/", "\\/")  # json_encode escapes "/" by default
    quoted = urllib.parse.quote(key)  # percent-encoded but for "/", urllib's default
    lower = re.sub("%[0-9A-F]{2}", lambda m: m.group().lower(), urllib.parse.quote(key, safe=""))  # %2f: either case
    echoes = {"message": "unknown key " + php_style, "received": php_style, "q": quoted, "l": lower}
    body = "{" + ", ".join(f'"{name}": "{text}"' for name, text in echoes.items()) + "}"
    with VENDORS[vendor][0](seed=5, count=2, api_key=key) as fake:
        fake.fail_next(401, body=body)
        with VENDORS[vendor][1](api_key=key, base_url=fake.base_url) as client:
            with pytest.raises(ae.AuthenticationError) as info:
                client.executions.get(fake.executions[0]["id"])
    texts = [
        str(info.value),
        repr(info.value.body),
        info.value.response.text,
        "".join(traceback.format_exception(info.value)),
    ]
    assert [t for t in texts if key in t or php_style in t or quoted in t or lower in t or "7f3a" in t] == []
