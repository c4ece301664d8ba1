"""Deterministic checks on a submission, each returning a :class:`Signal` or None.

Rules are pure: what they need from the store (the author's last comment, a duplicate, trust)
arrives in :class:`History`, and the time in :class:`Context`. They run in linear time on any
input. WordPress parity: link count, moderation and blocked words (matched against text, name,
url, email, ip and user agent), flood and duplicate checks, trusted authors, closed threads.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from modkit._decision import Action
from modkit._store import History
from modkit._text import find_links, fold, fold_map, normalize_text
from modkit._text_links import ANCHOR, BBCODE
from modkit._text_share import cached_analysis, cached_fold, cached_normalized, shared_links
from modkit._text_words import is_common_word

if TYPE_CHECKING:
    from modkit._policy import Policy
    from modkit._submission import Submission

__all__ = [
    "RULES",
    "Context",
    "Rule",
    "Signal",
    "WordHit",
    "WordMatcher",
    "count_links",
    "is_gibberish",
    "run_rules",
]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _empty() -> Mapping[str, Any]:
    return _EMPTY


# -- links -----------------------------------------------------------------------------------------

_MAX_LINK_SCAN = 1 << 20  # characters scanned for links (the text limit is far lower)


def count_links(text: str) -> int:
    """Count the links in ``text``: ``<a>`` tags, ``[url]`` BBCode, URLs and bare domains.

    A tag or BBCode link counts once, with the URL written inside it. The rest is counted by
    the scorer's own link finder, so obfuscated links (``www . site . com``, ``site(dot)com``)
    count too; within one check it reuses the scorer's reading of the text (also when the text
    holds no tag or BBCode link to strip). Runs in linear time.
    """
    text = text[:_MAX_LINK_SCAN]
    low = text.lower()
    if "<a" not in low and "[url" not in low:
        return len(shared_links(text))
    count = 0
    stripped = text
    if "<a" in low:
        stripped, n = ANCHOR.subn(" ", stripped)
        count += n
    if "[url" in low:
        stripped, n = BBCODE.subn(" ", stripped)
        count += n
    if not count:  # nothing stripped: the links of the text itself
        return len(shared_links(text))
    return count + len(find_links(stripped))


# -- words ---------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
# ASCII characters that are no part of a ``\w+`` word, for :func:`word_set`.
_ASCII_NON_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if _WORD.match(c) is None})


def word_set(text: str) -> frozenset[str]:
    """``frozenset(re.findall(r"\\w+", text))``; for ASCII text by one translation and a split,
    several times faster on a text at the length limit."""
    if text.isascii():
        return frozenset(text.translate(_ASCII_NON_WORD).split())
    return frozenset(_WORD.findall(text))


_MAX_MATCHES = 10
_MAX_QUOTE = 80  # characters of the original quoted in evidence
_MAX_LITERALS = 16  # phrases prefiltered by substring search, at most


@dataclass(frozen=True, slots=True)
class WordHit:
    """An entry found in a text: the entry (folded, as listed) and its span in the original."""

    entry: str
    start: int
    end: int


class _Entries:
    """Entries keyed by the form they are looked for in, and how to find them in a text."""

    __slots__ = ("_literals", "_pattern", "_tokens", "keys")

    def __init__(self, keys: Mapping[str, str], *, whole_words: bool) -> None:
        self.keys = dict(keys)  # key -> entry
        # Single-word keys are looked up in the text's words: linear in the text.
        self._tokens = frozenset(k for k in self.keys if whole_words and _WORD.fullmatch(k))
        rest = [k for k in self.keys if k not in self._tokens]
        self._pattern = _compile(rest, whole_words=whole_words) if rest else None
        # A text holding none of these (the longest word of each key) has no match: a few
        # substring searches are faster than the pattern's scan.
        literals = {max(k.split(), key=len) for k in rest}
        self._literals = tuple(literals) if len(literals) <= _MAX_LITERALS else ()

    def spans(
        self, text: str, words: frozenset[str] | None = None
    ) -> Iterator[tuple[str, int, int]]:
        """Yield ``(entry, start, end)`` for keys found in ``text``, in order: single words
        first (in a long text, only the first occurrence of each)."""
        if self._tokens:
            present = self._tokens.intersection(word_set(text) if words is None else words)
            if present:
                yield from self._token_spans(text, present)
        if self._pattern is not None and (
            not self._literals or any(lit in text for lit in self._literals)
        ):
            for m in self._pattern.finditer(text):
                yield self.keys[" ".join(m.group().split())], m.start(), m.end()

    def _token_spans(self, text: str, present: Set[str]) -> Iterator[tuple[str, int, int]]:
        """The single-word keys of ``text`` (``present``: those among its words) as
        :meth:`spans` yields them. In a long text with few of them, only the first occurrence of
        each, found by one search each (callers keep no other): reading every word in Python
        costs milliseconds on a text at the length limit.
        """
        if len(text) <= _SHORT_TEXT or len(present) > _MAX_SEARCHES:
            for m in _WORD.finditer(text):
                if m.group() in self._tokens:
                    yield self.keys[m.group()], m.start(), m.end()
            return
        first = []
        for token in present:
            found = _whole_word(token).search(text)
            if found is not None:
                first.append((found.start(), found.end(), token))
        for start, end, token in sorted(first):
            yield self.keys[token], start, end


_SHORT_TEXT = 2000  # characters: a text this short is read word by word
_MAX_SEARCHES = 32  # single-word keys searched one by one in a longer text, at most


@functools.lru_cache(maxsize=1024)
def _whole_word(word: str) -> re.Pattern[str]:
    """A pattern finding ``word`` (letters, digits, ``_``) where it is a whole word."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


