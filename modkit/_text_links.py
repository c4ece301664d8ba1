"""Stage 3 of the normalisation (see :mod:`modkit._text`): links, emails and phones.

The patterns, the callbacks that read each match (a token, the source of its characters, the
span of a link), the hints that say when a pattern may match at all, and :func:`read_links`,
which runs one link stage and records the spans of its links in the original text. Markup links
(:data:`ANCHOR`, :data:`BBCODE`) are what the link counter strips before counting the rest.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence

from modkit._text_tables import LEET, SAFE_TLDS, WORD_TLDS
from modkit._text_words import Edit, Result

__all__ = [
    "ANCHOR",
    "BBCODE",
    "EMAIL",
    "MARKUP",
    "PHONE",
    "PHONE_HINT",
    "URL",
    "email_callback",
    "email_hint",
    "email_stage",
    "markup_callback",
    "markup_hint",
    "phone_callback",
    "read_links",
    "url_callback",
    "url_hint",
    "url_text",
    "url_value",
]

_LBL = r"[^\W_][\w$*-]{0,62}+"  # ``$``, ``*``: l33t and masks (``b3$t-d*als.com``)
_DOT = r"(?:\.| \. ?| ?[\[({<] ?(?:\.|dot|point) ?[\])}>] ?| (?:dot|point) )"
_DOT_SPLIT = re.compile(f"({_DOT})")
_PLAIN, _SPACED, _BRACKET, _WORD = range(4)

_TLD_SHAPE = re.compile(r"[a-z]{2,24}")
_WWW = re.compile(r"www\d{0,3}")
_HOST_WORD = re.compile(r"[^\W_](?:[^\W_]|[$*])*+")
_TRAILING = ".,;:!?)]}'\"»"


def _sep_kind(sep: str) -> int:
    if sep == ".":
        return _PLAIN
    if any(c in sep for c in "[({<"):
        return _BRACKET
    return _SPACED if "." in sep else _WORD


def _split_host(host: str) -> tuple[list[str], list[int], list[int]]:
    """Labels, separator kinds, and the end (index in ``host``) of each label."""
    parts = _DOT_SPLIT.split(host)
    labels = parts[::2]
    kinds = [_sep_kind(s) for s in parts[1::2]]
    ends: list[int] = []
    pos = 0
    for i, part in enumerate(parts):
        pos += len(part)
        if i % 2 == 0:
            ends.append(pos)
    return labels, kinds, ends


def _host_words(labels: Sequence[str]) -> list[str]:
    if len(labels) == 1:  # a plain host: one search
        words: list[str] = _HOST_WORD.findall(labels[0])
        joined = labels[0]
    else:
        words = [w for lbl in labels for w in _HOST_WORD.findall(lbl)]
        joined = "".join(labels)
    return [w for w in words if not _WWW.fullmatch(w)] if "www" in joined else words


def _plain(host: str) -> bool:
    return not (" " in host or "[" in host or "(" in host or "{" in host or "<" in host)


def _token(s: str, start: int, end: int, token: str) -> Result:
    """Replace ``s[start:end]`` (a match) by `` token ``: a link span from start to end.

    The source ``slice(start, end)`` says: the token comes from ``start``, its closing space
    from ``end``, the rest of the match is unchanged.
    """
    return f"{s[:start]} {token} {s[end:]}", slice(start, end), (start, end)


def _url_token(labels: Sequence[str]) -> str:
    words = _host_words(labels)
    return "xxurl " + " ".join(words) if words else "xxurl"


_TLD_LEET = str.maketrans({k: v for k, v in LEET.items() if k in "013457$"})


def _tld(label: str) -> str:
    """A TLD as written, or read as l33t when it also has letters (``c0m`` -> ``com``)."""
    if label.isalpha() or not any(c.isalpha() for c in label):
        return label
    return label.translate(_TLD_LEET)


def url_callback(m: re.Match[str]) -> Result:
    """Stage 3 on one :data:`URL` match: ``xxurl`` and the host's words, the link's span."""
    shost, whost, host, path = m.groups()
    if host is not None:
        if not path:  # a bare host (the match): no cache look-up
            words = _bare_host_words(host)
            if words is not None:
                return f" xxurl {words} ", slice(0, len(host)), (0, len(host))
            if _plain(host):
                tld = host[host.rfind(".") + 1 :]
                if tld in SAFE_TLDS and tld.isalpha():  # url_value's first case
                    return _token(host, 0, len(host), _url_token([host]))
    else:  # after a scheme or www: any host
        any_host = shost or whost
        if "dot" not in any_host and "point" not in any_host:  # url_value's case, no look-up
            s = m.group()
            end = len(s.rstrip(_TRAILING)) if path else len(s)
            words = _plain_words(any_host)
            if words is None:
                return _token(s, 0, end, _url_token([any_host]))
            return f" xxurl {words} {s[end:]}", slice(0, end), (0, end)
    s = m.group()
    read = _url_value_cached if len(s) <= _CACHED_LINK else url_value
    if host is None:
        return read(s, None, path, shost or whost, 0)
    return read(s, host, path, None, m.start("host") - m.start())


def url_text(m: re.Match[str]) -> str:
    """:func:`url_callback`'s replacement alone (the fast path; a bare host of plain labels
    read here, the commonest link of a long spam)."""
    host = m.group(3)
    if host is not None and not m.group(4):
        words = _bare_host_words(host)
        if words is not None:
            return f" xxurl {words} "
    return url_callback(m)[0]


def _bare_host_words(host: str) -> str | None:
    """The words of a bare host (no path) of letters and digits between dots, without ``www``,
    whose TLD is a safe one of letters (:func:`url_value`'s first case); None for any other."""
    tld = host[host.rfind(".") + 1 :]
    if tld in SAFE_TLDS and "www" not in host and tld.isalpha() and host.replace(".", "").isalnum():
        return host.replace(".", " ")
    return None


def _plain_words(host: str) -> str | None:
    """``" ".join(_host_words([host]))`` for a host of letters and digits between dots (no
    ``www``), by two string methods; None for any other host."""
    if "www" in host:
        return None
    return host.replace(".", " ") if host.replace(".", "").isalnum() else None


def url_value(s: str, host: str | None, path: str, any_host: str | None, host_at: int) -> Result:
    """:func:`url_callback` for the match ``s``: its ``host`` at ``host_at`` (or ``any_host``
    after a scheme or www) and its ``path``."""
    end = len(s.rstrip(_TRAILING)) if path else len(s)
    if host is None:  # any host; one with spelt-out dots split as written (``t dot co``)
        spelt = any_host is not None and ("dot" in any_host or "point" in any_host)
        labels = _split_host(any_host)[0] if spelt and any_host else [any_host or ""]
        return _token(s, 0, end, _url_token(labels))
    if _plain(host):
        tld = _tld(host[host.rfind(".") + 1 :])
        if tld in SAFE_TLDS or (path[:1] == "/" and len(tld) == 2 and tld.isalpha()):
            return _token(s, 0, end, _url_token([host]))
    labels, kinds, ends = _split_host(host)
    for k in range(len(labels), 1, -1):
        tld = _tld(labels[k - 1])
        if _TLD_SHAPE.fullmatch(tld) is None:
            continue
        used = kinds[: k - 1]
        if _BRACKET in used:
            pass
        elif all(kind == _PLAIN for kind in used):
            if tld not in SAFE_TLDS and not (
                k == len(labels) and path[:1] == "/" and len(tld) == 2
            ):
                continue
        elif tld not in WORD_TLDS:
            continue
        if k < len(labels):
            end = host_at + ends[k - 1]
        return _token(s, 0, end, _url_token(labels[:k]))
    return s, None, None


_CACHED_LINK = 200  # links up to this length are read once per process (the same link repeated)
_url_value_cached = functools.lru_cache(maxsize=1024)(url_value)


# ``http`` stretched, spaced or dotted letter by letter, ``$`` for ``s`` (``h.t.t.p$``, ``hhttp$``)
_SCHEME = (
    r"(?:h{1,8}+(?:[. ]?t){2,8}+(?:[. ]?p){1,8}+(?:[. ]?[s$]){0,8}+|hxxps?|h\*\*ps?|ftps?)"
    r"(?:\[:\]|\(:\)|:) ?/ ?/ ?"
)
URL = re.compile(
    r"(?<![\w.@/-])(?:"
    rf"{_SCHEME}(?P<shost>{_LBL}(?:{_DOT}{_LBL}){{0,20}}+)"
    rf"|(?:www\d{{0,3}}|w w w(?! w )|w\.w\.w(?!\.w\.)){_DOT}"
    rf"(?P<whost>{_LBL}(?:{_DOT}{_LBL}){{0,20}}+)"
    rf"|(?P<host>{_LBL}(?:{_DOT}{_LBL}){{1,20}}+)"
    r")(?P<path>(?:[/?#:][^ <>\"\[\]{}|\\^`]*+)?)"
)

_AT = r"(?:@| ?[\[({<] ?(?:at|@|arobase) ?[\])}>] ?| @ ?|@ | (?:at|arobase) )"
EMAIL = re.compile(
    rf"(?<![\w.%+-])[\w.%+-]{{1,64}}+(?P<at>{_AT})(?P<host>{_LBL}(?:{_DOT}{_LBL}){{1,20}}+)"
)


def email_text(m: re.Match[str]) -> str:
    """:func:`email_callback`'s replacement alone (the fast path; a plain address read here)."""
    at, host = m.group("at", "host")
    if at == "@" and _plain(host):
        tld = host[host.rfind(".") + 1 :]
        if (len(tld) == 2 and tld.isalpha()) or tld in SAFE_TLDS:
            return " xxemail "
    return email_callback(m)[0]


def email_stage(text: str) -> str:
    """The email stage's fast path: ``EMAIL.sub`` with :func:`email_text`."""
    return EMAIL.sub(email_text, text)


def email_callback(m: re.Match[str]) -> Result:
    """Stage 3 on one :data:`EMAIL` match: ``xxemail`` for an address (not a link)."""
    s, at, host = m.group(0, "at", "host")
    if at == "@" and _plain(host):
        tld = host[host.rfind(".") + 1 :]
        if (len(tld) == 2 and tld.isalpha()) or tld in SAFE_TLDS:
            return " xxemail ", slice(0, len(s)), None
    labels, kinds, ends = _split_host(host)
    word_at = at.strip() == "at"
    if _WWW.fullmatch(labels[0]) or (word_at and all(k == _PLAIN for k in kinds)):
        return s, None, None  # "visit us at site.com", "at www.site.com": a URL, not an email
    weak = word_at or _SPACED in kinds or _WORD in kinds
    for k in range(len(labels), 1, -1):
        tld = labels[k - 1]
        if _TLD_SHAPE.fullmatch(tld) is None:
            continue
        if tld in WORD_TLDS if weak else (len(tld) == 2 or tld in SAFE_TLDS):
            end = m.start("host") - m.start() + ends[k - 1]
            return f" xxemail {s[end:]}", slice(0, end), None
    return s, None, None


MARKUP = re.compile(
    r"(?<![\w-])(?:href|src) ?= ?[\"']?(?P<v>[^\"'<> ]{1,2048}+)"
    r"|\[(?:url|link)=[\"']?(?P<bv>[^\]\"' ]{1,2048}+)"
    r"|\[(?:url|link)\](?P<bb>[^\[ ]{1,2048}+)(?=\[/(?:url|link)\])"
)
_VALUE_HOST = re.compile(
    r"(?:[a-z][a-z0-9+.\-]{0,20}:)?(?://)?(?:[^@/?#]{0,256}@)?([^/?#:]{0,256})"
)


def markup_callback(m: re.Match[str]) -> Result:
    """Stage 3 on one :data:`MARKUP` match: its value read as a link (or an email)."""
    start, end = m.span(m.lastgroup or 0)  # the one group of the alternative that matched
    at = m.start()
    s = m.group()
    read = _markup_value_cached if len(s) <= _CACHED_LINK else _markup_value
    return read(s, start - at, end - at)


def _markup_value(s: str, start: int, end: int) -> Result:
    """:func:`markup_callback` for the match ``s`` whose value is ``s[start:end]``."""
    value = s[start:end]
    if value.startswith(("#", "xxurl")):
        return s, None, None
    if value.startswith("mailto:"):
        return _token(s, start, end, "xxemail")[0], slice(start, end), None
    host = _VALUE_HOST.match(value)
    words = _plain_words(host.group(1)) if host else None
    if words is not None:  # _url_token's words, by string methods
        return _token(s, start, end, "xxurl " + words)
    return _token(s, start, end, _url_token([host.group(1)] if host else []))


_markup_value_cached = functools.lru_cache(maxsize=1024)(_markup_value)


PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)33 ?(?:\(0\) ?)?[1-9](?:[ .\-]?[0-9]{2}){4}"
    r"|0[1-9](?P<sep>[ .\-]?)[0-9]{2}(?:(?P=sep)[0-9]{2}){3}"
    r"|\+[1-9][0-9]{0,2}(?:[ .\-]?\([0-9]{1,5}\)|[ .\-][0-9]{1,5}|(?<=\))[0-9]{1,5}){1,7}+"
    r"|\+[1-9][0-9]{6,14}"
    r"|\([0-9]{3}\) ?[0-9]{3}[ .\-][0-9]{4}"
    r"|[0-9]{3}[.\-][0-9]{3}[.\-][0-9]{4}"
    r")(?!\w)"
)
_DIGITS = re.compile(r"[0-9]+")


