"""Stages 5 and 6 (l33t, masked words) on a whole text at once, for the fast path: the text is
split once by a pattern (C), each distinct word read once, and the text joined again, instead of
one Python step per word (a text at the length limit can hold 13,000 masked words).

Both stages read a word on its own: stage 5 each maximal run of letters, digits and ``@$!`` that
holds a seed (:data:`~modkit._text_words.LEET_SEED`; whether it does depends on the run alone),
stage 6 each match of :data:`~modkit._text_words.MASKED` (read with the comment's language, the
same for every word of a text). So the output is the one of :func:`leet_edits` and of the
``MASKED`` substitution; tests check it on generated texts.
"""

from __future__ import annotations

import re
from itertools import accumulate

from modkit._text_words import LEET_SEED, MASKED, leet_edits, masked_callback

__all__ = ["leet_text", "masked_text"]

_LEET_RUN_SPLIT = re.compile(r"((?:[^\W_]|[@$!])++)")
_MASKED_SPLIT = re.compile(f"({MASKED.pattern})")
_EDITS_ONE_BY_ONE = 32  # l33t words read one by one before the rest of the text is read in bulk


def leet_text(text: str) -> str:
    """Stage 5 (fast path): its first words one by one (a few seeds: a few searches), then, in
    a text with more, the rest in bulk."""
    parts: list[str] = []
    pos = 0
    for n, (start, end, new, _, _) in enumerate(leet_edits(text, False)):
        parts.append(text[pos:start])
        parts.append(new)
        pos = end
        if n + 1 == _EDITS_ONE_BY_ONE:  # ``pos`` ends a word: the rest starts a new one
            parts.append(_leet_rest(text[pos:]))
            return "".join(parts)
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _leet_rest(text: str) -> str:
    """Stage 5 on ``text`` in bulk: each distinct run with a seed read once."""
    parts = _LEET_RUN_SPLIT.split(text)  # between, run, between, ..., between
    found: dict[str, str] = {}
    for run in set(parts[1::2]):
        new = run
        if LEET_SEED.search(run) is not None:
            for _, _, repl, _, _ in leet_edits(run, False):  # one edit at most: the whole run
                new = repl
        found[run] = new
    parts[1::2] = map(found.__getitem__, parts[1::2])
    return "".join(parts)


def masked_text(text: str) -> str:
    """Stage 6 (fast path): ``MASKED.sub(lambda m: masked_callback(m)[0], text)``, each
    distinct masked word read once (at its first place, the match the substitution reads)."""
    parts = _MASKED_SPLIT.split(text)  # between, word, between, ..., between
    if len(parts) == 1:
        return text
    ends = list(accumulate(map(len, parts)))  # parts[i + 1] starts at ends[i]
    words = parts[1::2]
    first = dict(zip(reversed(words), reversed(ends[0:-1:2]), strict=True))  # its first place
    found: dict[str, str] = {}
    for word, at in first.items():
        m = MASKED.match(text, at)
        assert m is not None
        assert m.group() == word
        found[word] = masked_callback(m)[0]
    parts[1::2] = map(found.__getitem__, parts[1::2])
    return "".join(parts)
