"""Deterministic evasion transforms for the robustness benchmark.

Each transform is a pure function ``str -> str`` registered in `TRANSFORMS`. It rewrites a
comment the way spammers and trolls do to slip past filters (``c0nn4rd``, ``c o n n a r d``,
``v.i.a.g.r.a``, Cyrillic lookalikes, zero-width characters, ``connaaaard``, ``f*ck``,
``www . site . com``) while a person still reads the same words. Random choices come from a
`random.Random` seeded with the transform name and the text, so the same input always gives
the same output. A transform returns its input unchanged when nothing in it applies (no word
long enough, no accent, no URL). Work is linear in the length of the text.

This module is measurement tooling: it is never used to build training data.
"""

from __future__ import annotations

import math
import random
import unicodedata
from collections.abc import Callable, Iterator
from typing import Final

__all__ = [
    "HOMOGLYPHS",
    "LEET",
    "MIX_ORDER",
    "SEED",
    "TRANSFORMS",
    "URL_STYLES",
    "ZERO_WIDTH",
    "accents_stripped",
    "dots",
    "homoglyph",
    "leet",
    "mask",
    "mix",
    "mix_plan",
    "repeat",
    "spacing",
    "url_obfuscation",
    "words",
    "zero_width",
]

SEED: Final = 4

LEET: Final[dict[str, str]] = {"o": "0", "e": "3", "a": "4", "i": "1", "s": "$"} | {
    "O": "0",
    "E": "3",
    "A": "4",
    "I": "1",
    "S": "$",
}

# Latin letter -> Cyrillic or Greek characters that look the same in most fonts.
HOMOGLYPHS: Final[dict[str, tuple[str, ...]]] = {
    "a": ("\u0430",),  # Cyrillic a
    "c": ("\u0441", "\u03f2"),  # Cyrillic es, Greek lunate sigma
    "d": ("\u0501",),  # Cyrillic komi de
    "e": ("\u0435",),  # Cyrillic ie
    "h": ("\u04bb",),  # Cyrillic shha
    "i": ("\u0456",),  # Cyrillic byelorussian-ukrainian i
    "j": ("\u0458",),  # Cyrillic je
    "o": ("\u043e", "\u03bf"),  # Cyrillic o, Greek omicron
    "p": ("\u0440", "\u03c1"),  # Cyrillic er, Greek rho
    "q": ("\u051b",),  # Cyrillic qa
    "s": ("\u0455",),  # Cyrillic dze
    "v": ("\u03bd",),  # Greek nu
    "w": ("\u051d",),  # Cyrillic we
    "x": ("\u0445",),  # Cyrillic ha
    "y": ("\u0443",),  # Cyrillic u
    "A": ("\u0410", "\u0391"),
    "B": ("\u0412", "\u0392"),
    "C": ("\u0421", "\u03f9"),
    "E": ("\u0415", "\u0395"),
    "H": ("\u041d", "\u0397"),
    "I": ("\u0406", "\u0399"),
    "J": ("\u0408",),
    "K": ("\u041a", "\u039a"),
    "M": ("\u041c", "\u039c"),
    "N": ("\u039d",),
    "O": ("\u041e", "\u039f"),
    "P": ("\u0420", "\u03a1"),
    "S": ("\u0405",),
    "T": ("\u0422", "\u03a4"),
    "X": ("\u0425", "\u03a7"),
    "Y": ("\u04ae", "\u03a5"),
    "Z": ("\u0396",),
}

# Zero-width space, zero-width non-joiner, zero-width joiner, word joiner.
ZERO_WIDTH: Final = ("\u200b", "\u200c", "\u200d", "\u2060")

_VOWELS: Final = frozenset("aeiouàâäéèêëîïôöùûüAEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜ")
_LIGATURES: Final = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"}

# (dot, at) replacements used by url_obfuscation; "spaced-www" also writes "www" as "w w w".
URL_STYLES: Final[dict[str, tuple[str, str]]] = {
    "spaced": (" . ", " @ "),
    "paren": ("(dot)", "(at)"),
    "bracket": ("[dot]", "[at]"),
    "word": (" dot ", " at "),
    "spaced-www": (" . ", " @ "),
}
# fmt: off
_TLDS: Final = frozenset((
    "com", "net", "org", "info", "biz", "io", "co", "fr", "be", "ch", "ca", "uk", "de", "eu",
    "es", "it", "nl", "ru", "us", "me", "tv", "ly", "xyz", "shop", "online", "site", "top",
    "club", "store", "app", "dev", "link", "click", "live", "pro",
))
# fmt: on
_OPENERS: Final = "([{<\"'«"
_CLOSERS: Final = ")]}>\"'».,;:!?"

