"""Stages 4 to 7 of the normaliser (:mod:`modkit._text`): spaced letters, l33t, masked words
and repeats, the repairs made inside words, with the lexicon they may restore.

Each stage is a finder (``text, sources -> edits``) or a regex with its callback, run by the
pipeline of :mod:`modkit._text`, which documents what every stage does. Linear in the input:
every pattern starts where a run starts, repeats possessively, and per-word work is bounded.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from modkit._lang import guess_lang
from modkit._text_ranks import MIN_GUESSED, common_ranks, common_words, is_common_word, known_ranks
from modkit._text_ranks import lang_ranks as _lang_ranks
from modkit._text_tables import LEET, PLAIN_WORDS, TARGET_WORDS

__all__ = [
    "CACHED_WORD",
    "LEET_SEED",
    "MASKED",
    "SPACED_SEED",
    "TRIPLE_HINT",
    "Callback",
    "Edit",
    "Result",
    "glued_edits",
    "glued_hint",
    "is_common_word",
    "leet_edits",
    "masked_callback",
    "spaced_edits",
    "spaced_hint",
    "squeeze_edits",
]

#: What a regex callback returns: the replacement, the source of each replacement character
#: (see :data:`Edit`), and the span of a link in the match, if any.
Result = tuple[str, Sequence[int] | slice | None, tuple[int, int] | None]
Callback = Callable[[re.Match[str]], Result]
#: (start, end, replacement, source, link span): the source is the index in the match of what
#: made each replacement character, or a slice (see ``modkit._text._token``), or None for "same
#: length: one for one, else all from the start".
Edit = tuple[int, int, str, Sequence[int] | slice | None, tuple[int, int] | None]
#: Words up to this length have their stage results cached.
CACHED_WORD = 40


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- 4. spaced letters ------------------------------------------------------------------------

# A run of single letters with one separator, starting at a word start that is no apostrophe's end.
# A letter ends the run before a separator, a character that is no part of a word, the end, a
# ``!`` that no letter follows (``b i t c h!!``) or an apostrophe that one does (``d o n't``).
_RUN_END = r"(?=(?P=sep)|[^\w*#%•@$!']|!(?![^\W_])|'(?=[^\W\d_])|\Z)"
_RUN = (
    r"(?<![^\W_])(?<!')"
    rf"[^\W_](?P<sep>[ .\-_*])[^\W_]{_RUN_END}"
    rf"(?:(?P=sep)[^\W_]{_RUN_END})++"
)
# The same where a letter may carry a mask, the separator being no ``*`` (``t.h*.s``,
# ``*.n.l.y``): tried where a run stops at a mask.
_STAR_FIRST = r"(?:[^\W_](?:\*(?=[ .\-_]))?+|\*(?=[ .\-_][^\W_]))"
_STAR = r"(?:\*(?=(?P=sep)|[^\w*#%•@$!']|\Z))?+"
_STARRED_RUN = re.compile(
    r"(?<![^\W_])(?<!')"
    rf"{_STAR_FIRST}(?P<sep>[ .\-_])[^\W_]{_STAR}{_RUN_END}"
    rf"(?:(?P=sep)[^\W_]{_STAR}{_RUN_END})++"
)
# Not right after a single letter (no apostrophe's end) and a separator (the run would start
# there): tried first.
_SPACED_RUN = re.compile(r"(?<!(?<![^\W_])(?<!')[^\W_][ .\-_*])" + _RUN)
# Without that condition, tried where it refused (see spaced_edits).
_SPACED_RUN_AFTER_SINGLE = re.compile(_RUN)
_COMMON_SINGLES = frozenset("ayioeu")
_HYPHEN_WORD = re.compile(r"-[^\W_]")


def _spaced_callback(m: re.Match[str], budget: list[int]) -> Result:
    """Stage 4 on one run; ``budget[0]``: how many more letters of this text may be cut into
    words (bounded work), lowered here."""
    s = m.group()
    # where each letter (or mask) of the run is in the match
    idx: Sequence[int] | None = None
    if "*" in s and (sep := m.group("sep")) != "*":
        idx = [i for i, c in enumerate(s) if c != sep]
        chars = "".join([s[i] for i in idx])
    else:
        chars = s[::2]
    letters = [c for c in chars if not c.isdigit()]
    if len(letters) < 2 or (
        all(c in _COMMON_SINGLES for c in letters)
        and not (len(set(chars)) > 2 and chars in _common_ranks())  # ``y o u``, not ``a y a``
    ):
        return s, None, None
    sep = m.group("sep")
    if sep == "-" and _HYPHEN_WORD.match(m.string, m.end()):
        return s, None, None
    if idx is None:
        idx = range(0, len(s), 2)
    if len(chars) <= _MAX_SEGMENTED and _RUN3.search(chars) is not None:
        # repeats squeezed first, so the run may be cut (``h a a a a t e y o u``)
        squeezed, src = _squeeze_word_cached(chars, True)
        if src is not None and squeezed.isalpha():
            chars, idx = squeezed, [idx[j] for j in src]
    cuts: tuple[int, ...] = ()
    tag = m.string[m.start() - 1 : m.start()] == "#"  # one token, not cut (``#b u i l d t h a t``)
    if _MIN_RUN_CUT <= len(chars) <= min(_MAX_SEGMENTED, budget[0]) and not tag:
        budget[0] -= len(chars)
        masks = "*" in chars and sep != "*"
        cuts = _segment_cached(chars, tuple(s[i - 1] == sep for i in idx) if masks else None)
    if not cuts:
        return chars, idx, None
    # A space goes back to the separator it stands for (right before its piece).
    pieces = [chars[a:b] for a, b in itertools.pairwise((0, *cuts, len(chars)))]
    source = [idx[i] for i in range(cuts[0])]
    for a, b in itertools.pairwise((*cuts, len(chars))):
        source.append(idx[a] - 1)
        source.extend(idx[i] for i in range(a, b))
    return " ".join(pieces), source, None


#: Runs of spaced letters are cut into words only up to this many letters (bounded work), into
#: pieces of at most ``_MAX_PIECE`` letters; a piece of three or four letters must rank better
#: than ``_SHORT_RANK`` among the known words.
_MAX_SEGMENTED = 60
#: Runs are cut from this many letters; those of four only with ``a``/``i`` at an end (``a fag``).
_MIN_RUN_CUT = 4
_MAX_PIECE = 20
_SHORT_RANK = 2000
#: The cost of a piece: ``_PIECE_COST`` plus the log of its rank (the rank of a lexicon target
#: is ``_TARGET_RANK``, of ``a`` and ``i`` ``_TARGET_RANK``, of other one- or two-letter words
#: ``_SHORT_RANK``), so a cut prefers fewer and more frequent words. A piece of no known word
#: costs ``_UNKNOWN_COST`` plus ``_UNKNOWN_LETTER`` a letter: a name or a typo between known
#: words (``girlfriend quentis a``), never cheaper than a known word of the same letters.
_PIECE_COST = 8.0
_TARGET_RANK = 20
_UNKNOWN_COST = 18.0
_UNKNOWN_LETTER = 3.0
#: An unknown piece has at least this many letters, unless it is the whole run.
_MIN_UNKNOWN = 5
_TOP_SINGLES = frozenset("ai")
_MASKED_VOWELS = "aeiouy"
#: A run of one unknown word is cut after a leading ``a`` or ``i`` only from this many letters.
_PLAIN_PIECE = 5
#: One- and two-letter words a run may be cut into ("a f u c k i n g" -> ``a fucking``).
_SHORT_WORDS = _words("""
    a i u y à
    an as at be by do go he if in is it me my no of on or so to up us we
    t ai au ce de du en es et il je la le ma me ne on ou sa se si ta te tu un
