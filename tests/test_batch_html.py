"""HTML to text (Disqus messages, HTML emails): visible text only, in linear time."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from modkit._html import html_to_text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("plain", "plain"),
        ("", ""),
        ("  spaces kept when there is no markup ", "  spaces kept when there is no markup "),
        ("<p>a</p><p>b</p>", "a\n\nb"),
        ("<div><p>a</p></div><div><p>b</p></div>", "a\n\nb"),
        ("x<br>y<br/>z", "x\ny\nz"),
        ("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
        ("&lt;b&gt; &amp; &eacute; &#233; &#xE9;", "<b> & é é é"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("<script>alert(1)</script>ok", "ok"),
        ("<SCRIPT type=x>if (a<b) {}</ScRiPt >ok", "ok"),
        ("<style>p { color: red }</style>shown", "shown"),
        ("<!-- hidden -->shown<!---->", "shown"),
        ("<!-->shown", "shown"),
        ("<!DOCTYPE html><html><head></head><body>hi</body></html>", "hi"),
        ("<?xml version='1.0'?>hi", "hi"),
        ("a < b, 1<3 and <3", "a < b, 1<3 and <3"),
        ("</>x</ y>z", "xz"),
        ("<a title='x>y' href=\"u\">z</a>", "z"),
        ('<img alt="don\'t" src=x>word', "word"),
        ("Caf&eacute; <em>cr&egrave;me</em>", "Café crème"),
        ("emoji 🙂<br>суп", "emoji 🙂\nсуп"),
        # Open to the end of the input: hidden, as a browser hides it.
        ("shown <b title='open", "shown"),
        ("shown <!-- open", "shown"),
        ("shown <script>open", "shown"),
        ("<![x[ y", ""),
        ("<![ x", ""),
        ("<p>a</p><![CDAPA[b", "a"),
    ],
)
def test_visible_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ('<a href="http://x.example">go</a>', "go (http://x.example)"),
        ('<a href="http://x.example">http://x.example</a>', "http://x.example"),
        ("<a HREF = 'http://y.example/?a=1&amp;b=2'>y</a>", "y (http://y.example/?a=1&b=2)"),
        ("<a href=http://z.example>z</a>, <a>no target</a>", "z (http://z.example), no target"),
        ('<a data-href="http://no.example">t</a>', "t"),
    ],
)
def test_link_targets_are_kept_when_asked(markup: str, text: str) -> None:
    assert html_to_text(markup, links=True) == text
    assert "(" not in html_to_text(markup)


SIZE = 1 << 20  # the largest field a batch reader passes on

# Inputs that made the previous parser (html.parser) work quadratically or worse: each must come
# back, with the text a browser would show. Each is a function of the input size.
ADVERSARIAL: dict[str, Callable[[int], tuple[str, str]]] = {
    "many <": lambda n: ("<" * n, "<" * n),
    "many <a": lambda n: ("<a" * (n // 2), ""),
    "many </": lambda n: ("</" * (n // 2), ""),
    "open comment": lambda n: ("<!--" + "x" * n, ""),
    "many <!": lambda n: ("<!" * (n // 2), ""),
    "many =": lambda n: ("<a " + "=" * n, ""),
    "open quote": lambda n: ('<a b="' + "x" * n, ""),
    "many tags": lambda n: ("<b>x</b>" * (n // 8), "x" * (n // 8)),
    "script of <": lambda n: ("<script>" + "<" * n, ""),
    "many &": lambda n: ("&" * n, "&" * n),
    "many paragraphs": lambda n: ("<p>" * (n // 3) + "end", "end"),
}


@pytest.mark.parametrize("case", list(ADVERSARIAL))
def test_adversarial_markup_is_read_in_one_pass(case: str, thorough: Callable[[int], int]) -> None:
    # 1 MiB in a full run; 100 KiB in the fast loop, already past where a quadratic parser stalls.
    markup, text = ADVERSARIAL[case](thorough(SIZE))
    assert html_to_text(markup, links=True) == text