# Order in which `mix` applies the transforms it picks (later ones see earlier output).
MIX_ORDER: Final = (
    "accents_stripped",
    "url_obfuscation",
    "repeat",
    "mask",
    "homoglyph",
    "zero_width",
    "leet",
    "spacing",
    "dots",
)


def _rng(name: str, text: str) -> random.Random:
    return random.Random(f"{SEED}:{name}:{text}")


def _is_word_char(ch: str) -> bool:
    return ch.isalpha() or ch in ZERO_WIDTH or ch == "*"


def words(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each word: a maximal run of letters (and the zero-width
    characters or ``*`` that transforms put inside words)."""
    start = -1
    for i, ch in enumerate(text):
        if _is_word_char(ch):
            if start < 0:
                start = i
        elif start >= 0:
            yield start, i
            start = -1
    if start >= 0:
        yield start, len(text)


def _letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


def _map_words(text: str, fn: Callable[[str], str], *, min_letters: int) -> str:
    out: list[str] = []
    pos = 0
    for start, end in words(text):
        word = text[start:end]
        out.append(text[pos:start])
        out.append(fn(word) if _letters(word) >= min_letters else word)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def leet(text: str) -> str:
    """Replace ``o e a i s`` by ``0 3 4 1 $`` in every word of four letters or more."""
    return _map_words(text, lambda w: "".join(LEET.get(ch, ch) for ch in w), min_letters=4)


def _longest_words(text: str) -> set[int]:
    spans = [(s, e) for s, e in words(text) if _letters(text[s:e]) >= 3]
    if not spans:
        return set()
    keep = max(1, math.ceil(len(spans) / 3))
    ranked = sorted(spans, key=lambda span: (-(span[1] - span[0]), span[0]))
    return {start for start, _ in ranked[:keep]}


def _clusters(word: str) -> list[str]:
    """Split a word into letters, each keeping the zero-width characters or ``*`` after it."""
    out: list[str] = []
    for ch in word:
        if ch.isalpha() or not out:
            out.append(ch)
        else:
            out[-1] += ch
    return out


def _join_longest(text: str, sep: str) -> str:
    chosen = _longest_words(text)
    out: list[str] = []
    pos = 0
    for start, end in words(text):
        out.append(text[pos:start])
        word = text[start:end]
        out.append(sep.join(_clusters(word)) if start in chosen else word)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def spacing(text: str) -> str:
    """Write the longest third of the words (three letters or more) as ``s p a c e d``."""
    return _join_longest(text, " ")


def dots(text: str) -> str:
    """Write the longest third of the words (three letters or more) as ``v.i.a.g.r.a``."""
    return _join_longest(text, ".")


def homoglyph(text: str) -> str:
    """Swap one or two letters of each word (three letters or more) for a Cyrillic or Greek
    lookalike, so the word mixes scripts."""
    rng = _rng("homoglyph", text)

    def swap(word: str) -> str:
        spots = [i for i, ch in enumerate(word) if ch in HOMOGLYPHS]
        if not spots:
            return word
        chars = list(word)
        for i in rng.sample(spots, min(len(spots), rng.choice((1, 2)))):
            chars[i] = rng.choice(HOMOGLYPHS[chars[i]])
        return "".join(chars)

    return _map_words(text, swap, min_letters=3)


def zero_width(text: str) -> str:
    """Insert zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner) inside each word of two
    letters or more: one, or two in words of five letters or more."""
    rng = _rng("zero_width", text)

    def insert(word: str) -> str:
        count = 2 if len(word) >= 5 else 1
        cuts = sorted(rng.sample(range(1, len(word)), count))
        out: list[str] = []
        prev = 0
        for cut in cuts:
            out.append(word[prev:cut])
            out.append(rng.choice(ZERO_WIDTH))
            prev = cut
        out.append(word[prev:])
        return "".join(out)

    return _map_words(text, insert, min_letters=2)


def repeat(text: str) -> str:
    """In each word of four letters or more, repeat one letter so it appears 3 to 6 times in a
    row (``connaaaard``)."""
    rng = _rng("repeat", text)

    def stretch(word: str) -> str:
        spots = [i for i, ch in enumerate(word) if ch.isalpha()]
        i = rng.choice(spots)
        while i > 0 and word[i - 1] == word[i]:
            i -= 1
        run = 1
        while i + run < len(word) and word[i + run] == word[i]:
            run += 1
        times = max(rng.randint(3, 6), run + 1)
        return word[:i] + word[i] * times + word[i + run :]

    return _map_words(text, stretch, min_letters=4)


def mask(text: str) -> str:
    """In each word of four letters or more, replace one vowel by ``*`` (``f*ck``)."""
    rng = _rng("mask", text)

    def hide(word: str) -> str:
        spots = [i for i, ch in enumerate(word) if ch in _VOWELS]
        if not spots:
            return word
        i = rng.choice(spots)
        return word[:i] + "*" + word[i + 1 :]

    return _map_words(text, hide, min_letters=4)


def accents_stripped(text: str) -> str:
    """Remove the diacritics of Latin letters (``é`` -> ``e``, ``ç`` -> ``c``) and spell out
    the ligatures ``œ`` and ``æ``; other scripts and emoji are left alone."""
    out: list[str] = []
    latin_base = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not latin_base:
                out.append(ch)
            continue
        latin_base = ch.isascii() and ch.isalpha()
        out.append(_LIGATURES.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def _url_host(token: str) -> tuple[int, int] | None:
    """Span of the host to obfuscate in `token` (a URL, a bare domain or an email), or None."""
    lower = token.lower()
    start = 0
    for scheme in ("https://", "http://"):
        if lower.startswith(scheme):
            start = len(scheme)
            break
    at = token.find("@", start)
    if at > 0 and start == 0:
        start = at + 1
    end = len(token)
    for sep in "/?#":
        cut = token.find(sep, start)
        if cut >= 0:
            end = min(end, cut)
    host = lower[start:end]
    labels = host.split(".")
    if len(labels) < 2 or not all(labels):
        return None
    if not all(ch.isalnum() or ch == "-" for label in labels for ch in label):
        return None
    if labels[-1] not in _TLDS and not (host.startswith("www.") or start > 0):
        return None
    return start, end


def _obfuscate_token(token: str, style: str) -> str:
    lead = 0
    while lead < len(token) and token[lead] in _OPENERS:
        lead += 1
    trail = len(token)
    while trail > lead and token[trail - 1] in _CLOSERS:
        trail -= 1
    core = token[lead:trail]
    span = _url_host(core)
    if span is None:
        return token
    start, end = span
    dot, at = URL_STYLES[style]
    host = core[start:end].replace(".", dot)
    if style == "spaced-www" and host.lower().startswith("www" + dot):
        host = " ".join(host[:3]) + host[3:]
    head = core[:start]
    if head.endswith("@"):
        head = head[:-1] + at
    return token[:lead] + head + host + core[end:] + token[trail:]


def url_obfuscation(text: str) -> str:
    """Break the dots of URLs, bare domains and emails the way spammers do: ``www . site .
    com``, ``site(dot)com``, ``site[dot]com``, ``site dot com``, ``w w w . site . com``, with
    ``@`` written to match (``(at)``, `` at ``...). One style per text, picked by the seed."""
    style = _rng("url_obfuscation", text).choice(sorted(URL_STYLES))
    out: list[str] = []
    pos = 0
    n = len(text)
    while pos < n:
        if text[pos].isspace():
            end = pos
            while end < n and text[end].isspace():
                end += 1
            out.append(text[pos:end])
        else:
            end = pos
            while end < n and not text[end].isspace():
                end += 1
            out.append(_obfuscate_token(text[pos:end], style))
        pos = end
    return "".join(out)


def mix_plan(text: str) -> tuple[str, ...]:
    """Names of the transforms `mix` applies to `text`, in `MIX_ORDER`: two or three of those
    that change this text (fewer if fewer do), never both `spacing` and `dots`."""
    rng = _rng("mix", text)
    candidates = [name for name in MIX_ORDER if _SINGLE[name](text) != text]
    rng.shuffle(candidates)
    wanted = rng.choice((2, 3))
    picked: list[str] = []
    for name in candidates:
        if len(picked) == wanted:
            break
        if {name, *picked} >= {"spacing", "dots"}:
            continue
        picked.append(name)
    return tuple(name for name in MIX_ORDER if name in picked)


def mix(text: str) -> str:
    """Apply the transforms of `mix_plan` one after the other."""
    out = text
    for name in mix_plan(text):
        out = _SINGLE[name](out)
    return out


_SINGLE: Final[dict[str, Callable[[str], str]]] = {
    "leet": leet,
    "spacing": spacing,
    "dots": dots,
    "homoglyph": homoglyph,
    "zero_width": zero_width,
    "repeat": repeat,
    "mask": mask,
    "accents_stripped": accents_stripped,
    "url_obfuscation": url_obfuscation,
}

TRANSFORMS: Final[dict[str, Callable[[str], str]]] = {**_SINGLE, "mix": mix}