""")


def _segment(run: str, starts: Sequence[bool] | None = None) -> tuple[int, ...]:
    """Where to cut a run of joined spaced letters into words, when spaced words met
    (``fuckingstupid`` -> ``fucking stupid``), or ``()`` to leave it whole: the run is a word
    itself, holds anything but ASCII letters, is too long, or cannot be cut into known words
    (lexicon targets, known words of :func:`_known_ranks`, and for pieces of three or four
    letters only the most common ones, so ``macron`` is not cut into ``mac ron``; of one or two
    letters only a short list). The cut has the least cost: fewer words, then more frequent
    ones (the sum of the logs of their ranks). With ``starts`` (where a letter of the run
    starts, a mask being part of the letter before it), a piece may hold one mask (``*``) for
    one vowel of a known word, and cuts fall only where letters start."""
    n = len(run)
    if n < _MIN_RUN_CUT or n > _MAX_SEGMENTED or not run.isascii():
        return ()
    if n < 5 and run[0] not in _TOP_SINGLES and run[-1] not in _TOP_SINGLES:
        return ()
    if not run.isalpha() and (starts is None or run.count("*") * 3 > n):
        return ()
    if not run.replace("*", "").isalpha():
        return ()
    rank = _known_ranks()
    if run in _LEXICON or _known_form(run, rank):
        return ()

    def cost(word: str) -> float | None:
        if "*" in word:
            if word.count("*") > 1 or len(word) < _MIN_GUESSED:
                return None
            shown = [word.replace("*", v) for v in _MASKED_VOWELS]
            if any(w in _LEXICON for w in shown):
                return _PIECE_COST + _LOG_RANK[_TARGET_RANK]
            fits = min(rank.get(w, _UNKNOWN) for w in shown)
            return None if fits == _UNKNOWN else _PIECE_COST + math.log(fits + 2)
        if word in _LEXICON or word in _TOP_SINGLES:
            return _PIECE_COST + _LOG_RANK[_TARGET_RANK]
        if word in _SHORT_WORDS:
            return _PIECE_COST + _LOG_RANK[_SHORT_RANK]
        known = rank.get(word)
        if known is None or len(word) <= 2 or (len(word) <= 4 and known >= _SHORT_RANK):
            if len(word) < _MIN_UNKNOWN and len(word) < n:
                return None
            return _UNKNOWN_COST + _UNKNOWN_LETTER * len(word)
        return _PIECE_COST + math.log(known + 2)

    # best[i]: (cost, previous cut) of the best cut of run[:i]
    best: list[tuple[float, int] | None] = [None] * (n + 1)
    best[0] = (0.0, 0)
    for end in range(1, n + 1):
        if starts is not None and end < n and not starts[end]:
            continue  # no cut inside a letter and its mask
        for start in range(max(0, end - _MAX_PIECE), end):
            prev = best[start]
            if prev is None:
                continue
            word_cost = cost(run[start:end])
            if word_cost is None:
                continue
            current = best[end]
            if current is None or prev[0] + word_cost < current[0]:
                best[end] = (prev[0] + word_cost, start)
    last = best[n]
    if last is None:
        return ()
    if last[1] == 0:
        # one unknown word: a leading ``a`` or ``i`` goes when the rest is a word or is cut
        # into words (``a homo``, ``a notable beggar``, not ``a xeman``)
        if run[0] in _TOP_SINGLES and n >= _PLAIN_PIECE:
            rest = _segment(run[1:])
            if rest or _known_form(run[1:], rank):
                return (1, *(1 + cut for cut in rest))
        return ()
    cuts: list[int] = []
    at = last[1]
    while at > 0:
        cuts.append(at)
        entry = best[at]
        assert entry is not None
        at = entry[1]
    cuts.reverse()
    pieces = [run[a:b] for a, b in itertools.pairwise((0, *cuts, n))]
    if "*" in run:  # masked pieces: known words only, stage 6 restores them
        if all(
            cost(piece) is not None and (len(piece) > 2 or piece in _SHORT_WORDS)
            for piece in pieces
        ):
            return tuple(cuts)
        return ()
    head, tail = pieces[0], pieces[-1]  # ``i hate``, ``rien a``
    if (
        any(piece in _LEXICON for piece in pieces)
        or all(len(piece) >= _PLAIN_PIECE or piece in _TOP_SINGLES for piece in pieces)
        or (len(pieces) == 2 and head in _TOP_SINGLES and tail in rank)
        or (len(pieces) == 2 and tail in _TOP_SINGLES and len(head) > 3 and head in rank)
    ):
        return tuple(cuts)
    return ()


_segment_cached = functools.lru_cache(maxsize=1024)(_segment)
#: Runs are cut into words for at most this many letters per text (bounded work).
_SEGMENTED_PER_TEXT = 2000
_LOG_RANK = {r: math.log(r + 2) for r in (_TARGET_RANK, _SHORT_RANK)}
#: Endings of inflected and derived English and French words, longest first: a run that is a
#: known word with one of them (``nightmares``, ``mindlessly``) is a word, not cut.
_ENDINGS = tuple(
    sorted(
        _words("s es ed d ing ly er ers ness ment ments e ee ees ent x ly able ful less ism ist"),
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 4


def _known_form(word: str, rank: dict[str, int]) -> bool:
    """Whether ``word`` is known, or a known word of four letters or more with an ending."""
    if word in rank:
        return True
    return any(
        word.endswith(end) and len(word) - len(end) >= _MIN_STEM and word[: -len(end)] in rank
        for end in _ENDINGS
    )


# Two singles after a single, with one separator: where a run may start (one letter before).
SPACED_SEED = re.compile(
    r"([ .\-_*])[^\W_]\1[^\W_](?![^\W_])(?<=(?<![^\W_])[^\W_][ .\-_*][^\W_][ .\-_*][^\W_])"
)


# A mask between a letter and a separator, a letter after, or a mask and two spaced letters at
# a word start: where a masked run may be (``t.h*.s``, ``s*.x.y``, ``*.n.l.y``), which
# SPACED_SEED does not find.
_MASK_SEED = re.compile(r"(?<=[^\W_])\*[ .\-_][^\W_]|(?<![\w*])\*([ .\-_])[^\W_]\1[^\W_]")


def spaced_hint(text: str) -> bool:
    """Whether stage 4 may find a run in ``text``."""
    return SPACED_SEED.search(text) is not None or (
        _mask_before_separator(text) and _MASK_SEED.search(text) is not None
    )


def _mask_before_separator(text: str) -> bool:
    return "* " in text or "*." in text or "*-" in text or "*_" in text


def spaced_edits(text: str, sources: bool) -> Iterator[Edit]:
    """Stage 4: try a run at the letter before each seed. A run may also start right after a
    single letter with another separator (``a f.u.c.k``), which the strict pattern refuses."""
    seed = SPACED_SEED.search(text)
    done = 0  # end of the last run joined: runs never overlap
    budget = [_SEGMENTED_PER_TEXT]
    masked = _MASK_SEED.search(text) if _mask_before_separator(text) else None
    while seed is not None or masked is not None:
        if masked is not None and (seed is None or masked.start() < seed.start() - 1):
            m = _masked_run(text, masked.start(), done)
            nxt = masked.start() + 1
        else:
            assert seed is not None
            at = seed.start() - 1
            m = _SPACED_RUN.match(text, at)
            end = at + 3 if m is None else m.end()
            if (m is None or m.group("sep") != "*") and "*" in text[end : end + 3]:
                # a mask right after the run, or in its last letter (``s.h.o*.l.d``)
                starred = _STARRED_RUN.match(text, at)
                if starred is not None and (m is None or starred.end() > m.end()):
                    m = starred
            if m is None and at > done:
                loose = _SPACED_RUN_AFTER_SINGLE.match(text, at)
                if loose is not None and text[at - 1] != loose.group("sep"):
                    m = loose
            nxt = seed.start() + 1
        if m is not None:
            repl, src, _ = _spaced_callback(m, budget)
            if repl != m.group():
                yield m.start(), m.end(), repl, src, None
            done = nxt = m.end()
        if seed is not None and seed.start() < nxt:
            seed = SPACED_SEED.search(text, nxt)
        if masked is not None and masked.start() < nxt:
            masked = _MASK_SEED.search(text, nxt)


def _masked_run(text: str, star: int, done: int) -> re.Match[str] | None:
    """A run through the mask at ``star``: after a letter, from the letter before that letter's
    separator, or from that letter; else from the mask."""
    for at in (star - 3, star - 1) if star and text[star - 1] != " " else (star,):
        if at >= done:
            m = _STARRED_RUN.match(text, at)
            if m is not None:
                return m
    return None


# --- 4a. spaced letters glued to l33t ------------------------------------------------------------

# Three spaced letters touching l33t: right before the first, or a separator before
# (``1m b e c1l3``, ``c0u n t r y``, ``b1.t.c.h``), or right after the last (``b u l l$h1t``); a
# letter may carry a mask (``4b.r.u.t*``).
_L, _S = r"[^\W\d_]", r"[ .\-_]"  # a letter, a separator
_GLUE_SEED = re.compile(
    rf"[013457$](?:(?P<lsep>{_S}?+){_L}\*?+(?P<sep>{_S}){_L}\*?+(?P=sep){_L}"
    rf"|(?<={_L}{_S}{_L}{_S}{_L}.)|(?<={_L}{_S}{_L}{_S}{_L}\*.)|(?<={_L}{_S}{_L}\*{_S}{_L}\*.))"
)
_GLUE = frozenset("013457$")
#: A glued fragment has at most this many characters, a glued run at most this many letters.
_MAX_FRAGMENT, _MAX_GLUED = 20, 40


# Two spaced letters (every glued run has them): l33t words without them are passed over.
_TWO_SPACED = re.compile(rf"({_S}){_L}\*?+\1{_L}")


def glued_hint(text: str) -> bool:
    """Whether stage 4a may find a run in ``text`` (cheapest test first)."""
    leet = LEET_SEED.search(text)  # l33t next to a letter: most texts have none
    if leet is None or _TWO_SPACED.search(text) is None:
        return False
    return _GLUE_SEED.search(text, max(0, leet.start() - 1)) is not None


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in "$*"


def _word_goes_on(ch: str) -> bool:
    """Whether a letter followed by ``ch`` is part of a word (``d o n't``), not a spaced one
    (l33t after it is glued, not a word)."""
    return ch == "'" or (_in_word(ch) and ch not in _GLUE)


def _single_before(text: str, end: int, sep: str, done: int) -> int | None:
    """Start of the spaced letter (and its mask) ending at ``end``, when it is one: a letter
    with a separator or a word boundary before it, not left of ``done``."""
    at = end - 1
    if at >= 0 and text[at] == "*":
        at -= 1
    if at < done or not text[at].isalpha():
        return None
    if at > 0 and text[at - 1] != sep and (_in_word(text[at - 1]) or text[at - 1] == "'"):
        return None  # the end of a word (``that's b u``)
    return at


def _glued_run(
    text: str, first: int, sep: str, lead_end: int | None, done: int
) -> tuple[int, int, list[int]] | None:
    """The glued run whose spaced letters start at ``first`` (or before it, for a run glued
    after its end: ``lead_end`` None), with the l33t fragment before it ending at ``lead_end``:
    its start, its end and where its characters are (separators left out). None when it touches
    no l33t, has fewer than three spaced letters or overlaps the last run (``done``)."""
    n = len(text)
    start = first
    if lead_end is None:  # back to the first spaced letter
        for _ in range(_MAX_GLUED):
            if first < 2 or text[first - 1] != sep:
                break
            unit = _single_before(text, first - 1, sep, done)
            if unit is None:
                break
            first = unit
        start = first
        if first > 0 and (_in_word(text[first - 1]) or text[first - 1] == "'"):
            return None  # the first letter is the end of a word
    else:
        start = lead_end
        while start > done and _in_word(text[start - 1]) and lead_end - start < _MAX_FRAGMENT:
            start -= 1
        if (start > 0 and _in_word(text[start - 1])) or "*" in text[start:lead_end]:
            return None
    keep = list(range(start, lead_end)) if lead_end is not None else []
    pos, units = first, 0
    while True:
        keep.append(pos)
        units += 1
        pos += 1
        if pos < n and text[pos] == "*":
            keep.append(pos)
            pos += 1
        nxt = pos + 1
        if units >= _MAX_GLUED or nxt >= n or text[pos] != sep or not text[nxt].isalpha():
            break
        after = nxt + 1
        if after < n and text[after] == "*":
            after += 1
        if after < n and _word_goes_on(text[after]):
            break  # a word, not a spaced letter
        pos = nxt
    end = pos
    glued = lead_end is not None
    if end < n and text[end] in _GLUE:  # the fragment after
        while end < n and _in_word(text[end]) and end - pos < _MAX_FRAGMENT:
            keep.append(end)
            end += 1
        if end < n and _in_word(text[end]):
            return None
        glued = True
    if not glued or units < 3:
        return None
    return start, end, keep


def glued_edits(text: str, sources: bool) -> Iterator[Edit]:
    """Stage 4a: spaced letters and the l33t fragments glued to them, joined into one word read
    as l33t when that makes a known word or known words (``1m b e c1l3`` -> ``imbecile``,
    ``c0u n t r y`` -> ``country``); at most ``_SEGMENTED_PER_TEXT`` letters of such runs are
    read per text (bounded work)."""
    done = 0
    budget = _SEGMENTED_PER_TEXT
    seed = _GLUE_SEED.search(text)
    while seed is not None and budget > 0:
        at = seed.start()
        found = None
        if at >= done:
            if seed.group("sep") is not None:
                lsep, sep = seed.group("lsep"), seed.group("sep")
                if not lsep or lsep == sep:
                    found = _glued_run(text, at + 1 + len(lsep), sep, at + 1, done)
            else:  # the last spaced letter before the l33t, or before its mask
                last = at - 2 if text[at - 1] == "*" else at - 1
                found = _glued_run(text, last, text[last - 1], None, done)
        nxt = at + 1
        if found is not None:
            start, end, keep = found
            budget -= len(keep)
            read = _glued_word_cached("".join([text[i] for i in keep]))
            if read is not None:
                repl, src = read
                yield start, end, repl, [keep[i] - start for i in src], None
                done = nxt = end
        seed = _GLUE_SEED.search(text, nxt)


def _glued_word(joined: str) -> tuple[str, tuple[int, ...]] | None:
    """The joined run read as l33t with its repeats squeezed, and the source (index in
    ``joined``) of each of its characters; cut into words when spaced words met; None unless it
    is a known word (a masked one fits one) or is cut into known words."""
    word = _leet_run(joined, "i")
    idx = list(range(len(word)))
    if not word.replace("*", "").isalpha() or not word.isascii():
        return None
    rank = _known_ranks()
    if _RUN3.search(word) is not None:
        for variant in _unrepeated(word):
            if _glued_known(variant, rank):
                word, idx = _squeezed_like(word, idx, variant)
                break
        else:
            squeezed, src = _squeeze_word_cached(word, True) if "*" not in word else (word, None)
            if src is not None:
                word, idx = squeezed, [idx[j] for j in src]
    if _glued_known(word, rank):
        return word, tuple(idx)
    cuts: tuple[int, ...] = ()
    if 5 <= len(word) <= _MAX_SEGMENTED:
        cuts = _segment_cached(word, tuple(c != "*" for c in word) if "*" in word else None)
    if not cuts:
        return None
    pieces = [word[a:b] for a, b in itertools.pairwise((0, *cuts, len(word)))]
    source = [idx[i] for i in range(cuts[0])]
    for a, b in itertools.pairwise((*cuts, len(word))):
        source.append(idx[a - 1])  # the space comes from the letter before
        source.extend(idx[i] for i in range(a, b))
    return " ".join(pieces), tuple(source)


_glued_word_cached = functools.lru_cache(maxsize=1024)(_glued_word)


def _glued_known(word: str, rank: dict[str, int]) -> bool:
    if "*" in word:
        return word.count("*") == 1 and _restored(word) is not None
    return word in _LEXICON or _known_form(word, rank)


def _squeezed_like(word: str, idx: list[int], variant: str) -> tuple[str, list[int]]:
    """``variant`` (``word`` with runs of one letter shortened) and the sources of its letters:
    each letter of ``variant`` taken from the next letter of ``word`` that matches it."""
    src, j = [], 0
    for ch in variant:
        while word[j] != ch:
            j += 1
        src.append(idx[j])
        j += 1
    return variant, src


# --- lexicon (l33t edges, masked words, repeats) ----------------------------------------------

_common_ranks, _known_ranks, _common_words = common_ranks, known_ranks, common_words

_TARGETS_ORDER = tuple(dict.fromkeys(TARGET_WORDS.split()))
_TARGETS = frozenset(_TARGETS_ORDER)
_LEXICON = _TARGETS | _words(PLAIN_WORDS)
_BY_SHAPE: dict[tuple[int, str], list[str]] = {}
for _w in _TARGETS_ORDER:  # by length and first letter, and by minus length and last letter
    _BY_SHAPE.setdefault((len(_w), _w[0]), []).append(_w)
    _BY_SHAPE.setdefault((-len(_w), _w[-1]), []).append(_w)


# --- 5. l33t ----------------------------------------------------------------------------------


# A l33t character next to a letter: where a word may need stage 5.
LEET_SEED = re.compile(r"[013457@$!](?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
_OTHER_DIGIT = re.compile(r"[^\D013457]")
_LEET_CHARS = "013457@$!"
_LEET_TRANS = str.maketrans({k: v for k, v in LEET.items() if k != "1"})
_LEET_TRANS_DIGITS = str.maketrans({k: v for k, v in LEET.items() if k not in "1!@"})
_LEET_WORD_REST = re.compile(r"(?:[^\W_]|[@$!])++")


def _run_around(chars: re.Pattern[str], text: str, at: int, lo: int) -> tuple[int, int]:
    """Bounds of the run of ``chars`` (a possessive pattern) through ``at``, not left of ``lo``."""
    left = chars.match(text[lo:at][::-1])
    right = chars.match(text, at)
    return at - (left.end() if left else 0), right.end() if right else at


def _leet_run(run: str, one: str) -> str:
    return run.replace("11", "ll").translate(_LEET_TRANS).replace("1", one)


# A l33t edge next to these is a number with its unit or ordinal (``3eme``, ``5min``, ``4ans``).
_NUMBER_SUFFIXES = _words(
    """st nd rd th er ere eres ers eme emes ieme iemes es min mn sec km kg cm mm ml cl go mo ko
    gb mb kb tb px ans an mois jour jours semaine semaines fois heure heures euro euros eur"""
)
_VOWEL = re.compile(r"[aeiouy]")
_LEET_IN = re.compile(r"[013457$@!]")
_LONG_NUMBER = re.compile(r"[0-9]{3}")
_PRICE = re.compile(r"\$[0-9]++(?:k|m|bn|b|mil|mio|md)?+|[a-z]{1,3}\$[0-9]{2,}+")
_DOUBLE = frozenset({"00", "33"})  # ``fr33``, ``l00k``: doubled vowels, not a number


# Three or more of one l33t vowel or ``$``, next to a letter and to no other digit: a stretched
# letter (``th1111s``, ``g0000d``), not a number (``1000km``, ``x1000``).
_LEET_RUN3 = re.compile(
    r"(?<=[^\W\d_])([0134$])\1{2,}+(?![0-9])|(?<![0-9])([0134$])\2{2,}+(?=[^\W\d_])"
)

_LEET_TRIPLES = ("000", "111", "333", "444", "$$$")  # a fast test before _LEET_RUN3
_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]")


def _leet_word(word: str) -> str:
    """Stage 5 on one word made of letters, digits and ``@$!``."""
    if _OTHER_DIGIT.search(word) is not None:
        return word
    if (
        any(triple in word for triple in _LEET_TRIPLES)
        and _LEET_RUN3.search(word) is not None
        and _TWO_LETTERS.search(word) is not None
    ):
        word = _LEET_RUN3.sub(lambda m: LEET[m.group()[0]] * len(m.group()), word)
    body = word.lstrip(_LEET_CHARS)
    lead = word[: len(word) - len(body)]
    body = body.rstrip(_LEET_CHARS)
    trail = word[len(lead) + len(body) :]
    if not body:
        return word
    full = _leet_run(body, "i")
    if lead or trail:
        lead_ok = len(lead) == 1 or sum(c.isdigit() for c in lead) < 2
        trail_ok = len(trail) == 1 or sum(c.isdigit() for c in trail) < 2
        for one in "il":  # a target word first (``1d10t``, ``merd3``)
            cand = (
                (_leet_run(lead, one) if lead_ok else lead)
                + full
                + (_leet_run(trail, one) if trail_ok else trail)
            )
            if cand in _TARGETS:
                return cand
            if "1" not in lead + trail:
                break
    core = word.rstrip("!")  # a ``!`` after the word is punctuation
    edges = _leet_edges(core) if core else None
    if edges is not None:
        return edges + word[len(core) :]
    if full in _TARGETS:
        return lead + full + trail
    # ``!`` and ``@`` between letters are often a missing space or an address: only digits
    # and ``$`` are converted when no target word comes out.
    return lead + body.replace("11", "ll").translate(_LEET_TRANS_DIGITS).replace("1", "i") + trail


def _leet_edges(word: str) -> str | None:
    """``word`` with its l33t edges converted when the rest is a word written in l33t
    (``4bout``, ``nic3``, ``ball$``, ``m41$``, ``1nt0``), else None.

    Left alone: words of fewer than four characters (``mp3``, ``4g``, ``1er``), runs of three
    digits (``b747``), prices (``$10k``, ``us$10``), a number and its unit or ordinal
    (``3eme``, ``5min``), one letter without ``$`` (``4x4``), two edge digits without other l33t
    unless doubled (``win10``, but ``fr33``), one edge ``5`` or ``7`` without other l33t
    (``iphone7``), one trailing digit on a body without vowel or l33t (``css3``), and ``@`` or
    ``!`` at an edge.
    """
    body = word.lstrip(_LEET_CHARS)
    lead = word[: len(word) - len(body)]
    body = body.rstrip(_LEET_CHARS)
    trail = word[len(lead) + len(body) :]
    if not (lead or trail) or len(word) < 4 or _LONG_NUMBER.search(word) is not None:
        return None
    if _PRICE.fullmatch(word) is not None:
        return None
    letters = sum(c.isalpha() for c in word)
    if letters < 2 and not (letters == 1 and "$" in word):
        return None
    if lead.isdigit() and (body + trail).rstrip(_LEET_CHARS) in _NUMBER_SUFFIXES:
        return None
    inner = _LEET_IN.search(body) is not None
    vowel = inner or _VOWEL.search(body) is not None

    def edge(run: str, other: str, is_trail: bool) -> str:
        if not run or "@" in run or "!" in run:
            return run
        digits = sum(c.isdigit() for c in run)
        if digits >= 2 and "$" not in word and not other and not inner and run not in _DOUBLE:
            return run  # a number glued to a word (win10)
        lone = digits == len(run) == 1 and not other and not inner
        if lone and (run in "57" or (is_trail and not vowel)):
            return run  # a model or a version (iphone7, top5, css3)
        return _leet_run(run, "i")

    new = edge(lead, trail, False) + _leet_run(body, "i") + edge(trail, lead, True)
    return new if new != word else None


_leet_word_cached = functools.lru_cache(maxsize=4096)(_leet_word)


def leet_edits(text: str, sources: bool) -> Iterator[Edit]:
    """Stage 5: each word (letters, digits, ``@$!``) around a seed, once."""
    pos = 0
    seed = LEET_SEED.search(text)
    while seed is not None:
        start, end = _run_around(_LEET_WORD_REST, text, seed.start(), pos)
        word = text[start:end]
        new = _leet_word_cached(word) if len(word) <= CACHED_WORD else _leet_word(word)
        if new != word:
            yield start, end, new, None, None
        pos = end
        seed = LEET_SEED.search(text, end)


# --- 6. masked words --------------------------------------------------------------------------

_MASKS = "*#%•"
# A word holding a mask, and the l33t around or in it (``$h*uld``, ``th*$``, ``$*ck$``; up to
# three l33t characters before its first letter: ``1d*0t``; a digit right before a mask is a
# number: ``4*ans``), also after the ``#`` of a hashtag (``#n*ws``; not ``page#p*rt``).
MASKED = re.compile(
    r"(?<![\w*%•$])(?<![\w*#%•$]#)"
    r"(?:[013457$]{0,3}+[^\W\d_][\w*#%•$]*?[*#%•][\w*#%•$]*+|\$?+\*(?=[^\W\d_])[\w*#%•$]*+)"
)


_MASK_RUN = re.compile(r"[*#%•]+")


def masked_callback(m: re.Match[str]) -> Result:
    s = m.group()
    if len(s) > CACHED_WORD:
        return _masked_word(s, _text_lang(m.string))
    en, fr, unsure = _masked_word_langs(s)
    if fr is None or unsure is None:  # the comment's language does not matter (most words)
        return en
    lang = _text_lang(m.string)
    return en if lang == "en" else fr if lang == "fr" else unsure


@functools.lru_cache(maxsize=4096)
def _masked_word_langs(s: str) -> tuple[Result, Result | None, Result | None]:
    """:func:`_masked_word` of ``s`` in an English, a French and a comment of neither; the
    last two None when all three agree."""
    en, fr, unsure = _masked_word(s, "en"), _masked_word(s, "fr"), _masked_word(s, "")
    return (en, None, None) if en == fr == unsure else (en, fr, unsure)


@functools.lru_cache(maxsize=8)
def _text_lang(text: str) -> str:
    """The language of ``text`` (its first 2,000 characters), or ``""`` when unsure: a masked
    word is read as a word of that language first (``b*en``: ``been`` in English)."""
    return guess_lang(text, default="")


_MASK_LEET = str.maketrans({k: v for k, v in LEET.items() if k in "013457$"})
#: Variants of a masked word with repeats tried at most (``haa*aate``, ``f*ckkk``).
_MAX_VARIANTS = 16


def _masked_word(s: str, lang: str = "") -> Result:
    if len(s) < 3 or "_" in s:
        return s, None, None
    if any(c.isdigit() or c == "$" for c in s):
        # l33t with the mask (``$h0*ld``): read as letters only into a word that fits
        plain = s.translate(_MASK_LEET)
        letters = sum(c.isalpha() for c in plain)  # l33t read as letters (``b*1$3``)
        if len(s) < _MIN_GUESSED or letters < 3 or any(c.isdigit() for c in plain):
            return s, None, None
        found = _restored(plain, lang)
        return (s if found is None else found), None, None
    found = _restored(s, lang)
    if found is not None:
        return found, None, None
    pieces: list[str] = []
    src: list[int] = []
    pos = 0
    for r in _MASK_RUN.finditer(s):
        if r.end() - r.start() == 1 and r.group() != "*":
            continue  # a lone # % •: a hashtag, an anchor (page#part)
        pieces.append(s[pos : r.start()] + "*")
        src.extend(range(pos, r.start() + 1))
        pos = r.end()
    pieces.append(s[pos:])
    src.extend(range(pos, len(s)))
    return "".join(pieces), tuple(src), None


def _target_fit(s: str) -> str | None:
    """The first target of the lexicon, of the length of ``s``, that its letters fit."""
    shape = (len(s), s[0]) if s[0] not in _MASKS else (-len(s), s[-1])
    for word in _BY_SHAPE.get(shape, ()):
        if all(c == w or c in _MASKS for c, w in zip(s, word, strict=True)):
            return word
    return None


def _restored(s: str, lang: str = "") -> str | None:
    """The word that the masked word ``s`` stands for: a target of the lexicon, else a known
    word (:func:`_common_fit`); else the same with its repeats squeezed, a mask inside or next
    to a run of one letter read as that letter (``haa*aate``, ``f*ckkk`` -> ``hate``,
    ``fuck``); else None."""
    found = _target_fit(s) or _common_fit(s, lang)
    if found is not None or len(s) > CACHED_WORD:
        return found
    variants = _unrepeated(s)
    for v in variants:
        if "*" not in v:
            if v in _LEXICON:
                return v
        elif (found := _target_fit(v)) is not None:
            return found
    for v in variants:
        if "*" not in v:
            if v in _known_ranks():
                return v
        elif (found := _common_fit(v, lang)) is not None:
            return found
    return None


def _unrepeated(s: str) -> list[str]:
    """``s`` with each run of three or more of one letter squeezed to one or two, first as it
    is, then with each ``*`` that makes such a run (or lengthens one) read as its letter."""
    bases = [s]
    for i, c in enumerate(s):
        if c != "*":
            continue
        for letter in {s[max(0, i - 1)], s[min(len(s) - 1, i + 1)]}:
            merged = s[:i] + letter + s[i + 1 :]
            if letter.isalpha() and _RUN3.search(merged[max(0, i - 2) : i + 3]) is not None:
                bases.append(merged)
    out: list[str] = []
    for base in bases:
        runs = [(r.start(), r.end(), r.group(1)) for r in _RUN3.finditer(base)]
        if not runs:
            continue
        for choice in itertools.product((1, 2), repeat=min(len(runs), 3)):
            pieces: list[str] = []
            pos = 0
            for (a, b, ch), k in zip(runs, choice, strict=False):
                pieces.append(base[pos:a] + ch * k)
                pos = b
            cand = "".join(pieces) + base[pos:]
            if cand not in out:
                out.append(cand)
            if len(out) >= _MAX_VARIANTS:
                return out
    return out


def _common_fit(s: str, lang: str = "") -> str | None:
    """The known word that ``s`` (masked with ``*`` only, more letters shown than hidden)
    fits, looked up among the words of its length and first (or last) letter: the most
    frequent one (in ``lang`` first, when given: words of the other language rank
    ``_OTHER_LANG`` lower), except in words of three letters when the next that fits is close
    (``f*n``: fun or fan); None when none fits."""
    hidden = s.count("*")
    if hidden == 0 or 2 * hidden >= len(s) or any(c in "#%•" for c in s):
        return None
    if s[0] != "*":
        bucket = _common_words().get((len(s), s[0]), ())
    elif s[-1] != "*":
        bucket = _common_words().get((-len(s), s[-1]), ())
    else:
        return None
    own = _lang_ranks()[0 if lang == "en" else 1] if lang in ("en", "fr") else None

    # inside words of 4+ letters, vowels hidden and the comment's language first (at an edge, a
    # mark may be punctuation: ``*it``, ``phones*``)
    inner = len(s) >= _MIN_GUESSED and s[0] != "*" and s[-1] != "*"
    other = _OTHER_LANG_INNER if inner else _OTHER_LANG

    def key(word: str, rank: int) -> int:
        if own is None:
            return rank
        mine = own.get(word)
        return rank + other if mine is None else mine

    # A word and a mark at its edge (``note*``: a footnote, a pattern) stays, unless the word
    # that fits is more frequent than the word shown (``hat*``: ``hate``).
    shown = _UNKNOWN
    if "*" in (s[0], s[-1]):
        visible = s.strip("*")
        known = _known_ranks().get(visible)
        shown = _UNKNOWN if known is None else key(visible, known)
    best: tuple[int, str] | None = None
    second = _UNKNOWN
    for rank, word in bucket:  # by rank, which is never above the key
        if rank >= shown or (best is not None and rank >= _DOMINANCE * (best[0] + 1)):
            break  # every other word that fits is rarer than the word shown, or far rarer
        if all(c in (w, "*") for c, w in zip(s, word, strict=True)):
            k = key(word, rank)
            if inner and any(
                c == "*" and w not in _MASKED_VOWELS for c, w in zip(s, word, strict=True)
            ):
                k += _CONSONANT_HIDDEN  # masks hide vowels: ``b*ise`` is no ``brise``
            if k >= shown:
                continue
            if best is None or k < best[0]:
                second = best[0] if best is not None else second
                best = k, word
            else:
                second = min(second, k)
    if best is None:
        return None
    # close rivals: the more frequent in a word of four letters or more (a wrong innocent word
    # costs less than a masked one), none in shorter ones
    if second < _DOMINANCE * (best[0] + 1) and len(s) < _MIN_GUESSED:
        return None
    return best[1]


_DOMINANCE = 2
_OTHER_LANG = 3000
_OTHER_LANG_INNER = 1 << 16  # above every rank: the comment's language first (``b*ise``)
#: Added to the key of a word that an inner mask fits by hiding a consonant (people mask vowels).
_CONSONANT_HIDDEN = 1 << 20
_MIN_GUESSED = MIN_GUESSED
_UNKNOWN = 1 << 30


# --- 7. repeats -------------------------------------------------------------------------------

_TRIPLE = re.compile(r"(.)\1{2,}+")
TRIPLE_HINT = re.compile(r"(.)\1\1")  # the same texts as _TRIPLE finds, faster
_RUN3 = re.compile(r"([^\W\d_])\1{2,}+")
_LETTERS = re.compile(r"[^\W\d_]++")
_VOWELS = frozenset("aeiouy")
_MAX_RUNS_TRIED = 4


def _squeeze_word(word: str, sources: bool) -> tuple[str, tuple[int, ...] | None]:
    """Stage 7 on one word of letters: the new word and (if asked) the source of each letter."""
    runs = [(r.start(), r.end(), r.group(1)) for r in _RUN3.finditer(word)]
    options: list[list[int]] = []
    voiced = any(c in _VOWELS for c in word)
    for a, b, ch in runs:
        lone = voiced and ch.isascii() and _lone_consonant(word, a, b)
        first = 1 if ch in _VOWELS or lone else 2
        options.append([first, 3 - first, 3] if b - a == 3 else [first, 3 - first])
    choices: Iterable[tuple[int, ...]] = [tuple(o[0] for o in options)]
    if len(runs) <= _MAX_RUNS_TRIED:
        choices = itertools.product(*options)
    best: tuple[str, tuple[int, ...] | None] | None = None
    common: tuple[int, str, tuple[int, ...] | None] | None = None
    known: tuple[int, str, tuple[int, ...] | None] | None = None
    rank, longer = _common_ranks(), _known_ranks()
    for choice in choices:
        pieces: list[str] = []
        src: list[int] = []
        pos = 0
        for (a, b, ch), n in zip(runs, choice, strict=True):
            pieces.append(word[pos:a])
            pieces.append(ch * n)
            if sources:
                src.extend(range(pos, a + n))
            pos = b
        pieces.append(word[pos:])
        src.extend(range(pos, len(word)) if sources else ())
        cand = "".join(pieces)
        if best is None:
            best = cand, tuple(src) if sources else None
        if cand in _LEXICON:
            return cand, tuple(src) if sources else None
        r = rank.get(cand)
        if r is not None and (common is None or r < common[0]):
            common = r, cand, tuple(src) if sources else None
        # the longer lists hold stretched words too (``nooo``): not those
        r = longer.get(cand) if common is None and _RUN3.search(cand) is None else None
        if r is not None and (known is None or r < known[0]):
            known = r, cand, tuple(src) if sources else None
    # else the most frequent common word that fits (``freeee``), else known word (``ccrever``)
    found = common or known
    if found is not None:
        return found[1], found[2]
    assert best is not None
    return best


def _lone_consonant(word: str, a: int, b: int) -> bool:
    """Whether the run ``word[a:b]`` of one consonant starts the word or touches another
    consonant (``ccrever``, ``hanndicapes``): where English and French never double one."""
    if a == 0:
        return True
    return word[a - 1] not in _VOWELS or (b < len(word) and word[b] not in _VOWELS)


_squeeze_word_cached = functools.lru_cache(maxsize=4096)(_squeeze_word)


def squeeze_edits(text: str, sources: bool) -> Iterator[Edit]:
    """Stage 7: each word holding three identical letters in a row, once."""
    pos = 0
    seed = _TRIPLE.search(text)
    while seed is not None:
        if _LETTERS.match(seed.group(1)) is None:
            seed = _TRIPLE.search(text, seed.end())
            continue
        start, end = _run_around(_LETTERS, text, seed.start(), pos)
        word = text[start:end]
        if len(word) <= CACHED_WORD:
            new, src = _squeeze_word_cached(word, sources)
        else:
            new, src = _squeeze_word(word, sources)
        if new != word:
            yield start, end, new, src, None
        pos = end
        seed = _TRIPLE.search(text, end)
