"""Site keys checked in constant time.

Each key is kept as an HMAC-SHA256 digest under a random per-process key, and a candidate is
digested the same way and compared with :func:`hmac.compare_digest` against every known key without
stopping early: the time taken depends neither on the candidate's content nor on its length, nor on
which key (if any) matches.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping

__all__ = ["KeyRing"]

_MAX_CANDIDATE = 256


class KeyRing:
    """The site keys a server accepts, by label; :meth:`match` returns the label of a valid key."""

    __slots__ = ("_digests", "_pepper", "_slots", "labels")

    def __init__(self, keys: Mapping[str, str]) -> None:
        self._pepper = secrets.token_bytes(32)
        self.labels: tuple[str, ...] = tuple(keys)
        self._digests = tuple(self._digest(keys[label]) for label in self.labels)
        self._slots = {label: i for i, label in enumerate(self.labels)}

    def __repr__(self) -> str:
        return f"KeyRing(labels={list(self.labels)!r})"

    def __len__(self) -> int:
        return len(self.labels)

    def _digest(self, value: str) -> bytes:
        data = value[:_MAX_CANDIDATE].encode("utf-8", "surrogatepass")
        return hmac.new(self._pepper, data, hashlib.sha256).digest()

    def match(self, candidate: str | None) -> str | None:
        """Return the label of ``candidate`` if it is a known key, else None."""
        if not candidate or len(candidate) > _MAX_CANDIDATE:
            return None
        digest = self._digest(candidate)
        found: str | None = None
        for label, known in zip(self.labels, self._digests, strict=True):
            if hmac.compare_digest(digest, known) and found is None:
                found = label
        return found

    def slot(self, label: str) -> int:
        """Return the index of ``label`` (its rate-limit slot)."""
        return self._slots[label]
