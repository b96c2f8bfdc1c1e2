"""Who is calling: the User-Agent every request sends (issue 23). Apart from `_constants` because it
reads httpx's version, and importing the package must not import httpx."""

from __future__ import annotations

import platform

import httpx

from ._version import __version__

USER_AGENT = f"agent-executions/{__version__} (python {platform.python_version()}; httpx {httpx.__version__})"
"""Sent with every request, so the vendor's support can see which SDK calls; `extra_headers`, or an
`http_client` given its own User-Agent, wins."""
HTTPX_USER_AGENT = f"python-httpx/{httpx.__version__}"
"""httpx's default User-Agent: an `http_client` still sending it was given none of its own."""
