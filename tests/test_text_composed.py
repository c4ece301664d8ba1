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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # l33t, then the letters between l33t characters spaced or dotted
        ("d'un 1m b é c1l3.", "d'un imbecile."),
        ("the c0u n t r y?", "the country?"),
        ("that's b u l l$h1t", "that's bullshit"),
        ("Tһe M u ѕ l1mѕ", "the muslims"),
        ("quel 4b.r.u.t1$ qui", "quel abrutis qui"),
        ("quel 4b.r.u.t*.", "quel abruti."),
        ("du p.u.t41n de", "du putain de"),
        ("B1.t.c.h you", "bitch you"),
        ("$t u u u u u p1d,", "stupid,"),
        ("t0u.t.t.t.t.t.t3 ta f4m.m.m.m.m1ll3", "toute ta famille"),
        # spaced words met: cut into known words
        ("m0t h* f u c k4.", "motha fucka."),
        ("r3t4r d* d r3$p*n$3", "retarded response"),
    ],
)
def test_spaced_letters_glued_to_leet_are_joined(raw: str, expected: str) -> None:
    _check(raw, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # no known word comes out: read as spaced letters are, the number left alone
        ("1m b a", "1m b a"),
        ("mp3 a b c", "mp3 abc"),
        ("win10 a b c", "win10 abc"),
        ("5g a b c", "5g abc"),
        ("v1.a.b.c", "v1.abc"),
        ("2006 m a n i m4d3 it", "2006 mani made it"),
        ("version 1.2.3 a b", "version 1.2.3 a b"),
        ("prix 4,50 $ a b c", "prix 4,50 $ abc"),
    ],
)
def test_numbers_next_to_spaced_letters_stay(raw: str, expected: str) -> None:
    _check(raw, expected)


@pytest.mark.parametrize(
    "unit",
    ["1a b c ", "a b c3 ", "m0t h* f u c k4 ", "4a* b* c* ", "$t u u u u u p1d ", "1m b e c1l3 "],
)
def test_glued_runs_on_long_input_finish_and_agree(unit: str) -> None:
    raw = unit * (70_000 // len(unit))
    norm = normalize(raw)
    assert norm.text == normalize_text(raw)
    assert len(norm.offsets) == len(norm.text) + 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a consonant stretched at a word start or next to another consonant: one letter
        ("tu vas ccccrever", "tu vas crever"),
        ("les hannndicapes", "les handicapes"),
        ("tttechno", "techno"),
        ("se perrrdent", "se perdent"),
        ("Grrrrand", "grand"),
        # else a known word of the longer lists, not a stretched one they hold
        ("bonbonsss", "bonbons"),
        ("colllon", "colon"),
        ("nooooo", "no"),
    ],
)
def test_stretched_consonants_are_read_as_one(raw: str, expected: str) -> None:
    _check(raw, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # doubles between vowels and at a word end, and words without a vowel, as before
        ("kisss", "kiss"),
        ("staffff", "staff"),
        ("Jazzz", "jazz"),
        ("helllo", "hello"),
        ("hmmm", "hmmm"),
        ("pfff", "pff"),
        ("grrrr", "grr"),
        ("psssst", "psst"),
        ("www", "www"),
        ("xxx", "xxx"),
    ],
)
def test_stretched_letters_that_stay_double(raw: str, expected: str) -> None:
    _check(raw, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a mask inside a word hides a vowel before it hides a consonant
        ("à co*ps de batte", "a coups de batte"),
        ("il do*t venir", "il doit venir"),
        # at an edge a mark may be punctuation: as before
        ("the positives: *it is", "the positives: *it is"),
        ("boxes. *we never sell", "boxes. *we never sell"),
        ("note*", "note*"),
    ],
)
def test_masks_hide_vowels_first(raw: str, expected: str) -> None:
    _check(raw, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a stretched w, spaced or dotted, is a letter, not a spelt-out www
        ("you w.w.w.w.w.r.o.t*.", "you wrote."),
        ("i hate w.w.w.w.w.w.h.e.n b.i.t.c.h.e.s", "i hate when bitches"),
        ("w w w w w h e n", "when"),
        # three of them still are
        ("w w w . site . com", "xxurl site com"),
        ("visit w.w.w.example.org now", "visit xxurl example org now"),
    ],
)
def test_stretched_w_is_no_www(raw: str, expected: str) -> None:
    _check(raw, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a spaced word met by a spaced ``a`` or ``à``: cut off it, also in runs of four
        ("elles ont r i e n à faire", "elles ont rien a faire"),
        ("nothing wrong with being a f a g", "nothing wrong with being a fag"),
        # no known word before it, or a run of four that is one: as before
        ("F I L A #riseup", "fila #riseup"),
        ("i n f o", "info"),
        ("i t e m", "item"),
        ("a b c d", "abcd"),
    ],
)
def test_spaced_runs_with_a_single_a(raw: str, expected: str) -> None:
    _check(raw, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a mask inside a word: a word of the comment's language first
        (
            "B*ise tous les flics impliqués dans le meurtre",
            "baise tous les flics impliques dans le meurtre",
        ),
        ("I have b*en there", "i have been there"),
        ("je vais b*en", "je vais bien"),
        # a mark before a short word stays punctuation
        ("reconnaissante!* *un peu sur moi", "reconnaissante!* *un peu sur moi"),
    ],
)
def test_masked_words_of_the_comment_language(raw: str, expected: str) -> None:
    _check(raw, expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a spaced hashtag is joined into one token, never cut into words
        ("#B u i l d T h a t W a l l", "#buildthatwall"),
        ("#W e T h e P e o p l e voted", "#wethepeople voted"),
        # spaced words elsewhere are still cut
        ("a f u c k i n g s t u p i d", "a fucking stupid"),
        ("a b c #", "abc #"),
    ],
)
def test_spaced_hashtags_stay_one_token(raw: str, expected: str) -> None:
    _check(raw, expected)