class WordMatcher:
    """Find list entries in texts, insensitive to case, accents and obfuscation.

    An entry matches the text folded (:func:`modkit._text.fold`: case, accents, widths,
    invisibles, lookalike letters) or normalised as the scorer reads it (l33t, spaced and dotted
    letters, masks and repeats undone: ``c0nnard``, ``c.o.n.n.a.r.d``, ``connnnard``). With
    ``whole_words`` (the default) an entry matches only where it is not glued to other letters or
    digits ("cialis" does not match "specialist"); otherwise anywhere, as WordPress does. An entry
    may be a phrase or an IP prefix ("203.0.113.").
    """

    __slots__ = ("_entries", "_folded", "_normalized", "whole_words")

    def __init__(self, entries: Iterable[str], *, whole_words: bool = True) -> None:
        self.whole_words = whole_words
        folded: dict[str, str] = {}
        for entry in entries:
            key = fold(" ".join(entry.split()))
            if key:
                folded[key] = key
        self._entries = tuple(folded)
        self._folded = _Entries(folded, whole_words=whole_words)
        normalized: dict[str, str] = {}
        for key in self._entries:
            normalized.setdefault(normalize_text(key), key)
        normalized.pop("", None)
        self._normalized = _Entries(normalized, whole_words=whole_words)

    def __bool__(self) -> bool:
        return bool(self._entries)

    def __repr__(self) -> str:
        return f"WordMatcher({len(self._entries)} entries, whole_words={self.whole_words})"

    def find(self, folded_text: str, words: frozenset[str] | None = None) -> list[str]:
        """Return the entries found in an already :func:`~modkit._text.fold`-ed text (at most
        10), single words first; ``words`` may give the set of its words. Folded form only.
        """
        found: dict[str, None] = {}
        for entry, _, _ in self._folded.spans(folded_text, words):
            found[entry] = None
            if len(found) >= _MAX_MATCHES:
                break
        return list(found)

    def search(
        self,
        text: str,
        /,
        *,
        folded: str | None = None,
        normalized: str | None = None,
        words: frozenset[str] | None = None,
        normalized_words: frozenset[str] | None = None,
    ) -> list[WordHit]:
        """Return the entries found in ``text`` (at most 10, each once, in order of position),
        folded or normalised, with their span in ``text`` as the author wrote it.

        ``folded`` (``fold(text)``), its ``words``, ``normalized`` (``normalize_text(text)``;
        the empty string skips the normalised form) and its ``normalized_words`` may be given
        when the caller has them.
        """
        found = _first_spans(self._folded, fold(text) if folded is None else folded, words)
        hits: list[WordHit] = []
        if found:
            view = fold_map(text)
            hits = [WordHit(e, *view.original_span(a, b)) for e, (a, b) in found.items()]
        if self._normalized.keys and len(hits) < min(len(self._entries), _MAX_MATCHES):
            if normalized is None:
                norm, norm_words = normalize_text(text), None
            else:
                norm, norm_words = normalized, normalized_words
            more = _first_spans(self._normalized, norm, norm_words, skip=found)
            if more:
                full = cached_normalized(text)  # the offsets, only on a hit
                if full.text != norm:  # a ``normalized`` that was not normalize_text(text)
                    more = _first_spans(self._normalized, full.text, None, skip=found)
                hits += [WordHit(e, *full.original_span(a, b)) for e, (a, b) in more.items()]
        return sorted(hits, key=lambda h: (h.start, h.end))[:_MAX_MATCHES]


