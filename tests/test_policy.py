"""Policy: validation, dict and TOML loading, thresholds, and how signals become an action."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from modkit import Action, ConfigError, History, Policy, Signal, validate
from modkit._policy import DEFAULT_THRESHOLDS
from modkit.testing import sample_form

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
CLEAN = {"spam": 0.01, "toxicity": 0.01}


def decide(
    policy: Policy | None = None,
    scores: dict[str, float] | None = CLEAN,
    history: History | None = None,
    thresholds: Any = None,
    **form: Any,
) -> tuple[Action, tuple[str, ...]]:
    p = policy or Policy()
    action, reasons = p.decide(
        validate(sample_form(**form)),
        scores=scores,
        now=NOW,
        history=history,
        thresholds=p.effective_thresholds(thresholds),
    )
    return action, tuple(r.code for r in reasons)


# -- construction ----------------------------------------------------------------------------------


def test_defaults_are_wordpress_like() -> None:
    p = Policy()
    assert (p.max_links, p.min_seconds, p.flood_seconds, p.close_after_days) == (2, 3.0, 15.0, None)
    assert p.whole_words is True
    assert p.required_scores == ("spam", "toxicity")


def test_policy_is_frozen_and_hashable() -> None:
    p = Policy(blocked_words=["a"])
    with pytest.raises(AttributeError):
        p.max_links = 5  # type: ignore[misc]
    assert hash(p) == hash(Policy(blocked_words=("a",)))
    assert p == Policy(blocked_words=("a",))


def test_word_lists_are_normalised() -> None:
    p = Policy(moderation_words="viagra\n  casino  en  ligne \n\nviagra", blocked_words=["x", " "])
    assert p.moderation_words == ("viagra", "casino en ligne")
    assert p.blocked_words == ("x",)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"max_links": -1}, "max_links"),
        ({"max_links": 2.5}, "integer"),
        ({"max_links": True}, "integer"),
        ({"min_seconds": "3"}, "number"),
        ({"flood_seconds": float("inf")}, "finite"),
        ({"duplicate_seconds": -1}, "duplicate_seconds"),
        ({"close_after_days": "never"}, "close_after_days"),
        ({"whole_words": "yes"}, "true or false"),
        ({"accept_unscored": 1}, "true or false"),
        ({"moderation_words": 5}, "list of strings"),
        ({"blocked_words": ["ok", 3]}, "strings only"),
        ({"thresholds": {"spam": {"hold": 1.5}}}, "between 0 and 1"),
        ({"thresholds": {"spam": {"hold": 0.9, "reject": 0.5}}}, "above reject"),
        ({"thresholds": {"spam": {"block": 0.5}}}, "unknown level"),
        ({"thresholds": {"spam": 0.5}}, "hold"),
        ({"thresholds": ["spam"]}, "table"),
        ({"trusted_bypass": "spam"}, "reason codes"),
        ({"required_scores": [1]}, "reason codes"),
    ],
)
def test_invalid_values_are_config_errors(kwargs: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        Policy(**kwargs)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_from_dict_and_to_dict_round_trip() -> None:
    data = {
        "max_links": 5,
        "moderation_words": ["promo"],
        "blocked_words": ["casino"],
        "close_after_days": 30,
        "thresholds": {"spam": {"hold": 0.7, "reject": 0.99}},
        "trusted_bypass": ["spam"],
    }
    p = Policy.from_dict(data)
    assert p.max_links == 5
    assert p.thresholds["spam"]["reject"] == 0.99
    assert Policy.from_dict(p.to_dict()) == p
    assert "close_after_days" not in Policy().to_dict()  # None is left out (TOML has no null)


def test_from_dict_refuses_unknown_keys() -> None:
    with pytest.raises(ConfigError) as info:
        Policy.from_dict({"max_link": 3, "blocked": []})
    message = str(info.value)
    assert "'blocked', 'max_link'" in message
    assert "max_links" in message  # the known keys are listed


def test_from_dict_refuses_non_mappings() -> None:
    with pytest.raises(ConfigError):
        Policy.from_dict(["max_links"])  # type: ignore[arg-type]


TOML = """
max_links = 3
min_seconds = 5
moderation_words = ["promo", "gratuit"]
blocked_words = '''
casino
viagra
'''
close_after_days = 60

