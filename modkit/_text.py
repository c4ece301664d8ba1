"""Normalisation of comment text for scoring, with offsets back to what the author wrote.

One pipeline serves training and scoring. :func:`normalize_text` returns the text only (fast
path); :func:`normalize` returns it with ``offsets`` into the original (for explanations);
:func:`analyse` returns the text and the spans of :func:`find_links` in one pass. All run the
same stages with the same callbacks, so ``normalize_text(t) == normalize(t).text`` for every
``str``. The lookup tables the stages read live in a data module of their own, stages 4-7
(repairs inside words) in :mod:`modkit._text_words`. Nothing here
raises on a ``str`` (lone surrogates are dropped); anything else is a ``TypeError``. Work is
linear in the input: every pattern starts only where a run starts (a lookbehind), repeats
possessively or within a bound, and input longer than :data:`MAX_CHARS` is cut: only its first
``MAX_CHARS`` characters are normalised (and scanned by :func:`find_links`);
``offsets[-1]`` is then ``MAX_CHARS``, the end of the part that was read.

Stages, in order, and the choices they make:

1. Fold, one character at a time (table built lazily, cached): NFKC, case folding, the combining
   marks of the generic blocks dropped (``é`` -> ``e``, zalgo storms vanish; marks that other
   scripts need, Devanagari or Arabic, stay), ``œ`` -> ``oe``, ``ß`` -> ``ss``, ``ø``/``ł``/...,
   letters with hooks, strokes, bars or tails (``ƈ ɗ ƙ ɍ``), small capitals, mathematical,
   fullwidth, circled, parenthesized and negative squared letters and regional indicators ->
   ASCII (variation selectors and other invisibles go with the marks), curly apostrophes
   and quotes -> ASCII ones, dashes -> ``-``; zero-width, bidi and other format characters
   dropped; controls and every kind of space -> one space.
2. Confusables: in a word holding a Cyrillic, Greek, Armenian or Cherokee lookalike (a short
   list of close ones: ``а е о р с у х і ј``..., ``α ε ι κ ν ο ρ υ χ ω``..., and the upper-case
   twins of Latin capitals), every lookalike is mapped to its Latin letter when the word also
   has Latin letters and all its foreign letters have a twin (``cоnnard``), or when the word is
   made of lookalikes only and the text has at least as many Latin letters as unambiguous
   foreign ones (so a lone ``сосо`` in French is read ``coco``). ``привет``, ``москва`` and
   ``сок`` in Russian and ``λογος`` in Greek stay as they are (lower-cased, accents folded).
3. Links, as tokens separated by spaces: ``href``/``src`` values and bbcode ``[url]`` ->
   ``xxurl`` + host words; emails, obfuscated or not (``nom [at] gmail [dot] com``, ``nom
   arobase gmail point com``) -> ``xxemail``; URLs (``https://www.best-casino.ru/x`` -> ``xxurl
   best casino ru``; ``hxxp://``, ``htttps://``, ``www . site . com``, ``site(dot)com``,
   ``site[.]com``, ``site point com``) -> ``xxurl`` + host words; phone numbers (FR ``06 12 34 56
   78``, ``+33 6 ...``, international ``+1 (555) 123-4567`` with 9 to 15 digits, North American
   ``555-123-4567``)
   -> ``xxphone``. A bare ``name.tld`` needs a TLD from a list that leaves out those that are
   French or English words (``.de``, ``.it``, ``.me``...) unless a path follows; spaced or
   spelt-out dots need a short list (``com``, ``fr``, ``org``...); a scheme, ``www`` or
   brackets accept any TLD; a ``$`` or ``*`` inside a label and a TLD with letters in l33t are
   read as l33t and masks (``b3$t-d*al$.1nf0``, ``site.c0m``). ``at`` as a word makes an
   email only with an obfuscated dot (``visit us at site.com`` is a URL). Prices, dates, times,
   years, percentages, ``1 000 000`` and ``+10 000 000`` are not phones.
4. Spaced letters: three or more single letters (or l33t digits) with one and the same
   separator among space, ``.``, ``-``, ``_``, ``*`` are joined (``c o n n a r d``,
   ``v.i.a.g.r.a``, ``U.S.A.`` -> ``usa.``), unless the letters are all common one-letter words
   (``a``, ``y``, ``à``, ``i``, ``o``, ``e``, ``u``) and do not make a known word (``y o u``
   is joined) or fewer than two are letters, or a ``-`` run goes on into a word (``y-a-t-il``);
   initials with a space after the dot (``J. K.``) stay. A run may start right after a single
   letter with another separator (``a f.u.c.k.i.n.g``), or after a space that follows a letter
   after an apostrophe (``aren't s u b``), and ends before a ``!`` no letter follows or an
   apostrophe one does (``b i t c h!!``, ``d o n't``). When spaced words meet
   (``a f u c k i n g s t u p i d``), the joined run, if no known word itself (nor one with an
   ending: ``nightmares``) nor a hashtag (``#b u i l d t h a t w a l l`` is one token), is cut
   at the least cost (``a fucking stupid``): fewer and more frequent words (log ranks, the
   longer lists of ``modkit/_data/words_*.txt``), three- and four-letter words only among the
   most common, an unknown piece of five letters or more between known words (``girlfriend
   quentis``); a cut without a target keeps only pieces of
   five letters or more and ``a``/``i``, or is ``a``/``i`` and one known word (``a mother``), or
   a known word of four letters or more and ``a``/``i`` (``rien a``; runs of four letters are cut
   only then, ``a f a g`` -> ``a fag``); a
   leading ``a`` or ``i`` goes off an unknown word whose rest is known (``a homo``). Runs of at
   most 60 ASCII letters, 2,000 letters a text.
   A letter may carry a mask when the separator is no ``*`` (``t.h*.s``, ``s h o* l d``:
   stage 6 restores the word); such a run is cut into known words with one vowel hidden each
   (``s* c h a n i d i o t`` -> ``s*ch an idiot``), and repeats in a run are squeezed before
   it is cut (``f u u u c k i n g s t u p i d`` -> ``fucking stupid``).
   First, three or more spaced letters with l33t glued right before the first (or before its
   separator) or after the last are joined with it and read as l33t, repeats squeezed, when that
   gives a known word (a masked one that fits one) or known words cut like a run (``1m b e c1l3``
   -> ``imbecile``, ``c0u n t r y`` -> ``country``, ``b1.t.c.h`` -> ``bitch``, ``b u l l$h1t``
   -> ``bullshit``, ``m0t h* f u c k4`` -> ``motha fucka``); else as above (``mp3 abc``).
5. L33t (``0 1 3 4 5 7 @ $ !`` -> ``o i e a s t a s i``, ``11`` -> ``ll``): digits and ``$``
   between two letters of a word are always converted (``c0nnard``, ``a$$hole``); ``!`` and
   ``@`` between letters only when the word then is one of the lexicon's targets (``p!ss``,
   ``f@ggot``), since ``merci!bravo`` is a missing space. A run at the edge of a word is
   converted into a target (``$alope``, ``1d10t``, ``merd3``), or when the rest is a word in
   l33t (``nic3``, ``ball$``, ``4bout``, ``m41$``, ``fr33``), but not in words of fewer than
   four characters (``mp3``, ``4g``, ``1er``, ``2e``), runs of three digits, prices (``$10k``,
   ``us$10``), a number with its unit or ordinal (``3eme``, ``5min``), one letter and no ``$``
   (``4x4``: a size), two edge digits without other l33t unless doubled (``win10``), a lone
   edge ``5`` or ``7`` (``iphone7``), one trailing digit after consonants only (``css3``), nor
   ``@`` and ``!`` (``@jean``, ``bravo!``). Words with other digits stay (``x86``, ``14h30``).
   Three or more of one l33t vowel or ``$`` next to a letter and no other digit are a
   stretched letter (``th1111$`` -> ``this``, stage 7 squeezes it; ``1000km`` stays).
6. Masked words (``* # % •`` after a letter, or ``*`` before one; also after the ``#`` of a
   hashtag, ``#n*ws``, and with l33t, ``$h*uld``, ``1d*0t``): restored from the lexicon when one
   target word of the same length fits the visible letters, first in lexicon order (``f*ck``,
   ``f**k``, ``f#ck`` -> ``fuck``, ``c**`` -> ``con``, ``enc*lé`` -> ``encule``, ``*diot`` ->
   ``idiot``); else, for ``*`` masks hiding fewer letters than they show, to the most frequent
   English or French word that fits, from the common-word lists and the longer ones of
   ``modkit/_data/words_*.txt`` (``wh*ch``, ``*nly``, ``wik*pedia``; ``th*nk`` -> ``think``), words
   of the comment's language first (:func:`modkit._lang.guess_lang`: ``b*en`` is ``been`` in
   English, ``bien`` in French; when the mask is inside a word of four letters or more, those
   hiding only vowels first, then words of the comment's language: ``co*ps`` -> ``coups``,
   ``b*ise`` -> ``baise`` in French), except in
   words of three letters where a close rival fits
   (``f*n``: fun or fan), and a mark at the edge of a word more frequent than the word it would
   make (``note*``, ``*very``); then the same with repeats squeezed, a mask inside or next to a run
   of one letter read as it (``haa*aate``, ``f*ckkk``), and, in words of four characters or more,
   l33t read as letters (``$h0*ld`` -> ``should``, kept as written when nothing fits); otherwise
   every run of two or more masks, and every ``*``, becomes one ``*`` so that variants of one
   masking agree (a lone ``#``, as in ``page#part``, stays).
7. Repeats: a run of three or more of one letter becomes one letter for a vowel and two for a
   consonant (``connaaaard`` and ``connnnard`` -> ``connard``, ``nuuul`` -> ``nul``), one for a
   consonant at the start of a word with a vowel or next to another consonant, where English and
   French never double one (``ccccrever`` -> ``crever``; ``hmmm``, ``grrr`` have no vowel),
   unless another choice of one or two per run (or the run of three as it is) gives a lexicon
   word (``cooool`` -> ``cool``, ``bitchhh`` -> ``bitch``, ``créée`` stays ``creee``), or else a
   common English or French word (the most frequent that fits: ``freeee`` -> ``free``,
   ``bookmmmark`` -> ``bookmark``), or else a word of the longer lists with no run of three
   (``colllon`` -> ``colon``). Double letters (``coopération``, ``cool``, ``bonne``) are never
   touched.
8. Spaces collapsed and stripped.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from modkit._text_links import (
    ANCHOR,
    BBCODE,
    EMAIL,
    MARKUP,
    PHONE,
    PHONE_HINT,
    URL,
    email_callback,
    email_hint,
    email_stage,
    markup_callback,
    markup_hint,
    phone_callback,
    read_links,
    url_callback,
    url_hint,
)
from modkit._text_links_bulk import url_stage, url_stage_links
from modkit._text_tables import CONF_LOWER, CONF_UPPER, GENERIC_MARKS, SPECIAL
from modkit._text_words import (
    CACHED_WORD,
    LEET_SEED,
    MASKED,
    TRIPLE_HINT,
    Callback,
    Edit,
    Result,
    glued_edits,
    glued_hint,
    leet_edits,
    masked_callback,
    spaced_edits,
    spaced_hint,
    squeeze_edits,
)
from modkit._text_words_bulk import leet_text, masked_text

__all__ = [
    "MAX_CHARS",
    "Analysis",
    "Normalized",
    "analyse",
    "analyse_folded",
    "find_links",
    "fold",
    "fold_map",
    "normalize",
    "normalize_text",
    "strips_markup",
]

MAX_CHARS: int = 65_525
"""Only the first ``MAX_CHARS`` characters of a longer input are normalised."""


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text and, for each of its characters, the index in the original that made it.

    ``offsets`` has ``len(text) + 1`` entries, never decreasing; the last one is the length of
    the original (of its first :data:`MAX_CHARS` characters when it was longer).
    """

    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``text[start:end]`` to the span of the original that produced it.

        The end is the start of what produced the next character, so characters that were
        dropped right after the span (zero-width, separators) are included.

        Raises:
            ValueError: unless ``0 <= start <= end <= len(text)``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside 0..{len(self.text)}")
        offs = self.offsets
        if start == end:
            return offs[start], offs[start]
        after = min(bisect_right(offs, offs[end - 1], end), len(offs) - 1)
        return offs[start], offs[after]


