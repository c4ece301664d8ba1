"""Keyed author identifiers: HMAC-SHA256 of emails, IPs and comment texts with the site secret.

The store compares authors (flood, duplicates, trusted authors) through these keys only. An unkeyed
hash of an email is reversible by lookup; an HMAC is not without the secret. The secret comes from
``Moderator(secret=...)`` or the ``MODKIT_SECRET`` environment variable; without either, a random
secret is made once per process (fine for an in-memory store, useless for a persistent one).
"""

from __future__ import annotations

import functools
import hmac
import ipaddress
import logging
import os
import secrets
import threading

from modkit._errors import ConfigError
from modkit._text_share import cached_fold

__all__ = ["SECRET_ENV", "AuthorKeys", "resolve_secret"]

SECRET_ENV = "MODKIT_SECRET"  # noqa: S105 - the variable name, not a secret
_MIN_SECRET_BYTES = 16
_KEY_HEX = 32  # 128-bit keys: ample against collisions, half the index size

_log = logging.getLogger("modkit")
_process_secret: bytes | None = None
_process_lock = threading.Lock()


def _random_process_secret() -> bytes:
    global _process_secret  # noqa: PLW0603 - one lazily made secret per process, by design
    with _process_lock:
        if _process_secret is None:
            _process_secret = secrets.token_bytes(32)
        return _process_secret


def resolve_secret(secret: str | bytes | None, *, required: bool = False) -> tuple[bytes, bool]:
    """Return ``(secret_bytes, generated)`` from ``secret``, else ``$MODKIT_SECRET``, else random.

    ``generated`` is true when a random per-process secret was used (a warning is logged, without
    any secret value).

    Raises:
        ConfigError: the secret is empty or not str/bytes, or ``required`` is true and neither an
            argument nor the environment variable gives one.
    """
    if secret is None:
        env = os.environ.get(SECRET_ENV)
        if env:
            secret = env
    if secret is None:
        if required:
            raise ConfigError(
                f"a site secret is required with a persistent store: pass Moderator(secret=...) "
                f"or set {SECRET_ENV} (the same value on every start, or stored author keys are "
                f"lost)"
            )
        _log.warning(
            "modkit: no site secret given (Moderator(secret=...) or %s); using a random "
            "per-process secret, so author keys change on restart",
            SECRET_ENV,
        )
        return _random_process_secret(), True
    if isinstance(secret, str):
        try:
            raw = secret.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ConfigError("the site secret is not valid Unicode text") from exc
    elif isinstance(secret, bytes | bytearray):
        raw = bytes(secret)
    else:
        raise ConfigError(f"the site secret must be str or bytes, not {type(secret).__name__}")
    if not raw:
        raise ConfigError("the site secret is empty")
    if len(raw) < _MIN_SECRET_BYTES:
        _log.warning(
            "modkit: the site secret is shorter than %d bytes; use a long random value",
            _MIN_SECRET_BYTES,
        )
    return raw, False


def fold_email(email: str) -> str:
    """Return the form of ``email`` that keys compare: stripped and case-folded."""
    return email.strip().casefold()


@functools.lru_cache(maxsize=4096)
def fold_ip(ip: str) -> str | None:
    """Return the network an IP is keyed by, or None when ``ip`` is not an IP address.

    IPv4 addresses (and IPv4-mapped IPv6) are kept whole; IPv6 addresses are keyed by their /64,
    the block one subscriber usually holds.
    """
    if not ip or len(ip) > 64:
        return None
    try:
        addr = ipaddress.ip_address(ip.strip())
    except ValueError:
        return None
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            return str(addr.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(addr) >> 64 << 64, 64)))
    return str(addr)


def fold_text(text: str) -> str:
    """Return the form of a comment text that duplicate detection compares: the package's
    :func:`~modkit._text.fold` (case, accents, invisibles, lookalikes), spaces collapsed."""
    return " ".join(cached_fold(text).split())


_EMAIL_KEYS = 4096  # email keys remembered by AuthorKeys (authors comment again and again)


class AuthorKeys:
    """Compute HMAC keys with one site secret; the secret never appears in ``repr``.

    The keys of the last :data:`_EMAIL_KEYS` email addresses are remembered (an author's key is
    computed once while they keep commenting); :meth:`clear` forgets them.
    """

    __slots__ = ("_email_keys", "_secret")

    def __init__(self, secret: bytes) -> None:
        if not secret:
            raise ConfigError("the site secret is empty")
        self._secret = bytes(secret)
        self._email_keys: dict[str, str] = {}

    def clear(self) -> None:
        """Forget the remembered email keys (an erasure request must leave no address)."""
        self._email_keys.clear()

    def __repr__(self) -> str:
        return "AuthorKeys(secret=<hidden>)"

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("AuthorKeys holds the site secret and cannot be pickled")

    def _mac(self, domain: str, value: str) -> str:
        msg = f"modkit/v1/{domain}\x00{value}".encode("utf-8", "surrogatepass")
        return hmac.digest(self._secret, msg, "sha256").hex()[:_KEY_HEX]

    def email(self, email: str) -> str:
        """Return the key of an email address (case-insensitive)."""
        keys = self._email_keys
        key = keys.get(email)
        if key is None:
            key = self._mac("email", fold_email(email))
            if len(keys) >= _EMAIL_KEYS:
                keys.clear()  # bounded; thread-safe as single dict operations
            keys[email] = key
        return key

    def ip(self, ip: str | None) -> str | None:
        """Return the key of an IP address (IPv6 by /64), or None when absent or not an IP."""
        folded = fold_ip(ip) if ip else None
        return self._mac("ip", folded) if folded else None

    def text(self, text: str) -> str:
        """Return the fingerprint of a comment text (case and spacing insensitive)."""
        return self._mac("text", fold_text(text))

    def check_value(self) -> str:
        """Return a fixed value derived from the secret, so a store can tell a changed secret."""
        return self._mac("check", "modkit-store")
