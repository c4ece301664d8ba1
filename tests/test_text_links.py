"""Stage 3's quick paths (modkit._text_links) read links exactly as the general paths do.

The references are the slower code they stand for: :func:`url_value` for the callback's plain
hosts, offsets tracked through every stage (``_run_stages``) for :func:`find_links` and
:func:`analyse`, the link finder after stripping nothing for :func:`count_links`.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from modkit import _text
from modkit import _text_links as links_module
from modkit import _text_links_bulk as bulk
from modkit._rules import count_links
from modkit._text import analyse, find_links, normalize, normalize_text, strips_markup
from modkit._text_links import (
    ANCHOR,
    BBCODE,
    URL,
    markup_callback,
    read_links,
    url_callback,
    url_text,
    url_value,
)
from modkit._text_tables import SAFE_TLDS

# Pieces of hosts, separators and surroundings, picked so that link boundaries move: labels of
# letters, digits, l33t, masks, hyphens, underscores and non-ASCII letters; ``www``; spelt-out
# and spaced dots; TLDs in and out of the lists; paths and trailing punctuation.
_LABEL_WORDS = "a ab Ab site best-casino b3$t d*als x_y www www2 wwwx dotcom point 1 42 exämple"
_LABELS = [*_LABEL_WORDS.split(), "сайт", "cоnnard", "हिंदी", "xn--bcher-kva", "l" * 63, "l" * 64]
_TLDS = ["ru", "com", "fr", "io", "de", "c0m", "zz", "toolongtobeatld", "org", "info", "me", "co"]
_DOTS = [".", ".", ".", " . ", " dot ", "(dot)", "[.]", " point ", ". ", " ."]
_SCHEMES = ["", "", "", "http://", "https://", "hxxp://", "h t t p://", "ftp://", "www.", "w w w "]
_PATHS = ["", "", "", "/", "/p?q=1", "/x.", "?a=b", "#top", ":8080/x", "/é"]
_AROUND = [" ", " ", "  ", "\n", ", ", ". ", "(", ")", "<", '"', "@", "\u200b", "é ", "Ⓐ", "ﬁ "]
_MARKUP = [
    '<a href="http://x.ru/',
    "<a href=x.com>y</a>",
    "<a>",
    "[url=http://a.ru]x[/url]",
    "[url=http://a.ru ",
    "[url]b.fr[/url]",
    'src="//c.io/i.png"',
    "[link=d.com]",
    "</a>",
]
_EMAILS = ["a@b.fr", "x.y@site.com", "nom [at] gmail [dot] com", "jo arobase free point fr"]


def _host(rng: random.Random) -> str:
    labels = [rng.choice(_LABELS) for _ in range(rng.randint(1, 3))]
    text = labels[0]
    for label in [*labels[1:], rng.choice(_TLDS)]:
        text += rng.choice(_DOTS) + label
    return rng.choice(_SCHEMES) + text + rng.choice(_PATHS)


def _piece(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.6:
        return _host(rng)
    if roll < 0.75:
        return rng.choice(_MARKUP)
    if roll < 0.85:
        return rng.choice(_EMAILS)
    return rng.choice(["mot", "Merci", "06 12 34 56 78", "x" * 70, "😀", "a.b", "f**k", ""])


def _texts(seed: int, count: int, ascii_only: bool = False) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [_piece(rng) + rng.choice(_AROUND) for _ in range(rng.randint(1, 12))]
        text = "".join(parts)
        out.append(text.encode("ascii", "ignore").decode() if ascii_only else text)
    return out


def _reference_links(text: str) -> list[tuple[int, int]]:
    """The links with offsets tracked through every stage (the general path)."""
    links: list[tuple[int, int]] = []
    _text._run_stages(_text._checked(text), links, _text._LINK_STAGES_END)
    return sorted(set(links))


def test_url_callback_reads_plain_hosts_as_url_value() -> None:
    seen = 0
    for text in _texts(1, 3000):
        folded = _text.fold(text)
        for m in URL.finditer(folded):
            s, host, path = m.group(0, "host", "path")
            if host is None:
                full = url_value(s, None, path, m.group("shost") or m.group("whost"), 0)
            else:
                full = url_value(s, host, path, None, m.start("host") - m.start())
            assert url_callback(m) == full, s
            assert url_text(m) == full[0]
            seen += 1
    assert seen > 5000


@pytest.mark.parametrize(("seed", "ascii_only"), [(2, True), (3, False), (4, False)])
def test_find_links_and_analyse_give_the_links_of_the_general_path(
    seed: int, ascii_only: bool
) -> None:
    for text in _texts(seed, 1500, ascii_only):
        expected = _reference_links(text)
        assert find_links(text) == expected, text
        analysis = analyse(text)
        assert list(analysis.links) == expected, text
        assert analysis.text == normalize_text(text) == normalize(text).text


@pytest.mark.parametrize(
    "text",
    [
        "aaa.ru aab.ru",
        "aaa.ru\u200baab.ru",  # a dropped character: offsets no longer one to one
        "ﬁx.ru aab.ru",  # one character folded to two
        "x  aaa.ru  http://b.io/p?q=1, www . c . com",  # stage 0 moves the offsets
        "a@b.fr site.com",  # so does the email stage
        "ab.ru.",
        "",
    ],
)
def test_read_links_without_offsets_is_read_links_with_identity_offsets(text: str) -> None:
    folded = _text.fold(text)
    with_offsets: list[tuple[int, int]] = []
    without: list[tuple[int, int]] = []
    identity = list(range(len(folded) + 1))
    out = read_links(URL, url_callback, folded, identity, with_offsets)
    assert read_links(URL, url_callback, folded, None, without) == out
    assert without == with_offsets


def test_read_links_keeps_edits_when_asked() -> None:
    edits: list[tuple[int, int, str, object, object]] = []
    links: list[tuple[int, int]] = []
    out = read_links(URL, url_callback, "voir aaa.ru et http://b.io/x.", None, links, edits=edits)
    assert out == "voir  xxurl aaa ru  et  xxurl b io ."
    assert links == [(5, 11), (15, 28)]
    assert [e[:3] for e in edits] == [(5, 11, " xxurl aaa ru "), (15, 29, " xxurl b io .")]


@pytest.mark.parametrize(
    ("text", "strips"),
    [
        ('<a href="http://x.ru/' * 50, False),  # unclosed: nothing to strip
        ("[url=http://a.ru " * 50, False),
        ("<a>x</a> y.com", True),
        ("<A HREF=x.com>", True),
        ("[URL=b.fr]x[/URL]", True),
        ("[url]", True),
        ("plain a.ru text", False),
        ("<abbr>", False),
    ],
)
def test_strips_markup_says_whether_the_link_counter_strips(text: str, strips: bool) -> None:
    assert strips_markup(text) is strips
    assert strips is (ANCHOR.search(text) is not None or BBCODE.search(text) is not None)


def test_count_links_counts_unstripped_markup_as_the_link_finder() -> None:
    for text in _texts(5, 1500):
        stripped = BBCODE.sub(" ", ANCHOR.sub(" ", text))
        tags = len(ANCHOR.findall(text)) + len(BBCODE.findall(ANCHOR.sub(" ", text)))
        expected = tags + len(find_links(stripped)) if tags else len(find_links(text))
        assert count_links(text) == expected, text


@pytest.mark.parametrize(
    "text",
    ["", "at", "look at this", "x [at] y", "x(at)y", "x { at } y", "at] [at", "<at>", "cat "],
)
def test_at_word_is_the_pattern_search(text: str) -> None:
    from modkit._text_links import _AT_WORD, _at_word

    for t in (text, text * 3, f"a{text}b", text.replace(" ", "  ")):
        assert _at_word(t) is (_AT_WORD.search(t) is not None), t


# --- runs of bare hosts in bulk (modkit._text_links_bulk) ---------------------------------------

_SIMPLE = ["aaa.ru", "b2.com", "x.y.fr", "awa.io", "aww.ru", "w.w.org", "dot.com", "ht.tp.pt"]
_NEIGHBOURS = [
    " ",
    ". ",
    " . ",
    " [.] ",
    " (dot) ",
    " dot ",
    " point ",
    "http:// ",
    "x. ",
    "/ ",
    "] ",
    ") ",
    " .x",
    " [",
    " (",
    " {",
    " <",
    " dot x",
    " point x",
    " : ",
    "://x.ru ",
    " hello ",
    "@",
    "-",
    "\u200b",
    "é ",
    "  ",
    "www. ",
    "w w w ",
    "h t t p: //",
    " s:",
    ":",
    " x.c0m ",
    " a@b.fr ",
]


def _run_texts(seed: int, count: int) -> list[str]:
    """Runs of hosts (simple or not quite) between hostile neighbours."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 6)):
            hosts = [
                rng.choice(_SIMPLE) if rng.random() < 0.8 else _host(rng)
                for _ in range(rng.randint(1, 12))
            ]
            pieces.append(" ".join(hosts))
            pieces.append(rng.choice(_NEIGHBOURS))
        out.append(rng.choice(["", " ", "dot ", ". "]) + "".join(pieces))
    return out