def _first_spans(
    entries: _Entries,
    text: str,
    words: frozenset[str] | None,
    skip: Mapping[str, object] = _EMPTY,
) -> dict[str, tuple[int, int]]:
    """The first span of each entry found in ``text`` and not in ``skip`` (at most 10)."""
    first: dict[str, tuple[int, int]] = {}
    for entry, a, b in entries.spans(text, words):
        if entry not in first and entry not in skip:
            first[entry] = (a, b)
            if len(first) + len(skip) >= _MAX_MATCHES:
                break
    return first


def _compile(entries: Sequence[str], *, whole_words: bool) -> re.Pattern[str]:
    parts = []
    for entry in sorted(entries, key=len, reverse=True):
        body = re.escape(entry).replace(r"\ ", r"\s+")
        if whole_words:
            if _WORD.match(entry[0]):
                body = r"(?<!\w)" + body
            if _WORD.match(entry[-1]):
                body += r"(?!\w)"
        parts.append(body)
    return re.compile("|".join(parts))


# -- signals and context ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Signal:
    """What one rule found: a reason ``code``, the ``action`` it asks for, message parameters
    and JSON-serialisable evidence. :meth:`Policy.combine` turns each into a :class:`Reason`;
    a code with no message in modkit's catalogue reads as the code ("too_loud": "too loud").
    """

    code: str
    action: Action
    params: Mapping[str, Any] = field(default_factory=_empty, hash=False)
    evidence: Mapping[str, Any] = field(default_factory=_empty, hash=False)
    template: str = ""  # message catalogue key, when not the code itself


@dataclass(frozen=True, slots=True)
class Context:
    """The time of the decision and the author's history (``memo`` caches per-submission work)."""

    now: datetime
    history: History = field(default_factory=History)
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


# WordPress checks the words against these fields; evidence never quotes the private ones.
_WORD_FIELDS: Final = ("text", "name", "url", "email", "ip", "user_agent")
_PRIVATE_FIELDS: Final = frozenset({"email", "ip"})


def _fields(submission: Submission) -> list[tuple[str, str]]:
    return [(name, value) for name in _WORD_FIELDS if (value := getattr(submission, name))]


class _FieldView:
    """One word-matched field of a submission, folded (and its words) and normalised."""

    __slots__ = ("folded", "name", "normalized", "normalized_words", "value", "words")

    def __init__(self, name: str, value: str) -> None:
        self.name = name
        self.value = value
        self.folded = cached_fold(value)
        self.words = word_set(self.folded)
        # Private fields are matched folded only (they are never quoted); the text is read
        # once per check, shared with the scorer.
        self.normalized = "" if name in _PRIVATE_FIELDS else cached_analysis(value).text
        self.normalized_words = word_set(self.normalized)


