"""Deterministic checks on a submission, each returning a :class:`Signal` or None.

Rules are pure: what they need from the store (the author's last comment, a duplicate, trust)
arrives in :class:`History`, and the time in :class:`Context`. They run in linear time on any
input. WordPress parity: link count, moderation and blocked words (matched against text, name,
url, email, ip and user agent), flood and duplicate checks, trusted authors, closed threads.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from modkit._decision import Action
from modkit._store import History

if TYPE_CHECKING:
    from modkit._policy import Policy
    from modkit._submission import Submission

__all__ = [
    "RULES",
    "Context",
    "Rule",
    "Signal",
    "WordMatcher",
    "count_links",
    "fold",
    "run_rules",
]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _empty() -> Mapping[str, Any]:
    return _EMPTY


# -- links -----------------------------------------------------------------------------------------

_ANCHOR = re.compile(r"<a\b[^<>]*>(?:[^<]*</a\s*>)?", re.IGNORECASE)
_BBCODE = re.compile(r"\[url\b[^\[\]]*\](?:[^\[]*\[/url\])?", re.IGNORECASE)
_MAX_LINK_SCAN = 1 << 20  # characters scanned for links (the text limit is far lower)


def count_links(text: str) -> int:
    """Count the links in ``text``: ``<a>`` tags, ``[url]`` BBCode, URLs and bare domains.

    A tag or BBCode link counts once, with the URL written inside it. The rest is counted by
    the scorer's own link finder, so obfuscated links (``www . site . com``, ``site(dot)com``)
    count too; within one check it reuses the scorer's reading of the text. Runs in linear time.
    """
    from modkit._text import find_links
    from modkit._text_share import shared_links

    text = text[:_MAX_LINK_SCAN]
    low = text.lower()
    if "<a" not in low and "[url" not in low:
        return len(shared_links(text))
    count = 0
    if "<a" in low:
        text, n = _ANCHOR.subn(" ", text)
        count += n
    if "[url" in low:
        text, n = _BBCODE.subn(" ", text)
        count += n
    return count + len(find_links(text))


# -- words -----------------------------------------------------------------------------------------

_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})
_WORD = re.compile(r"\w+")
_MAX_MATCHES = 10


def fold(text: str) -> str:
    """Return ``text`` case- and accent-insensitive: ``"Crédit ŒUVRE"`` -> ``"credit oeuvre"``."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    return _COMBINING.sub("", text).translate(_LIGATURES)


class WordMatcher:
    """Find list entries in texts, case- and accent-insensitive.

    With ``whole_words`` (the default) an entry matches only where it is not glued to other letters
    or digits ("cialis" does not match "specialist"); otherwise anywhere, as WordPress does. An
    entry may be a phrase or an IP prefix ("203.0.113.").
    """

    __slots__ = ("_entries", "_pattern", "_tokens", "whole_words")

    def __init__(self, entries: Iterable[str], *, whole_words: bool = True) -> None:
        self.whole_words = whole_words
        folded: dict[str, None] = {}
        for entry in entries:
            key = fold(" ".join(entry.split()))
            if key:
                folded[key] = None
        self._entries = tuple(folded)
        # Single-word entries are looked up in a set of the text's words: linear in the text.
        self._tokens = frozenset(e for e in self._entries if whole_words and _WORD.fullmatch(e))
        rest = [e for e in self._entries if e not in self._tokens]
        self._pattern = _compile(rest, whole_words=whole_words) if rest else None

    def __bool__(self) -> bool:
        return bool(self._entries)

    def __repr__(self) -> str:
        return f"WordMatcher({len(self._entries)} entries, whole_words={self.whole_words})"

    def find(self, folded_text: str, words: frozenset[str] | None = None) -> list[str]:
        """Return the entries found in an already :func:`fold`-ed text (at most 10).

        Single words come first, in order of appearance, then phrases and other entries.
        ``words`` may give the set of the text's words when the caller already has it.
        """
        found: dict[str, None] = {}
        if self._tokens:
            hits = self._tokens.intersection(_WORD.findall(folded_text) if words is None else words)
            if hits:  # in order of first appearance
                for word in _WORD.findall(folded_text):
                    if word in hits:
                        found[word] = None
                        if len(found) >= _MAX_MATCHES:
                            return list(found)
        if self._pattern is not None:
            for m in self._pattern.finditer(folded_text):
                found[" ".join(m.group().split())] = None  # the entry, spaces as listed
                if len(found) >= _MAX_MATCHES:
                    break
        return list(found)


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


def searchable(submission: Submission, ctx: Context) -> tuple[str, frozenset[str]]:
    """Return every word-matched field folded and joined, and its set of words (once per
    context): one pass serves both word lists, and fields are told apart only on a hit.
    """
    cached = ctx.memo.get("searchable")
    if cached is not None and cached[0] is submission:
        return cached[1]  # type: ignore[no-any-return]
    joined = fold("\x00".join(value for _, value in _fields(submission)))
    result = (joined, frozenset(_WORD.findall(joined)))
    ctx.memo["searchable"] = (submission, result)
    return result


def _word_signal(
    code: str, action: Action, matcher: WordMatcher, submission: Submission, ctx: Context
) -> Signal | None:
    if not matcher:
        return None
    joined, words = searchable(submission, ctx)
    if not matcher.find(joined, words):
        return None
    matches: list[dict[str, str]] = []
    for name, value in _fields(submission):
        for word in matcher.find(fold(value)):
            if name in _PRIVATE_FIELDS:  # the entry could be the address itself: name the field
                matches.append({"field": name})
                break
            matches.append({"field": name, "word": word})
        if len(matches) >= _MAX_MATCHES:
            break
    if not matches:
        return None
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