[thresholds.spam]
hold = 0.7
reject = 0.97

[thresholds.insult]
hold = 0.8
"""


def test_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(TOML, encoding="utf-8")
    p = Policy.from_toml(path)
    assert p.max_links == 3
    assert p.blocked_words == ("casino", "viagra")
    assert dict(p.thresholds["insult"]) == {"hold": 0.8}
    assert p.close_after_days == 60.0


def test_from_toml_table(tmp_path: Path) -> None:
    path = tmp_path / "modkit.toml"
    path.write_text("[server]\nport = 1\n[policy]\nmax_links = 9\n", encoding="utf-8")
    assert Policy.from_toml(path, table="policy").max_links == 9
    with pytest.raises(ConfigError, match=r"no \[moderation\] table"):
        Policy.from_toml(path, table="moderation")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("max_links = [", "not valid TOML"),
        ("max_linkz = 3", "unknown policy key"),
        ("max_links = 'two'", "integer"),
    ],
)
def test_from_toml_errors(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Policy.from_toml(path)
    assert fragment in str(info.value)
    assert "bad.toml" in str(info.value)


def test_from_toml_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read policy file"):
        Policy.from_toml(tmp_path / "absent.toml")


# -- thresholds ------------------------------------------------------------------------------------


def test_threshold_precedence() -> None:
    scorer = {"spam": {"hold": 0.4, "reject": 0.8}, "insult": {"hold": 0.6}}
    merged = Policy(thresholds={"spam": {"hold": 0.7}}).effective_thresholds(scorer)
    assert dict(merged["spam"]) == {"hold": 0.7}  # the policy's label replaces the scorer's
    assert dict(merged["insult"]) == {"hold": 0.6}  # the scorer's
    assert merged["toxicity"] == DEFAULT_THRESHOLDS["toxicity"]  # the default


def test_malformed_scorer_thresholds() -> None:
    with pytest.raises(ConfigError, match="scorer thresholds"):
        Policy().effective_thresholds({"spam": {"hold": 2}})


@pytest.mark.parametrize(
    ("scores", "action", "codes"),
    [
        ({"spam": 0.0, "toxicity": 0.0}, Action.ACCEPT, ("passed",)),
        ({"spam": 0.59, "toxicity": 0.49}, Action.ACCEPT, ("passed",)),
        ({"spam": 0.6, "toxicity": 0.0}, Action.HOLD, ("spam",)),
        ({"spam": 0.95, "toxicity": 0.0}, Action.REJECT, ("spam",)),
        ({"spam": 0.0, "toxicity": 0.5}, Action.HOLD, ("toxicity",)),
        ({"spam": 0.0, "toxicity": 0.91}, Action.REJECT, ("toxicity",)),
        ({"spam": 0.7, "toxicity": 0.95}, Action.REJECT, ("toxicity", "spam")),
        ({"spam": 0.1}, Action.HOLD, ("unscored",)),
        ({}, Action.HOLD, ("unscored",)),
        (None, Action.HOLD, ("unscored",)),
        ({"spam": 0.1, "toxicity": 0.1, "insult": 0.99}, Action.ACCEPT, ("passed",)),
    ],
)
def test_score_thresholds(
    scores: dict[str, float] | None, action: Action, codes: tuple[str, ...]
) -> None:
    assert decide(scores=scores) == (action, codes)


def test_sub_score_thresholds_when_configured() -> None:
    policy = Policy(thresholds={"insult": {"hold": 0.5, "reject": 0.9}})
    assert decide(policy, scores={**CLEAN, "insult": 0.6}) == (Action.HOLD, ("insult",))
    assert decide(policy, scores={**CLEAN, "insult": 0.95}) == (Action.REJECT, ("insult",))


def test_scorer_thresholds_are_used() -> None:
    assert decide(scores={"spam": 0.45, "toxicity": 0.0}, thresholds={"spam": {"hold": 0.4}})[
        0
    ] is (Action.HOLD)


def test_score_reason_carries_the_score() -> None:
    _, reasons = Policy().decide(
        validate(sample_form(lang="en")), scores={"spam": 0.97, "toxicity": 0.0}, now=NOW
    )
    reason = reasons[0]
    assert reason.code == "spam"
    assert dict(reason.evidence) == {"label": "spam", "score": 0.97, "threshold": 0.95}
    assert "0.97" in reason.message
    assert "0.95" in reason.message
    _, reasons = Policy().decide(
        validate(sample_form(lang="fr")), scores={"spam": 0.0, "toxicity": 0.93}, now=NOW
    )
    assert "toxicité" in reasons[0].message
    assert "0,93" in reasons[0].message


def test_accept_unscored_and_required_scores() -> None:
    assert decide(Policy(accept_unscored=True), scores=None) == (Action.ACCEPT, ("passed",))
    assert decide(Policy(required_scores=["spam"]), scores={"spam": 0.0}) == (
        Action.ACCEPT,
        ("passed",),
    )


# -- combining -------------------------------------------------------------------------------------


def test_reject_wins_over_hold_and_reasons_are_sorted() -> None:
    action, codes = decide(
        Policy(moderation_words=["promo"]),
        text="promo https://a.example https://b.example https://c.example",
        honeypot="x",
    )
    assert action is Action.REJECT
    assert codes == ("honeypot", "too_many_links", "moderation_word")


def test_trusted_author_skips_soft_holds() -> None:
    history = History(trusted=True)
    assert decide(scores=None, history=history) == (Action.ACCEPT, ("trusted",))
    assert decide(scores={"spam": 0.7, "toxicity": 0.0}, history=history) == (
        Action.ACCEPT,
        ("trusted",),
    )
    # not spared: toxicity, links, rejects
    assert decide(scores={"spam": 0.0, "toxicity": 0.6}, history=history) == (
        Action.HOLD,
        ("toxicity",),
    )
    assert decide(scores={"spam": 0.99, "toxicity": 0.0}, history=history)[0] is Action.REJECT


def test_trusted_reason_lists_what_was_waived() -> None:
    _, reasons = Policy(require_approved_author=True).decide(
        validate(sample_form()), scores=None, now=NOW, history=History(trusted=True)
    )
    assert [r.code for r in reasons] == ["trusted"]
    assert list(reasons[0].evidence["bypassed"]) == ["unscored"]


def test_newcomer_held_when_approval_required() -> None:
    assert decide(Policy(require_approved_author=True)) == (Action.HOLD, ("first_comment",))


def test_custom_bypass() -> None:
    policy = Policy(trusted_bypass=["too_many_links"])
    text = "https://a.example https://b.example https://c.example"
    assert decide(policy, text=text, history=History(trusted=True)) == (Action.ACCEPT, ("trusted",))


def test_combine_unknown_signal_code() -> None:
    action, reasons = Policy().combine(
        [Signal("custom_rule", Action.HOLD)], trusted=False, lang="en"
    )
    assert action is Action.HOLD
    assert reasons[0].message == "custom rule"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_passed_and_trusted_messages_in_both_languages(lang: str) -> None:
    _, passed = Policy().combine([], trusted=False, lang=lang)
    _, trusted = Policy().combine([], trusted=True, lang=lang)
    assert passed[0].code == "passed"
    assert trusted[0].code == "trusted"
    other = "en" if lang == "fr" else "fr"
    assert passed[0].message != Policy().combine([], trusted=False, lang=other)[1][0].message


def test_signals_hook_can_be_overridden() -> None:
    class NoLinks(Policy):
        def signals(self, submission: Any, context: Any) -> list[Signal]:
            return [s for s in super().signals(submission, context) if s.code != "too_many_links"]

    text = "https://a.example https://b.example https://c.example"
    assert decide(NoLinks(), text=text) == (Action.ACCEPT, ("passed",))