def _field_views(submission: Submission, ctx: Context) -> list[_FieldView]:
    """The views of every word-matched field, made once per context for both word lists."""
    cached = ctx.memo.get("word_fields")
    if cached is not None and cached[0] is submission:
        return cached[1]  # type: ignore[no-any-return]
    views = [_FieldView(name, value) for name, value in _fields(submission)]
    ctx.memo["word_fields"] = (submission, views)
    return views


def _word_signal(
    code: str, action: Action, matcher: WordMatcher, submission: Submission, ctx: Context
) -> Signal | None:
    """Evidence lists each match: the field and, unless private, the entry and the words as the
    author wrote them (``quote``, at most 80 characters)."""
    if not matcher:
        return None
    matches: list[dict[str, str]] = []
    for view in _field_views(submission, ctx):
        hits = matcher.search(
            view.value,
            folded=view.folded,
            normalized=view.normalized,
            words=view.words,
            normalized_words=view.normalized_words,
        )
        if hits and view.name in _PRIVATE_FIELDS:  # the entry could be the address itself
            matches.append({"field": view.name})
            continue
        for hit in hits:
            quote = " ".join(view.value[hit.start : hit.end].split())
            matches.append({"field": view.name, "word": hit.entry, "quote": quote[:_MAX_QUOTE]})
        if len(matches) >= _MAX_MATCHES:
            break
    if not matches:
        return None
    matches = matches[:_MAX_MATCHES]
    return Signal(code, action, {"field": matches[0]["field"]}, {"matches": matches})


# -- rules -----------------------------------------------------------------------------------------

Rule = Callable[["Submission", "Policy", Context], "Signal | None"]


def rule_honeypot(sub: Submission, policy: Policy, ctx: Context) -> Signal | None:
    """Reject when the hidden trap field was filled in (only bots see it)."""
    return Signal("honeypot", Action.REJECT) if sub.honeypot else None


def rule_closed(sub: Submission, policy: Policy, ctx: Context) -> Signal | None:
    """Reject on a post published more than ``close_after_days`` ago."""
    days = policy.close_after_days
    if days is None or sub.post_published_at is None:
        return None
    age = (ctx.now - sub.post_published_at).total_seconds() / 86400
    if age <= days:
        return None
    return Signal("closed", Action.REJECT, {"days": _num(days)}, {"age_days": round(age, 1)})


def rule_blocked_words(sub: Submission, policy: Policy, ctx: Context) -> Signal | None:
    """Reject when a blocked word appears in the text, name, url, email, ip or user agent."""
    return _word_signal("blocked_word", Action.REJECT, policy.blocked_matcher, sub, ctx)


def rule_duplicate(sub: Submission, policy: Policy, ctx: Context) -> Signal | None:
    """Reject the same text sent again recently by the same author on the same post."""
    return Signal("duplicate", Action.REJECT) if ctx.history.duplicate else None


def rule_too_fast(sub: Submission, policy: Policy, ctx: Context) -> Signal | None:
    """Hold a form sent less than ``min_seconds`` after it was displayed."""
    if policy.min_seconds <= 0 or sub.form_rendered_at is None:
        return None
    sent = sub.submitted_at or ctx.now
    elapsed = (sent - sub.form_rendered_at).total_seconds()
    if elapsed >= policy.min_seconds:
        return None
    shown = max(elapsed, 0.0)
    return Signal(
        "too_fast",
        Action.HOLD,
        {"seconds": round(shown, 1), "min_seconds": _num(policy.min_seconds)},
        {"seconds": round(elapsed, 3)},
    )


def rule_flood(sub: Submission, policy: Policy, ctx: Context) -> Signal | None:
    """Hold a comment from an author or IP that commented less than ``flood_seconds`` ago."""
    last = ctx.history.last_seen
    if policy.flood_seconds <= 0 or last is None:
        return None
    elapsed = (ctx.now - last).total_seconds()
    if elapsed >= policy.flood_seconds:
        return None
    shown = max(elapsed, 0.0)
    return Signal(
        "flood",
        Action.HOLD,
        {"seconds": round(shown, 1), "flood_seconds": _num(policy.flood_seconds)},
        {"seconds": round(elapsed, 3)},
    )


