"""An independent mock server agrees with the facade: Stoplight Prism serving the pinned Asteroid spec.

Prism answers from the schema alone (static: the schema's examples and defaults, `page: 0`;
dynamic: random spec-valid data, extra properties included), so it checks what our own fake
servers cannot: that the facade needs nothing the spec does not promise. `make test` installs
Prism into `.prism/` when npm is there; without it these tests are skipped, saying why.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import agent_executions as ae
import pytest

ROOT = Path(__file__).resolve().parents[2]
# The normalized spec the raw client was generated from and the fake servers validate against
# (the pinned YAML also works in Prism, but it is not what the facade was built from).
SPEC = Path(str(resources.files("asteroid_agents_v2_raw").joinpath("openapi.json")))


def prism_command() -> list[str] | None:
    for candidate in (os.environ.get("PRISM"), str(ROOT / ".prism/node_modules/.bin/prism"), shutil.which("prism")):
        if candidate and Path(candidate).is_file() and shutil.which("node"):
            return [candidate]
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_prism(dynamic: bool) -> Iterator[str]:
    command = prism_command()
    if command is None:
        pytest.skip("Prism is not installed: `make test` installs it into .prism/ when npm is available")
    port = free_port()
    args = [*command, "mock", "-h", "127.0.0.1", "-p", str(port), *(["-d"] if dynamic else []), str(SPEC)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 90  # node starting on a loaded machine; not a measurement
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read() if process.stdout else ""
                    pytest.fail(f"Prism did not start: {output[-2000:]}")
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def static_prism() -> Iterator[str]:
    yield from start_prism(dynamic=False)


@pytest.fixture(scope="module")
def dynamic_prism() -> Iterator[str]:
    yield from start_prism(dynamic=True)


def test_a_listing_against_static_prism_reads_its_page(static_prism: str, caplog: pytest.LogCaptureFixture) -> None:
    """Static Prism answers `page: 0, pageSize: 0, total: 0` with one example item, whatever is asked."""
    with caplog.at_level(logging.DEBUG, logger="agent_executions"):
        with ae.AsteroidClient(api_key="k", base_url=static_prism) as client:
            pages = list(client.executions.list(page_size=10).pages())
    assert [page.page for page in pages] == [1]
    assert len(pages[0].items) == 1 and isinstance(pages[0].items[0], ae.Execution)
    warned = [r for r in caplog.records if r.levelno == logging.WARNING and "page field says 0" in r.getMessage()]
    assert len(warned) == 1


def test_get_against_static_prism(static_prism: str) -> None:
    with ae.AsteroidClient(api_key="k", base_url=static_prism) as client:
        execution = client.executions.get("3c90c3cc-0d44-4b50-8888-8dd25736052a")
    assert isinstance(execution, ae.Execution) and execution.id


def test_a_missing_key_is_an_authentication_error_at_prism(static_prism: str) -> None:
    """Prism enforces the spec's security scheme: the facade sends the header the spec names."""
    import httpx

    shape = ae.asteroid.SHAPE  # the path from the spec, whether its prefix is in the server URL or the paths
    response = httpx.get(shape.api_root(static_prism) + shape.operation("ExecutionList").path, timeout=30)
    assert response.status_code == 401
    with ae.AsteroidClient(api_key="k", base_url=static_prism) as client:
        assert client.executions.get("3c90c3cc-0d44-4b50-8888-8dd25736052a").id


def spec_allows(body: str) -> bool:
    """Whether a page Prism generated is one the spec allows: Prism's faker sometimes breaks it
    (a `null` discriminator where `not: {enum}` meets `type: string`), and the SDK refuses those."""
    import json

    import jsonschema

    spec = json.loads(SPEC.read_text())
    schema = {"$ref": "#/components/schemas/Agents.Execution.ListResponse", "components": spec["components"]}
    return bool(jsonschema.Draft202012Validator(schema).is_valid(json.loads(body)))


@pytest.mark.parametrize("attempt", range(3))
def test_listings_against_dynamic_prism_parse_every_page(dynamic_prism: str, attempt: int) -> None:
    """Random pages: random `page`, `pageSize` and `total`, random items with extra properties.
    The requested numbers drive the walk; every item of a page the spec allows parses, a page it
    does not is a `ResponseValidationError`; `limit` ends it."""
    with ae.AsteroidClient(api_key="k", base_url=dynamic_prism) as client:
        try:
            pages = list(client.executions.list(page_size=20, limit=200).pages())
        except ae.ResponseValidationError as exc:
            assert not spec_allows(exc.body), exc
            return
    assert [page.page for page in pages] == list(range(1, len(pages) + 1))
    assert all(isinstance(item, ae.Execution) for page in pages for item in page.items)


def test_an_async_listing_against_dynamic_prism(dynamic_prism: str) -> None:
    async def main() -> list[ae.Execution]:
        async with ae.AsyncAsteroidClient(api_key="k", base_url=dynamic_prism) as client:
            return [item async for item in client.executions.list(page_size=20, limit=100)]

    try:
        items = asyncio.run(main())
    except ae.ResponseValidationError as exc:
        assert not spec_allows(exc.body), exc
        return
    assert all(isinstance(item, ae.Execution) for item in items)