def phone_callback(m: re.Match[str]) -> Result:
    s = m.group()
    if s.startswith("+") and not s.startswith("+33"):
        groups = _DIGITS.findall(s)
        count = sum(map(len, groups))
        if not 9 <= count <= 15 or not "".join(groups[1:]).strip("0"):
            return s, None, None
    return " xxphone ", slice(0, len(s)), None


# --- hints: where a stage may match ----------------------------------------------------------


def markup_hint(text: str) -> bool:
    return "href" in text or "src" in text or "[url" in text or "[link" in text


_DOT_LETTER = re.compile(r"\.(?<=[^\W_$]\.)[^\W\d_]|\.(?<=[\w$*]\.)[^\W_]{2}")
_BRACKET_DOT = re.compile(r"[\[({<] ?\. ?[\])}>]")
_DOT_WORD = re.compile(r"[ \[({<](?:dot|point)")  # where ``_DOT`` may read a word as a dot


def url_hint(text: str) -> bool:
    if "." in text and (
        _DOT_LETTER.search(text) is not None
        or " ." in text
        or (
            ("[" in text or "(" in text or "{" in text or "<" in text) and _BRACKET_DOT.search(text)
        )
    ):
        return True
    if "//" in text or "/ /" in text or "w w w" in text:
        return True
    return ("dot" in text or "point" in text) and _DOT_WORD.search(text) is not None


