"""The scoring heads: the names of what the model scores, in the order scores are reported."""

from __future__ import annotations

__all__ = ["HEADS", "POLICY_HEADS"]

#: Every head a model bundle may carry and a training row may inform.
HEADS: tuple[str, ...] = (
    "spam",
    "toxicity",
    "severe_toxicity",
    "insult",
    "threat",
    "obscene",
    "identity_attack",
)

#: Heads whose thresholds a trained model's manifest gives the default policy; the others are
#: recorded for sites to use. Identity attack and threat hold hate aimed at a group that uses no
#: insult word ("they are vermin", "they should be driven out"), which toxicity alone misses.
POLICY_HEADS: tuple[str, ...] = ("spam", "toxicity", "identity_attack", "threat")
