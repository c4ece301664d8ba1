"""The ``content`` view's fast paths (clause ends read only where a scope asks, cue words found
by ``list.index``, quoted forms made once per word) give what the reference gives."""

from __future__ import annotations

import random

import pytest

from modkit import _features_view as view

_WORDS = [
    *["pas", "not", "don", "t", "can", "n", "ne", "jamais", "rien", "but", "mais", "que", "only"],
    *["idiot", "con", "les", "gens", "des", "the", "you", "nul", "x", "a", "xxurl", "ru"],
    *["-", "'", "~", "t.", "pas,", "idiot!", "con.", "nul?", '"', '"x', 'x"', "«", "»", "t'"],
]
_GLUE = [" ", " ", " ", " ", "  ", "\n", "'", "!!", "..."]
_STOPS = [view.FUNCTION_WORDS, view.STOP_WORDS, frozenset(), frozenset({"t"}), frozenset({"les"})]


def _texts(seed: int, count: int, glue: list[str]) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        size = rng.choice((0, 1, 3, 10, 40, 200))
        out.append("".join(rng.choice(_WORDS) + rng.choice(glue) for _ in range(size)))
    return out


@pytest.mark.parametrize("glue", [[" "], _GLUE])
def test_fast_scoped_tokens_equal_the_reference(glue: list[str]) -> None:
    for norm in _texts(len(glue), 2500, glue):
        for stop in _STOPS:
            marked, unmarked = view._scoped(norm, stop)
            assert marked == view.scoped_tokens_reference(norm, stop), (norm, stop)
            plain = [w.removeprefix(view.NEGATED).removeprefix(view.QUOTED) for w in marked]
            assert unmarked == plain


def test_cue_indices_are_every_cue_word_ascending() -> None:
    rng = random.Random(3)
    for _ in range(500):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(0, 60))]
        expected = [i for i, word in enumerate(words) if word in view._CUE_WORDS]
        assert view._cue_indices(words) == expected
