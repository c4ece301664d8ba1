"""The result of moderation: :class:`Action`, :class:`Reason` and :class:`Decision`."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from modkit._public import PublicComment

__all__ = ["Action", "Decision", "Reason"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _empty() -> Mapping[str, Any]:
    return _EMPTY


class Action(enum.StrEnum):
    """What to do with a comment. Compares and serialises as its string value."""

    ACCEPT = "accept"
    HOLD = "hold"
    REJECT = "reject"

    @property
    def severity(self) -> int:
        """0 accept, 1 hold, 2 reject: reject wins over hold, hold over accept."""
        return _SEVERITY[self]

    @classmethod
    def worst(cls, *actions: Action) -> Action:
        """Return the most severe of ``actions`` (``ACCEPT`` when none)."""
        return max(actions, key=_SEVERITY.__getitem__, default=cls.ACCEPT)


_SEVERITY = {Action.ACCEPT: 0, Action.HOLD: 1, Action.REJECT: 2}


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if not mapping:
        return _EMPTY
    if isinstance(mapping, MappingProxyType):
        return mapping
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a decision was taken: a stable snake_case ``code``, a ``message`` for people.

    ``evidence`` holds JSON-serialisable details (the score and threshold, the word matched, the
    link count); ``action`` is what this reason asked for on its own.
    """

    code: str
    message: str
    evidence: Mapping[str, Any] = field(default_factory=_empty, hash=False)
    action: Action = Action.HOLD

    def __post_init__(self) -> None:
        object.__setattr__(self, "evidence", _frozen(self.evidence))
        object.__setattr__(self, "action", Action(self.action))

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"code", "message", "action", "evidence"}``."""
        return {
            "code": self.code,
            "message": self.message,
            "action": self.action.value,
            "evidence": _plain(self.evidence),
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """A moderation decision: the action, the scores, every reason, and the public comment.

    ``id`` is a random hex string to quote in :meth:`modkit.Moderator.feedback`.
    """

    id: str
    action: Action
    scores: Mapping[str, float] = field(hash=False)
    reasons: tuple[Reason, ...]
    comment: PublicComment
    model_version: str | None = None
    lang: str = "fr"

    def __post_init__(self) -> None:
        object.__setattr__(self, "action", Action(self.action))
        object.__setattr__(self, "scores", _frozen(self.scores))
        object.__setattr__(self, "reasons", tuple(self.reasons))

    @property
    def codes(self) -> tuple[str, ...]:
        """The reason codes, in order."""
        return tuple(r.code for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict of the whole decision."""
        return {
            "id": self.id,
            "action": self.action.value,
            "scores": {k: float(v) for k, v in self.scores.items()},
            "reasons": [r.to_dict() for r in self.reasons],
            "comment": self.comment.to_dict(),
            "model_version": self.model_version,
            "lang": self.lang,
        }


def _plain(value: Any) -> Any:
    """Turn mapping proxies and tuples into dicts and lists for JSON."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        items = sorted(value) if isinstance(value, frozenset | set) else value
        return [_plain(v) for v in items]
    if isinstance(value, enum.Enum):
        return value.value
    return value
