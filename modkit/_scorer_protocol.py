"""The scorer contract: what any scorer provides, and the thresholds it may carry.

:class:`ScorerProtocol` is what :class:`modkit.Moderator` accepts as ``scorer=`` (the shipped
:class:`modkit.Scorer`, :class:`modkit.testing.FixedScorer`, or a site's own). Thresholds,
``{label: {"hold": x, "reject": y}}``, come from a scorer, a model manifest or a policy, and are
checked by :func:`check_thresholds` for all three.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final, Protocol, runtime_checkable

from modkit._errors import ConfigError, ModelError

__all__ = ["LEVELS", "ScorerProtocol", "Thresholds", "check_thresholds"]

#: ``{label: {"hold": x, "reject": y}}``: a score at or above a level asks for that action.
Thresholds = Mapping[str, Mapping[str, float]]

#: The levels a threshold table may set, mildest first.
LEVELS: Final = ("hold", "reject")


@runtime_checkable
class ScorerProtocol(Protocol):
    """What a scorer provides. Score keys are labels (``"spam"``, ``"toxicity"``, ``"insult"``,
    ``"threat"``, ``"obscene"``, ``"identity_attack"``, ``"severe_toxicity"``, any subset),
    values probabilities in [0, 1].

    Optional attributes: ``thresholds`` (``{label: {"hold": x, "reject": y}}``, used unless the
    policy sets its own) and ``version`` (copied into :attr:`Decision.model_version`).
    """

    def score(self, text: str, /) -> Mapping[str, float]:
        """Score one text."""
        ...

    def score_many(self, texts: Sequence[str], /) -> Sequence[Mapping[str, float]]:
        """Score many texts; one mapping per text, in order (a list)."""
        ...


def check_thresholds(
    value: object,
    *,
    where: str = "thresholds",
    error: type[ConfigError] | type[ModelError] = ConfigError,
) -> Thresholds:
    """Validate ``{label: {"hold": x, "reject": y}}`` and return a read-only copy.

    ``where`` names the table in messages; ``error`` is the exception raised (a policy's
    thresholds are a :class:`ConfigError`, a manifest's a :class:`ModelError`).

    Raises:
        ConfigError: (or ``error``) not a table, an empty label or level table, an unknown level,
            a value that is not a number in [0, 1], or hold above reject.
    """
    if not isinstance(value, Mapping):
        raise error(f"{where} must be a table of {{label: {{hold, reject}}}}")
    out: dict[str, Mapping[str, float]] = {}
    for label, levels in value.items():
        if not isinstance(label, str) or not label:
            raise error(f"{where}: labels must be non-empty strings")
        if not isinstance(levels, Mapping) or not levels:
            raise error(f"{where}.{label} must be a table with 'hold' and/or 'reject'")
        clean: dict[str, float] = {}
        for level, x in levels.items():
            if level not in LEVELS:
                raise error(f"{where}.{label}: unknown level {level!r} (known: 'hold', 'reject')")
            if isinstance(x, bool) or not isinstance(x, int | float) or not 0.0 <= x <= 1.0:
                raise error(f"{where}.{label}.{level} must be a number between 0 and 1")
            clean[level] = float(x)
        if "hold" in clean and "reject" in clean and clean["hold"] > clean["reject"]:
            raise error(f"{where}.{label}: hold ({clean['hold']}) is above reject")
        out[label] = MappingProxyType(clean)
    return MappingProxyType(out)
