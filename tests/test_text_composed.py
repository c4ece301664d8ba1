"""Obfuscations composed with one another (l33t then spacing, masks with l33t, mangled links)."""

from __future__ import annotations

import pytest

from modkit._text import find_links, normalize, normalize_text


def _check(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected
    assert normalize(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a scheme in l33t, stretched, dotted or spaced letter by letter
        ("voir h.t.t.p$://t.co/AbC", "voir xxurl t co"),
        ("hhhhttp$://t.co/QUGzx", "xxurl t co"),
        ("http$$$://t.co/x1", "xxurl t co"),
        ("httpppp$://spam.ru/x", "xxurl spam ru"),
        ("h t t p s://t . co/x", "xxurl t co"),
        ("h t t p$://t[dot]co/x", "xxurl t co"),
        # a host after a scheme or www, its dots spelt out: split like other hosts
        ("https://t dot co/x", "xxurl t co"),
        ("http://www dot johnsonhome2276 dot com now", "xxurl johnsonhome2276 com now"),
    ],
)
def test_mangled_schemes_are_links(raw: str, expected: str) -> None:
    _check(raw, expected)
    assert len(find_links(raw)) == 1


@pytest.mark.parametrize(
    "raw",
    [
        "the hat tip: //x",
        "that://x",
        "h t t p",
        "http et https sont des protocoles",
        "h.t.t.p.s",
    ],
)
def test_scheme_look_alikes_are_no_links(raw: str) -> None:
    assert "xxurl" not in normalize_text(raw)
    assert find_links(raw) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # l33t before the first letter, or a mask right after a ``$``
        ("you're an 1d*0t", "you're an idiot"),
        ("ur poem $*ck$", "ur poem sucks"),
        ("3v*ry day", "every day"),
        ("my 3d*t$", "my edits"),
        ("des 1d1*t$", "des idiots"),
    ],
)
def test_masks_in_leet_words_are_restored(raw: str, expected: str) -> None:
    _check(raw, expected)


@pytest.mark.parametrize(
    "raw",
    ["4*ans", "10*x", "3*a", "x*10", "2*3*4", "$10*2", "5*3.14", "13*12", "1v*ans", "3x*y"],
)
def test_products_and_numbers_with_masks_stay(raw: str) -> None:
    _check(raw, raw)
