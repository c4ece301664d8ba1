"""Lookalike letters and invisible characters seen in real spam, in words and in domain names."""

from __future__ import annotations

import unicodedata

import pytest

from modkit import Policy, validate
from modkit._rules import Context, count_links, rule_blocked_words
from modkit._text import find_links, fold, normalize, normalize_text
from modkit._text_tables import DECORATED_LATIN
from modkit.testing import sample_form

# A porn-invite spam as sent: Cyrillic, Greek, Armenian and Cherokee lookalikes, circled and
# mathematical letters, small capitals, a hooked letter, invisibles inside the words, and a
# Cyrillic "а" plus a variation selector inside the domain.
SPAM = (
    "Ηοt gіrl\u200bѕ ոеаr у\u00adоս 🔥 𝐟𝐫𝐞𝐞 ⓢⓔⓧ ᴄᴀᴍꜱ, ԁаtіng ɦ\u2060οt "
    "ᏟᎪᏞᏞ ոօԝ: ex\u0430\ufe0fmple.c\u043em"
)


def test_porn_invite_spam_reads_as_latin() -> None:
    assert normalize_text(SPAM) == (
        "hot girls near you 🔥 free sex cams, dating hot call now: xxurl example com"
    )


def test_domain_with_a_lookalike_and_a_variation_selector_is_one_link() -> None:
    spans = find_links(SPAM)
    assert len(spans) == 1
    start, end = spans[0]
    assert SPAM[start:end] == "ex\u0430\ufe0fmple.c\u043em"
    assert count_links(SPAM) == 1
    assert normalize_text("Voir https://ex\u0430\ufe0fmple.com/x") == "voir xxurl example com"
    assert normalize_text("www.ex\u0430\u00admple\u200d.c\u043em") == "xxurl example com"


def test_blocked_word_in_lookalikes_is_caught_and_quoted() -> None:
    sub = validate(sample_form(text="Ηοt ѕех ϲ\u0430ms ici"))
    signal = rule_blocked_words(sub, Policy(blocked_words=("sex",)), Context(sub.submitted_at))
    assert signal is not None
    assert signal.evidence["matches"][0]["quote"] == "ѕех"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Cyrillic, Greek, Armenian, Cherokee lookalikes inside Latin words
        ("c\u043enn\u0430rd", "connard"),
        ("ѕаlоре", "salope"),
        ("\u03bdi\u03b1gr\u03b1", "viagra"),
        ("ոսdеs", "nudes"),
        ("\u13dfasino", "casino"),
        ("\u13cfitch", "bitch"),
        ("ѵiagra", "viagra"),
        # mathematical alphanumerics, fullwidth, small capitals, enclosed letters
        ("𝐯𝐢𝐚𝐠𝐫𝐚 𝓿𝓲𝓪𝓰𝓻𝓪 𝔳𝔦𝔞𝔤𝔯𝔞 𝕧𝕚𝕒𝕘𝕣𝕒 𝚟𝚒𝚊𝚐𝚛𝚊", "viagra viagra viagra viagra viagra"),
        ("ｖｉａｇｒａ", "viagra"),
        ("ᴠɪᴀɢʀᴀ", "viagra"),
        ("ⓥⓘⓐⓖⓡⓐ ⒱⒤⒜⒢⒭⒜ 🅥🅘🅐🅖🅡🅐 🄥🄘🄐🄖🄡🄐 🅅🄸🄰🄶🅁🄰", "viagra viagra viagra viagra viagra"),
        # letters with hooks, strokes, bars, tails
        ("ƈơŋŋąɾɗ", "connard"),
        ("ɓɨƚƈɦ", "bilch"),
        ("ƥuƫe", "pute"),
        ("ꞩalope", "salope"),
        # invisibles inside words
        ("con\ufe0fnard", "connard"),
        ("con\U000e0101nard", "connard"),
        ("con\u200dnard con\u200cnard", "connard connard"),
        ("con\u00adnard con\u2060nard con\ufeffnard", "connard connard connard"),
        ("con\u2063nard con\U000e0041nard con\u034fnard", "connard connard connard"),
    ],
)
def test_lookalikes_and_invisibles(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected
    assert normalize(raw).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Élève, très «bien» l’œuvre à Noël", "eleve, tres «bien» l'oeuvre a noel"),
        ("Привет, как дела? Москва", "привет, как дела? москва"),
        ("Ο λόγος είναι καλός", "ο λογοσ ειναι καλοσ"),
        ("Հայերեն լեզու", "հայերեն լեզու"),
        ("Catalan: col·lega, il·lusió", "catalan: col·lega, il·lusio"),
    ],
)
def test_genuine_text_is_not_mangled(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_decorated_latin_table_maps_each_letter_and_its_capital() -> None:
    for pair in DECORATED_LATIN.split():
        letter, base = pair
        assert fold(letter) == base, letter
        upper = letter.upper()
        if len(upper) == 1 and unicodedata.category(upper) == "Lu":
            assert fold(upper) == base, upper
