"""HTML to plain text: the visible text of an HTML fragment or email body, in linear time.

:func:`html_to_text` serves every place modkit reads HTML (Disqus messages, HTML emails of the
training corpora). It follows the HTML tokenizer where it matters for what a reader sees: scripts,
styles, comments, declarations and processing instructions are dropped; a ``<`` that does not
start a tag is text; a tag, comment or script left open at the end of the input hides the rest,
as in a browser. Every construct is scanned once (``str.find`` and regexes without backtracking),
so the work is linear in the length of the input whatever it holds.
"""

from __future__ import annotations

import html
import re
from typing import Final

__all__ = ["html_to_text"]

# A start or end tag from its "<" to its ">": attribute values may hold ">" when quoted. Possessive
# quantifiers (no backtracking): a tag that does not close fails after one scan.
_SPACE: Final = r"[\t\n\f\r ]"
_TAG: Final = re.compile(
    rf"<(/?)([A-Za-z][^\t\n\f\r />]*+)"
    rf"((?:[^>=]++|={_SPACE}*+(?:\"[^\"]*+\"|'[^']*+'|[^\t\n\f\r >]*+))*+)>"
)
_HREF: Final = re.compile(
    rf"(?:^|[\t\n\f\r /])href{_SPACE}*+={_SPACE}*+"
    r"(?:\"([^\"]*+)\"|'([^']*+)'|([^\t\n\f\r >]++))",
    re.IGNORECASE,
)
_RAW_END: Final = {
    "script": re.compile(r"</script[\t\n\f\r />]", re.IGNORECASE),
    "style": re.compile(r"</style[\t\n\f\r />]", re.IGNORECASE),
}
_BLANK_LINES: Final = re.compile(r"\n{3,}")
#: Tags that start a new line; paragraph-like ones also end with one (a blank line between two).
_LINE_TAGS: Final = frozenset(
    {"br", "div", "li", "tr", "table", "ul", "ol", "dd", "dt", "hr", "section", "article"}
    | {"header", "footer", "p", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_PARAGRAPHS: Final = frozenset({"p", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"})


class _Text:
    """The output being built, with the link whose text is being read."""

    def __init__(self, links: bool) -> None:
        self.parts: list[str] = []
        self.links = links
        self.href: str | None = None
        self.anchor_start = 0

    def data(self, raw: str) -> None:
        if raw:
            self.parts.append(html.unescape(raw) if "&" in raw else raw)

    def tag(self, name: str, closing: bool, attrs: str) -> None:
        if name in _LINE_TAGS and (
            (closing and name in _PARAGRAPHS) or (not closing and self.parts)
        ):
            self.parts.append("\n")
        if not self.links or name != "a":
            return
        if not closing:
            match = _HREF.search(attrs)
            href = next((g for g in match.groups() if g is not None), "") if match else ""
            self.href = html.unescape(href).strip() or None
            self.anchor_start = len(self.parts)
        elif self.href is not None:
            shown = "".join(self.parts[self.anchor_start :]).strip()
            if self.href not in shown:
                self.parts.append(f" ({self.href})")
            self.href = None


def html_to_text(markup: str, /, *, links: bool = False) -> str:
    """The visible text of ``markup``: tags removed, entities decoded, ``<br>``, paragraphs, list
    items and other block tags as newlines (at most one blank line in a row), scripts, styles and
    comments dropped, surrounding whitespace stripped. Text without ``<`` or ``&`` is returned
    unchanged.

    ``links``: keep each link's target in parentheses after its text, unless the text shows it
    (so a rule that counts links still sees them).
    """
    if "<" not in markup and "&" not in markup:
        return markup
    out = _Text(links)
    n = len(markup)
    pos = scan = 0  # text runs from pos; the next "<" is looked for from scan
    while pos < n:
        lt = markup.find("<", scan)
        if lt < 0:
            out.data(markup[pos:])
            break
        if not _starts_markup(markup, lt):  # "a < b", "<3": text
            scan = lt + 1
            continue
        out.data(markup[pos:lt])
        pos = scan = _markup_at(markup, lt, out)
    return _BLANK_LINES.sub("\n\n", "".join(out.parts)).strip()


def _markup_at(markup: str, lt: int, out: _Text) -> int:
    """Handle the markup that starts with the ``<`` at ``lt``; return where the text resumes."""
    n = len(markup)
    nxt = markup[lt + 1 : lt + 2]
    if nxt == "!" and markup.startswith("<!--", lt):
        end = markup.find("-->", lt + 2)  # "<!-->" is an (empty) comment too
        return n if end < 0 else end + 3
    if nxt in ("!", "?") or (nxt == "/" and not _is_letter(markup[lt + 2 : lt + 3])):
        end = markup.find(">", lt + 1)  # declaration, CDATA, processing instruction, "</>"...
        return n if end < 0 else end + 1
    match = _TAG.match(markup, lt)
    if match is None:  # a tag open to the end of the input: nothing after it is shown
        return n
    closing, name, attrs = match.group(1) == "/", match.group(2).lower(), match.group(3)
    out.tag(name, closing, attrs)
    end = match.end()
    raw_end = _RAW_END.get(name)
    if raw_end is not None and not closing:  # "<script/>" opens a script all the same
        close = raw_end.search(markup, end)
        if close is None:
            return n
        after = markup.find(">", close.end() - 1)
        return n if after < 0 else after + 1
    return end


def _starts_markup(markup: str, lt: int) -> bool:
    """Whether the ``<`` at ``lt`` starts a tag, comment or declaration rather than text."""
    nxt = markup[lt + 1 : lt + 2]
    return nxt in ("!", "?", "/") or _is_letter(nxt)


def _is_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()