def normalize(text: str, /) -> Normalized:
    """Normalise ``text`` for scoring and keep the offsets of every character in the original.

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    src = _checked(text)
    out, offs = _run_full(src, None, len(_STAGES))
    return Normalized(out, tuple(offs))


def normalize_text(text: str, /) -> str:
    """Return ``normalize(text).text``, faster (no offsets).

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    out = _fold_confusables(_checked(text))
    for stage in _STAGES:
        out = stage.fast(out)
    return out.strip(" ")


class Analysis:
    """One text read once: ``text`` is :func:`normalize_text`'s result, ``links``
    :func:`find_links`'s (as a tuple).

    Links are found in the same pass as the text, except in a text holding HTML anchors or BBCode
    links that the link counter strips first (:func:`strips_markup`): there on first use.
    """

    __slots__ = ("_links", "_source", "text")

    def __init__(
        self, text: str, links: tuple[tuple[int, int], ...] | None, source: str = ""
    ) -> None:
        self.text = text
        self._links = links
        self._source = source

    @property
    def links(self) -> tuple[tuple[int, int], ...]:
        """The ``(start, end)`` spans of the links in the original text, in order."""
        if self._links is None:
            self._links = tuple(find_links(self._source))
        return self._links

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Analysis):
            return NotImplemented
        return (self.text, self.links) == (other.text, other.links)

    def __hash__(self) -> int:
        return hash((self.text, self.links))

    def __repr__(self) -> str:
        return f"Analysis(text={self.text!r}, links={self.links!r})"


