"""``modkit serve``: the HTTP service under uvicorn, with several worker processes.

::

    modkit serve --host 127.0.0.1 --port 8080 --workers 2 --config modkit.toml

Keys come from the config file or ``MODKIT_API_KEYS`` (comma-separated), the site secret from the
file or ``MODKIT_SECRET``; never from the command line, where ``ps`` would show them. Each worker
loads the model once, in the app's lifespan. The configuration, the model and the store are
checked once before the workers start, so a bad setting stops the server at once instead of
making workers crash in a loop. Access logs are off by default: they would hold client IPs.

Exit codes: 0 stopped normally, 2 usage error, 4 the model cannot be loaded, 5 configuration or
store error, 6 the ``server`` extra is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from modkit._errors import ConfigError, ModelError, StoreError

__all__ = ["HELP", "add_arguments", "add_parser", "main", "run"]

HELP = "serve modkit's JSON, Akismet and Perspective APIs over HTTP (extra: server)"
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_MODEL = 4
EXIT_CONFIG = 5
EXIT_EXTRA = 6


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``serve``'s options to ``parser``."""
    parser.add_argument("--config", metavar="FILE", help="TOML configuration (modkit.toml)")
    parser.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default 8080; 0 picks a free one)")
    parser.add_argument("--workers", type=int, help="worker processes (default 1)")
    parser.add_argument("--store", metavar="PATH", help="SQLite store file, or 'memory'")
    model = parser.add_mutually_exclusive_group()
    model.add_argument("--model", metavar="DIR", dest="model_path", help="model folder")
    model.add_argument(
        "--rules-only", action="store_true", default=None, help="run without a model"
    )
    model.add_argument(
        "--scorer", metavar="MODULE:CALLABLE", help="build the scorer by calling this (tests)"
    )
    parser.add_argument(
        "--log-level", choices=["critical", "error", "warning", "info", "debug"], default=None
    )
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="log every request (logs client IPs, and Perspective's ?key= query strings)",
    )


def add_parser(subparsers: Any) -> None:
    """Register ``serve`` on an ``argparse`` subparsers object."""
    parser = subparsers.add_parser("serve", help=HELP, description=HELP)
    add_arguments(parser)
    parser.set_defaults(_run=run)


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    names = ("host", "port", "workers", "store", "model_path", "rules_only", "scorer", "log_level")
    return {n: getattr(args, n, None) for n in names if getattr(args, n, None) is not None}


def _fail(code: int, message: str) -> int:
    print(f"modkit serve: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    """Start the server and block until it stops; return the exit code (see module docstring)."""
    try:
        import uvicorn

        from modkit.server._app import ENV_CONFIG, ENV_LIMITER, ENV_OVERRIDES
        from modkit.server._runtime import Runtime
    except ImportError as exc:
        return _fail(
            EXIT_EXTRA,
            f"the 'server' extra is missing ({exc.name}): pip install 'modkit-moderation[server]'",
        )
    from modkit.server._config import load_config

    config_path = str(Path(args.config).resolve()) if args.config else None
    overrides = _overrides(args)
    try:
        config = load_config(config_path).with_overrides(**overrides).for_workers()
        if config.store != "memory":
            overrides["store"] = str(Path(config.store).resolve())
        if config.model_path is not None:
            overrides["model_path"] = str(Path(config.model_path).resolve())
        Runtime(config).close()  # load the model, open the store, check the secret: fail early
    except ConfigError as exc:
        return _fail(EXIT_CONFIG, str(exc))
    except StoreError as exc:
        return _fail(EXIT_CONFIG, str(exc))
    except ModelError as exc:
        return _fail(EXIT_MODEL, f"{exc} (or start with --rules-only)")

    shared = tempfile.mkdtemp(prefix="modkit-serve-")
    env_names = (ENV_CONFIG, ENV_OVERRIDES, ENV_LIMITER)
    saved = {name: os.environ.get(name) for name in env_names}
    try:
        os.environ[ENV_CONFIG] = config_path or ""
        os.environ[ENV_OVERRIDES] = json.dumps(overrides)
        os.environ[ENV_LIMITER] = os.path.join(shared, "ratelimit")
        uvicorn.run(
            "modkit.server._app:app_from_env",
            factory=True,
            host=config.host,
            port=config.port,
            workers=config.workers,
            log_level=config.log_level,
            access_log=bool(args.access_log),
            server_header=False,
            timeout_graceful_shutdown=10,
        )
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(shared, ignore_errors=True)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m modkit._serve_cli [options]``: the same as ``modkit serve``."""
    parser = argparse.ArgumentParser(prog="modkit serve", description=HELP)
    add_arguments(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    return run(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