# Where ``_AT`` can match without "@" or "arobase": "at" as a word or in brackets.
_AT_WORD = re.compile(r"[\[({<] ?at ?[\])}>]| at ")
_AT_BRACKET = re.compile(r"[\[({<] ?at ?[\])}>]")


def email_hint(text: str) -> bool:
    if "@" in text or "arobase" in text:
        return True
    return "at" in text and _at_word(text) and url_hint(text)


def _at_word(text: str) -> bool:
    """``_AT_WORD.search(text) is not None``, by substring tests first (the pattern, starting
    with a class, tries every position of a long text)."""
    if " at " in text:
        return True
    brackets = "[" in text or "(" in text or "{" in text or "<" in text
    return brackets and _AT_BRACKET.search(text) is not None


PHONE_HINT = re.compile(r"[0-9](?:[ .\-]?[0-9]){6}")

# A tag or BBCode link, counted once by the link counter (which strips them first).
ANCHOR = re.compile(r"<a\b[^<>]*>(?:[^<]*</a\s*>)?", re.IGNORECASE)
BBCODE = re.compile(r"\[url\b[^\[\]]*\](?:[^\[]*\[/url\])?", re.IGNORECASE)


# --- one link stage, with the spans of its links ---------------------------------------------


def read_links(
    pattern: re.Pattern[str],
    callback: Callable[[re.Match[str]], Result],
    text: str,
    offs: Sequence[int] | None,
    links: list[tuple[int, int]],
    *,
    edits: list[Edit] | None = None,
) -> str:
    """Run a link stage (``pattern`` and its ``callback``) on ``text``; append the span in the
    original of each link to ``links`` and, when given, each edit to ``edits``.

    ``offs`` maps ``text`` to the original (None: one to one, ``text`` is the original's fold).
    Returns the stage's output. One loop, no generator: a text at the length limit can hold
    10,000 links.
    """
    parts: list[str] = []
    pos = 0
    last = len(offs) - 1 if offs is not None else 0
    for m in pattern.finditer(text):
        repl, src, link = callback(m)
        s, e = m.span()
        if repl == text[s:e]:
            continue
        if edits is not None:
            edits.append((s, e, repl, src, link))
        if link is not None:
            a, b = s + link[0], s + link[1]
            if offs is None:
                links.append((a, b))
            else:
                links.append((offs[a], offs[min(bisect_right(offs, offs[b - 1], b), last)]))
        parts.append(text[pos:s])
        parts.append(repl)
        pos = e
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)