_MARKUP_LINK = re.compile(r"<a|\[url", re.IGNORECASE)


def strips_markup(text: str, /) -> bool:
    """Whether ``text`` holds an HTML anchor or a BBCode link that the link counter strips
    before counting the rest (:data:`~modkit._text_links.ANCHOR`, ``BBCODE``)."""
    return _MARKUP_LINK.search(text) is not None and (
        ANCHOR.search(text) is not None or BBCODE.search(text) is not None
    )


def analyse(text: str, /) -> Analysis:
    """Normalise ``text`` and find its links in one pass (faster than both calls).

    Offsets are tracked only when a link stage may match; otherwise this is
    :func:`normalize_text`.

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    return analyse_folded(text, None)


def analyse_folded(text: str, folded: str | None, /) -> Analysis:
    """:func:`analyse`, given ``fold(text)`` when the caller has it (None: fold here).

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    src = _checked(text)
    if folded is None or len(src) != len(text):
        folded = _fold_confusables(src)
    out = folded
    spans: list[tuple[int, int]] = []
    rest: Sequence[_Stage] = ()
    deferred = False
    for i, stage in enumerate(_STAGES):
        if i < _LINK_STAGES_END and stage.links and not deferred:
            if not stage.hint(out):
                continue  # as fast() would, without asking the hint again
            if not strips_markup(src):
                out = _links_from(i, out, src, folded, spans)
                rest = _STAGES[_LINK_STAGES_END:]
                break
            deferred = True  # links on first use, if ever
        out = stage.fast(out)
    for stage in rest:
        out = stage.fast(out)
    links = None if deferred else tuple(sorted(set(spans)))
    return Analysis(out.strip(" "), links, src)


