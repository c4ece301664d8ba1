"""Helpers to test against a real modkit server: serve an app on loopback, point clients at it.

::

    from modkit.server import create_app, config_from_dict
    from modkit.server.testing import running_server, redirect_client
    from modkit.testing import FixedScorer

    app = create_app(config_from_dict({"server": {"api_keys": [KEY]}}), scorer=FixedScorer())
    with running_server(app) as url, redirect_client(url) as http:
        akismet.SyncClient(akismet.Config(KEY, "https://blog.example"), http_client=http)

``redirect_client`` sends every request, whatever its host (``rest.akismet.com``,
``commentanalyzer.googleapis.com``), to the local server: clients whose URL is fixed work
unchanged. Needs ``httpx``, installed with the ``server`` extra.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = ["free_port", "redirect_client", "running_server"]


def free_port(host: str = "127.0.0.1") -> int:
    """Return a TCP port that was free on ``host`` a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_server(
    app: Any, *, host: str = "127.0.0.1", port: int | None = None, timeout: float = 10.0
) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a background thread; yield its base URL; stop it after.

    The app's lifespan runs (the moderator is built before the first request).

    Raises:
        RuntimeError: the server did not start within ``timeout`` seconds.
    """
    import uvicorn

    config = uvicorn.Config(
        app,
        host=host,
        port=port or free_port(host),
        loop="asyncio",
        lifespan="on",
        log_level="warning",
        access_log=False,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="modkit-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(timeout)
            raise RuntimeError("the modkit test server did not start")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout)


def redirect_client(base_url: str, **kwargs: Any) -> httpx.Client:
    """An ``httpx.Client`` that sends every request to ``base_url`` (same path and query).

    ``kwargs`` go to ``httpx.Client`` (headers, timeout...).
    """
    import httpx

    target = httpx.URL(base_url)

    class _Redirect(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            request.url = request.url.copy_with(
                scheme=target.scheme, host=target.host, port=target.port
            )
            return super().handle_request(request)

    kwargs.setdefault("timeout", 10.0)
    return httpx.Client(transport=_Redirect(), **kwargs)
