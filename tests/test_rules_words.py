"""Site word lists that obfuscation cannot dodge: folded and normalised matching, quoted spans."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modkit import Action, Context, Policy, validate
from modkit._author import fold_text
from modkit._rules import WordMatcher, rule_blocked_words, rule_moderation_words
from modkit._text import fold, fold_map
from modkit.testing import sample_form

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
BLOCKED = Policy(blocked_words=("connard", "viagra", "con"), moderation_words=("casino en ligne",))


def evidence(text: str, policy: Policy = BLOCKED, **fields: Any) -> list[dict[str, str]] | None:
    signal = rule_blocked_words(validate(sample_form(text=text, **fields)), policy, Context(NOW))
    if signal is None:
        return None
    assert (signal.code, signal.action) == ("blocked_word", Action.REJECT)
    return list(signal.evidence["matches"])


SPELLINGS = [
    ("Quel {}", "{}"),
    ("Quel {l33t}", "{l33t}"),
    ("Quel {spaced} !", "{spaced}"),
    ("Quel {dotted}, franchement", "{dotted}"),
    ("Quel {repeated}", "{repeated}"),
    ("Quel {cyrillic}", "{cyrillic}"),
    ("Quel {zw}", "{zw}"),
    ("Quel {upper} !", "{upper}"),
]
WORDS = {
    "connard": {
        "l33t": "c0nnard",
        "spaced": "c o n n a r d",
        "dotted": "c.o.n.n.a.r.d",
        "repeated": "connnnard",
        "cyrillic": "c\u043ennard",  # Cyrillic о
        "zw": "con\u200bnard",
        "upper": "C0NNARD",
    },
    "viagra": {
        "l33t": "v1agra",
        "spaced": "v i a g r a",
        "dotted": "v.i.a.g.r.a",
        "repeated": "viaaaagra",
        "cyrillic": "vi\u0430gr\u0430",  # Cyrillic а
        "zw": "via\u2060gra",
        "upper": "V1AGRA",
    },
}


@pytest.mark.parametrize("word", sorted(WORDS))
@pytest.mark.parametrize(("template", "quote"), SPELLINGS)
def test_every_spelling_is_caught_and_quoted_as_written(
    word: str, template: str, quote: str
) -> None:
    forms = {"": word, **WORDS[word]}
    key = template[template.index("{") + 1 : template.index("}")]
    written = forms[key]
    text = template.format(written, **forms)
    matches = evidence(text)
    assert matches is not None, text
    assert matches[0]["field"] == "text"
    assert matches[0]["word"] == word
    # Submissions drop invisible characters: the quote is the word as the text kept it.
    assert matches[0]["quote"] == written.replace("\u200b", "").replace("\u2060", "")


def test_invisibles_are_quoted_when_the_text_keeps_them() -> None:
    hits = WordMatcher(["connard"]).search("Quel con\u200bnard !")
    assert [(h.entry, h.start, h.end) for h in hits] == [("connard", 5, 13)]


@pytest.mark.parametrize(
    "text",
    [
        "Un vrai connaisseur du vin.",
        "La conférence de Scunthorpe.",
        "Il est parti en Pologne, à Cracovie.",
        "Un cône glacé, un conseil, une connexion.",
        "Les connardises n'existent pas.",
        "Le viagraphe est un faux mot.",
        "Deux c\u00f4nes et un cocon.",
        "Le code 4G, le 3e étage, en 2024, sur x86, pour 10 €, en C++ et F#.",
        "écrivez à jean@example.org ou voyez https://example.org/connaissance",
    ],
)
def test_innocent_words_are_untouched(text: str) -> None:
    assert evidence(text) is None


def test_quote_points_at_the_first_occurrence_in_the_original() -> None:
    text = "Bonjour. Tu es un C.O.N.N.A.R.D. et un c0nnard."
    matches = evidence(text)
    assert matches == [{"field": "text", "word": "connard", "quote": "C.O.N.N.A.R.D"}]


def test_folded_match_quotes_accents_as_written() -> None:
    policy = Policy(blocked_words=("credit facile",))
    matches = evidence("Un CRÉDIT   facile ici", policy)
    assert matches == [{"field": "text", "word": "credit facile", "quote": "CRÉDIT facile"}]


def test_other_fields_are_normalised_private_ones_never_quoted() -> None:
    matches = evidence("Bonjour", name="V.I.A.G.R.A", email="c0nnard@example.org")
    assert matches is not None
    assert {"field": "name", "word": "viagra", "quote": "V.I.A.G.R.A"} in matches
    assert all("quote" not in m and "word" not in m for m in matches if m["field"] == "email")


def test_moderation_words_match_normalised_phrases() -> None:
    sub = validate(sample_form(text="Le c4sino   en l1gne !"))
    signal = rule_moderation_words(sub, BLOCKED, Context(NOW))
    assert signal is not None
    assert signal.evidence["matches"][0]["quote"] == "c4sino en l1gne"


def test_matcher_search_spans_and_cap() -> None:
    matcher = WordMatcher(["viagra", "casino en ligne"])
    text = "Achetez du v.i.a.g.r.a et jouez au CASINO en ligne"
    hits = matcher.search(text)
    assert [(h.entry, text[h.start : h.end]) for h in hits] == [
        ("viagra", "v.i.a.g.r.a"),
        ("casino en ligne", "CASINO en ligne"),
    ]
    many = WordMatcher([f"mot{i}" for i in range(30)])
    assert len(many.search(" ".join(f"mot{i}" for i in range(30)))) == 10
    assert not WordMatcher(["", " "]).search("anything")


def test_whole_words_off_still_matches_inside_words() -> None:
    assert [h.entry for h in WordMatcher(["cialis"], whole_words=False).search("specialist")] == [
        "cialis"
    ]
    assert WordMatcher(["cialis"]).search("specialist") == []


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Crédit ŒUVRE", "credit oeuvre"),
        ("ｆｕｌｌ", "full"),
        ("con\u200bnard", "connard"),
        ("c\u043ennard", "connard"),
        ("привет", "привет"),
        ("", ""),
    ],
)
def test_fold_and_its_offsets(raw: str, folded: str) -> None:
    assert fold(raw) == folded
    view = fold_map(raw)
    assert view.text == folded
    assert len(view.offsets) == len(folded) + 1
    assert view.offsets[-1] == len(raw)


def test_fold_refuses_non_str() -> None:
    with pytest.raises(TypeError):
        fold(b"x")  # type: ignore[arg-type]


def test_duplicate_fingerprint_uses_the_one_fold() -> None:
    assert fold_text("  Quel   CRÉDIT\u200b ! ") == "quel credit !"
    assert fold_text("c\u043ennard") == fold_text("connard")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_search_never_crashes_and_spans_are_in_the_text(text: str) -> None:
    matcher = WordMatcher(["connard", "viagra", "casino en ligne", "c++", "203.0.113."])
    for hit in matcher.search(text):
        assert 0 <= hit.start <= hit.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "c o n " * 1700,
        "c.o.n." * 1700,
        "c0nn4rd" * 1500,
        "n" * 10_000,
        "c*" * 5000,
        "\u200b" * 10_000,
        "casino " * 1500 + "en",
        ("v i a g r a " * 900)[:10_000],
        "".join(chr(0x430 + i % 32) for i in range(10_000)),
    ],
)
def test_search_on_10k_inputs_finishes(text: str) -> None:
    matcher = WordMatcher(["connard", "viagra", "casino en ligne", "con"])
    assert len(matcher.search(text)) <= 10  # linear scanners: no timing assert, just run it


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(max_codepoint=127)) | st.text())
def test_word_set_is_the_set_of_word_runs(text: str) -> None:
    from modkit._rules import _WORD, word_set

    assert word_set(text) == frozenset(_WORD.findall(text))


def test_word_set_reads_every_ascii_character_as_the_word_pattern() -> None:
    from modkit._rules import _WORD, word_set

    every = "".join(map(chr, range(128)))
    for text in (every, every[::-1], "a".join(every), "_x_ y-z\x1fw\x0bv"):
        assert word_set(text) == frozenset(_WORD.findall(text))
