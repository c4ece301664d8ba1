"""clean_text's quick tests (modkit._submission) give what its patterns alone give."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modkit import _submission as sub

_ALPHABET = (
    "aé \n\r\t\x85\u2028\u2029\x00\x7f\u200b\u200d\u202e\ufeff"
    "\u0301\u0302\u0303\u0304\u1ab0\U000e0041\U000e007f\U0001f3f4😀Ωп"
)


# The one pattern that _suspect reads as plain class scans: a suspect character or four combining
# marks in a row.
_SUSPECT = re.compile(
    sub._INVISIBLE.pattern[:-1] + f"\u200d\U000e0020-\U000e007f]|[{sub._MARKS}]{{4}}"
)


def _reference(value: str, *, multiline: bool = True) -> str:
    """clean_text as written with its patterns only (before the quick tests)."""
    text = value
    if "\r" in text or not text.isascii():
        text = sub._NEWLINES.sub("\n", text)
    if text.isascii():
        if not text.isprintable():
            text = sub._INVISIBLE.sub("", text)
    else:
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if _SUSPECT.search(text):
            text = sub._INVISIBLE.sub("", text)
            if "\u200d" in text:
                text = sub._LONE_ZWJ.sub("", text)
            text = sub._LONE_TAG.sub("", text)
            text = sub._ZALGO.sub(r"\1", text)
    if not multiline:
        return " ".join(text.split())
    if " \n" in text or "\t\n" in text:
        text = sub._TRAILING_SPACE.sub("\n", text)
    if "\n\n\n" in text:
        text = sub._BLANK_LINES.sub("\n\n", text)
    return text.strip()


@settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.sampled_from(_ALPHABET), max_size=40), st.booleans())
def test_clean_text_is_its_patterns(text: str, multiline: bool) -> None:
    assert sub.clean_text(text, multiline=multiline) == _reference(text, multiline=multiline)
    assert sub._suspect(text) is (_SUSPECT.search(text) is not None)


@pytest.mark.parametrize(
    "text",
    ["", "a", "e\u0301\u0302\u0303", "e\u0301\u0302\u0303\u0304", "x\u200dy", "\U000e0041", "п"],
)
def test_suspect_is_the_suspect_pattern(text: str) -> None:
    for t in (text, "Привет " * 100 + text, text + "a" * 100):
        assert sub._suspect(t) is (_SUSPECT.search(t) is not None)
        assert sub.clean_text(t) == _reference(t)