def fold(text: str, /) -> str:
    """Fold ``text`` for comparisons: stages 1 and 2 only (case, accents, ligatures, widths,
    invisibles, lookalike letters in Latin words), one character of output per letter kept.

    The package's one text fold: word lists, duplicate fingerprints and the scorer all use it.
    Unlike :func:`normalize`, the whole text is folded (no :data:`MAX_CHARS` cut).

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return _fold_confusables(str.__str__(text))


def fold_map(text: str, /) -> Normalized:
    """:func:`fold` with ``offsets`` into ``text`` (see :class:`Normalized`).

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    folded = fold(text)
    return Normalized(folded, tuple(_fold_offsets(str.__str__(text))))


def _fold_confusables(src: str) -> str:
    """Stages 1 and 2 (fast path): each distinct word with a lookalike is mapped once, the text
    is left as it is when none changes, and its letters are counted (:func:`_latin_text`) only
    when a word of lookalikes alone needs it."""
    out = _fold(src)
    if out.isascii() or _CONF_ANY.search(out) is None:  # _latin_text's None
        return out
    parts = _CONF_WORD_SPLIT.split(out)  # text, word, text, ..., text
    words = set(parts[1::2])
    latin_text: bool | None = None
    mapping: dict[str, str] = {}
    many = len(words) > _CONF_CACHE_SIZE  # more than the cache holds: it would only cost
    for word in words:
        if many or len(word) > _CACHED_WORD:
            if_latin, otherwise = _word_forms(word)
        else:
            if_latin, otherwise = _word_forms_cached(word)
        if if_latin is not otherwise:  # lookalikes only: the text decides
            if latin_text is None:
                latin_text = bool(_latin_text(out))
            if_latin = if_latin if latin_text else otherwise
        if if_latin != word:
            mapping[word] = if_latin
    if not mapping:
        return out
    parts[1::2] = map(mapping.get, parts[1::2], parts[1::2])
    return "".join(parts)


