"""Short innocent comments: a common word alone must not read as abuse or spam.

A TF-IDF row is normalised to unit length, so in a one- or two-word comment a single word carries
its whole weight. Words that the public toxic and spam corpora hold more often than their ham
("tête", "gros", "stop", "rien", "please", "site") then decide a short reply on their own ("Rien.",
"Stop !" and "Please" were held). :func:`fragment_variants` copies a share of the clean presumed
ham as short fragments of one to three words around a content word, written as a reply would be;
the heads then have to learn such words from the contexts that make them toxic or spam. A fragment
never starts within three words after a negation ("pas stupide" gives no
"stupide"), and the presumed ham is
screened for insults before training, so a fragment holds no insult.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from modkit._datasets import Row
from modkit._features_view import DISCOURSE_WORDS, FUNCTION_WORDS
from modkit._training_rows import clean_presumed_ham_share

__all__ = ["fragment_variant", "fragment_variants"]

_EDGES = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”„‘’…–—·•¡¿"
_NEGATORS_TEXT = "pas jamais plus rien ni sans non aucun aucune guere not no never without nor none"
_NEGATORS = frozenset(_NEGATORS_TEXT.split())
_ENDINGS = ("", ".", " !", "!", " ?", "...", " :)")
_MAX_WORDS = 3
_NEGATION_REACH = 3


def _bare(word: str) -> str:
    return word.strip(_EDGES).casefold()


def _is_content(word: str) -> bool:
    bare = _bare(word)
    return len(bare) > 1 and bare.isalpha() and bare not in FUNCTION_WORDS | DISCOURSE_WORDS


def _negates(word: str) -> bool:
    bare = _bare(word)
    return bare in _NEGATORS or bare.endswith(("n't", "n’t"))


def _after_negation(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is within the three words after a negation (the scoped view's
    reach)."""
    return any(map(_negates, words[max(0, i - _NEGATION_REACH) : i]))


def fragment_variant(row: Row, u: float) -> Row | None:
    """One to three words of ``row`` around a content word, as a short reply (``u`` in [0, 1)
    picks the length, the place and the ending), same labels; None when ``row`` has no such
    place."""
    words = row.text.split()
    if len(words) < 3:
        return None
    size = 1 + int(u * 7919) % _MAX_WORDS
    starts = [
        i
        for i in range(len(words) - size + 1)
        if any(map(_is_content, words[i : i + size])) and not _after_negation(words, i)
    ]
    if not starts:
        return None
    i = starts[int(u * 104729) % len(starts)]
    text = " ".join(words[i : i + size]).strip(_EDGES)
    if not text:
        return None
    text = text[:1].upper() + text[1:] + _ENDINGS[int(u * 15485863) % len(_ENDINGS)]
    return dataclasses.replace(row, text=text, id=f"{row.id or ''}~fragment", kind="fragment")


def fragment_variants(rows: Iterable[Row], seed: int, share: float) -> list[Row]:
    """Fragments of about ``share`` of the clean presumed ham (innocent, not spam; chosen by a
    stable hash of the text)."""
    picked = clean_presumed_ham_share(rows, seed + 4, share)
    return [v for v in (fragment_variant(row, u) for row, u in picked) if v is not None]
