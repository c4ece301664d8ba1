"""Stages 5 and 6 in bulk (modkit._text_words_bulk) give what one word at a time gives."""

from __future__ import annotations

import random

import pytest

from modkit import _text_words_bulk as bulk
from modkit._text import fold, normalize, normalize_text
from modkit._text_words import MASKED, leet_edits, masked_callback

_WORDS = [
    *["c0nn4rd", "f**k", "f*ck", "sh1t", "$alope", "1d10t", "mp3", "4g", "win10", "x86", "th1111$"],
    *["a$$hole", "p!ss", "merci!bravo", "b*en", "co*ps", "#n*ws", "page#part", "$h0*ld", "h*", "*"],
    *["fr33", "l00k", "$10k", "3eme", "14h30", "ﬁ", "é", "Привет", "c0ol", "n1ce", "4bout", "m41$"],
    *["f#ck", "f%ck", "f•ck", "**", "a*b*c", "haa*aate", "f*ckkk", "1000km", "@jean", "bravo!"],
]
_SEPARATORS = [" ", " ", ", ", ". ", "\n", "!", "?", "-", "_", "'", "*", "#", " #", "@", "$", ""]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = [rng.choice(_WORDS) + rng.choice(_SEPARATORS) for _ in range(rng.randint(0, 80))]
        out.append(fold("".join(words)))
    return out


def _leet_one_by_one(text: str) -> str:
    parts: list[str] = []
    pos = 0
    for start, end, new, _, _ in leet_edits(text, False):
        parts += [text[pos:start], new]
        pos = end
    return "".join([*parts, text[pos:]])


@pytest.mark.parametrize("one_by_one", [0, 1, 2, 32])
def test_leet_text_is_leet_edits_applied(monkeypatch: pytest.MonkeyPatch, one_by_one: int) -> None:
    monkeypatch.setattr(bulk, "_EDITS_ONE_BY_ONE", one_by_one)
    for text in _texts(one_by_one, 800):
        assert bulk.leet_text(text) == _leet_one_by_one(text), text


def test_masked_text_is_the_masked_substitution() -> None:
    for text in _texts(40, 1500):
        expected = MASKED.sub(lambda m: masked_callback(m)[0], text)
        assert bulk.masked_text(text) == expected, text


@pytest.mark.parametrize(
    "text",
    ["c0nn4rd " * 8000, "f**k " * 13000, "b*en there, b*en " * 500, "", "plain words only"],
)
def test_long_texts_read_in_bulk_as_with_offsets(text: str) -> None:
    assert normalize_text(text) == normalize(text).text


@pytest.mark.parametrize(
    "text",
    [
        "I have b*en there and it has b*en the best of times, we have b*en happy. " * 3,
        "C'est b*en vrai, il est b*en content et tout va b*en pour nous. " * 3,
    ],
)
def test_masked_text_reads_words_in_the_language_of_the_text(text: str) -> None:
    expected = MASKED.sub(lambda m: masked_callback(m)[0], fold(text))
    assert bulk.masked_text(fold(text)) == expected
    assert ("been" in expected) is text.startswith("I have")