def find_links(text: str, /) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans in ``text`` of every URL, obfuscated or not.

    Covers what :func:`normalize` turns into ``xxurl``: plain and obfuscated URLs, ``href`` and
    ``src`` values, bbcode ``[url]``. Emails are not links. Only the first :data:`MAX_CHARS`
    characters are scanned.

    Raises:
        TypeError: if ``text`` is not a ``str``.
    """
    src = _checked(text)
    out = folded = _fold_confusables(src)
    for i, stage in enumerate(_STAGES[:_LINK_STAGES_END]):
        if stage.links and stage.hint(out):  # a link may be here: track offsets
            links: list[tuple[int, int]] = []
            _links_from(i, out, src, folded, links)
            return sorted(set(links))
        out = out if stage.links else stage.fast(out)  # a link stage's hint said no already
    return []  # no link stage ran: the offset path would find none either


def _links_from(start: int, text: str, src: str, folded: str, links: list[tuple[int, int]]) -> str:
    """Run the link stages from ``start`` on ``text`` (the fast path's text before it; from stage 0
    on stages 1-2's output if that was changed), recording links; offsets only for link stages."""
    offs: list[int] | None = None if src.isascii() else _fold_offsets(src)  # None: one to one
    if text is not folded:
        text, start = folded, 0
    pending: list[tuple[list[_Edit], str]] = []  # (edits, text before them) since ``offs``
    for i in range(start, _LINK_STAGES_END):
        stage = _STAGES[i]
        if not stage.hint(text):
            continue
        if not stage.links:
            edits = list(stage.edits(text))
            pending.append((edits, text))
            text = _apply_edits(edits, text)
            continue
        for edits, before in pending:  # the offsets of the stages since ``offs``, now needed
            if edits:
                base = list(range(len(before) + 1)) if offs is None else offs
                offs = _apply_full(edits, before, base, None)[1]
        kept: list[_Edit] | None = [] if i < _LINK_STAGES_END - 1 else None  # for a later stage
        pending = [] if kept is None else [(kept, text)]
        assert stage.pattern is not None
        assert not isinstance(stage.callback, str)
        if stage.pattern is URL and kept is None:  # runs of bare hosts in bulk
            text = url_stage_links(text, offs, links)
        else:
            text = read_links(stage.pattern, stage.callback, text, offs, links, edits=kept)
    return text


def _checked(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return str.__str__(text)[:MAX_CHARS]


# --- 1. fold ----------------------------------------------------------------------------------


def _generic_mark(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in GENERIC_MARKS)


#: Lower-case lookalikes that NFKC would turn into another letter (``ϲ`` -> ``σ``, ``ϱ`` -> ``ρ``):
#: kept by stage 1 for stage 2, which maps them in a Latin word and folds them otherwise.
_CONF_KEPT = {
    ch: unicodedata.normalize("NFKC", ch).casefold()
    for ch in CONF_LOWER
    if unicodedata.normalize("NFKC", ch).casefold() != ch
}


def _fold_char(ch: str) -> str:
    """What one character of the original becomes in stage 1."""
    special = SPECIAL.get(ch)
    if special is not None:
        return special
    if ch in CONF_UPPER or ch in _CONF_KEPT:
        return ch
    cat = unicodedata.category(ch)
    if cat in ("Cn", "Co"):  # unassigned, private use: as they are
        return ch
    if cat in ("Cf", "Cs"):
        return ""
    if cat in ("Cc", "Zs", "Zl", "Zp"):
        return " "
    if _generic_mark(ch):
        return ""
    compat = unicodedata.normalize("NFKC", ch)
    if compat in CONF_UPPER:
        return compat
    out: list[str] = []
    for c in unicodedata.normalize("NFKD", compat.casefold()):
        if _generic_mark(c):
            continue
        special = SPECIAL.get(c)
        if special is not None:
            out.append(special)
            continue
        cat = unicodedata.category(c)
        if cat in ("Cf", "Cs"):
            continue
        out.append(" " if cat in ("Cc", "Zs", "Zl", "Zp") else c)
    return unicodedata.normalize("NFC", "".join(out))


class _FoldTable(dict[int, str]):
    """Code point -> folded string, for ``str.translate``; filled on first use.

    Unassigned and private-use code points fold to themselves and are not kept, so the table
    holds at most the assigned characters (about 300,000).
    """

    def __missing__(self, key: int) -> str:
        ch = chr(key)
        value = _fold_char(ch)
        if value != ch or unicodedata.category(ch) not in ("Cn", "Co"):
            self[key] = value
        return value


_FOLD = _FoldTable()
_ASCII_CTRL = re.compile(r"[\x00-\x1f\x7f]")
_NEEDS_TABLE = re.compile(r"[^\x20-\x7e]+")
# Scripts with upper-case lookalikes (kept upper case by the table, lost by ``str.lower``).
_LOOKALIKE_SCRIPTS = re.compile(r"[\u0370-\u058f\u13a0-\u13ff]")


def _translate(m: re.Match[str]) -> str:
    return m.group().translate(_FOLD)


def _dense(text: str) -> bool:
    """Whether more than one UTF-8 byte in eight of ``text`` is past ASCII: there the table read
    for every character is faster than a callback for each run of non-ASCII characters."""
    return len(text.encode("utf-8", "surrogatepass")) - len(text) > len(text) >> 3


def _fold(text: str) -> str:
    """Stage 1: ``"".join(_FOLD[ord(c)] for c in text)``, by the fastest way that gives it."""
    if text.isascii():
        text = text.lower()
        return text if text.isprintable() else _ASCII_CTRL.sub(" ", text)
    if _LOOKALIKE_SCRIPTS.search(text) is not None or _dense(text):
        return text.translate(_FOLD)
    # Folding a character gives what folding its lower case gives (tests check every code
    # point), and printable ASCII folds to its lower case: only the rest needs the table.
    return _NEEDS_TABLE.sub(_translate, text.lower())


def _fold_full(text: str) -> tuple[str, list[int]]:
    return _fold(text), _fold_offsets(text)


class _FoldLengths(dict[int, str]):
    """Code point -> ``chr(len(fold of it))``, for ``str.translate``; filled on first use."""

    def __missing__(self, key: int) -> str:
        value = self[key] = chr(len(_FOLD[key]))
        return value


_FOLD_LENGTHS = _FoldLengths()
_NOT_ONE = re.compile("[^\x01]+")  # characters that fold to none or to several


def _fold_offsets(text: str) -> list[int]:
    """The offsets of stage 1's output (stage 2 keeps them: it maps one letter to one)."""
    if text.isascii():
        return list(range(len(text) + 1))
    lengths = text.translate(_FOLD_LENGTHS)
    offs: list[int] = []
    pos = 0
    for m in _NOT_ONE.finditer(lengths):  # between runs, one output character per input one
        start, end = m.span()
        offs.extend(range(pos, start))
        for i in range(start, end):
            n = ord(lengths[i])
            if n == 1:
                offs.append(i)
            elif n:
                offs.extend([i] * n)
        pos = end
    offs.extend(range(pos, len(text) + 1))
    return offs


# --- 2. confusables ---------------------------------------------------------------------------

_CONF_MAP = str.maketrans({**CONF_LOWER, **CONF_UPPER})
_CONF_UPPER_LOWER = str.maketrans({**{k: k.casefold() for k in CONF_UPPER}, **_CONF_KEPT})
_CONF_CLASS = "".join(sorted({*CONF_LOWER, *CONF_UPPER}))
_CONF_ANY = re.compile(f"[{_CONF_CLASS}]")
_CONF_WORD = re.compile(rf"(?<![^\W_])[^\W_]*?[{_CONF_CLASS}][^\W_]*+")
_CONF_WORD_SPLIT = re.compile(f"({_CONF_WORD.pattern})")
_LATIN_LETTER = re.compile(r"[a-z\u00df-\u024f\u1e00-\u1eff]")
_FOREIGN_RANGES = "\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u0530-\u058f\u13a0-\u13ff\uab70-\uabbf"
_FOREIGN_UNAMBIGUOUS = re.compile(f"(?![{_CONF_CLASS}])[{_FOREIGN_RANGES}]")
# In a word: a letter that is neither Latin nor a lookalike.
_UNMAPPABLE = re.compile(f"[^a-z0-9\u00df-\u024f\u1e00-\u1eff{_CONF_CLASS}]")

_Result = Result
_Callback = Callback


def _latin_text(text: str) -> bool | None:
    """Whether ``text`` has at least as many Latin letters as unambiguous foreign ones; None
    when it has no lookalike at all."""
    if text.isascii() or _CONF_ANY.search(text) is None:
        return None
    latin = len(text) - len(_LATIN_LETTER.sub("", text))
    foreign = len(text) - len(_FOREIGN_UNAMBIGUOUS.sub("", text))
    return latin >= foreign


def _confusable_callback(text: str) -> _Callback | None:
    """The word callback of stage 2 for ``text``, or None when it has no lookalike at all."""
    latin_text = _latin_text(text)
    if latin_text is None:
        return None

    def callback(m: re.Match[str]) -> _Result:
        word = m.group()
        if len(word) > _CACHED_WORD:
            return _confusable_word(word, latin_text), None, None
        return _confusable_word_cached(word, latin_text), None, None

    return callback


def _confusable_word(word: str, latin_text: bool) -> str:
    if _UNMAPPABLE.search(word) is None and (latin_text or _LATIN_LETTER.search(word) is not None):
        return word.translate(_CONF_MAP)
    return word.translate(_CONF_UPPER_LOWER)


_CACHED_WORD = CACHED_WORD
_CONF_CACHE_SIZE = 4096
_confusable_word_cached = functools.lru_cache(maxsize=_CONF_CACHE_SIZE)(_confusable_word)


def _word_forms(word: str) -> tuple[str, str]:
    """``_confusable_word(word, True)`` and ``(word, False)``: the same object unless the word
    holds lookalikes alone (no Latin letter, nothing unmappable)."""
    if _UNMAPPABLE.search(word) is not None:
        kept = word.translate(_CONF_UPPER_LOWER)
        return kept, kept
    mapped = word.translate(_CONF_MAP)
    if _LATIN_LETTER.search(word) is not None:
        return mapped, mapped
    return mapped, word.translate(_CONF_UPPER_LOWER)


_word_forms_cached = functools.lru_cache(maxsize=_CONF_CACHE_SIZE)(_word_forms)


# --- pipeline ---------------------------------------------------------------------------------

_Edit = Edit


@dataclass(frozen=True, slots=True)
class _Stage:
    """A regex with its callback (or a custom finder), run only when ``hint`` says it may match."""

    hint: Callable[[str], bool]
    pattern: re.Pattern[str] | None = None
    callback: _Callback | str = ""
    finder: Callable[[str, bool], Iterator[_Edit]] | None = None
    links: bool = False
    fast_text: Callable[[str], str] | None = None  # the fast path's own, if any

    def edits(self, text: str, sources: bool = True) -> Iterator[_Edit]:
        if self.finder is not None:
            yield from self.finder(text, sources)
            return
        assert self.pattern is not None
        cb = self.callback
        if isinstance(cb, str):
            for m in self.pattern.finditer(text):
                yield m.start(), m.end(), cb, None, None
            return
        for m in self.pattern.finditer(text):
            repl, src, link = cb(m)
            s, e = m.span()
            if repl != text[s:e]:
                yield s, e, repl, src, link

    def fast(self, text: str) -> str:
        if not self.hint(text):
            return text
        if self.fast_text is not None:
            return self.fast_text(text)
        if self.pattern is None:
            parts: list[str] = []
            pos = 0
            for start, end, repl, _, _ in self.edits(text, sources=False):
                parts.append(text[pos:start])
                parts.append(repl)
                pos = end
            parts.append(text[pos:])
            return "".join(parts)
        cb = self.callback
        if isinstance(cb, str):
            return self.pattern.sub(cb, text)
        return self.pattern.sub(lambda m: cb(m)[0], text)


def _link_span(offs: list[int], s: int, link: tuple[int, int]) -> tuple[int, int]:
    """The span in the original of ``link`` (relative to an edit at ``s``)."""
    a, b = s + link[0], s + link[1]
    after = min(bisect_right(offs, offs[b - 1], b), len(offs) - 1)
    return offs[a], offs[after]


def _apply_edits(edits: Iterable[_Edit], text: str) -> str:
    """``text`` with ``edits`` applied (no offsets, no links)."""
    parts: list[str] = []
    pos = 0
    for s, e, repl, _, _ in edits:
        parts.append(text[pos:s])
        parts.append(repl)
        pos = e
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def _apply_full(
    edits: Iterable[_Edit], text: str, offs: list[int], links: list[tuple[int, int]] | None
) -> tuple[str, list[int]]:
    parts: list[str] = []
    new: list[int] = []
    pos = 0
    for s, e, repl, src, link in edits:
        if links is not None and link is not None:
            links.append(_link_span(offs, s, link))
        parts.append(text[pos:s])
        new.extend(offs[pos:s])
        parts.append(repl)
        if isinstance(src, slice):
            a, b = s + src.start, s + src.stop
            new.extend(offs[s:a])
            new.extend([offs[a]] * (len(repl) - (a - s) - (e - b) - 1))
            new.append(offs[b])
            new.extend(offs[b:e])
        elif src is not None:
            new.extend([offs[s + r] for r in src])
        elif len(repl) == e - s:
            new.extend(offs[s:e])
        else:
            new.extend([offs[s]] * len(repl))
        pos = e
    if not parts:
        return text, offs
    parts.append(text[pos:])
    new.extend(offs[pos:])
    return "".join(parts), new


def _always(text: str) -> bool:
    return True


def _double_space(text: str) -> bool:
    return "  " in text


def _mask_hint(text: str) -> bool:
    return "*" in text or "#" in text or "%" in text or "•" in text


# A letter (no digit) or mask that may be one of a spaced run: stage 4 joins a run only when it
# holds two of them (``1 2 3 4`` stays), so a text with fewer is passed over (one scan, not one
# step per digit run).
_SPACED_LETTER = re.compile(r"\*|[^\W\d_](?![^\W_])(?<![^\W_].)")


def _spaced_letters_hint(text: str) -> bool:
    """Whether stage 4 may join a run in ``text``: its seed is there, and two letters or masks
    that may stand alone."""
    if not spaced_hint(text):
        return False
    found = _SPACED_LETTER.finditer(text)
    return next(found, None) is not None and next(found, None) is not None


def _search(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.search(text) is not None


_MULTISPACE = re.compile(r"  +")
_STAGES: tuple[_Stage, ...] = (
    _Stage(_double_space, _MULTISPACE, " "),
    _Stage(markup_hint, MARKUP, markup_callback, links=True),
    _Stage(email_hint, EMAIL, email_callback, fast_text=email_stage),
    _Stage(url_hint, URL, url_callback, links=True, fast_text=url_stage),
    _Stage(_search(PHONE_HINT), PHONE, phone_callback),
    _Stage(_double_space, _MULTISPACE, " "),
    _Stage(glued_hint, finder=glued_edits),
    _Stage(_spaced_letters_hint, finder=spaced_edits),
    _Stage(_search(LEET_SEED), finder=leet_edits, fast_text=leet_text),
    _Stage(_mask_hint, MASKED, masked_callback, fast_text=masked_text),
    _Stage(_search(TRIPLE_HINT), finder=squeeze_edits),
    _Stage(_double_space, _MULTISPACE, " "),
)
_LINK_STAGES_END = 4  # find_links runs the stages up to URLs only


def _run_full(
    src: str, links: list[tuple[int, int]] | None, stages_end: int
) -> tuple[str, list[int]]:
    text, offs = _run_stages(src, links, stages_end)
    lead = len(text) - len(text.lstrip(" "))
    stripped = text.strip(" ")
    return stripped, [*offs[lead : lead + len(stripped)], offs[-1]]


def _run_stages(
    src: str, links: list[tuple[int, int]] | None, stages_end: int
) -> tuple[str, list[int]]:
    """Stages 1 and 2, then ``_STAGES[:stages_end]``, with offsets (not stripped)."""
    text, offs = _fold_full(src)
    conf = _confusable_callback(text)
    if conf is not None:
        stage = _Stage(_always, _CONF_WORD, conf)
        text, offs = _apply_full(stage.edits(text), text, offs, None)
    for stage in _STAGES[:stages_end]:
        if stage.hint(text):
            found = links if stage.links else None
            text, offs = _apply_full(stage.edits(text), text, offs, found)
    return text, offs
