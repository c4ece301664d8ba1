"""What one worker holds: configuration, keys, rate limiter, auth guard, scorer and moderator.

Built once per worker process in the app's lifespan (so the model is loaded once per worker), or
on the first request when the ASGI host runs no lifespan.
"""

from __future__ import annotations

import importlib
import ipaddress
import logging
import os
import time
from collections.abc import Callable
from typing import Any

from starlette.requests import Request

from modkit._errors import ConfigError, ModelError, StoreError
from modkit._moderator import Moderator
from modkit._policy import Policy
from modkit._store import MemoryStore, SQLiteStore, Store
from modkit.server._authguard import AuthGuard
from modkit.server._config import ServerConfig
from modkit.server._http import Problem
from modkit.server._keys import KeyRing
from modkit.server._ratelimit import RateLimiter
from modkit.server._storelock import SerializedStore

__all__ = ["Runtime", "build_scorer"]

_log = logging.getLogger("modkit.server")


def build_scorer(config: ServerConfig) -> Any | None:
    """Return the scorer ``config`` names: None (rules only), a factory's result, or a model.

    Raises:
        ModelError: the scorer factory or the model cannot be loaded.
    """
    if config.rules_only:
        return None
    if config.scorer is not None:
        module_name, _, attr = config.scorer.partition(":")
        try:
            factory: Callable[..., Any] = getattr(importlib.import_module(module_name), attr)
            return factory(**config.scorer_options)
        except Exception as exc:
            raise ModelError(
                f"cannot build the scorer {config.scorer!r}: {type(exc).__name__}: {exc}"
            ) from exc
    try:
        from modkit._model import Scorer
    except ImportError as exc:  # pragma: no cover - the model module ships with modkit
        raise ModelError(f"the model module is not available ({exc})") from exc
    return Scorer.load(config.model_path)


def _build_policy(config: ServerConfig) -> Policy | None:
    if config.policy is not None:
        return Policy.from_dict(config.policy)
    if config.policy_file is not None:
        return Policy.from_toml(config.policy_file)
    return None


def _build_store(config: ServerConfig) -> Store:
    if config.store == "memory":
        return MemoryStore()
    store = SQLiteStore(config.store, max_wait=config.store_max_wait)
    try:
        return SerializedStore(store, f"{config.store}.lock")
    except OSError as exc:
        store.close()
        raise StoreError(
            f"cannot open the lock file beside {config.store!r}: {exc.strerror}"
        ) from exc


class Runtime:
    """One worker's state. ``moderator`` and ``scorer`` may be injected (tests, embedding apps).

    Raises:
        ConfigError: invalid policy or store settings, or a SQLite store without a secret.
        ModelError: the model cannot be loaded.
        StoreError: the store cannot be opened.
    """

    def __init__(
        self,
        config: ServerConfig,
        *,
        moderator: Moderator | None = None,
        scorer: Any | None = None,
        limiter_path: str | None = None,
    ) -> None:
        self.config = config
        self.keys = KeyRing(config.api_keys)
        self.limiter = RateLimiter(
            len(self.keys), rate=config.rate, burst=config.burst, path=limiter_path
        )
        try:
            self.guard = AuthGuard(
                burst=config.auth_burst,
                rate=config.auth_rate,
                path=None if limiter_path is None else f"{limiter_path}-auth",
            )
        except BaseException:
            self.limiter.close()
            raise
        self.started = time.time()
        self._owns_moderator = moderator is None
        try:
            if moderator is None:
                if scorer is None:
                    scorer = build_scorer(config)
                store = _build_store(config)
                try:
                    moderator = Moderator(
                        policy=_build_policy(config),
                        scorer=scorer,
                        rules_only=scorer is None,
                        store=store,
                        secret=config.secret,
                    )
                except BaseException:
                    store.close()
                    raise
        except BaseException:
            self.limiter.close()
            self.guard.close()
            raise
        self.moderator: Moderator = moderator
        self.scorer: Any | None = moderator.scorer
        _log.info(
            "modkit server worker %d ready: %d key(s), model %s, store %r",
            os.getpid(),
            len(self.keys),
            self.moderator.model_version or "none (rules only)",
            self.moderator.store,
        )

    def close(self) -> None:
        """Release the limiter, the guard and, when this runtime made it, the moderator's store."""
        self.limiter.close()
        self.guard.close()
        if self._owns_moderator:
            self.moderator.close()

    # -- per request -------------------------------------------------------------------------------

    def authorize(self, candidate: str | None) -> str | None:
        """Return the label of a valid key, else None (constant time)."""
        return self.keys.match(candidate)

    def check_client(self, request: Request) -> None:
        """Refuse a client address that failed to authenticate too often (before any key check).

        Raises:
            Problem: 429 ``too_many_failures`` with ``Retry-After``.
        """
        wait = self.guard.retry_after(_address(request))
        if wait > 0.0:
            raise Problem(
                429,
                "too_many_failures",
                "too many failed authentications from this address; retry later",
                headers={"retry-after": _seconds(wait)},
            )

    def failed_auth(self, request: Request, code: str) -> None:
        """Count a missing or unknown key from the request's address, and log it without the key."""
        if not self.guard.enabled:
            return
        address = _address(request)
        pending, wait = self.guard.fail(address)
        client = f"{self.guard.tag(address):016x}"[:8]  # a keyed hash: never the address
        _log.warning(
            "modkit server: failed authentication (%s) on %s from client #%s: %d pending%s",
            code,
            request.url.path,
            client,
            pending,
            f", refused for {_seconds(wait)} s" if wait > 0.0 else "",
        )

    def throttle(self, label: str) -> None:
        """Take one request from ``label``'s bucket.

        Raises:
            Problem: 429 ``rate_limited`` with ``Retry-After`` when the bucket is empty.
        """
        wait = self.limiter.hit(self.keys.slot(label))
        if wait > 0.0:
            raise Problem(
                429,
                "rate_limited",
                "too many requests for this key; retry later",
                headers={"retry-after": _seconds(wait)},
            )

    async def call(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        """Run a moderator call.

        It runs on the event loop's thread: a check is a fraction of a millisecond of Python
        (holding the GIL, so a thread pool would not run two at once) and handing it to a
        thread costs about as much again. Store writes queue on a file lock across workers
        (:class:`SerializedStore`), so no call sleeps in SQLite's busy handler.
        """
        return fn(*args, **kwargs)


def _seconds(wait: float) -> str:
    """A ``Retry-After`` value: whole seconds, at least 1."""
    return str(max(1, int(wait + 0.999)))


def _address(request: Request) -> str:
    """The client's address as the ASGI server reports it (behind a proxy: X-Forwarded-For).

    An IPv6 address counts by its /64, which one host can fill with addresses of its own.
    """
    host = request.client.host if request.client is not None else ""
    if ":" in host:
        try:
            return str(ipaddress.ip_network(f"{host}/64", strict=False))
        except ValueError:
            return host
    return host


def runtime_of(request: Request) -> Runtime:
    """The worker's :class:`Runtime`, built now if no lifespan built it.

    Raises:
        ConfigError: the app was created without a configuration.
    """
    state = request.app.state
    runtime: Runtime | None = getattr(state, "modkit", None)
    if runtime is None:
        factory: Callable[[], Runtime] | None = getattr(state, "modkit_factory", None)
        if factory is None:
            raise ConfigError("modkit server app has no configuration")
        runtime = factory()
        state.modkit = runtime
    return runtime
