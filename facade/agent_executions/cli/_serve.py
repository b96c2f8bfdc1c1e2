"""`agent-executions serve-fake {asteroid,zaia}`: a fake vendor server that serves until stopped,
so that several commands, or a team's own program, can share one.

    agent-executions serve-fake asteroid --port 8765
    export ASTEROID_BASE_URL=http://127.0.0.1:8765/agents/v2 ASTEROID_API_KEY=test-key
"""

from __future__ import annotations

import argparse
import shlex
import sys
import threading
import time
from typing import Any

from .._redact import check_api_key
from ..asteroid import AsteroidClient
from ..errors import ConfigurationError
from ..zaia import ZaiaClient
from ._render import UsageError, count, whole

FAKE_STORE = {"asteroid": (42, 240), "zaia": (42, 60)}
"""(seed, count) of the fakes `--fake` and `serve-fake` start by default: the same data for both."""
VALIDATION_COST = "about 10x slower on large listings"


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"must be 0 to 65535, not {port}")
    return port


def add_command(vendors: Any) -> None:
    """Add `serve-fake` beside the vendors' commands."""
    serve = vendors.add_parser(
        "serve-fake",
        help="serve a fake vendor API on 127.0.0.1 until Ctrl-C",
        description="Serve a fake Asteroid or Zaia API on 127.0.0.1 from seeded data until Ctrl-C (or SIGTERM), "
        "and print the base URL, the API key and an export line for the environment variables. Executions "
        "started on it run, and keep their state for as long as it serves.",
        epilog="Exit codes: 0 stopped (Ctrl-C, SIGTERM, SIGHUP); 2 a wrong argument or the port in use; 5 one of "
        "its own responses broke the pinned spec (reported when it stops).",
    )
    serve.add_argument("api", choices=("asteroid", "zaia"), help="which vendor's API to serve")
    serve.add_argument("--port", type=port_number, default=0, metavar="N", help="the port (default: a free one)")
    serve.add_argument("--seed", type=whole, metavar="N", help="the seed of the data (default: --fake's, 42)")
    serve.add_argument(
        "--count", type=count, metavar="N", help="seeded executions (default: --fake's, 240 Asteroid, 60 Zaia)"
    )
    serve.add_argument("--api-key", default="test-key", help="the key the fake accepts (default: test-key)")
    serve.add_argument(
        "--no-validate",
        action="store_true",
        help=f"skip checking each request and response against the pinned spec ({VALIDATION_COST} with it); "
        "a request the spec refuses is then taken as it comes, and what it stores may break later answers",
    )
    serve.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    serve.set_defaults(serve=serve_fake)


def serve_fake(args: argparse.Namespace) -> int:
    """Start the fake, say where it is, serve until interrupted; 0 when stopped, 5 when a response
    it sent broke the pinned spec (a defect of the fake, reported)."""
    try:
        from ..testing import FakeAsteroidServer, FakeZaiaServer
        from ..testing._server import SpecViolation
    except ImportError:
        raise UsageError("serve-fake needs the fake servers: pip install 'agent-executions[testing]'") from None
    try:  # the key the clients will send: one they cannot send would make every command fail
        if check_api_key(args.api_key, "fake's") != args.api_key or not args.api_key:
            raise UsageError("--api-key: a key with surrounding whitespace, or an empty one, cannot be sent as given")
    except ConfigurationError as exc:
        raise UsageError(f"--api-key: {exc}") from None
    seed, default_count = FAKE_STORE[args.api]
    server_class: Any = FakeAsteroidServer if args.api == "asteroid" else FakeZaiaServer
    client_class: Any = AsteroidClient if args.api == "asteroid" else ZaiaClient
    server = server_class(
        seed=seed if args.seed is None else args.seed,
        count=default_count if args.count is None else args.count,
        api_key=args.api_key,
        validate=not args.no_validate,
        port=args.port,
    )
    import signal

    if threading.current_thread() is threading.main_thread():  # `&` in a script starts it with SIGINT ignored
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        server.start()
    except OSError as exc:
        raise UsageError(f"--port {args.port}: cannot listen on 127.0.0.1: {exc.strerror or exc}") from None
    vendor = client_class._vendor
    exports = f"{vendor.base_url_env}={shlex.quote(server.base_url)} {vendor.api_key_env}={shlex.quote(args.api_key)}"
    try:
        print(f"base URL: {server.base_url}")
        print(f"API key:  {args.api_key}")
        print(f"export {exports}", flush=True)
        checked = "every exchange checked against the pinned spec" if server.validate else "not validating"
        where = f"a fake {vendor.name} API on 127.0.0.1:{server.port}"
        print(f"agent-executions: serving {where} ({checked}); Ctrl-C stops it", file=sys.stderr, flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM/SIGHUP (`Terminated`): the way to stop it
        pass
    except BaseException:  # stdout gone, say: stop serving, and report that, not a violation
        server.violations.clear()
        server.stop()
        raise
    try:
        server.stop()
    except SpecViolation as exc:
        print(f"agent-executions: the fake's responses broke the pinned spec: {exc}", file=sys.stderr)
        return 5
    print("agent-executions: stopped", file=sys.stderr)
    return 0
