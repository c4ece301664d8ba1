"""Server configuration: a TOML file plus the environment (``MODKIT_API_KEYS``, ``MODKIT_SECRET``).

The file has these tables, all optional (see ``examples/modkit.toml``)::

    [server]   host, port, workers, api_keys (list or {name = key}), secret, max_body_bytes,
               policy_file, log_level
    [server.rate_limit]  rate (requests per second per key, 0 = off), burst
    [server.auth_throttle]  burst (failed authentications per client address before 429),
               rate (failures forgiven per second, 0 = off)
    [store]    path ("memory" or a SQLite file), max_wait (seconds a request may wait for the
               database lock, retries included)
    [model]    path, rules_only, scorer ("module:callable"), options (keyword arguments of scorer)
    [akismet]  hold_as ("spam" or "ham")
    [policy]   passed to :meth:`modkit.Policy.from_dict`

Unknown keys are errors. Relative paths are resolved against the file's folder. Environment values
are added to the file's: keys from ``MODKIT_API_KEYS`` (comma-separated) join the file's keys, and
``MODKIT_SECRET`` replaces the file's secret.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from modkit._errors import ConfigError

__all__ = ["DEFAULT_MAX_BODY", "KEY_PATTERN", "MAKE_KEY", "ServerConfig", "load_config"]

DEFAULT_MAX_BODY: Final = 1024 * 1024
KEY_PATTERN: Final = re.compile(r"[A-Za-z0-9_-]{12,128}")
_LABEL: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")
_HOLD_AS: Final = ("spam", "ham")
_LOG_LEVELS: Final = ("critical", "error", "warning", "info", "debug")

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True, repr=False)
class ServerConfig:
    """Everything ``modkit serve`` and :func:`modkit.server.create_app` need.

    ``api_keys`` maps a label (used in logs and for rate limiting, never the key itself) to the
    key. ``repr`` shows the labels, never a key or the secret.
    """

    api_keys: Mapping[str, str] = field(default_factory=dict)
    secret: str | None = None
    host: str = "127.0.0.1"
    port: int = 8080
    workers: int = 1
    max_body_bytes: int = DEFAULT_MAX_BODY
    rate: float = 50.0
    burst: int = 100
    auth_burst: int = 10
    auth_rate: float = 0.1
    store: str = "memory"
    store_max_wait: float = 5.0
    model_path: str | None = None
    rules_only: bool = False
    scorer: str | None = None
    scorer_options: Mapping[str, Any] = field(default_factory=dict)
    policy: Mapping[str, Any] | None = None
    policy_file: str | None = None
    akismet_hold_as: str = "spam"
    log_level: str = "info"

    def __post_init__(self) -> None:
        object.__setattr__(self, "api_keys", MappingProxyType(dict(self.api_keys)))
        object.__setattr__(self, "scorer_options", MappingProxyType(dict(self.scorer_options)))
        self.check()

    def __repr__(self) -> str:
        return (
            f"ServerConfig(keys={sorted(self.api_keys)!r},"
            f" secret={'<set>' if self.secret else None}, store={self.store!r},"
            f" workers={self.workers}, rules_only={self.rules_only},"
            f" scorer={self.scorer!r}, rate={self.rate}, burst={self.burst},"
            f" auth_burst={self.auth_burst}, auth_rate={self.auth_rate},"
            f" max_body_bytes={self.max_body_bytes})"
        )

    def check(self) -> None:
        """Raise :class:`ConfigError` when a value is out of range.

        Raises:
            ConfigError: names the setting, never a key or the secret.
        """
        for label, key in self.api_keys.items():
            if not _LABEL.fullmatch(label):
                raise ConfigError(f"api key label {label[:64]!r} must match {_LABEL.pattern}")
            if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
                raise ConfigError(
                    f"{_key_origin(label)} must be 12 to 128 characters among A-Z a-z 0-9 _ -"
                    f" (make one with: {MAKE_KEY})"
                )
        if len(set(self.api_keys.values())) != len(self.api_keys):
            raise ConfigError("the same api key is listed twice")
        if self.secret is not None and len(self.secret) < 16:
            raise ConfigError("secret must be at least 16 characters")
        _int_range("server.port", self.port, 0, 65535)
        _int_range("server.workers", self.workers, 1, 64)
        _int_range("server.max_body_bytes", self.max_body_bytes, 1024, 64 * 1024 * 1024)
        _int_range("server.rate_limit.burst", self.burst, 1, 1_000_000)
        if not 0.0 <= self.rate <= 1e6:
            raise ConfigError("server.rate_limit.rate must be between 0 and 1e6 (0 = no limit)")
        _int_range("server.auth_throttle.burst", self.auth_burst, 0, 1_000_000)
        if not 0.0 <= self.auth_rate <= 1e6:
            raise ConfigError("server.auth_throttle.rate must be between 0 and 1e6 (0 = off)")
        if not 0.0 <= self.store_max_wait <= 600.0:
            raise ConfigError("store.max_wait must be between 0 and 600 seconds")
        if self.akismet_hold_as not in _HOLD_AS:
            raise ConfigError(f"akismet.hold_as must be one of {', '.join(_HOLD_AS)}")
        if self.log_level not in _LOG_LEVELS:
            raise ConfigError(f"server.log_level must be one of {', '.join(_LOG_LEVELS)}")
        if self.scorer is not None and ":" not in self.scorer:
            raise ConfigError("model.scorer must be 'package.module:callable'")
        if self.rules_only and (self.scorer or self.model_path):
            raise ConfigError("model.rules_only excludes model.scorer and model.path")
        if self.policy is not None and self.policy_file is not None:
            raise ConfigError("give either a [policy] table or server.policy_file, not both")

    def with_overrides(self, **changes: Any) -> ServerConfig:
        """Return a copy with ``changes`` applied (None values are ignored).

        Raises:
            ConfigError: a changed value is out of range.
        """
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def for_workers(self) -> ServerConfig:
        """Check what a multi-worker server needs.

        Raises:
            ConfigError: no api key, or several workers with the in-memory store.
        """
        if not self.api_keys:
            raise ConfigError(
                f"no api key: set MODKIT_API_KEYS or server.api_keys (make one with: {MAKE_KEY})"
            )
        if self.workers > 1 and self.store == "memory":
            raise ConfigError(
                "several workers need a shared SQLite store: set [store] path = 'modkit.db'"
            )
        return self


MAKE_KEY: Final = "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"


def _key_origin(label: str) -> str:
    """Where the key labelled ``label`` was set, in words a user can act on."""
    if label.startswith("env") and label[3:].isdigit():
        return f"key {label[3:]} of MODKIT_API_KEYS"
    if label.startswith("key") and label[3:].isdigit():
        return f"key {label[3:]} of server.api_keys"
    return f"server.api_keys.{label}"


def _int_range(name: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(f"{name} must be an integer between {low} and {high}")


_TABLES: Final[Mapping[str, frozenset[str]]] = {
    "": frozenset({"server", "store", "model", "akismet", "policy"}),
    "server": frozenset(
        {
            "host",
            "port",
            "workers",
            "api_keys",
            "secret",
            "max_body_bytes",
            "rate_limit",
            "auth_throttle",
            "policy_file",
            "log_level",
        }
    ),
    "server.rate_limit": frozenset({"rate", "burst"}),
    "server.auth_throttle": frozenset({"rate", "burst"}),
    "store": frozenset({"path", "max_wait"}),
    "model": frozenset({"path", "rules_only", "scorer", "options"}),
    "akismet": frozenset({"hold_as"}),
}


def _table(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = data.get(name.rsplit(".", 1)[-1], {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"[{name}] must be a table")
    unknown = sorted(set(value) - _TABLES[name])
    if unknown:
        raise ConfigError(f"unknown key in [{name}]: {', '.join(unknown)}")
    return value


def _typed(table: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) and kind is not bool:
        raise ConfigError(f"{where}.{key} has the wrong type")
    if not isinstance(value, kind):
        raise ConfigError(f"{where}.{key} has the wrong type")
    return value


def _path(base: Path | None, value: str | None) -> str | None:
    if value is None or value == "memory" or base is None:
        return value
    path = Path(value).expanduser()
    return str(path if path.is_absolute() else base / path)


def _keys(value: object) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, list):
        if not all(isinstance(k, str) for k in value):
            raise ConfigError("server.api_keys must hold strings")
        return {f"key{i}": k for i, k in enumerate(value, 1)}
    if isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value.values()):
            raise ConfigError("server.api_keys must hold strings")
        return {str(k): v for k, v in value.items()}
    raise ConfigError("server.api_keys must be a list of keys or a table {label = key}")


def config_from_dict(
    data: Mapping[str, Any],
    *,
    base: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> ServerConfig:
    """Build a :class:`ServerConfig` from parsed TOML ``data`` and ``env`` (default ``os.environ``).

    Raises:
        ConfigError: unknown key, wrong type or out-of-range value (named, never the key values).
    """
    env = os.environ if env is None else env
    unknown = sorted(set(data) - _TABLES[""])
    if unknown:
        raise ConfigError(f"unknown top-level key: {', '.join(unknown)}")
    server = _table(data, "server")
    rate = _table(server, "server.rate_limit")
    auth = _table(server, "server.auth_throttle")
    store = _table(data, "store")
    model = _table(data, "model")
    akismet = _table(data, "akismet")
    policy = data.get("policy")
    if policy is not None and not isinstance(policy, Mapping):
        raise ConfigError("[policy] must be a table")
    options = model.get("options", {})
    if not isinstance(options, Mapping):
        raise ConfigError("[model.options] must be a table")

    keys = _keys(server.get("api_keys"))
    env_keys = [k.strip() for k in env.get("MODKIT_API_KEYS", "").split(",") if k.strip()]
    known = set(keys.values())
    for i, key in enumerate(env_keys, 1):
        if key not in known:
            keys[f"env{i}"] = key
            known.add(key)
    secret = env.get("MODKIT_SECRET") or _typed(server, "secret", str, "server")
    rate_value = _typed(rate, "rate", (int, float), "server.rate_limit")
    auth_rate = _typed(auth, "rate", (int, float), "server.auth_throttle")
    max_wait = _typed(store, "max_wait", (int, float), "store")

    settings: dict[str, Any] = {
        "api_keys": keys,
        "secret": secret,
        "host": _typed(server, "host", str, "server"),
        "port": _typed(server, "port", int, "server"),
        "workers": _typed(server, "workers", int, "server"),
        "max_body_bytes": _typed(server, "max_body_bytes", int, "server"),
        "rate": None if rate_value is None else float(rate_value),
        "burst": _typed(rate, "burst", int, "server.rate_limit"),
        "auth_burst": _typed(auth, "burst", int, "server.auth_throttle"),
        "auth_rate": None if auth_rate is None else float(auth_rate),
        "store": _path(base, _typed(store, "path", str, "store")),
        "store_max_wait": None if max_wait is None else float(max_wait),
        "model_path": _path(base, _typed(model, "path", str, "model")),
        "rules_only": _typed(model, "rules_only", bool, "model"),
        "scorer": _typed(model, "scorer", str, "model"),
        "scorer_options": dict(options),
        "policy": dict(policy) if policy is not None else None,
        "policy_file": _path(base, _typed(server, "policy_file", str, "server")),
        "akismet_hold_as": _typed(akismet, "hold_as", str, "akismet"),
        "log_level": _typed(server, "log_level", str, "server"),
    }
    return ServerConfig(**{k: v for k, v in settings.items() if v is not None})


def load_config(
    path: str | os.PathLike[str] | None = None, *, env: Mapping[str, str] | None = None
) -> ServerConfig:
    """Read the TOML file at ``path`` (none: defaults) and the environment.

    Raises:
        ConfigError: the file cannot be read, is not TOML, or holds an invalid setting.
    """
    if path is None:
        return config_from_dict({}, env=env)
    file = Path(path)
    try:
        with file.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read config file {file}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {file} is not valid TOML: {exc}") from exc
    return config_from_dict(data, base=file.resolve().parent, env=env)