def rule_links(sub: Submission, policy: Policy, ctx: Context) -> Signal | None:
    """Hold a text with more than ``max_links`` links."""
    if policy.max_links is None:
        return None
    n = count_links(sub.text)
    if n <= policy.max_links:
        return None
    return Signal(
        "too_many_links",
        Action.HOLD,
        {"count": n, "max_links": policy.max_links},
        {"count": n, "max_links": policy.max_links},
    )


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT_RUN = re.compile(r"\d{5,}")
#: Texts shorter than this (in letters and digits) are never gibberish: "10/10", "2+2=4".
_GIBBERISH_MIN_ALNUM = 10
_GIBBERISH_HEAD = 2000  # characters read


def is_gibberish(text: str) -> bool:
    """Digit runs and letter strings with no word among them: "mbccff 27 kd 770969275".

    At least 30 % of the letters and digits are digits, with a run of five digits or more; no
    string of letters is a common French or English word or a function word, and there are at
    least two such strings (one when digits make 60 %, none when two long runs make the text).
    "RTX 4090 vs 4080", "Le 12/03/2024 à 14h30" and phone numbers in a sentence pass. Reads at
    most the first 2,000 characters.
    """
    head = cached_fold(text) if len(text) <= _GIBBERISH_HEAD else fold(text[:_GIBBERISH_HEAD])
    runs = len(_DIGIT_RUN.findall(head))
    if not runs:  # most texts: no need to count
        return False
    alnum = sum(ch.isalnum() for ch in head)
    if alnum < _GIBBERISH_MIN_ALNUM:
        return False
    digits = sum(ch.isdigit() for ch in head)
    if digits < 0.3 * alnum:
        return False
    from modkit._features import FUNCTION_WORDS  # numpy: not at import time

    words = _LETTERS.findall(head)
    if any(w in FUNCTION_WORDS or is_common_word(w) for w in words):
        return False
    if not words:
        return runs >= 2
    return len(words) >= (1 if digits >= 0.6 * alnum else 2)


def rule_gibberish(sub: Submission, policy: Policy, ctx: Context) -> Signal | None:
    """Hold a text that is digit runs and letter strings with no word in it."""
    if policy.hold_gibberish and is_gibberish(sub.text):
        return Signal("gibberish", Action.HOLD)
    return None


def rule_moderation_words(sub: Submission, policy: Policy, ctx: Context) -> Signal | None:
    """Hold when a moderation word appears in the text, name, url, email, ip or user agent."""
    return _word_signal("moderation_word", Action.HOLD, policy.moderation_matcher, sub, ctx)


def rule_first_comment(sub: Submission, policy: Policy, ctx: Context) -> Signal | None:
    """Hold a newcomer's comment when the site wants authors approved once by hand."""
    if policy.require_approved_author and not ctx.history.trusted:
        return Signal("first_comment", Action.HOLD)
    return None


RULES: Final[tuple[Rule, ...]] = (
    rule_honeypot,
    rule_closed,
    rule_blocked_words,
    rule_duplicate,
    rule_too_fast,
    rule_flood,
    rule_links,
    rule_gibberish,
    rule_moderation_words,
    rule_first_comment,
)


def run_rules(
    submission: Submission, policy: Policy, ctx: Context, rules: Iterable[Rule] = RULES
) -> list[Signal]:
    """Run ``rules`` in order and return the signals they raised."""
    signals = []
    for rule in rules:
        signal = rule(submission, policy, ctx)
        if signal is not None:
            signals.append(signal)
    return signals


def _num(value: float) -> float | int:
    """Show whole numbers without decimals in messages."""
    return int(value) if float(value).is_integer() else value
