"""Fuzz target: normalize_text / normalize / find_links on arbitrary Unicode.

Invariants: no exception on any str; ``normalize_text(t) == normalize(t).text``; offsets are one
more than the text, never decrease, start at 0 and end at ``min(len(t), MAX_CHARS)``; every link
span lies inside the scanned text, sorted and non-empty.
"""

from __future__ import annotations

import itertools

import _common
import atheris

from modkit._text import MAX_CHARS, find_links, normalize, normalize_text


def check(text: str) -> None:
    """Raise AssertionError when an invariant fails."""
    fast = normalize_text(text)
    full = normalize(text)
    assert fast == full.text, "normalize_text differs from normalize().text"
    offs = full.offsets
    assert len(offs) == len(full.text) + 1
    assert all(a <= b for a, b in itertools.pairwise(offs)), "offsets decrease"
    assert offs[-1] == min(len(text), MAX_CHARS)
    assert not offs or offs[0] >= 0
    for start, end in (0, len(full.text)), (0, len(full.text) // 2):
        a, b = full.original_span(start, end)
        assert 0 <= a <= b <= min(len(text), MAX_CHARS)
    links = find_links(text)
    assert links == sorted(set(links))
    for a, b in links:
        assert 0 <= a < b <= min(len(text), MAX_CHARS), (a, b)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    # Any code point, lone surrogates included; or the bytes as UTF-8 (real-looking text).
    text = fdp.ConsumeUnicode(len(data)) if fdp.ConsumeBool() else data.decode("utf-8", "replace")
    check(text)


if __name__ == "__main__":
    _common.run(test_one_input)
