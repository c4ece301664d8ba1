"""modkit: self-hosted comment moderation for French and English sites.

Validate comment-form data, keep the email and IP private, score spam and toxicity, and decide
(accept, hold or reject) with reasons::

    import modkit

    mod = modkit.Moderator(rules_only=True)       # or the shipped model: modkit.Moderator()
    decision = mod.check({"name": "Ana", "email": "ana@example.org", "text": "Bravo !"})
    decision.action, [r.code for r in decision.reasons]

Extension points: a scorer of your own follows :class:`ScorerProtocol`; a rule of your own
overrides :meth:`Policy.signals`, which receives a :class:`Context` (the time and the author's
:class:`History`) and returns :class:`Signal` objects; a store of your own follows :class:`Store`.

Nothing heavy is imported here: the model (scikit-learn) loads when a Moderator needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from modkit._decision import Action, Decision, Reason
from modkit._errors import (
    ConfigError,
    FieldError,
    ModelError,
    ModkitError,
    StoreError,
    UnknownDecisionError,
    ValidationError,
)
from modkit._moderator import Moderator
from modkit._policy import Policy
from modkit._public import PublicComment
from modkit._rules import Context, Signal
from modkit._scorer_protocol import ScorerProtocol
from modkit._store import History, MemoryStore, SQLiteStore, Store
from modkit._submission import Submission, validate
from modkit._version import __version__

if TYPE_CHECKING:
    from modkit._model import Scorer

__all__ = [
    "Action",
    "ConfigError",
    "Context",
    "Decision",
    "FieldError",
    "History",
    "MemoryStore",
    "ModelError",
    "Moderator",
    "ModkitError",
    "Policy",
    "PublicComment",
    "Reason",
    "SQLiteStore",
    "Scorer",
    "ScorerProtocol",
    "Signal",
    "Store",
    "StoreError",
    "Submission",
    "UnknownDecisionError",
    "ValidationError",
    "__version__",
    "validate",
]


def __getattr__(name: str) -> Any:
    """Import :class:`modkit.Scorer` (and scikit-learn with it) only when first used."""
    if name == "Scorer":
        from modkit._model import Scorer  # heavy: kept off `import modkit`

        globals()["Scorer"] = Scorer
        return Scorer
    raise AttributeError(f"module 'modkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
