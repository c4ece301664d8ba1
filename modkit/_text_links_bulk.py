"""Stage 3's URL stage in bulk over runs of bare hosts (``aaa.ru aab.ru ...``), the commonest
shape of a long link spam: string methods instead of one callback per link.

A *run* (:data:`RUN`) is a stretch of bare hosts separated by single spaces: each host has 2 to
21 labels of ASCII letters and digits (63 at most each), a TLD of the safe list, no ``www`` nor
``w.w``, and ends before a space or the end of the text. The run starts at the text's start or
after a space that no dot, slash or closing bracket (nor a word ``dot`` or ``point``) comes
before, and the space after its last host is followed by no dot, opening bracket, ``dot`` or
``point``. There :data:`~modkit._text_links.URL` matches each host whole and nothing more: no
match before the run reaches into it (it would need a dot, a scheme's ``//`` or a bracket ending
in that space), no match in it goes on past a host (the next one starts with a letter or a digit),
and nothing in it is a scheme or ``www``. So each host reads as :func:`url_callback` reads it:
`` xxurl `` and its labels, the host itself the link. Elsewhere the URL stage runs as usual;
should a link found there reach into a run after all, the whole text takes the usual way. The
tests check the two ways agree on generated texts.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from modkit._text_links import URL, read_links, url_callback, url_text
from modkit._text_tables import SAFE_TLDS

__all__ = ["MIN_CHARS", "RUN", "url_stage", "url_stage_links"]

_TLD = "|".join(sorted(SAFE_TLDS, key=len, reverse=True))
_HOST = rf"(?!\S*?w\.?w)[a-z0-9]{{1,63}}+(?:\.[a-z0-9]{{1,63}}+){{0,19}}\.(?:{_TLD})"
RUN = re.compile(
    r"(?<![^ ])(?<![./\])}>] )(?<! dot )(?<! point )"
    rf"(?:{_HOST} )*{_HOST}(?: (?![.\[({{<]|dot |point )|\Z)"  # hosts: one way each
)
MIN_CHARS = 2000  # texts shorter than this take the usual way (a run is rare and short there)
_MIN_HOSTS = 8  # shorter runs too
_SAMPLES = 16  # places where a text is probed for a run before it is scanned for them all
_WINDOW = 256  # characters probed at each


def _runs(text: str) -> list[tuple[int, int]]:
    """The spans of the runs of at least ``_MIN_HOSTS`` hosts (trailing space included), in a
    text where probes find one (a scan of the whole text costs milliseconds)."""
    if len(text) < MIN_CHARS or not _probed(text):
        return []
    return [m.span() for m in RUN.finditer(text) if m.group().count(" ") >= _MIN_HOSTS - 1]


def _probed(text: str) -> bool:
    """Whether a run of three hosts or more starts in one of ``_SAMPLES`` windows."""
    step = max(len(text) // _SAMPLES, 1)
    for at in range(0, len(text), step):
        m = RUN.search(text, at, at + _WINDOW)
        if m is not None and m.group().count(" ") >= 2:
            return True
    return False


def _hosts_text(run: str) -> str:
    """What the URL stage makes of ``run``: each host `` xxurl `` and its labels, the spaces
    between hosts kept."""
    core = run[:-1] if run.endswith(" ") else run
    spaced = core.replace(" ", "\x00").replace(".", " ").replace("\x00", "   xxurl ")
    return f" xxurl {spaced} " + run[len(core) :]


def url_stage(text: str) -> str:
    """``URL.sub(url_text, text)``, with its runs of bare hosts read in bulk."""
    runs = _runs(text)
    if not runs:
        return URL.sub(url_text, text)
    parts: list[str] = []
    pos = 0
    for start, end in runs:
        for m in URL.finditer(text, pos):
            if m.start() >= start:
                break
            if m.end() > start:  # a link into the run: cannot be (see above); the usual way
                return URL.sub(url_text, text)
            parts.append(text[pos : m.start()])
            parts.append(url_text(m))
            pos = m.end()
        parts.append(text[pos:start])
        parts.append(_hosts_text(text[start:end]))
        pos = end
    parts.append(URL.sub(url_text, text[pos:]) if pos < len(text) else "")
    return "".join(parts)


def url_stage_links(text: str, offs: Sequence[int] | None, links: list[tuple[int, int]]) -> str:
    """``read_links(URL, url_callback, text, offs, links)`` with runs of bare hosts read in bulk.

    ``offs`` maps ``text`` to the original (None: one to one).
    """
    runs = _runs(text)
    parts: list[str] = []
    pos = 0
    last = len(offs) - 1 if offs is not None else 0
    spans: list[tuple[int, int]] = []
    for start, end in [*runs, (len(text) + 1, len(text) + 1)]:
        for m in URL.finditer(text, pos):
            s, e = m.span()
            if s >= start:
                break
            if e > start:  # a link into the run: cannot be (see above); the usual way
                return read_links(URL, url_callback, text, offs, links)
            repl, _, link = url_callback(m)
            if repl == text[s:e]:
                continue
            if link is not None:
                spans.append((s + link[0], s + link[1]))
            parts.append(text[pos:s])
            parts.append(repl)
            pos = e
        if start > len(text):
            break
        run = text[start:end]
        hosts = run.split()
        lengths = list(map(len, hosts))
        firsts = list(accumulate(map((1).__add__, lengths[:-1]), initial=start))
        spans.extend(zip(firsts, map(operator.add, firsts, lengths), strict=True))
        parts.append(text[pos:start])
        parts.append(_hosts_text(run))
        pos = end
    if offs is None:
        links.extend(spans)
    else:
        for a, b in spans:
            links.append((offs[a], offs[min(bisect_right(offs, offs[b - 1], b), last)]))
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)
