"""modkit's HTTP service (``pip install 'modkit-moderation[server]'``; ``modkit serve``).

An ASGI app (Starlette) speaking modkit's JSON API (``/v1/check``, ``/v1/feedback``,
``/v1/model``, ``/healthz``, ``/openapi.json``), Akismet's protocol (``/1.1/comment-check``,
``submit-spam``, ``submit-ham``, ``verify-key``) and Perspective's
(``/v1alpha1/comments:analyze``)::

    from modkit.server import create_app, load_config
    app = create_app(load_config("modkit.toml"))      # serve with any ASGI server

Served by uvicorn with several workers by ``modkit serve --config modkit.toml --workers 2``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from modkit.server._config import ServerConfig, config_from_dict, load_config

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["ServerConfig", "config_from_dict", "create_app", "load_config"]

_MISSING_EXTRA = (
    "modkit.server needs the 'server' extra (starlette, uvicorn):"
    " pip install 'modkit-moderation[server]'"
)


def create_app(config: ServerConfig | None = None, **kwargs: Any) -> Starlette:
    """Build the ASGI app (see :func:`modkit.server._app.create_app` for the arguments).

    Raises:
        ImportError: the ``server`` extra is not installed (the message says how to install it).
        ConfigError: invalid configuration.
    """
    try:
        from modkit.server._app import create_app as _create
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] in {"starlette", "anyio"}:
            raise ImportError(_MISSING_EXTRA) from exc
        raise
    return _create(config, **kwargs)
