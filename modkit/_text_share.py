"""One reading of a text per check: the scorer and the rules share a text's :class:`Analysis`.

Within :func:`shared_analyses` (the Moderator opens one around each ``check`` and
``check_many``), :func:`cached_analysis` analyses each distinct text once; the scorer reads the
normalised text (:func:`scoring_text`), the link rule the links (:func:`shared_links`) and the word
rules the normalised text of each field from it.
The text's fold (:func:`cached_fold`, for duplicate fingerprints and word lists) is made once too,
and the analysis starts from it, as are the offsets of its normalisation (:func:`cached_normalized`)
when both word lists find an entry. Outside such a block nothing is cached. The caches live in
context variables: each thread or task has its own, and they end with the block (no unbounded
growth).
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from modkit import _text
from modkit._text import Analysis, Normalized

__all__ = [
    "cached_analysis",
    "cached_fold",
    "cached_normalized",
    "scoring_text",
    "shared_analyses",
    "shared_links",
]

_T = TypeVar("_T")

_SHARED: ContextVar[dict[str, Analysis] | None] = ContextVar("modkit_text_shared", default=None)
_FOLDS: ContextVar[dict[str, str] | None] = ContextVar("modkit_text_folds", default=None)
_NORMALIZED: ContextVar[dict[str, Normalized] | None] = ContextVar(
    "modkit_text_normalized", default=None
)


class shared_analyses:  # lower case: used as the function it replaced
    """Within the block, :func:`cached_analysis` analyses each distinct text once (in this
    thread or task): the scorer and the rules of one check share one normalisation.

    A class rather than a generator-based context manager: it is entered once per check.
    """

    __slots__ = ("_tokens",)

    def __enter__(self) -> None:
        self._tokens = (_SHARED.set({}), _FOLDS.set({}), _NORMALIZED.set({}))

    def __exit__(self, *exc: object) -> None:
        shared, folds, normalized = self._tokens
        _NORMALIZED.reset(normalized)
        _FOLDS.reset(folds)
        _SHARED.reset(shared)


def cached_fold(text: str, /) -> str:
    """``fold(text)``, computed once per distinct text inside :func:`shared_analyses`.

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    return _once(_FOLDS, _text.fold, text)


def cached_normalized(text: str, /) -> Normalized:
    """``normalize(text)``, computed once per distinct text inside :func:`shared_analyses`.

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    return _once(_NORMALIZED, _text.normalize, text)


def _once(var: ContextVar[dict[str, _T] | None], compute: Callable[[str], _T], text: str) -> _T:
    """``compute(text)`` from ``var``'s cache when a block is open (computed once), else fresh."""
    cache = var.get()
    if cache is None or not isinstance(text, str):
        return compute(text)
    found = cache.get(text)
    if found is None:
        found = cache[text] = compute(text)
    return found


def cached_analysis(text: str, /) -> Analysis:
    """``analyse(text)``, computed once per distinct text inside :func:`shared_analyses`.

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    cache = _SHARED.get()
    if cache is None:
        return _text.analyse(text)
    found = cache.get(text) if isinstance(text, str) else None
    if found is None:
        folded = None
        if isinstance(text, str) and len(text) <= _text.MAX_CHARS:  # the analysis folds it too
            folded = cached_fold(text)
        found = _text.analyse_folded(text, folded)
        cache[text] = found
    return found


def shared_links(text: str, /) -> tuple[tuple[int, int], ...]:
    """``find_links(text)`` as a tuple, read from its shared analysis when one was made (a
    rules-only check finds the links alone, without normalising the rest).

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    cache = _SHARED.get()
    found = cache.get(text) if cache is not None and isinstance(text, str) else None
    return found.links if found is not None else tuple(_text.find_links(text))


def scoring_text(text: str, /) -> str:
    """``normalize_text(text)``, read from the shared analysis inside :func:`shared_analyses`.

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    if _SHARED.get() is None:
        return _text.normalize_text(text)
    return cached_analysis(text).text
