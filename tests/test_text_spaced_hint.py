"""Stage 4 is passed over when a text holds fewer than two letters or masks that may stand alone
(modkit._text._spaced_letters_hint): the stage would have joined nothing there."""

from __future__ import annotations

import dataclasses
import random

import pytest

from modkit import _text
from modkit._text import fold, normalize, normalize_text
from modkit._text_words import spaced_edits, spaced_hint

_UNITS = [
    *["1", "2", "9", "0", "12", "²", "٣", "a", "b", "é", "ж", "I", "ab", "x1", "1x", "_", "*"],
    *["'", "!", "#", "@", "$", "%", "•", "un", "f", "k"],
]
_SEPARATORS = [" ", ".", "-", "_", "*", "", "\n", ", ", "!", "'", " . "]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        digits = rng.random() < 0.6  # mostly digits: the texts the hint passes over
        units = ["1", "2", "3", "45", "²", "٣"] if digits else _UNITS
        parts = [rng.choice(units) + rng.choice(_SEPARATORS) for _ in range(rng.randint(0, 40))]
        for _ in range(rng.choice((0, 0, 1, 1, 2))):  # a few letters or masks among the digits
            parts.insert(rng.randint(0, len(parts)), rng.choice(_UNITS) + rng.choice(_SEPARATORS))
        out.append(fold("".join(parts)))
    return out


_EDGES = [
    "1 2 3 4",
    "a 1 2 3",
    "1 2 3 a",
    "a 1 b",
    "a 1 2 3 b",
    "1 2 3 4 b c",
    "1 2 3 *",
    "* 1 2 3 *",
    "1.2.3.4 ab c",
    "1-2-3 a-b",
    "a",
    "ab 1 2 3 cd",
    "é 1 2",
    "1 2 3 é",
    "² ² ² a",
    "1 2 3 4 I",
    "1_2_3_a",
    "1 2 3 a'b",
    "1 2 3!a",
]


@pytest.mark.parametrize("text", _EDGES + _texts(11, 4_000))
def test_hint_says_no_only_where_stage_4_joins_nothing(text: str) -> None:
    if spaced_hint(text) and not _text._spaced_letters_hint(text):
        assert list(spaced_edits(text, True)) == []


def test_normalize_same_as_with_the_plain_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _EDGES + _texts(12, 2_000)
    fast = [(normalize_text(t), normalize(t)) for t in texts]
    plain = tuple(
        dataclasses.replace(s, hint=spaced_hint) if s.hint is _text._spaced_letters_hint else s
        for s in _text._STAGES
    )
    monkeypatch.setattr(_text, "_STAGES", plain)
    slow = [(normalize_text(t), normalize(t)) for t in texts]
    assert fast == slow
    skipped = sum(spaced_hint(t) and not _text._spaced_letters_hint(t) for t in texts)
    assert skipped > 50  # the fast path is taken often


def test_the_hint_needs_two_lone_letters_or_masks() -> None:
    assert not _text._spaced_letters_hint("1 2 3 4 " * 50)
    assert not _text._spaced_letters_hint("1 2 3 4 a")
    assert _text._spaced_letters_hint("1 2 3 a b")
    assert _text._spaced_letters_hint("1 2 3 * a")
    assert not _text._spaced_letters_hint("1 2 3 ab cd")
