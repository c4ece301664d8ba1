"""The site's moderation policy: limits, word lists and thresholds, and how they make an action.

A :class:`Policy` is plain data (from keywords, a dict or a TOML file) plus pure methods:
:meth:`Policy.decide` turns a submission, its scores and the author's history into an action and
its reasons. Reject wins over hold, hold over accept. Nothing here reads a clock or a store.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import cached_property
from types import MappingProxyType
from typing import Any, Final

from modkit._decision import Action, Reason
from modkit._errors import ConfigError
from modkit._messages import reason_message
from modkit._rules import RULES, Context, Signal, WordMatcher, run_rules
from modkit._scorer_protocol import Thresholds, check_thresholds
from modkit._store import History
from modkit._submission import Submission

__all__ = ["DEFAULT_THRESHOLDS", "Policy"]

#: Used for a label when neither the policy nor the scorer gives thresholds for it.
DEFAULT_THRESHOLDS: Final[Thresholds] = MappingProxyType(
    {
        "spam": MappingProxyType({"hold": 0.6, "reject": 0.95}),
        "toxicity": MappingProxyType({"hold": 0.5, "reject": 0.9}),
    }
)
_DEFAULT_BYPASS: Final = frozenset({"unscored", "first_comment", "spam", "too_fast"})


def _number(
    name: str, value: object, *, integer: bool = False, optional: bool = False
) -> float | int | None:
    if value is None and optional:
        return None
    kind = int if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kind):
        want = "an integer" if integer else "a number"
        raise ConfigError(f"policy key {name!r} must be {want}, not {type(value).__name__}")
    if not math.isfinite(value) or value < 0:
        raise ConfigError(f"policy key {name!r} must be a finite number >= 0")
    return value


def _words(name: str, value: object) -> tuple[str, ...]:
    """A word list: a sequence of strings, or one string with an entry per line (as WordPress)."""
    if isinstance(value, str):
        items: Iterable[object] = value.splitlines()
    elif isinstance(value, list | tuple | frozenset | set):
        items = value
    else:
        raise ConfigError(f"policy key {name!r} must be a list of strings")
    out: dict[str, None] = {}
    for item in items:
        if not isinstance(item, str):
            raise ConfigError(f"policy key {name!r} must hold strings only")
        entry = " ".join(item.split())
        if entry:
            out[entry] = None
    return tuple(out)


def _codes(name: str, value: object) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ConfigError(f"policy key {name!r} must be a list of reason codes")
    codes = list(value)
    if not all(isinstance(c, str) and c for c in codes):
        raise ConfigError(f"policy key {name!r} must hold reason codes (strings)")
    return frozenset(codes)


def _labels(name: str, value: object) -> tuple[str, ...]:
    return tuple(sorted(_codes(name, value)))


@dataclass(frozen=True)
class Policy:
    """A site's moderation policy; every field has a WordPress-like default.

    ``max_links``: more links than this hold the comment (None: no limit).
    ``moderation_words`` / ``blocked_words``: entries that hold / reject when found in the text,
    name, url, email, ip or user agent (case- and accent-insensitive; ``whole_words`` or anywhere).
    ``min_seconds``: a form sent sooner after display is held (0: off).
    ``flood_seconds``: a second comment by the same author or IP sooner is held (0: off).
    ``duplicate_seconds``: the same text by the same author on the same post within this window
    is rejected.
    ``close_after_days``: comments on older posts are rejected (None: never closed).
    ``require_approved_author``: hold every comment of an author not approved before.
    ``hold_gibberish``: hold a text of digit runs and letter strings with no word in it (spam
    bots' "digit garbage").
    ``thresholds``: per score label, ``{"hold": x, "reject": y}``; a label given here replaces the
    scorer's for that label, and labels given nowhere use :data:`DEFAULT_THRESHOLDS`.
    ``required_scores``: labels that must be scored; a missing one holds (``unscored``), unless
    ``accept_unscored`` is true.
    ``trusted_bypass``: hold reasons a previously approved author is spared.

    Raises:
        ConfigError: a value of the wrong type or out of range.
    """

    max_links: int | None = 2
    moderation_words: tuple[str, ...] = ()
    blocked_words: tuple[str, ...] = ()
    whole_words: bool = True
    min_seconds: float = 3.0
    flood_seconds: float = 15.0
    duplicate_seconds: float = 86400.0
    close_after_days: float | None = None
    require_approved_author: bool = False
    hold_gibberish: bool = True
    thresholds: Thresholds = field(default_factory=dict, hash=False)
    required_scores: tuple[str, ...] = ("spam", "toxicity")
    accept_unscored: bool = False
    trusted_bypass: frozenset[str] = _DEFAULT_BYPASS

    def __post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        put("max_links", _number("max_links", self.max_links, integer=True, optional=True))
        put("moderation_words", _words("moderation_words", self.moderation_words))
        put("blocked_words", _words("blocked_words", self.blocked_words))
        for name in ("min_seconds", "flood_seconds", "duplicate_seconds"):
            put(name, float(_number(name, getattr(self, name)) or 0.0))
        days = _number("close_after_days", self.close_after_days, optional=True)
        put("close_after_days", None if days is None else float(days))
        for name in ("whole_words", "require_approved_author", "hold_gibberish", "accept_unscored"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(f"policy key {name!r} must be true or false")
        put("thresholds", check_thresholds(self.thresholds))
        put("required_scores", _labels("required_scores", self.required_scores))
        put("trusted_bypass", _codes("trusted_bypass", self.trusted_bypass))

    # -- loading -----------------------------------------------------------------------------------

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        """The keys a policy dict or TOML file may hold."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], /) -> Policy:
        """Build a policy from a mapping of its keys (lists for word lists and code sets).

        Raises:
            ConfigError: an unknown key, or a value of the wrong type or out of range.
        """
        if not isinstance(data, Mapping):
            raise ConfigError(f"a policy must be a table/dict, not {type(data).__name__}")
        known = set(cls.keys())
        unknown = sorted(str(k) for k in data if k not in known)
        if unknown:
            raise ConfigError(
                f"unknown policy key(s): {', '.join(map(repr, unknown))}; "
                f"known keys: {', '.join(cls.keys())}"
            )
        return cls(**dict(data))

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str], /, *, table: str | None = None) -> Policy:
        """Read a policy from a TOML file (top-level keys, or the keys of ``[table]``).

        Raises:
            ConfigError: the file cannot be read or parsed, or holds an unknown or invalid key.
        """
        try:
            with open(path, "rb") as fh:
                data: Any = tomllib.load(fh)
        except OSError as exc:
            raise ConfigError(
                f"cannot read policy file {os.fspath(path)!r}: {exc.strerror}"
            ) from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"policy file {os.fspath(path)!r} is not valid TOML: {exc}") from exc
        if table is not None:
            data = data.get(table)
            if not isinstance(data, dict):
                raise ConfigError(f"policy file {os.fspath(path)!r} has no [{table}] table")
        try:
            return cls.from_dict(data)
        except ConfigError as exc:
            raise ConfigError(f"policy file {os.fspath(path)!r}: {exc}") from None

    def to_dict(self) -> dict[str, Any]:
        """Return the policy as plain data (TOML-friendly: keys set to None are left out)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, frozenset):
                value = sorted(value)
            elif isinstance(value, Mapping):
                value = {k: dict(v) for k, v in value.items()}
            out[f.name] = value
        return out

    # -- deciding ----------------------------------------------------------------------------------

    @cached_property
    def moderation_matcher(self) -> WordMatcher:
        """The compiled moderation word list."""
        return WordMatcher(self.moderation_words, whole_words=self.whole_words)

    @cached_property
    def blocked_matcher(self) -> WordMatcher:
        """The compiled blocked word list."""
        return WordMatcher(self.blocked_words, whole_words=self.whole_words)

    def effective_thresholds(self, scorer: Thresholds | None = None) -> Thresholds:
        """Merge thresholds: the policy's labels over the scorer's over :data:`DEFAULT_THRESHOLDS`.

        Raises:
            ConfigError: the scorer's thresholds are malformed.
        """
        merged: dict[str, Mapping[str, float]] = dict(DEFAULT_THRESHOLDS)
        if scorer:
            merged.update(check_thresholds(scorer, where="scorer thresholds"))
        merged.update(self.thresholds)
        return merged

    def signals(self, submission: Submission, context: Context) -> list[Signal]:
        """Run the rules on ``submission``; override to add or drop rules."""
        return run_rules(submission, self, context, RULES)

    def score_signals(
        self, scores: Mapping[str, float] | None, thresholds: Thresholds
    ) -> list[Signal]:
        """Compare scores with thresholds; ``scores=None`` means nothing was scored.

        A required label without a score holds (``unscored``) unless ``accept_unscored``.
        """
        out: list[Signal] = []
        have = scores or {}
        missing = [label for label in self.required_scores if label not in have]
        if missing and not self.accept_unscored:
            out.append(
                Signal("unscored", Action.HOLD, {"labels": tuple(missing)}, {"missing": missing})
            )
        for label, levels in thresholds.items():
            score = have.get(label)
            if score is None:
                continue
            for level, action in (("reject", Action.REJECT), ("hold", Action.HOLD)):
                limit = levels.get(level)
                if limit is not None and score >= limit:
                    params = {"label": label, "score": float(score), "threshold": float(limit)}
                    out.append(Signal(label, action, params, params, template="score"))
                    break
        return out

    def decide(
        self,
        submission: Submission,
        *,
        scores: Mapping[str, float] | None,
        now: datetime,
        history: History | None = None,
        thresholds: Thresholds | None = None,
    ) -> tuple[Action, tuple[Reason, ...]]:
        """Return the action for ``submission`` and every reason, most severe first.

        ``scores=None`` means no scorer ran; ``thresholds`` are the effective ones (see
        :meth:`effective_thresholds`; default: this policy's over the defaults).
        """
        ctx = Context(now=now, history=history or History())
        if thresholds is None:
            thresholds = self.effective_thresholds()
        signals = self.signals(submission, ctx)
        signals += self.score_signals(scores, thresholds)
        return self.combine(signals, trusted=ctx.history.trusted, lang=submission.lang)

    def combine(
        self, signals: Iterable[Signal], *, trusted: bool, lang: str
    ) -> tuple[Action, tuple[Reason, ...]]:
        """Turn signals into the final action and reasons (trusted authors skip some holds)."""
        kept: list[Signal] = []
        bypassed: list[str] = []
        for signal in signals:
            if trusted and signal.action is Action.HOLD and signal.code in self.trusted_bypass:
                bypassed.append(signal.code)
            else:
                kept.append(signal)
        kept.sort(key=lambda s: -s.action.severity)
        action = Action.worst(*(s.action for s in kept))
        reasons = [
            Reason(
                s.code,
                reason_message(s.template or s.code, lang, **s.params),
                s.evidence,
                s.action,
            )
            for s in kept
        ]
        if trusted and (bypassed or action is Action.ACCEPT):
            reasons.append(
                Reason(
                    "trusted",
                    reason_message("trusted", lang),
                    {"bypassed": bypassed},
                    Action.ACCEPT,
                )
            )
        if not reasons:
            reasons.append(Reason("passed", reason_message("passed", lang), {}, Action.ACCEPT))
        return action, tuple(reasons)
