"""Test helpers for applications that use modkit: a fixed scorer and sample forms.

``FixedScorer`` stands in for the trained model so an app's tests run fast, offline and
deterministically::

    from modkit import Moderator
    from modkit.testing import FixedScorer, sample_form

    mod = Moderator(scorer=FixedScorer({"spam": 0.99}))
    assert mod.check(sample_form()).action == "reject"
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

__all__ = ["FailingScorer", "FixedScorer", "sample_form"]

_CLEAN: Mapping[str, float] = MappingProxyType({"spam": 0.01, "toxicity": 0.01})


class FixedScorer:
    """A scorer returning fixed scores, optionally chosen by a word in the text.

    ``scores``: returned for every text (default: clean, ``{"spam": 0.01, "toxicity": 0.01}``).
    ``by_text``: ``{substring: scores}``; the first substring found in a text (case-insensitive)
    picks its scores instead. ``thresholds`` and ``version`` are exposed like the real model's.
    Every scored text is appended to :attr:`calls` (one list per ``score``/``score_many`` call).

    Raises:
        ValueError: a score outside [0, 1].
    """

    def __init__(
        self,
        scores: Mapping[str, float] | None = None,
        *,
        by_text: Mapping[str, Mapping[str, float]] | None = None,
        thresholds: Mapping[str, Mapping[str, float]] | None = None,
        version: str = "fixed-1",
    ) -> None:
        self.scores = _check(dict(_CLEAN if scores is None else scores))
        self.by_text = {k.casefold(): _check(dict(v)) for k, v in (by_text or {}).items()}
        if thresholds is not None:
            self.thresholds = {k: dict(v) for k, v in thresholds.items()}
        self.version = version
        self.calls: list[list[str]] = []
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"FixedScorer({self.scores!r}, by_text={len(self.by_text)} entries)"

    def _one(self, text: str) -> dict[str, float]:
        low = text.casefold()
        for needle, scores in self.by_text.items():
            if needle in low:
                return dict(scores)
        return dict(self.scores)

    def score(self, text: str, /) -> dict[str, float]:
        """Return the scores for one text.

        Raises:
            TypeError: ``text`` is not a str.
        """
        if not isinstance(text, str):
            raise TypeError(f"score() takes a str, not {type(text).__name__}")
        with self._lock:
            self.calls.append([text])
        return self._one(text)

    def score_many(self, texts: Sequence[str], /) -> list[dict[str, float]]:
        """Return the scores for each text, in order.

        Raises:
            TypeError: a bare str instead of a sequence of texts.
        """
        if isinstance(texts, str):
            raise TypeError("score_many() takes a sequence of texts, not a str")
        batch = list(texts)
        with self._lock:
            self.calls.append(batch)
        return [self._one(t) for t in batch]


class FailingScorer:
    """A scorer that always raises ``error`` (default RuntimeError), to test the fail-safe path."""

    version = "failing"

    def __init__(self, error: Exception | None = None) -> None:
        self.error = error or RuntimeError("scorer unavailable")

    def score(self, text: str, /) -> dict[str, float]:
        """Raise :attr:`error`."""
        raise self.error

    def score_many(self, texts: Sequence[str], /) -> list[dict[str, float]]:
        """Raise :attr:`error`."""
        raise self.error


def sample_form(**overrides: Any) -> dict[str, Any]:
    """Return a valid comment form (French), with ``overrides`` applied (None removes a key)."""
    form: dict[str, Any] = {
        "name": "Camille Martin",
        "email": "camille.martin@example.org",
        "url": "https://camille.example.org/",
        "text": "Merci pour cet article très clair, j'ai appris beaucoup de choses.",
        "ip": "192.0.2.10",
        "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
        "post_id": "42",
        "lang": "fr",
    }
    for key, value in overrides.items():
        if value is None:
            form.pop(key, None)
        else:
            form[key] = value
    return form


def _check(scores: dict[str, float]) -> dict[str, float]:
    for label, value in scores.items():
        if not 0.0 <= float(value) <= 1.0:
            raise ValueError(f"score {label!r} must be between 0 and 1")
    return {k: float(v) for k, v in scores.items()}