@pytest.fixture
def runs_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bulk reading for every text and every run, however short."""
    monkeypatch.setattr(bulk, "MIN_CHARS", 0)
    monkeypatch.setattr(bulk, "_MIN_HOSTS", 1)
    monkeypatch.setattr(bulk, "_probed", lambda text: True)


@pytest.mark.usefixtures("runs_everywhere")
@pytest.mark.parametrize("seed", [6, 7, 8])
def test_runs_of_hosts_read_in_bulk_as_one_by_one(seed: int) -> None:
    seen = 0
    for text in [*_run_texts(seed, 1500), *_texts(seed, 500)]:
        folded = _text.fold(text)
        seen += len(bulk._runs(folded))
        assert bulk.url_stage(folded) == URL.sub(url_text, folded), text
        one_by_one: list[tuple[int, int]] = []
        expected = read_links(URL, url_callback, folded, None, one_by_one)
        for offs in (None, list(range(len(folded) + 1)), [0, *range(len(folded))]):
            in_bulk: list[tuple[int, int]] = []
            assert bulk.url_stage_links(folded, offs, in_bulk) == expected, text
            again: list[tuple[int, int]] = []
            read_links(URL, url_callback, folded, offs, again)
            assert in_bulk == again, text
        assert find_links(text) == _reference_links(text), text
        assert analyse(text).text == normalize(text).text, text
    assert seen > 1000


def test_long_runs_of_hosts_are_read_in_bulk_at_the_length_limit() -> None:
    names = ("".join(p) for p in itertools.product("abcdefghijklmnopqrstuvxyz", repeat=3))
    text = " ".join(f"{n}.ru" for n, _ in zip(names, range(9000), strict=False))[: _text.MAX_CHARS]
    assert bulk._runs(text)
    assert not bulk._runs(text.replace(" ", "/p ")), "a path after each host: no run"
    assert find_links(text) == _reference_links(text)
    assert analyse(text).text == normalize(text).text == normalize_text(text)
    assert len(find_links(text)) == text.count(".ru")


def test_no_safe_tld_ends_a_scheme() -> None:
    # A run holds no scheme: no run holds a colon, and a scheme reaching past a host would need
    # the host's letters, TLD included, in the order of a dotted ``h.t.t.p.s`` (``hxxp`` and
    # ``ftp`` have no dot). A TLD of the list that could end one would need a new proof.
    for tld in SAFE_TLDS:
        assert re.fullmatch(r"h*t*p*s*", tld) is None, tld


@pytest.mark.usefixtures("runs_everywhere")
def test_a_link_reaching_into_a_run_sends_the_text_the_usual_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Without the conditions on what comes before a run, "site . aaa.ru ..." would start a run
    # inside the link "site . aaa.ru": the guard must see it and read the text one by one.
    loose = re.compile(bulk.RUN.pattern.replace(r"(?<![./\])}>] )(?<! dot )(?<! point )", ""))
    assert loose.pattern != bulk.RUN.pattern
    monkeypatch.setattr(bulk, "RUN", loose)
    for text in ["site . aaa.ru b.ru", "http:// aaa.ru b.ru", "x [.] aaa.ru", *_run_texts(9, 300)]:
        folded = _text.fold(text)
        assert bulk.url_stage(folded) == URL.sub(url_text, folded), text
        links: list[tuple[int, int]] = []
        expected: list[tuple[int, int]] = []
        assert bulk.url_stage_links(folded, None, links) == read_links(
            URL, url_callback, folded, None, expected
        )
        assert links == expected, text


@pytest.mark.parametrize(
    "value",
    [
        "http://x.ru/",
        "x.com",
        "//c.io/i.png",
        "#top",
        "xxurl",
        "mailto:a@b.fr",
        "http://user@www.site.com:80/p",
        "https://b3$t-d*als.com",
        "ftp://a.b.c.d.e.org/",
        "http://:80",
        "exämple.fr",
        "",
    ],
)
def test_markup_callback_reads_values_as_the_general_way(value: str) -> None:
    texts = [f'<a href="{value}">', f"[url={value}]x[/url]", f"[url]{value}[/url]", f"src={value}"]
    for text in texts:
        for m in links_module.MARKUP.finditer(text):
            group = next(g for g in ("v", "bv", "bb") if m.group(g) is not None)
            s, start, end = m.group(), m.start(group) - m.start(), m.end(group) - m.start()
            assert markup_callback(m) == links_module._markup_value(s, start, end)
            if s[start:end].startswith(("#", "xxurl", "mailto:")):
                continue
            host = links_module._VALUE_HOST.match(s[start:end])
            words = links_module._host_words([host.group(1)]) if host else []
            token = "xxurl " + " ".join(words) if words else "xxurl"
            assert markup_callback(m) == links_module._token(s, start, end, token), text


def test_email_text_is_the_callback_replacement() -> None:
    seen = 0
    for text in [*_texts(10, 1500), "a@b.fr x.y@site.com nom [at] gmail [dot] com " * 20]:
        folded = _text.fold(text)
        for m in links_module.EMAIL.finditer(folded):
            assert links_module.email_text(m) == links_module.email_callback(m)[0], m.group()
            seen += 1
        expected = links_module.EMAIL.sub(lambda m: links_module.email_callback(m)[0], folded)
        assert links_module.email_stage(folded) == expected
    assert seen > 1000
